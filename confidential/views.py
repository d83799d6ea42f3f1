"""The pages of "Waar kan ik terecht?": the router for everyone and the guide for managers.
Public, no login, nothing stored: the answers live only in the page's address."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from access import public_page
from confidential.constants import Danger
from confidential.forms import RouterForm
from confidential.router import danger_only, rank


@never_cache  # the answers are in the address: no copy in the page cache, the browser or a proxy
@public_page
@require_GET
def router(request: HttpRequest) -> HttpResponse:
    # Bound only when a question was answered: ?utm_source=… from an intranet link shows no errors.
    asked = any(name in request.GET for name in RouterForm.base_fields)
    form = RouterForm(request.GET if asked else None)
    ranked = rank(form.answers()) if asked and form.is_valid() else None
    # Someone in danger gets Direct hulp at once, even with the other questions unanswered.
    urgent = request.GET.get("gevaar") == Danger.YES
    first = danger_only() if urgent and ranked is None else None
    # The 24/7 Loket's number comes with every page (``help_line``, portal.navigation).
    context = {"form": form, "ranked": ranked, "urgent": first}
    return render(request, "confidential/router.html", context)


@public_page
@require_GET
def manager_guide(request: HttpRequest) -> HttpResponse:
    return render(request, "confidential/manager_guide.html")
