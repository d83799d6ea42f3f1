"""Whole-page cache for public pages seen by anonymous visitors.

The catalogue, health themes, facts and self-test start pages are the same for every anonymous
visitor in a language, so their rendered responses are kept in the cache and served before the
session, authentication, two-factor and template machinery runs (the ``make bench`` target for
the catalogue is half the speed of a bare Django view). Rules:

* only ``GET`` requests to views marked with ``access.public_page``, without a session
  or messages cookie (so never for a logged-in user) and not from htmx (partial responses);
* only ``200`` responses that set no cookie other than the CSRF cookie and are not private;
* the key holds the full path with query string, the language and a content version;
* the page's CSRF token is swapped for a fresh one for each visitor (their own cookie secret), so
  forms such as the language switch keep working and no visitor gets another's token;
* any save or delete of public content (catalogue, health themes, figures) bumps the content
  version in this process; other processes pick the change up at once with a shared cache
  (Redis), else within ``ZORGWIJZER_PUBLIC_PAGE_SECONDS`` (docs/decisions.md: "Whole-page cache
  for anonymous visitors").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware import csrf
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.translation import get_language_from_request

from core.public import is_public

#: Apps whose models are public content: a change to any of them empties the page cache.
PUBLIC_CONTENT_APPS = frozenset({"catalogue", "healththemes", "figures"})

_VERSION_KEY = "public-page:version"
_TOKEN_PLACEHOLDER = b"\x00zw-csrf-token\x00"
_TOKEN_RE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_UNCACHED_HEADERS = frozenset({"set-cookie", "x-request-id", "content-length"})


@dataclass(frozen=True)
class CachedPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]


def content_version() -> int:
    return int(cache.get_or_set(_VERSION_KEY, 1, None) or 1)


def content_changed(sender: Any, **_: Any) -> None:
    """Receiver of every model's save, delete and many-to-many change: when the model is public
    content (an m2m signal's sender is the through model of the same app), forget every page."""
    if sender._meta.app_label not in PUBLIC_CONTENT_APPS:
        return
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)


def cache_key(request: HttpRequest) -> str | None:
    """The key of this request's page, or None when the request may not use the page cache."""
    if not settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS:
        return None
    if request.method != "GET" or "HTTP_HX_REQUEST" in request.META:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    if not _is_public_path(get_urlconf() or settings.ROOT_URLCONF, request.path_info):
        return None
    language = get_language_from_request(request)
    # A digest, not the path: a path can be long (a cache backend then warns with the key in the
    # log) and can carry a questionnaire token, which must never reach a log line.
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-page:{content_version()}:{language}:{path}"


@lru_cache(maxsize=4096)
def _is_public_path(urlconf: str, path: str) -> bool:
    """Whether the path resolves to a public view; remembered per URLconf, which only changes
    with a deployment (or a test's override, which has its own key)."""
    try:
        return is_public(resolve(path, urlconf).func)
    except Resolver404:
        return False


def cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    cache_control = {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}
    return not cache_control & {"private", "no-store", "no-cache"}


def store(request: HttpRequest, response: HttpResponse, key: str) -> None:
    content = response.content
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        content = _TOKEN_RE.sub(
            lambda found: _TOKEN_PLACEHOLDER if _is_token_for(found.group(), secret) else found.group(), content
        )
    headers = tuple((name, value) for name, value in response.items() if name.lower() not in _UNCACHED_HEADERS)
    cache.set(key, CachedPage(content, headers), settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS)


def _is_token_for(candidate: bytes, secret: str) -> bool:
    return csrf._does_token_match(candidate.decode("ascii"), secret)  # type: ignore[attr-defined, no-any-return]


_csrf_middleware = csrf.CsrfViewMiddleware(lambda request: HttpResponse())


def serve(request: HttpRequest, page: CachedPage) -> HttpResponse:
    """A cached page with this visitor's own CSRF token (and cookie, when they had none)."""
    content = page.content
    if _TOKEN_PLACEHOLDER in content:
        _csrf_middleware.process_request(request)
        content = content.replace(_TOKEN_PLACEHOLDER, csrf.get_token(request).encode("ascii"))
    response = HttpResponse(content)
    for name, value in page.headers:
        response[name] = value
    if _TOKEN_PLACEHOLDER in page.content:
        _csrf_middleware.process_response(request, response)
    return response
