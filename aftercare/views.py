"""Pages under /nazorg/: register, my plans, my team, my cases, coordination, one plan."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import access
from access import permission_required
from aftercare import guidance, presentation, selectors, services, workflow
from aftercare.constants import PlanStatus, StepKind, StepOwner, StepStatus
from aftercare.forms import (
    AssignSupporterForm,
    BoardFilterForm,
    EvaluationForm,
    NoteForm,
    RegisterForm,
    StepCompleteForm,
)
from aftercare.models import Plan, Step
from aftercare.presentation import NotificationItem, StepItem
from catalogue.help_lines import help_lines
from core import audit, csv_export
from core.forms import search_filters
from core.htmx import wants_partial
from organisation.models import Person

# --- Registration ---------------------------------------------------------------------------


def _candidates(request: HttpRequest, selected_ids: list[str], search: str) -> list[tuple[Person, bool]]:
    """The selected people (checked) followed by the search results (unchecked)."""
    people = Person.objects.filter(access.aftercare_registrable_people_filter(request.user))
    selected = list(people.filter(pk__in=[pk for pk in selected_ids if pk.isdigit()]).select_related("team"))
    chosen = {p.pk for p in selected}
    found = [p for p in selectors.registrable_people(request.user, search) if p.pk not in chosen]
    return [(p, True) for p in selected] + [(p, False) for p in found]


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("aftercare.register")
def register(request: HttpRequest) -> HttpResponse:
    people = Person.objects.filter(access.aftercare_registrable_people_filter(request.user), is_active=True)
    search = request.POST.get("zoek", "").strip()[:120]
    selected = request.POST.getlist("involved")
    if request.method == "POST" and request.POST.get("actie") != "zoeken":
        form = RegisterForm(request.POST, people=people)
        if form.is_valid():
            data = form.cleaned_data
            duplicates = list(selectors.likely_duplicates(list(data["involved"]), data["kind"].pk, data["occurred_at"]))
            if not duplicates or data["confirm_duplicate"]:
                services.event_register(
                    reporter=request.user,
                    occurred_at=data["occurred_at"],
                    kind=data["kind"],
                    severity=data["severity"],
                    people=data["involved"],
                    note=data["note"],
                    beroepsrisico=data["beroepsrisico"],
                    gtpa_casemanager=data["gtpa_casemanager"],
                    property_damage=data["property_damage"],
                    request=request,
                )
                count = len(data["involved"])
                messages.success(
                    request,
                    ngettext(
                        "De gebeurtenis is geregistreerd. Er is een nazorgplan gemaakt voor %(count)s medewerker.",
                        "De gebeurtenis is geregistreerd. Er zijn nazorgplannen gemaakt voor %(count)s medewerkers.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect(_after_register(request))
            audit.log_reads(request, duplicates)
            return _render_register(request, form, selected, search, duplicates=duplicates)
        return _render_register(request, form, selected, search)
    if request.method == "POST":  # the search button: keep what was typed, show no errors yet
        form = RegisterForm(initial=request.POST.dict(), people=people)
    else:
        form = RegisterForm(
            initial={"occurred_at": timezone.localtime().replace(second=0, microsecond=0)}, people=people
        )
    return _render_register(request, form, selected, search)


def _render_register(
    request: HttpRequest, form: RegisterForm, selected: list[str], search: str, *, duplicates: list[Plan] | None = None
) -> HttpResponse:
    context = {
        "form": form,
        "candidates": _candidates(request, selected, search),
        "search": search,
        "duplicates": duplicates or [],
    }
    return render(request, "aftercare/register.html", context)


def _after_register(request: HttpRequest) -> str:
    for action, url in (
        ("aftercare.coordinate", "aftercare:coordination"),
        ("aftercare.team", "aftercare:team"),
    ):
        if access.can(request.user, action):
            return url
    return "aftercare:my_plans"


@never_cache
@require_GET
@permission_required("aftercare.register")
def people_search(request: HttpRequest) -> HttpResponse:
    """htmx: the candidate list of the registration form for a search."""
    search = request.GET.get("zoek", "").strip()[:120]
    candidates = _candidates(request, request.GET.getlist("involved"), search)
    return render(request, "aftercare/_candidates.html", {"candidates": candidates, "search": search})


# --- Lists ----------------------------------------------------------------------------------


def _list(request: HttpRequest, condition: Any, template: str, **extra: Any) -> HttpResponse:
    plans = list(selectors.plan_list_for(request.user, condition))
    audit.log_reads(request, plans)
    now = timezone.now()
    return render(request, template, {"plans": presentation.plan_rows(plans, now), "now": now, **extra})


@never_cache
@require_GET
@permission_required("aftercare.own")
def my_plans(request: HttpRequest) -> HttpResponse:
    unread = selectors.unread_notifications(request.user)
    return _list(request, Q(person__user_id=request.user.pk), "aftercare/my_plans.html", unread=unread)


#: Closed plans per page on the team and supporter lists, most recent first; running plans are all shown.
CLOSED_PER_PAGE = 10


def _running_and_closed(
    request: HttpRequest, condition: Q, template: str, for_person_id: int | None = None, **extra: Any
) -> HttpResponse:
    """A list that someone works from: every running plan, then the closed ones a page at a time
    (a year of closed plans would otherwise push the work down and be logged as read on every
    visit). Only the plans on the page are logged."""
    running = list(selectors.plan_list_for(request.user, condition & Q(status=PlanStatus.OPEN)))
    closed_plans = selectors.plan_list_for(request.user, condition & ~Q(status=PlanStatus.OPEN)).prefetch_related(None)
    closed_page = Paginator(closed_plans, CLOSED_PER_PAGE).get_page(request.GET.get("afgesloten"))
    closed = list(closed_page.object_list)
    audit.log_reads(request, running + closed)
    now = timezone.now()
    context = {
        "plans": presentation.plan_rows(running, now, for_person_id=for_person_id),
        "closed": presentation.closed_rows(closed),
        "closed_page": closed_page,
        "now": now,
        **extra,
    }
    return render(request, template, context)


@never_cache
@require_GET
@permission_required("aftercare.team")
def team(request: HttpRequest) -> HttpResponse:
    return _running_and_closed(request, access.aftercare_team_plans_filter(request.user), "aftercare/team.html")


@never_cache
@require_GET
@permission_required("aftercare.cases")
def cases(request: HttpRequest) -> HttpResponse:
    """The supporter's cases, each with *their* next step."""
    own = selectors.own_person(request.user)
    condition = access.aftercare_cases_filter(request.user)
    own_id = own.pk if own is not None else None
    return _running_and_closed(request, condition, "aftercare/cases.html", for_person_id=own_id, own_steps=True)


