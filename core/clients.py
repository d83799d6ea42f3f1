"""Who a request came from, for per-client limits (selftests/limits.py, accounts/token_limits.py),
kept as a keyed hash so that no address is stored."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def client_address(request: HttpRequest) -> str:
    """The address the request came from. Behind the reverse proxy that is the last entry of
    X-Forwarded-For: the one the proxy added, which a visitor cannot forge (they can only put
    entries before it)."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        address = forwarded.rsplit(",", 1)[-1].strip() or address
    return _network(address)


def _network(address: str) -> str:
    """An IPv6 client usually holds a whole /64 and could step through it: count it as one."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def client_digest(purpose: str, request: HttpRequest) -> str:
    """The client's address as an HMAC with the SECRET_KEY, salted per ``purpose``: it cannot be
    read back or looked up without the key, and two limits cannot be linked."""
    return salted_hmac(purpose, client_address(request), algorithm="sha256").hexdigest()[:32]
