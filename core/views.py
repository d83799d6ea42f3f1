"""Pages every visitor can reach: home, the 'Direct hulp' page, health check and error pages."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core import health
from core.permissions import public_page, roles_of
from organisation.constants import Role

logger = logging.getLogger(__name__)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    labels = dict(Role.choices)
    role_labels = [labels[role] for role in sorted(roles_of(request.user)) if role in labels]
    return render(request, "core/home.html", {"role_labels": role_labels})


@public_page
@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """'Direct hulp': emergency numbers and the 24/7 Loket. Always reachable, no login."""
    phone = settings.ZORGWIJZER_LOKET_247_PHONE
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return render(request, "core/help.html", {"loket_phone": phone, "loket_phone_digits": digits})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
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