@never_cache
@require_GET
@permission_required("aftercare.casework")
def casework(request: HttpRequest) -> HttpResponse:
    """The casemanager's files: plans after violence against an employee, with their own steps."""
    plans = list(selectors.plan_list_for(request.user, access.aftercare_casework_plans_filter(request.user)))
    audit.log_reads(request, plans)
    now = timezone.now()
    rows = presentation.plan_rows(plans, now, kinds=workflow.CASEWORK)
    return render(request, "aftercare/casework.html", {"plans": rows, "now": now, "own_steps": True})


#: Plans per page of the coordinator's board: the most urgent come first, filters narrow the rest.
BOARD_PER_PAGE = 25


@never_cache
@require_GET
@permission_required("aftercare.coordinate")
def coordination(request: HttpRequest) -> HttpResponse:
    """The coordinator's board: every open plan by its next deadline, with supporter and overdue
    marker, filtered on late plans, plans without a supporter, or a name; figures per unit below."""
    units = access.aftercare_coordinator_unit_ids(request.user)
    now = timezone.now()
    figures = selectors.unit_figures(units, now)
    board = BoardFilterForm(request.GET or None)
    # Invalid filters: the errors stand at the fields and the board shows every open plan.
    chosen = search_filters(board) or {}
    condition = access.aftercare_coordinated_plans_filter(request.user) & Q(status=PlanStatus.OPEN)
    plans = selectors.board_plans(
        request.user, condition, only=chosen.get("alleen", ""), search=chosen.get("zoek", ""), now=now
    )
    page = Paginator(plans, BOARD_PER_PAGE).get_page(request.GET.get("pagina"))
    found = list(page.object_list)
    # Only the plans on this page are read, so only they are logged.
    audit.log_reads(request, found)
    context = {
        "plans": presentation.plan_rows(found, now),
        "page": page,
        "now": now,
        "figures": figures,
        "board": board,
    }
    if wants_partial(request):
        return render(request, "aftercare/_board.html", context)
    return render(request, "aftercare/coordination.html", context)


