"""htmx: whether a request asks for the changed part of a page only."""

from __future__ import annotations

from django.http import HttpRequest


def wants_partial(request: HttpRequest) -> bool:
    """True for an htmx request that swaps part of the page; False for a full page load and for
    htmx's history restore (after the cache is gone it needs the whole page again)."""
    details = getattr(request, "htmx", None)  # set by django_htmx.middleware.HtmxMiddleware
    return bool(details and not details.history_restore_request)
