"""The pages of "Waar kan ik terecht?": the router for everyone and the guide for managers.
Public, no login, nothing stored: the answers live only in the page's address."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from access import public_page
from catalogue.help_lines import help_lines
from confidential.forms import RouterForm
from confidential.router import rank


@public_page
@require_GET
def router(request: HttpRequest) -> HttpResponse:
    form = RouterForm(request.GET or None)
    ranked = rank(form.answers()) if form.is_bound and form.is_valid() else None
    context = {"form": form, "ranked": ranked, "lines": help_lines() if ranked else None}
    return render(request, "confidential/router.html", context)


@public_page
@require_GET
def manager_guide(request: HttpRequest) -> HttpResponse:
    return render(request, "confidential/manager_guide.html")