@never_cache
@require_GET
@permission_required("aftercare.coordinate")
def coordination_csv(request: HttpRequest) -> HttpResponse:
    """The aggregates per unit as CSV; suppressed units show no figures."""
    figures = selectors.unit_figures(access.aftercare_coordinator_unit_ids(request.user), timezone.now())
    response, writer = csv_export.csv_response("nazorg-per-eenheid.csv")
    writer.writerow(
        [
            _("Eenheid"),
            _("Lopende plannen"),
            _("Termijn verstreken"),
            _("Eerste contact binnen 24 uur (procent)"),
            _("Ondersteuning aangenomen"),
            _("Ondersteuning afgeslagen"),
            _("Doorverwijzingen"),
            _("Gemiddeld rapportcijfer"),
        ]
    )
    for f in figures:
        if f.suppressed:
            writer.writerow([f.unit.name, *[_("minder dan 5 personen")] + [""] * 6])
            continue
        share = "" if f.contact_share is None else f.contact_share
        writer.writerow(
            [
                f.unit.name,
                f.open_plans,
                f.overdue_steps,
                share,
                f.accepted,
                f.declined,
                f.referrals,
                f.average_score,
            ]
        )
    return response


STALE_MESSAGE = _lazy(
    "Iemand anders heeft dit plan gewijzigd nadat je het opende. Je wijziging is niet opgeslagen. "
    "Hieronder zie je de nieuwe stand; je keuze staat nog in het formulier. Controleer en sla opnieuw op."
)

# --- One plan -------------------------------------------------------------------------------


def _plan_or_404(request: HttpRequest, pk: int) -> Plan:
    # 404, not 403, for a plan out of reach: the answer must not reveal that it exists.
    plan = selectors.plan_for_viewer(request.user, pk)
    if plan is None:
        raise Http404
    return plan


def _step_and_plan_or_404(request: HttpRequest, pk: int) -> tuple[Step, Plan]:
    """A step and its plan, both within the user's sight (else 404, as for the plan)."""
    step = Step.objects.select_related("plan").filter(pk=pk).first()
    if step is None or not access.can_view_plan(request.user, step.plan):
        raise Http404
    return step, _plan_or_404(request, step.plan_id)


@never_cache
@require_GET
@permission_required("aftercare.own")
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    return _render_plan(request, plan)


def _render_plan(request: HttpRequest, plan: Plan, status: int = 200, **forms: Any) -> HttpResponse:
    user = request.user
    audit.log_read(request, plan, person=plan.person)
    relations = access.aftercare_plan_relations(user, plan)
    coordinates = "coordinator" in relations
    reads_notes = coordinates or "supporter" in relations
    is_subject = "subject" in relations
    casework_only = access.sees_casework_only(relations)
    steps = _step_items(plan, relations, forms.get("step_form"), request.user)
    if casework_only:
        steps = [item for item in steps if item.step.kind in workflow.CASEWORK]
    check_ins = selectors.check_ins_of(plan) if access.may_read_check_ins(relations) else {}
    # The answers are health-related: each one shown is a read of its own, on record.
    audit.log_reads(request, list(check_ins.values()))
    steps = [dataclasses.replace(item, check_in=check_ins.get(item.step.pk)) for item in steps]
    supporters = selectors.eligible_supporters(plan) if coordinates else []
    # Prikpunt's number (configured in the catalogue, as on /hulp/) next to the step that asks to call it.
    needs_prikpunt = any(item.step.kind == StepKind.PRIKPUNT for item in steps)
    context = {
        "prikpunt": help_lines(plan.unit_id).prikpunt if needs_prikpunt else None,
        "casework_only": casework_only,
        "check_ins": check_ins,
        "shows_event_note": coordinates and not selectors.is_postvention(plan),
        "plan": plan,
        "steps": steps,
        "now": timezone.now(),
        "coordinates": coordinates,
        "reads_notes": reads_notes,
        "is_subject": is_subject,
        "notes": plan.notes.select_related("author") if reads_notes else [],
        "note_form": forms.get("note_form") or NoteForm(),
        "assign_form": forms.get("assign_form")
        or AssignSupporterForm(
            initial={"version": plan.version, "supporter": plan.supporter_id},
            supporters=supporters,
            capacity=selectors.supporter_capacity(),
        ),
        "evaluation_form": forms.get("evaluation_form") or EvaluationForm(),
        "step_error": forms.get("step_error"),
        "decline_confirm": forms.get("decline_confirm"),
        "shows_referral_target": access.may_see_referral_target(relations),
        "viewers": selectors.plan_viewers(plan, except_user_id=user.pk) if is_subject else [],
        "StepKind": StepKind,
    }
    return render(request, "aftercare/plan_detail.html", context, status=status)


