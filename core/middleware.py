"""Request ids (every request gets one, echoed in a response header and in every log line), the
Permissions-Policy header, the Dutch-first language rule, the whole-page cache, and a clean 503
page when the database cannot be reached or written."""

from __future__ import annotations

import contextvars
import functools
import logging
import re
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.signals import got_request_exception
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext

from core.database_faults import database_cause

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
    """Serves public pages, and the anonymous rendering of pages marked ``cached_for_anonymous``,
    to anonymous visitors from the whole-page cache (core.public_cache), before the session,
    authentication and template machinery runs."""

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
        public_cache.keep(request, response, key)
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


# --- The database is down, read-only or full ------------------------------------------------

database_logger = logging.getLogger("zorgwijzer.database")
#: Seconds after which a client may try again (the Retry-After header of the 503).
RETRY_AFTER_SECONDS = 30


def _note_database_error(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """An exception outside a view (in a middleware, e.g. loading the session or the user) is
    turned into a 500 response by Django before an outer middleware sees it: remember on the
    request that the cause was the database, so ``DatabaseUnavailableMiddleware`` can say so."""
    error = database_cause(sys.exc_info()[1])
    if request is not None and error is not None:
        request._database_error = error  # type: ignore[attr-defined]


def _noting_session_save(request: HttpRequest, save: Callable[..., Any]) -> Callable[..., Any]:
    """The session's ``save``, noting a database failure on the request. Django's session
    middleware reports a failed save as "the session was deleted" (a 400, without the cause)."""

    def save_noting_database_errors(*args: Any, **kwargs: Any) -> Any:
        try:
            return save(*args, **kwargs)
        except Exception as error:
            cause = database_cause(error)
            if cause is not None:
                request._database_error = cause  # type: ignore[attr-defined]
            raise

    return save_noting_database_errors


got_request_exception.connect(_note_database_error, dispatch_uid="core.middleware.database_error")


def database_unavailable_response(request: HttpRequest, error: BaseException) -> HttpResponse:
    """The 503 for a database failure: a Dutch (or the visitor's English) page that needs no
    database, without any trace of the error, and one log line with the cause for the operator.
    Whatever the request was writing was in a transaction, which the database rolled back."""
    detail = str(error).strip().splitlines()
    database_logger.error(
        "database unavailable (%s: %s); answered 503",
        type(error).__name__,
        detail[0][:200] if detail else "",
        # The traceback goes to the log (never to the visitor): a lock timeout or a broken
        # migration is also an OperationalError, and the operator must be able to tell it apart.
        exc_info=error,
        extra={
            "event": "database_unavailable",
            "status_code": 503,
            "method": request.method,
            "path": "(anonymous)" if is_unlogged(request) else route_of(request),
        },
    )
    # The language the visitor chose (cookie); Accept-Language is dropped by DutchFirstMiddleware.
    with translation.override(translation.get_language_from_request(request)):
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse(
                {
                    "detail": gettext(
                        "Zorgwijzer is even niet bereikbaar door een storing. "
                        "Probeer het over een paar minuten opnieuw."
                    )
                },
                status=503,
            )
        else:
            context = {"request_id": getattr(request, "request_id", "")}
            response = HttpResponse(loader.get_template("503.html").render(context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A lost, read-only or full database gives a clean 503 instead of a server error.

    ``process_exception`` catches it from a view; from a middleware further in, Django has already
    made a 500 response (or, for a failed session save, a 400), which is replaced here
    (``_note_database_error`` and the session's noting ``save`` marked the request).
    The next request needs nothing special: Django checks a kept connection before using it
    (``CONN_HEALTH_CHECKS``) and opens a new one, so the app reconnects by itself once the database
    is back. Place it right after ``RequestIdMiddleware``, so the 503 carries the request id.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        error = getattr(request, "_database_error", None)
        if error is not None and response.status_code in (400, 500):
            return database_unavailable_response(request, error)
        return response

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> None:
        session = getattr(request, "session", None)
        if session is not None:
            session.save = _noting_session_save(request, session.save)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        error = database_cause(exception)
        if error is not None:
            return database_unavailable_response(request, error)
        return None


class SessionlessViewMiddleware:
    """Answers views marked ``sessionless`` (``core.public``: public, and knowing no user by
    construction) before the session, CSRF, authentication, two-factor and messages middleware:
    they would load nothing such a view uses. Placed after ``LocaleMiddleware`` (the answer is in
    the visitor's language) and before ``SessionMiddleware``. The response gets the framing
    header that ``XFrameOptionsMiddleware`` would add; such views answer JSON, to which a content
    security policy does not apply. Which paths lead to such a view is remembered per URLconf."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.urls import get_urlconf

        match = _sessionless_match(get_urlconf() or settings.ROOT_URLCONF, request.path_info)
        if match is None:
            return self.get_response(request)
        request.resolver_match = match
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return _framing.process_response(request, response)


#: Django's own framing header (X_FRAME_OPTIONS, ``xframe_options_exempt``), as it would add it.
_framing = XFrameOptionsMiddleware(lambda request: HttpResponse())


@functools.lru_cache(maxsize=4096)
def _sessionless_match(urlconf: str, path: str) -> Any:
    from django.urls import Resolver404, resolve

    from core.public import is_public, is_sessionless

    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return match if is_public(match.func) and is_sessionless(match.func) else None
