"""The health checks and the error pages (the site's own pages are in ``portal``)."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core import health
from core.middleware import unlogged

logger = logging.getLogger(__name__)


@unlogged
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: this process answers HTTP. No database, cache or queue is asked, so a load
    balancer may probe it as often as it likes; the deep check is ``readyz``. In production
    ``core.health.LivenessMiddleware`` answers before the session layer; this view is the same
    answer without it."""
    return health.alive_response()


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers and the task queue is being worked (``core.health``)."""
    report = health.check()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # Rendered without a request context: the failure may lie in a context processor.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({}), status=500)
