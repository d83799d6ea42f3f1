"""Pages of the organisation: units with their strength, the team tree, people."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from access import permission_required
from core import audit, htmx
from organisation import selectors
from organisation.models import Unit

PEOPLE_PER_PAGE = 50


@require_GET
@permission_required("organisation.view")
def unit_list(request: HttpRequest) -> HttpResponse:
    units = list(selectors.units_with_latest_strength())
    context = {"units": units, "totals": selectors.strength_totals(units)}
    return render(request, "organisation/unit_list.html", context)


@require_GET
@permission_required("organisation.view")
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = get_object_or_404(Unit, code=code)
    return render(request, "organisation/unit_detail.html", {"unit": unit, "tree": selectors.unit_tree(unit)})


@never_cache  # personal data: no copy in browser or proxy caches
@vary_on_headers("HX-Request")
@require_GET
@permission_required("people.view")
def person_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("zoek", "").strip()[:120]
    people = selectors.people_visible_to(request.user, search=search)
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {"page": page, "search": search}
    return htmx.render_page_or_part(request, "organisation/person_list.html", "organisation/_person_rows.html", context)


@never_cache  # personal data: no copy in browser or proxy caches
@require_GET
@permission_required("organisation.view")
def person_detail(request: HttpRequest, employee_number: str) -> HttpResponse:
    # 404, not 403, for someone out of reach: the answer must not reveal that the number exists.
    person = selectors.person_for_viewer(request.user, employee_number)
    if person is None:
        raise Http404
    audit.log_read(request, person)
    return render(request, "organisation/person_detail.html", {"person": person})
