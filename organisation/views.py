"""Pages of the organisation: units with their strength, the team tree, people."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core import audit, permissions
from core.permissions import permission_required
from organisation import selectors
from organisation.models import Person, Unit


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


@require_GET
@permission_required("people.view")
def person_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("zoek", "").strip()[:120]
    page = Paginator(selectors.people_visible_to(request.user, search=search), 50).get_page(request.GET.get("pagina"))
    template = "organisation/_person_rows.html" if request.htmx else "organisation/person_list.html"  # type: ignore[attr-defined]
    return render(request, template, {"page": page, "search": search})


@require_GET
@permission_required("organisation.view")
def person_detail(request: HttpRequest, employee_number: str) -> HttpResponse:
    people = Person.objects.select_related("team", "team__unit", "manager")
    person = get_object_or_404(people, employee_number=employee_number)
    if not permissions.can_view_person(request.user, person):
        raise PermissionDenied
    audit.log_read(request, person)
    return render(request, "organisation/person_detail.html", {"person": person})
