"""A bound on refused API-token attempts per client, so nobody can try tokens without end.

Each refused token (unknown, mistyped, revoked, expired, or without the endpoint's scope) counts
for the client address it came from (``core.clients.client_address``: behind the reverse proxy
the address the proxy added). Once a client has ``ACCOUNTS_API_TOKEN_FAILURES_PER_MINUTE``
refusals in a clock minute, every refused token from it gets 429 instead of 401 until that minute
is over. A valid token still passes: guesses from an address the real system shares (a NAT, a
gateway) must not lock it out, and a 256-bit token cannot be guessed anyway; the limit bounds the
audit rows and warnings a client can cause. Only the start of a block is recorded (one ``throttled`` audit row
and one ``api_token_refused`` warning per client per minute), not every blocked request, so a
flood cannot fill the audit trail; the request log keeps its usual line per request.

What is kept: a counter under a salted hash of the client's address (an HMAC with the SECRET_KEY),
for two minutes at most; no token, no prefix. With a shared cache (Redis, ``CACHES``) it is one
limit for all server processes; with the default per-process cache each process counts for
itself, which still bounds every process.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.clients import client_digest

#: Refused attempts per client per clock minute when the setting is absent; 0 switches the limit off.
DEFAULT_FAILURES_PER_MINUTE = 20
WINDOW_SECONDS = 60
_KEY_PREFIX = "api-token-failures"


def _limit() -> int:
    return int(getattr(settings, "ACCOUNTS_API_TOKEN_FAILURES_PER_MINUTE", DEFAULT_FAILURES_PER_MINUTE))


def _key(request: HttpRequest, window: int) -> str:
    return f"{_KEY_PREFIX}:{window}:{client_digest(_KEY_PREFIX, request)}"


def _window() -> tuple[int, int]:
    """The current clock minute and the seconds left in it (at least 1)."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    return window, max(1, int((window + 1) * WINDOW_SECONDS - now))


def failure_note(request: HttpRequest) -> None:
    """Count one refused token of this client in the current minute."""
    if _limit() <= 0:
        return
    key = _key(request, _window()[0])
    cache.add(key, 0, timeout=2 * WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=2 * WINDOW_SECONDS)


def blocked(request: HttpRequest) -> tuple[int, bool] | None:
    """None when this client may present a token now; otherwise the seconds until it may again,
    and whether this is the first blocked request of the minute (the one to record)."""
    limit = _limit()
    if limit <= 0:
        return None
    window, seconds_left = _window()
    key = _key(request, window)
    if int(cache.get(key, 0)) < limit:
        return None
    first = cache.add(f"{key}:blocked", 1, timeout=2 * WINDOW_SECONDS)
    return seconds_left, bool(first)
