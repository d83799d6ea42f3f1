"""Request ids (every request gets one, echoed in a response header and in every log line), the
Permissions-Policy header, the Dutch-first language rule and the whole-page cache."""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_VALID_INCOMING = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
logger = logging.getLogger("zorgwijzer.request")
_View = TypeVar("_View", bound=Callable[..., HttpResponse])


def current_request_id() -> str:
    return _request_id.get()


class RequestIdMiddleware:
    """Accepts a sane X-Request-ID from the reverse proxy or makes one, and logs each request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_INCOMING.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            if is_unlogged(request):
                return response
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    # The route pattern, not the concrete path: paths can contain employee numbers.
                    "path": route_of(request),
                    "status_code": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            _request_id.reset(token)


def unlogged(view: _View) -> _View:
    """Mark a view whose requests get no log line at all: one line per anonymous submission would
    give each response an exact time (docs/monitor.md, "Threat model")."""
    view.unlogged = True  # type: ignore[attr-defined]
    return view


def is_unlogged(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match is not None and getattr(match.func, "unlogged", False))


def route_of(request: HttpRequest) -> str:
    """The URL pattern that matched, e.g. ``/organisatie/medewerkers/<str:employee_number>/``."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route is not None:
        return "/" + match.route
    return "(unresolved)"


class DutchFirstMiddleware:
    """Dutch unless the user chose English with the language switch (cookie).

    The browser's Accept-Language is ignored on purpose: many work stations report en-US,
    while Zorgwijzer's audience reads Dutch first (docs/decisions.md).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class PublicPageCacheMiddleware:
    """Serves public pages to anonymous visitors from the whole-page cache (core.public_cache)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from core import public_cache

        key = public_cache.cache_key(request)
        if key is None:
            return self.get_response(request)
        page = cache.get(key)
        if page is not None:
            return public_cache.serve(request, page)
        response = self.get_response(request)
        if public_cache.cacheable(request, response):
            public_cache.store(request, response, key)
        return response


#: Device and tracking features Zorgwijzer never uses, denied to every page and frame: an injected
#: script or an embedded page cannot ask the visitor for them. Django's SecurityMiddleware does
#: not set this header. A feature a browser does not know is ignored by it.
DENIED_FEATURES = (
    "accelerometer",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header to every response (pages, API, static files, errors)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
