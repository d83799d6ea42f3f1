"""The site's own pages: the home page and 'Direct hulp' (the audit trail is in ``views_audit``)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from access import public_page, roles_of
from organisation.constants import Role


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    labels = dict(Role.choices)
    role_labels = [labels[role] for role in sorted(roles_of(request.user)) if role in labels]
    return render(request, "portal/home.html", {"role_labels": role_labels})


@public_page
@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """'Direct hulp': emergency numbers and the 24/7 Loket. Always reachable, no login."""
    phone = settings.ZORGWIJZER_LOKET_247_PHONE
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return render(request, "portal/help.html", {"loket_phone": phone, "loket_phone_digits": digits})
