"""Whole-page cache for public pages seen by anonymous visitors.

The catalogue, health themes, facts and self-test start pages are the same for every anonymous
visitor in a language, so their rendered responses are kept in the cache and served before the
session, authentication, two-factor and template machinery runs (the ``make bench`` target for
the catalogue is half the speed of a bare Django view). Rules:

* only ``GET`` requests to views marked with ``access.public_page`` (or, without a query string,
  with ``core.anonymous_page.cached_for_anonymous``), without a session or messages cookie (so
  never for a logged-in user) or Authorization header, and not from htmx (partial responses);
* only ``200`` responses that set no cookie other than the CSRF cookie and are not private;
* the key holds the host name, the full path with query string, the language and a content
  version;
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
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.middleware import csrf
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.cache import add_never_cache_headers
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
    #: Served with headers that forbid browsers and proxies to keep a copy (set per response, so
    #: that its Expires is now): the anonymous rendering of a page that is personal when logged in.
    never_cache: bool = False


def _fresh_version() -> int:
    """Where the version starts when the cache does not have it (first use, a flushed or restarted
    cache, an evicted key): a random number, so that a version seen before the loss is not seen
    again after it and a process may keep what it derived from one version in its own memory
    (``selftests.presentation.instrument_links``)."""
    return secrets.randbelow(2**52) + 1


def content_version() -> int:
    return int(cache.get_or_set(_VERSION_KEY, _fresh_version, None) or 1)


def content_changed(sender: Any, **_: Any) -> None:
    """Receiver of every model's save, delete and many-to-many change: when the model is public
    content (an m2m signal's sender is the through model of the same app), forget every page."""
    if sender._meta.app_label not in PUBLIC_CONTENT_APPS:
        return
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, _fresh_version(), None)


def cache_key(request: HttpRequest) -> str | None:
    """The key of this request's page, or None when the request may not use the page cache: a
    ``public_page`` view, or a view marked ``cached_for_anonymous`` (core.anonymous_page) when the
    request has no query string."""
    kind = _request_kind(request)
    if kind is None or (kind == ANONYMOUS and request.META.get("QUERY_STRING")):
        return None
    language = get_language_from_request(request)
    # The host (checked against ALLOWED_HOSTS here) is part of the key, without the port: one site
    # may answer on several names, and every web process behind the proxy shares the pages.
    domain, _port = split_domain_port(request.get_host())
    # A digest, not the path: a path can be long (a cache backend then warns with the key in the
    # log) and can carry a questionnaire token, which must never reach a log line.
    path = hashlib.sha256(f"{domain}\n{request.get_full_path()}".encode()).hexdigest()
    return f"public-page:{content_version()}:{language}:{path}"


def keep(request: HttpRequest, response: HttpResponse, key: str) -> None:
    """Store the page the stack produced for ``key`` when it may be kept: the whole response as
    the visitor got it (security policy, language, Vary headers included). A page that is personal
    for a logged-in user (``cached_for_anonymous``) is kept only when its view's decorator marked
    the request: after authentication the visitor was anonymous and nothing was written to their
    session or messages. Such a page is served with headers that forbid any copy elsewhere, as the
    decorator gave it."""
    kind = _request_kind(request)
    if kind == ANONYMOUS and not getattr(request, ANONYMOUS_RENDERING, False):
        return
    never_cache = kind == ANONYMOUS
    if cacheable(request, response, never_cache=never_cache):
        store(request, response, key, never_cache=never_cache)


#: The request attribute ``cached_for_anonymous`` sets on a rendering the page cache may keep.
ANONYMOUS_RENDERING = "zw_anonymous_rendering"


def _request_kind(request: HttpRequest) -> str | None:
    """``PUBLIC`` or ``ANONYMOUS`` when the request may use the page cache, else None. Never with a
    session or messages cookie (a logged-in user, or a message for this visitor), nor with an
    Authorization header: Zorgwijzer's pages know a user only by the session, and a request that
    carries any other credentials is not taken for anonymous either."""
    if not settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS:
        return None
    if request.method != "GET" or "HTTP_HX_REQUEST" in request.META or "HTTP_AUTHORIZATION" in request.META:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    return _path_kind(get_urlconf() or settings.ROOT_URLCONF, request.path_info)


