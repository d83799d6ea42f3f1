"""The functioneel beheerder's role pages: who holds which role where, granting and revoking.

Thin views: the rules (which role takes which scope, no self-revoke) live in
``organisation.services``; these pages parse input, call the service and show its messages.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
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
from organisation.models import RoleAssignment

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
    context = {"filters": filters, "page": page, "form": RoleGrantForm()}
    return htmx.render_page_or_part(request, "organisation/roles.html", "organisation/roles_results.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("roles.manage")
def role_grant(request: HttpRequest) -> HttpResponse:
    form = RoleGrantForm(request.POST) if request.method == "POST" else RoleGrantForm()
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
    return render(request, "organisation/role_grant.html", {"form": form})


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
