"""Catalogue pages under /zorgwijzer/: readable by every visitor, no login (no personal data)."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from access import public_page
from catalogue import search, selectors
from catalogue.constants import BATTERY_HELP, CONFIDENTIALITY_PROMISE, Battery
from catalogue.models import Edition, Provision

OVERVIEW_CACHE_SECONDS = 60 * 60
SEARCH_LIMIT = 10
SEARCH_MAX_LENGTH = 100


@public_page
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    edition = selectors.current_edition()
    chosen = request.GET.get("batterij", "")
    if chosen not in Battery.values:
        chosen = ""
    # Everyday words ("kanker", "ziek door mijn werk"): ranked by catalogue/search.py, as the API's ?q=.
    query = " ".join(request.GET.get("zoek", "").split())[:SEARCH_MAX_LENGTH]
    if query:
        results = search.search_provisions(edition, query, limit=SEARCH_LIMIT)
        context = {"edition": edition, "query": query, "results": results, "batteries": Battery.choices}
        return render(request, "catalogue/overview.html", context)
    groups_html = _overview_groups(edition, chosen) if edition is not None else ""
    context = {"edition": edition, "groups_html": groups_html, "chosen": chosen, "batteries": Battery.choices}
    return render(request, "catalogue/overview.html", context)


def _overview_groups(edition: Edition, chosen: str) -> str:
    """The provision cards per battery. A published edition never changes (only concept editions
    can be edited), so the rendered cards are cached per edition, filter and language."""
    key = f"catalogue:overview:{edition.pk}:{edition.published_at:%Y%m%d%H%M%S%f}:{chosen}:{get_language()}"

    def render_groups() -> str:
        provisions = list(selectors.provisions(edition))
        groups = [
            {
                "battery": battery,
                "help": BATTERY_HELP[battery],
                "provisions": [p for p in provisions if getattr(p, battery)],
            }
            for battery in Battery
            if not chosen or battery == chosen
        ]
        return render_to_string("catalogue/_overview_groups.html", {"groups": groups})

    html: str = cache.get_or_set(key, render_groups, OVERVIEW_CACHE_SECONDS) or ""
    return mark_safe(html)  # noqa: S308 - rendered from our own template


@public_page
@require_GET
def provision_detail(request: HttpRequest, slug: str) -> HttpResponse:
    edition = selectors.current_edition()
    provision = selectors.provision(edition, slug)
    if provision is None:
        raise Http404
    return render(request, "catalogue/provision_detail.html", detail_context(request, edition, provision))


def detail_context(request: HttpRequest, edition: Edition | None, provision: Provision) -> dict[str, Any]:
    """What the provision body (catalogue/_provision_body.html) needs, contact for the visitor's unit included."""
    units = selectors.units()
    return {
        "edition": edition,
        "provision": provision,
        "promise": CONFIDENTIALITY_PROMISE[provision.confidentiality],  # type: ignore[index]
        "battery_labels": [Battery(value).label for value in provision.batteries],
        "contact": selectors.contact_for(provision.channels.all(), selectors.visitor_unit(request, units)),
        "units": units,
    }


@public_page
@require_GET
def expert_list(request: HttpRequest) -> HttpResponse:
    edition = selectors.current_edition()
    units = selectors.units()
    unit = selectors.visitor_unit(request, units)
    experts = [(expert, selectors.contact_for(expert.channels.all(), unit)) for expert in selectors.experts(edition)]
    context = {"edition": edition, "experts": experts, "units": units, "unit": unit}
    return render(request, "catalogue/expert_list.html", context)