PUBLIC = "public"
ANONYMOUS = "anonymous"


@lru_cache(maxsize=4096)
def _path_kind(urlconf: str, path: str) -> str | None:
    """Whether the path resolves to a public view or to one cached for anonymous visitors;
    remembered per URLconf, which only changes with a deployment (or a test's override, which has
    its own key)."""
    try:
        view = resolve(path, urlconf).func
    except Resolver404:
        return None
    if is_public(view):
        return PUBLIC
    return ANONYMOUS if getattr(view, "zw_cached_for_anonymous", False) else None


def cacheable(request: HttpRequest, response: HttpResponse, *, never_cache: bool = False) -> bool:
    """A ``200`` that sets no cookie but the CSRF cookie (a session or messages cookie means
    something was written for this visitor) and that allows caching (``never_cache``: the page
    forbids copies in browsers and proxies, not in this server-side cache)."""
    if response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    if never_cache:
        return True
    cache_control = {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}
    return not cache_control & {"private", "no-store", "no-cache"}


def store(request: HttpRequest, response: HttpResponse, key: str, *, never_cache: bool = False) -> None:
    content = response.content
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        content = _TOKEN_RE.sub(
            lambda found: _TOKEN_PLACEHOLDER if _is_token_for(found.group(), secret) else found.group(), content
        )
    headers = tuple((name, value) for name, value in response.items() if name.lower() not in _UNCACHED_HEADERS)
    cache.set(key, CachedPage(content, headers, never_cache), settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS)


def _is_token_for(candidate: bytes, secret: str) -> bool:
    return csrf._does_token_match(candidate.decode("ascii"), secret)  # type: ignore[attr-defined, no-any-return]


_csrf_middleware = csrf.CsrfViewMiddleware(lambda request: HttpResponse())


def _masked_token(request: HttpRequest) -> str:
    """``csrf.get_token`` with the same effect (the visitor's secret, or a new one for a new CSRF
    cookie; the secret masked with a fresh mask), drawing its random characters from one
    ``os.urandom`` read instead of one per character: on a cached page the token was a third of
    the time the request took."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        secret = _random_chars(csrf.CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_chars(csrf.CSRF_SECRET_LENGTH)
    chars = csrf.CSRF_ALLOWED_CHARS
    cipher = "".join(chars[(chars.index(x) + chars.index(y)) % len(chars)] for x, y in zip(secret, mask, strict=True))
    return mask + cipher


#: Random bytes at or above this are skipped, so that every allowed character is equally likely.
_UNBIASED_BELOW = 256 - 256 % len(csrf.CSRF_ALLOWED_CHARS)


def _random_chars(length: int) -> str:
    """``length`` characters drawn uniformly from the CSRF alphabet with the operating system's
    CSPRNG (rejection sampling: no modulo bias)."""
    chars = csrf.CSRF_ALLOWED_CHARS
    drawn: list[str] = []
    while len(drawn) < length:
        drawn.extend(chars[byte % len(chars)] for byte in secrets.token_bytes(length) if byte < _UNBIASED_BELOW)
    return "".join(drawn[:length])


def serve(request: HttpRequest, page: CachedPage) -> HttpResponse:
    """A cached page with this visitor's own CSRF token (and cookie, when they had none)."""
    content = page.content
    if _TOKEN_PLACEHOLDER in content:
        _csrf_middleware.process_request(request)
        content = content.replace(_TOKEN_PLACEHOLDER, _masked_token(request).encode("ascii"))
    response = HttpResponse(content)
    for name, value in page.headers:
        response[name] = value
    if _TOKEN_PLACEHOLDER in page.content:
        _csrf_middleware.process_response(request, response)
    if page.never_cache:
        add_never_cache_headers(response)
    return response
