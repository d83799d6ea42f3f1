"""The functioneel beheerder's role pages: who holds which role where, granting and revoking.

Thin views: the rules (which role takes which scope, no self-revoke) live in
``organisation.services``; these pages parse input, call the service and show its messages.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from access import permission_required
from core import htmx
from core.forms import search_filters
from organisation import selectors, services
from organisation.forms import RoleFilterForm, RoleGrantForm
from organisation.models import OrgNode, Person, RoleAssignment
from organisation.presentation import Picker, PickerOption

ROLES_PER_PAGE = 50


@never_cache
@vary_on_headers("HX-Request")
@require_GET
@permission_required("roles.manage")
def role_list(request: HttpRequest) -> HttpResponse:
    filters = RoleFilterForm(request.GET or None)
    chosen = search_filters(filters)
    assignments = RoleAssignment.objects.none() if chosen is None else selectors.role_assignments(chosen)
    page = Paginator(assignments, ROLES_PER_PAGE).get_page(request.GET.get("pagina"))
    form = RoleGrantForm()
    context = {"filters": filters, "page": page, "form": form, **_pickers(request, form)}
    return htmx.render_page_or_part(request, "organisation/roles.html", "organisation/roles_results.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("roles.manage")
def role_grant(request: HttpRequest) -> HttpResponse:
    """GET shows the form; POST with ``zoek`` searches a person or unit (the page without JavaScript),
    any other POST grants."""
    searching = request.method == "POST" and request.POST.get("zoek") in PICKER_KINDS
    if request.method == "POST" and not searching:
        form = RoleGrantForm(request.POST)
    else:
        form = RoleGrantForm(initial=request.POST.dict() if searching else None)
    if form.is_bound and form.is_valid():
        person = form.cleaned_data["employee_number"]
        had_account = person.user_id is not None
        try:
            assignment = services.role_grant(
                actor=request.user,
                person=person,
                role=form.cleaned_data["role"],
                unit=form.cleaned_data["unit"],
                node=form.cleaned_data["node"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _grant_message(request, assignment, person.full_name, had_account)
            return redirect("organisation:roles")
    return render(request, "organisation/role_grant.html", {"form": form, **_pickers(request, form)})


@never_cache
@require_GET
@permission_required("roles.manage")
def role_picker(request: HttpRequest) -> HttpResponse:
    """The results of a picker's search field (htmx swaps them in while the beheerder types)."""
    kind = request.GET.get("soort", "")
    if kind not in PICKER_KINDS:
        return HttpResponseBadRequest()
    builder = _person_picker if kind == "persoon" else _node_picker
    picker = builder(request.GET, errors=[])
    return render(request, "organisation/_picker_results.html", {"picker": picker})


#: The pickers of the grant form, by the ``zoek`` value of their search button.
PICKER_KINDS = ("persoon", "onderdeel")
PICKER_RESULTS = 10


def _pickers(request: HttpRequest, form: RoleGrantForm) -> dict[str, Picker]:
    values = request.POST if request.method == "POST" else request.GET
    return {
        "person_picker": _person_picker(values, errors=_errors(form, "employee_number")),
        "node_picker": _node_picker(values, errors=_errors(form, "node")),
    }


def _errors(form: RoleGrantForm, name: str) -> list[str]:
    return [str(error) for error in form.errors.get(name, [])] if form.is_bound else []


def _person_picker(values: Any, *, errors: list[str]) -> Picker:
    query = str(values.get("persoon_zoek", "")).strip()[:120]
    chosen = str(values.get("employee_number", "")).strip()
    found = list(
        selectors.people_matching(query)
        .filter(is_active=True)
        .select_related("team__unit")
        .order_by("last_name", "first_name", "employee_number")[: PICKER_RESULTS + 1]
    )
    people = found[:PICKER_RESULTS]
    if chosen and chosen not in {person.employee_number for person in people}:
        people = [*Person.objects.select_related("team__unit").filter(employee_number=chosen), *people]
    options = [
        PickerOption(
            value=person.employee_number,
            label=f"{person.full_name} ({person.employee_number})",
            detail=str(person.team) if person.team else "",
            checked=person.employee_number == chosen,
        )
        for person in people
    ]
    return Picker(
        kind="persoon",
        name="employee_number",
        search_name="persoon_zoek",
        legend=_("Medewerker"),
        search_label=_("Zoek op naam of personeelsnummer"),
        query=query,
        required=True,
        options=options,
        more=len(found) > PICKER_RESULTS,
        errors=errors,
    )


def _node_picker(values: Any, *, errors: list[str]) -> Picker:
    query = str(values.get("onderdeel_zoek", "")).strip()[:120]
    chosen = str(values.get("node", "")).strip()
    found = list(selectors.nodes_matching(query)[: PICKER_RESULTS + 1])
    nodes = found[:PICKER_RESULTS]
    if chosen and chosen not in {node.code for node in nodes}:
        nodes = [*OrgNode.objects.select_related("unit").filter(code=chosen), *nodes]
    options = [
        PickerOption(
            value=node.code,
            label=node.name,
            detail=f"{node.get_kind_display()}, {node.unit.name}",
            checked=node.code == chosen,
        )
        for node in nodes
    ]
    return Picker(
        kind="onderdeel",
        name="node",
        search_name="onderdeel_zoek",
        legend=_("Organisatieonderdeel"),
        search_label=_("Zoek een team, district of afdeling"),
        query=query,
        required=False,
        options=options,
        more=len(found) > PICKER_RESULTS,
        errors=errors,
        help_text=_(
            "Verplicht voor een leidinggevende: het team dat hij of zij leidt. Kies anders een eenheid of niets."
        ),
        none_label=_("Geen organisatieonderdeel"),
    )


def _grant_message(request: HttpRequest, assignment: RoleAssignment, name: str, had_account: bool) -> None:
    text = _("%(name)s heeft nu de rol %(role)s.") % {"name": name, "role": assignment}
    if not had_account:
        text += " " + _(
            "Er is een account aangemaakt met het personeelsnummer als gebruikersnaam; "
            "inloggen kan via de organisatie-inlog (SSO)."
        )
    messages.success(request, text)


@require_http_methods(["GET", "POST"])
@permission_required("roles.manage")
def role_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST revokes."""
    assignment = get_object_or_404(RoleAssignment.objects.select_related("user__person", "unit", "node__unit"), pk=pk)
    refusal = services.role_revoke_refusal(actor=request.user, assignment=assignment)
    if request.method == "POST" and refusal is None:
        try:
            services.role_revoke(actor=request.user, assignment=assignment, request=request)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            holder = getattr(assignment.user, "person", None) or assignment.user
            messages.success(
                request, _("De rol %(role)s van %(name)s is ingetrokken.") % {"role": assignment, "name": holder}
            )
            return redirect("organisation:roles")
    return render(request, "organisation/role_revoke.html", {"assignment": assignment, "refusal": refusal})
