"""The anonymous rendering of a page that is personal for a logged-in user, from the whole-page
cache.

The home page shows a logged-in user what waits for them (names of people in their aftercare
steps, their own survey link), so it is not a ``public_page``: that mark would also exempt it
from the second factor. To an anonymous visitor it is the same page for everyone in a language,
so ``cached_for_anonymous`` keeps that rendering in the cache that serves the public pages
(``core.public_cache``: the same key rules and content version, the CSRF token swapped per
visitor):

* ``PublicPageCacheMiddleware`` serves it, before sessions and authentication run, only for a
  ``GET`` without a query string, a session or messages cookie or an Authorization header, not
  from htmx (``public_cache.cache_key``). Such a request cannot be a logged-in user: Zorgwijzer's
  pages know a user by the session only (``tests/test_public_cache_pages.py`` holds that);
* the middleware keeps the whole response (with the headers every later middleware added) only
  when the decorator below marked the request: after authentication the visitor is not logged in
  (however recognised) and the view wrote nothing to their session or messages; and only a
  ``200`` that sets no cookie but the CSRF cookie (``public_cache.keep``);
* every response, cached or not, tells browsers and proxies to keep no copy, as before
  (``never_cache``): a browser must not show the anonymous page after its user logged in.

docs/decisions.md: "Whole-page cache for anonymous visitors".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from core import public_cache

View = Callable[..., HttpResponse]


def cached_for_anonymous(view: View) -> View:
    """Let the page cache keep the view's anonymous rendering (``PublicPageCacheMiddleware``
    stores and serves it); run it for everyone else."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if _is_anonymous(request) and _nothing_personal_added(request):
            setattr(request, public_cache.ANONYMOUS_RENDERING, True)
        add_never_cache_headers(response)
        return response

    wrapped.zw_cached_for_anonymous = True  # type: ignore[attr-defined]
    return wrapped


def _is_anonymous(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def _nothing_personal_added(request: HttpRequest) -> bool:
    """The view wrote nothing to this visitor's session or messages. (``cacheable`` sees the
    response before the session and messages middleware add their cookies, so it cannot tell.)"""
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)
