"""Pages of the Sociale Agenda: thin; reads in selectors, writes in services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import agenda_answer_unit_ids, can, permission_required
from agenda import selectors, services
from agenda.forms import ActionUpdateForm, UnitAnswersForm
from agenda.models import Action, AgendaQuestion

NUMBERS = [1, 2, 3, 4]


@never_cache
@require_GET
@permission_required("agenda.read")
def overview(request: HttpRequest) -> HttpResponse:
    found = list(selectors.actions())
    return render(
        request,
        "agenda/overview.html",
        {
            "priorities": list(selectors.priorities()),
            "rows": selectors.action_rows(found, NUMBERS),
            "totals": selectors.marker_totals(found, NUMBERS),
            "efforts": list(selectors.effort_items()),
            "linked": selectors.catalogue_slugs({a.catalogue_slug for a in found if a.catalogue_slug}),
        },
    )


def _action_page(
    request: HttpRequest, action: Action, form: ActionUpdateForm | None, status: int = 200
) -> HttpResponse:
    linked = selectors.catalogue_slugs({action.catalogue_slug} if action.catalogue_slug else set())
    return render(
        request,
        "agenda/action.html",
        {
            "action": action,
            "form": form,
            "catalogue_linked": action.catalogue_slug in linked,
            "can_read_jaarbeeld": can(request.user, "jaarbeeld.read"),
        },
        status=status,
    )


@never_cache
@require_GET
@permission_required("agenda.read")
def action_detail(request: HttpRequest, number: int) -> HttpResponse:
    action = selectors.action(number)
    form = None
    if can(request.user, "agenda.edit"):
        form = ActionUpdateForm(
            initial={"status": action.status, "starts_on": action.starts_on, "ends_on": action.ends_on}
        )
    return _action_page(request, action, form)


@require_POST
@permission_required("agenda.edit")
def action_progress(request: HttpRequest, number: int) -> HttpResponse:
    action = selectors.action(number)
    form = ActionUpdateForm(request.POST)
    if not form.is_valid():
        return _action_page(request, action, form, status=400)
    services.action_update(action=action, actor=request.user, **form.cleaned_data)
    messages.success(request, _("De voortgang is vastgelegd."))
    return redirect("agenda:action", number=number)


@never_cache
@require_GET
@permission_required("agenda.read")
def coverage(request: HttpRequest) -> HttpResponse:
    edition = selectors.latest_final_edition()
    return render(
        request,
        "agenda/coverage.html",
        {"coverage": selectors.coverage(), "edition": edition, "findings": selectors.unaddressed_findings(edition)},
    )


@never_cache
@require_GET
@permission_required("agenda.read")
def units(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "agenda/units.html",
        {"units": selectors.units_with_answers(), "mine": agenda_answer_unit_ids(request.user)},
    )


@never_cache
@require_GET
@permission_required("agenda.read")
def unit(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.unit(code)
    return render(
        request,
        "agenda/unit.html",
        {
            "unit": found,
            "priorities": selectors.unit_answers(found),
            "can_edit": can(request.user, "agenda.answer") and found.pk in agenda_answer_unit_ids(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("agenda.answer")
def unit_edit(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.unit(code)
    if found.pk not in agenda_answer_unit_ids(request.user):
        raise PermissionDenied
    questions = list(AgendaQuestion.objects.select_related("priority").order_by("priority__number", "position"))
    current = {qa.question.pk: qa.answer.text for _p, qas in selectors.unit_answers(found) for qa in qas if qa.answer}
    form = UnitAnswersForm(request.POST or None, questions=questions, initial_answers=current)
    if request.method == "POST" and form.is_valid():
        services.unit_answers_save(unit=found, answers=form.answers(), actor=request.user)
        messages.success(request, _("De antwoorden zijn opgeslagen."))
        return redirect("agenda:unit", code=code)
    return render(
        request, "agenda/unit_edit.html", {"unit": found, "form": form}, status=400 if request.method == "POST" else 200
    )