def _step_items(
    plan: Plan, relations: frozenset[str], bound_form: StepCompleteForm | None, user: Any = None
) -> list[StepItem]:
    """The steps in deadline order, each with what this viewer may do and its form (the bound
    form of a step whose submission failed, so its errors show at its fields)."""
    own = selectors.own_person(user) if user is not None else None
    person_id = own.pk if own is not None else None
    items = []
    for step in plan.steps.select_related("owner").order_by("due_at", "pk"):
        is_open = step.status == StepStatus.OPEN
        form = bound_form if bound_form is not None and bound_form.step.pk == step.pk else StepCompleteForm(step=step)
        items.append(
            StepItem(
                step=step,
                can_complete=is_open and access.may_complete_step(relations, step, person_id),
                can_decline=is_open
                and workflow.may_decline(step.kind)
                and access.may_decline_step(relations, step, person_id),
                form=form,
                can_undo=user is not None and services.can_undo(step, user),
                on_behalf=is_open and step.owner_id is not None and step.owner_id != person_id,
                guide=guidance.guide_for(step.kind) if is_open else None,
                for_employee=guidance.for_employee(step.kind, _owner_name(step)) if "subject" in relations else "",
            )
        )
    return items


def _owner_name(step: Step) -> str:
    if step.owner is not None:
        return step.owner.full_name
    if step.owner_role == StepOwner.CASEMANAGER:
        return str(_("de casemanager geweld tegen politie"))
    return str(_("de coördinator")) if step.owner_role == StepOwner.COORDINATOR else str(_("iemand van het team"))


@require_POST
@permission_required("aftercare.own")
def step_action(request: HttpRequest, pk: int) -> HttpResponse:
    step, plan = _step_and_plan_or_404(request, pk)
    declining = request.POST.get("actie") == "afslaan"
    allowed = access.can_decline_step if declining else access.can_complete_step
    if not allowed(request.user, step):
        raise PermissionDenied
    form = StepCompleteForm(request.POST, step=step)
    if declining and access.is_plan_subject(request.user, plan) and request.POST.get("bevestig") != "ja":
        # The employee says no to an offer: ask once more, and say how to ask again later.
        return _render_plan(request, plan, decline_confirm=step.pk)
    try:
        if declining:
            services.step_decline(step=step, actor=request.user)
            messages.success(request, _("Vastgelegd: de medewerker heeft dit aanbod afgeslagen."))
        else:
            if not form.is_valid():
                # The Dutch messages at the fields of this step's form; nothing is saved.
                return _render_plan(request, plan, step_form=form)
            data = form.cleaned_data
            services.step_complete(
                step=step,
                actor=request.user,
                complaints_persist=data.get("complaints_persist"),
                referral_target=data.get("referral_target") or "",
                referral_date=data.get("referral_date"),
                note=data.get("note") or "",
                reason=data.get("reason") or "",
                action_date=data.get("action_date"),
                check_in=form.check_in_answers,
            )
            messages.success(
                request, _("De stap is afgerond. Vergist? Je kunt het de eerste minuten nog ongedaan maken.")
            )
    except (workflow.TransitionNotAllowed, services.InvalidChoice) as error:
        return _render_plan(request, plan, step_error=(step.pk, str(error)))
    return redirect("aftercare:plan", pk=plan.pk)


@never_cache
@require_GET
@permission_required("aftercare.own")
def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan for the file, as PDF: facts, steps and history, for whoever may see the plan.
    Peer-support notes are never in it (they are for the supporter and the coordinator only)."""
    from weasyprint import HTML

    plan = _plan_or_404(request, pk)
    if access.sees_casework_only(access.aftercare_plan_relations(request.user, plan)):
        raise Http404  # the casemanager's part is on the page; the whole plan is not theirs
    audit.log_read(request, plan, person=plan.person)
    history = plan.history.select_related("step", "actor", "on_behalf_of").order_by("at", "pk")
    context = {
        "plan": plan,
        "steps": plan.steps.select_related("owner").order_by("due_at", "pk"),
        "history": presentation.history_rows(history),
        "now": timezone.now(),
    }
    html = render_to_string("aftercare/plan_pdf.html", context, request=request)
    document = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="nazorgplan-{plan.pk}.pdf"'
    return response


@require_POST
@permission_required("aftercare.own")
def step_undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Reopen a step just completed by mistake (only its completer, only for a few minutes)."""
    step, plan = _step_and_plan_or_404(request, pk)
    try:
        services.step_undo(step=step, actor=request.user)
    except workflow.TransitionNotAllowed as error:
        return _render_plan(request, plan, step_error=(step.pk, str(error)))
    messages.success(request, _("De stap staat weer open."))
    return redirect("aftercare:plan", pk=plan.pk)


