"""The anonymous rendering of a page that is personal for a logged-in user, from the whole-page
cache.

The home page shows a logged-in user what waits for them (names of people in their aftercare
steps, their own survey link), so it is not a ``public_page``: that mark would also exempt it
from the second factor. To an anonymous visitor it is the same page for everyone in a language,
so ``cached_for_anonymous`` keeps that rendering in the cache that serves the public pages
(``core.public_cache``: the same content version, the CSRF token swapped per visitor):

* the cache is used only for a ``GET`` without a session or messages cookie, not from htmx, by a
  visitor who is not logged in (checked here, after authentication: a user logged in by any other
  means never reads or fills it either);
* only a ``200`` that sets no cookie but the CSRF cookie is kept (``public_cache.cacheable``);
* every response, cached or not, tells browsers and proxies to keep no copy, as before
  (``never_cache``): a browser must not show the anonymous page after its user logged in.

docs/decisions.md: "Whole-page cache for anonymous visitors".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_request

from core import public_cache

View = Callable[..., HttpResponse]


def cache_key(request: HttpRequest) -> str | None:
    """The key of this request's anonymous page, or None when the request may not use it."""
    if not settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS:
        return None
    if request.method != "GET" or "HTTP_HX_REQUEST" in request.META:
        return None
    # These pages ignore the query string; caching each variant would let anyone fill the shared
    # cache (and push out sessions and rate limits) with ``/?n=1…N``.
    if request.META.get("QUERY_STRING"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    if getattr(request, "user", None) is None or request.user.is_authenticated:
        return None
    language = get_language_from_request(request)
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"anonymous-page:{public_cache.content_version()}:{language}:{path}"


def cached_for_anonymous(view: View) -> View:
    """Serve the view's anonymous rendering from the cache; run it for everyone else."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = cache_key(request)
        page = cache.get(key) if key is not None else None
        if page is not None:
            response = public_cache.serve(request, page)
        else:
            response = view(request, *args, **kwargs)
            if key is not None and _nothing_personal_added(request) and public_cache.cacheable(request, response):
                public_cache.store(request, response, key)
        add_never_cache_headers(response)
        return response

    return wrapped


def _nothing_personal_added(request: HttpRequest) -> bool:
    """The view wrote nothing to this visitor's session or messages. (``cacheable`` sees the
    response before the session and messages middleware add their cookies, so it cannot tell.)"""
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)
