"""The facts & figures page: public, because every number on it is an aggregate, published fact."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from access import public_page
from figures import selectors


@public_page
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    strengths = selectors.latest_unit_strengths()
    tables = selectors.year_tables()
    context = {
        "strengths": strengths,
        "strength_totals": selectors.unit_strength_totals(strengths),
        "reference_date": strengths[0].reference_date if strengths else None,
        "absence": tables.get("verzuim"),
        "reports": tables.get("beroepsrisico-meldingen"),
        "violence": tables.get("geweld-top-10"),
    }
    return render(request, "figures/overview.html", context)
