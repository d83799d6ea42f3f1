"""Pages of the casework app: thin views over selectors and services.

Case pages answer 404 to everyone but the employee (their read-only page) and the assigned
casemanager (their work page); every read of a case or a match is in the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import access
from casework import forms, presentation, selectors, services
from core import audit
from organisation.models import Unit


def _form_errors(form: forms.forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError at the form's fields (or the form as a whole)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- The employee --------------------------------------------------------------------------


@access.permission_required("casework.own")
@require_GET
def own(request: HttpRequest) -> HttpResponse:
    """Beroepsrisico: the events flagged for Team Beroepsrisico, consent, and the employee's cases."""
    cases = list(selectors.own_cases(request.user))
    running_plans = {case.plan_id for case in cases if case.is_open}
    plans = [plan for plan in selectors.consent_plans(request.user) if plan.pk not in running_plans]
    audit.log_reads(request, cases)
    return render(
        request,
        "casework/own.html",
        {
            "cases": cases,
            # One form per event; the ids differ so that each label points at its own tick box.
            "plans": [(plan, forms.ConsentForm(auto_id=f"id_%s_{plan.pk}")) for plan in plans],
            "is_buddy": selectors.buddy_of(request.user) is not None,
        },
    )


@access.permission_required("casework.own")
@require_POST
def consent_give(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = selectors.consent_plans(request.user).filter(pk=plan_pk).first()
    if plan is None:
        raise Http404
    form = forms.ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, str(form.errors["agree"][0]))
        return redirect("casework:own")
    try:
        case = services.consent_give(plan=plan, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("casework:own")
    messages.success(request, _("Je toestemming is vastgelegd. Team Beroepsrisico pakt je zaak op."))
    return redirect("casework:my_case", pk=case.pk)


@access.permission_required("casework.own")
@require_POST
def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.own_case(request.user, pk)
    if case is None:
        raise Http404
    try:
        services.consent_withdraw(case=case, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Je toestemming is ingetrokken. De zaak is gestopt."))
    return redirect("casework:my_case", pk=case.pk)


@access.permission_required("casework.own")
@require_GET
def my_case(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.own_case(request.user, pk)
    if case is None:
        raise Http404
    audit.log_read(request, case, person=case.person)
    page = presentation.case_page(case, selectors.history(case))
    return render(request, "casework/my_case.html", {"page": page, "case": case})


# --- The casemanager -----------------------------------------------------------------------


@access.permission_required("casework.cases")
@require_GET
def cases(request: HttpRequest) -> HttpResponse:
    managed = list(selectors.managed_cases(request.user))
    claimable = list(selectors.claimable_cases(request.user))
    audit.log_reads(request, [*managed, *claimable])
    return render(request, "casework/cases.html", {"cases": managed, "claimable": claimable})


@access.permission_required("casework.own")
@require_http_methods(["GET", "POST"])
def case(request: HttpRequest, pk: int) -> HttpResponse:
    """The casemanager's page of one case: 404 to everyone else, the employee included (they have
    their own page)."""
    found = selectors.managed_case(request.user, pk)
    if found is None:
        raise Http404
    form = forms.AdvanceForm(request.POST or None, stage=found.stage, decision=found.decision)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_advance(
                case=found,
                to_stage=form.cleaned_data["to_stage"],
                happened_on=form.cleaned_data["happened_on"],
                rationale=form.cleaned_data["rationale"],
                decision=form.cleaned_data["decision"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("De zaak staat in de nieuwe fase."))
            return redirect("casework:case", pk=found.pk)
    audit.log_read(request, found, person=found.person)
    page = presentation.case_page(found, selectors.history(found))
    return render(request, "casework/case.html", {"page": page, "case": found, "form": form})


@access.permission_required("casework.own")
@require_POST
def case_claim(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.claimable_cases(request.user).filter(pk=pk).first()
    me = access.own_person(request.user)
    if found is None or me is None:
        raise Http404
    try:
        services.case_claim(case=found, casemanager=me, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("casework:cases")
    messages.success(request, _("Je bent nu de casemanager van deze zaak."))
    return redirect("casework:case", pk=found.pk)


# --- Buddies -------------------------------------------------------------------------------


@access.permission_required("casework.buddies")
@require_GET
def buddies(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = presentation.buddy_rows(list(selectors.pool(request.user)), today)
    matches = list(selectors.pool_matches(request.user))
    audit.log_reads(request, matches)
    return render(request, "casework/buddies.html", {"rows": rows, "matches": matches, "today": today})


def _units(request: HttpRequest) -> object:
    return Unit.objects.filter(pk__in=access.casework_buddy_unit_ids(request.user)).order_by("name")


def _buddy_form(request: HttpRequest, form: forms.BuddyForm, buddy: Any) -> HttpResponse:
    """Save a new buddy (``buddy`` None: person and unit from the form) or a buddy's details."""
    if request.method == "POST" and form.is_valid():
        try:
            services.buddy_save(
                buddy=buddy,
                person=form.person if buddy is None else None,
                unit_id=form.cleaned_data["unit"].pk if buddy is None else None,
                phone=form.cleaned_data["phone"],
                training_completed_on=form.cleaned_data["training_completed_on"],
                last_intervision_on=form.cleaned_data["last_intervision_on"],
                is_active=form.cleaned_data["is_active"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            done = _("De buddy staat in de poule.") if buddy is None else _("De gegevens van de buddy zijn opgeslagen.")
            messages.success(request, done)
            return redirect("casework:buddies")
    return render(request, "casework/buddy_form.html", {"form": form, "buddy": buddy})


@access.permission_required("casework.buddies")
@require_http_methods(["GET", "POST"])
def buddy_add(request: HttpRequest) -> HttpResponse:
    form = forms.BuddyForm(request.POST or None, units=_units(request))  # type: ignore[arg-type]
    return _buddy_form(request, form, None)


@access.permission_required("casework.buddies")
@require_http_methods(["GET", "POST"])
def buddy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    buddy = selectors.pool_buddy(request.user, pk)
    if buddy is None:
        raise Http404
    initial = {
        "phone": buddy.phone,
        "training_completed_on": buddy.training_completed_on,
        "last_intervision_on": buddy.last_intervision_on,
        "is_active": buddy.is_active,
    }
    form = forms.BuddyForm(request.POST or None, initial=initial, units=_units(request), buddy=buddy)  # type: ignore[arg-type]
    return _buddy_form(request, form, buddy)


@access.permission_required("casework.buddies")
@require_http_methods(["GET", "POST"])
def match_add(request: HttpRequest) -> HttpResponse:
    plans = selectors.injured_plans_without_buddy(request.user)
    form = forms.MatchForm(request.POST or None, plans=plans, pool=selectors.pool(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.match_create(
                plan=form.cleaned_data["plan"], buddy=form.cleaned_data["buddy"], actor=request.user, request=request
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("De buddy is gekoppeld. De medewerker en de buddy zien dit nu."))
            return redirect("casework:buddies")
    return render(request, "casework/match_form.html", {"form": form})


@access.permission_required("casework.buddies")
@require_POST
def match_end(request: HttpRequest, pk: int) -> HttpResponse:
    match = selectors.pool_match(request.user, pk)
    if match is None:
        raise Http404
    try:
        services.match_end(match=match, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("De koppeling is gestopt."))
    return redirect("casework:buddies")


@access.permission_required("casework.own")
@require_GET
def my_buddy(request: HttpRequest) -> HttpResponse:
    matches = list(selectors.own_buddy_matches(request.user))
    return render(request, "casework/my_buddy.html", {"matches": matches})


@access.permission_required("casework.own")
@require_GET
def my_matches(request: HttpRequest) -> HttpResponse:
    """The buddy's own matches; 404 to anyone who is not in a buddy pool."""
    me = selectors.buddy_of(request.user)
    if me is None:
        raise Http404
    matches = list(selectors.matches_as_buddy(request.user))
    audit.log_reads(request, matches)
    return render(request, "casework/my_matches.html", {"me": me, "matches": matches})
