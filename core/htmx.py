"""htmx: whether a request asks for the changed part of a page only, and rendering either."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def wants_partial(request: HttpRequest) -> bool:
    """True for an htmx request that swaps part of the page; False for a full page load and for
    htmx's history restore (after the cache is gone it needs the whole page again)."""
    details = getattr(request, "htmx", None)  # set by django_htmx.middleware.HtmxMiddleware
    return bool(details and not details.history_restore_request)


def render_page_or_part(request: HttpRequest, page: str, part: str, context: dict[str, Any]) -> HttpResponse:
    """The whole page, or only the part an htmx swap replaces (``part`` is included by ``page``).

    Views using this vary on ``HX-Request`` (``@vary_on_headers("HX-Request")``), so a cache never
    serves the part as the page.
    """
    return render(request, part if wants_partial(request) else page, context)