@require_POST
@permission_required("aftercare.coordinate")
def plan_assign(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    if not access.can_coordinate_plan(request.user, plan):
        raise PermissionDenied
    form = AssignSupporterForm(
        request.POST, supporters=selectors.eligible_supporters(plan), capacity=selectors.supporter_capacity()
    )
    if form.is_valid():
        try:
            services.plan_assign_supporter(
                plan=plan,
                version=form.cleaned_data["version"],
                supporter=form.cleaned_data["supporter"],
                actor=request.user,
                request=request,
            )
        except services.StalePlan:
            # Nothing is lost: the form keeps the coordinator's choice, with the new version,
            # so they can check the new state and save again.
            plan.refresh_from_db()
            data = request.POST.copy()
            data["version"] = str(plan.version)
            form = AssignSupporterForm(
                data, supporters=selectors.eligible_supporters(plan), capacity=selectors.supporter_capacity()
            )
            form.is_valid()
            form.add_error(None, STALE_MESSAGE)
            return _render_plan(request, plan, status=409, assign_form=form)
        messages.success(request, _("De collegiaal ondersteuner is toegewezen."))
        return redirect("aftercare:plan", pk=plan.pk)
    return _render_plan(request, plan, status=200, assign_form=form)


@require_POST
@permission_required("aftercare.own")
def note_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    if not access.can_read_support_notes(request.user, plan):
        raise PermissionDenied
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, plan, note_form=form)
    services.note_add(plan=plan, actor=request.user, text=form.cleaned_data["text"], request=request)
    messages.success(request, _("De notitie is opgeslagen."))
    return redirect("aftercare:plan", pk=plan.pk)


@require_POST
@permission_required("aftercare.own")
def plan_own(request: HttpRequest, pk: int) -> HttpResponse:
    """What the employee does on their own plan: ask for contact, home-front consent, evaluate."""
    plan = _plan_or_404(request, pk)
    if not access.is_plan_subject(request.user, plan):
        raise PermissionDenied
    action = request.POST.get("actie")
    try:
        if action == "contact":
            services.plan_request_contact(plan=plan, actor=request.user)
            messages.success(request, _("Je verzoek is doorgegeven. Er wordt binnen 24 uur contact met je opgenomen."))
        elif action == "thuisfront":
            services.plan_home_front_consent(plan=plan, actor=request.user)
            messages.success(request, _("Je toestemming is vastgelegd. Je thuisfront wordt betrokken."))
        elif action == "evaluatie":
            form = EvaluationForm(request.POST)
            if not form.is_valid():
                return _render_plan(request, plan, evaluation_form=form)
            services.plan_evaluate(plan=plan, score=form.cleaned_data["score"])
            messages.success(request, _("Dank je wel voor je evaluatie."))
    except (workflow.TransitionNotAllowed, services.InvalidChoice) as error:
        messages.error(request, str(error))
    return redirect("aftercare:plan", pk=plan.pk)


# --- Notifications --------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("aftercare.own")
def notifications(request: HttpRequest) -> HttpResponse:
    person = selectors.own_person(request.user)
    if request.method == "POST" and person is not None:
        services.notifications_mark_read(person=person)
        return redirect("aftercare:notifications")
    items = selectors.notifications_for(person) if person is not None else []
    plans = {item.notice.step.plan_id: item.notice.step.plan for item in items}
    # A functioneel beheerder gets an escalation that no coordinator covers, but does not reach
    # the plan itself: they see the unit and that a coordinator is missing, not a link.
    reachable = set(
        Plan.objects.filter(access.aftercare_plans_filter(request.user), pk__in=plans).values_list("pk", flat=True)
    )
    shown = [NotificationItem(notification=item, reachable=item.notice.step.plan_id in reachable) for item in items]
    audit.log_reads(request, [plans[pk] for pk in sorted(reachable)])
    return render(request, "aftercare/notifications.html", {"items": shown})
