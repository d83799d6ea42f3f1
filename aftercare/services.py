"""Every write of the aftercare app a person makes: register an event, move steps, assign a
supporter, add a note. Each service runs in one transaction and writes its audit rows (field
names only) and status history in that same transaction. The background work (deadline notices
in ``deadlines``, anonymisation in ``retention``) runs from ``tasks``; services only enqueue it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare import selectors, tasks, workflow
from aftercare.constants import (
    CheckInLevel,
    CheckInOutcome,
    EventCategory,
    PlanStatus,
    Severity,
    StepCondition,
    StepKind,
    StepOwner,
    StepStatus,
)
from aftercare.models import (
    CheckIn,
    Evaluation,
    Event,
    EventType,
    Notification,
    Plan,
    PlanTemplate,
    StatusChange,
    Step,
    SupportNote,
)
from aftercare.signals import plan_created
from core import audit
from core.models import AuditAction
from organisation.models import Person


class StalePlan(Exception):
    """The plan changed since the form was opened (optimistic locking)."""


class InvalidChoice(ValueError):
    """A choice the rules do not allow (e.g. a supporter who is involved in the event)."""


def referral_due() -> timedelta:
    return timedelta(days=7)


# --- Registration ---------------------------------------------------------------------------


@transaction.atomic
def event_register(
    *,
    reporter: Any,
    occurred_at: datetime,
    kind: EventType,
    severity: str,
    people: Iterable[Person],
    note: str = "",
    beroepsrisico: str = "",
    gtpa_casemanager: bool = False,
    property_damage: bool = False,
    request: Any = None,
) -> Event:
    """Record an event and make an aftercare plan for every involved employee, from the current
    version of the event type's template (postvention, needle-stick, GTPA) or the default one.

    Violence against police officers always reaches the casemanager GTPA, the dossier holder
    (Zorgwijzer §2.3). After a colleague's suicide nothing about the deceased is written down:
    the team members' plans must never show it, so a note is refused."""
    if kind.template_code == selectors.POSTVENTION and note.strip():
        raise InvalidChoice(_("Schrijf bij een suïcide van een collega niets over de overledene op. Laat dit leeg."))
    if kind.category == EventCategory.GTPA:
        gtpa_casemanager = True
    event = Event.objects.create(
        occurred_at=occurred_at,
        kind=kind,
        severity=severity,
        note=note,
        beroepsrisico=beroepsrisico,
        gtpa_casemanager=gtpa_casemanager,
        property_damage=property_damage and gtpa_casemanager,
        reporter=reporter,
    )
    audit.log_change(
        actor=reporter, obj=event, action=AuditAction.CREATE, fields=["occurred_at", "kind"], request=request
    )
    template = selectors.template_for(kind, gtpa_casemanager=gtpa_casemanager)
    for person in people:
        plan_create(event=event, person=person, template=template, actor=reporter, request=request)
    return event


def plan_create(*, event: Event, person: Person, template: PlanTemplate, actor: Any, request: Any = None) -> Plan:
    plan = Plan.objects.create(
        event=event,
        template=template,
        person=person,
        unit_id=person.team.unit_id if person.team is not None else None,
        manager=person.manager,
    )
    # Other apps react inside this transaction (Barista records the exposure), before the steps.
    plan_created.send(sender=Plan, plan=plan)
    StatusChange.objects.create(plan=plan, to_status=PlanStatus.OPEN, actor=actor if _is_user(actor) else None)
    for template_step in template.steps.all():
        if template_step.only_when == StepCondition.PROPERTY_DAMAGE and not event.property_damage:
            continue
        step_add(
            plan=plan,
            kind=template_step.kind,
            title=_step_title(template_step.kind, template_step.title, event.severity),
            title_en=template_step.title_en,
            owner_role=template_step.owner,
            due_at=event.occurred_at + timedelta(hours=template_step.due_after_hours),
            actor=actor,
        )
    audit.log_change(actor=actor, obj=plan, action=AuditAction.CREATE, person=person, fields=["event"], request=request)
    return plan


def _step_title(kind: str, title: str, severity: str) -> str:
    """Zorgwijzer §3.2: after a serious incident the debriefing is a personal conversation."""
    if kind == StepKind.DEBRIEFING and severity != Severity.LICHT:
        return f"{title}; {_('bij een ernstige gebeurtenis een persoonlijk gesprek')}"
    return title


def _is_user(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


def _owner_for(plan: Plan, owner_role: str) -> Person | None:
    if owner_role == StepOwner.MANAGER:
        return plan.manager
    if owner_role == StepOwner.SUPPORTER:
        return plan.supporter
    return None


def step_add(
    *, plan: Plan, kind: str, title: str, owner_role: str, due_at: datetime, actor: Any = None, title_en: str = ""
) -> Step:
    """Add a step and schedule its reminder and its deadline (they run at those moments); a step
    for the casemanager also tells the casemanager at once (``NoticeKind.NEW_TASK``)."""
    step = Step.objects.create(
        plan=plan,
        kind=kind,
        title=title,
        title_en=title_en,
        owner_role=owner_role,
        owner=_owner_for(plan, owner_role),
        due_at=due_at,
    )
    StatusChange.objects.create(
        plan=plan, step=step, to_status=StepStatus.OPEN, actor=actor if _is_user(actor) else None
    )
    # With the database task backend these rows commit with the step: a restart loses nothing.
    # The hourly ``scan_deadlines`` job catches anything a crashed worker left behind.
    tasks.schedule_step_deadlines(step)
    return step


# --- Steps ------------------------------------------------------------------------------------


def _move_step(
    step: Step, to_status: str, actor: Any, *, note: str = "", on_behalf_of: Person | None = None, **fields: Any
) -> None:
    workflow.ensure_step_can_move(step.status, to_status)
    # Reopening (``step_undo``) clears who completed it and when.
    reopening = to_status == StepStatus.OPEN
    completion = {"completed_at": None if reopening else timezone.now(), "completed_by": None if reopening else actor}
    # Conditional update: two people completing the same step at once cannot both succeed.
    updated = Step.objects.filter(pk=step.pk, status=step.status).update(status=to_status, **completion, **fields)
    if not updated:
        raise workflow.TransitionNotAllowed(_("Deze stap is intussen al door iemand anders afgehandeld."))
    StatusChange.objects.create(
        plan=step.plan,
        step=step,
        from_status=step.status,
        to_status=to_status,
        actor=actor,
        note=note,
        on_behalf_of=on_behalf_of,
    )
    audit.log_change(actor=actor, obj=step, person=step.plan.person, fields=["status", *fields])
    step.refresh_from_db()


def completes_early(step: Step, now: datetime | None = None) -> bool:
    """Whether completing a planned step now is well before its moment (then a reason is needed)."""
    now = now or timezone.now()
    return step.kind in workflow.SCHEDULED and step.due_at - now > timedelta(
        hours=settings.AFTERCARE_EARLY_COMPLETION_HOURS
    )


def _on_behalf_of(step: Step, actor: Any) -> Person | None:
    """The owner, when someone else (the coordinator) completes the owner's step."""
    if step.owner is None or not _is_user(actor) or step.owner.user_id == actor.pk:
        return None
    return step.owner


@transaction.atomic
def step_complete(
    *,
    step: Step,
    actor: Any,
    complaints_persist: bool | None = None,
    referral_target: str = "",
    referral_date: date | None = None,
    note: str = "",
    reason: str = "",
    action_date: date | None = None,
    check_in: dict[str, str] | None = None,
) -> Step:
    """Complete a step, with what follows from it (referral, closure, support accepted).

    A step completed well before its deadline needs a ``reason`` (kept as the history's note);
    a coordinator completing someone else's step does so on behalf of its owner, on record.
    A check-in records its structured answers, which decide what follows (``check_in_outcome``);
    a step done for the whole team is done in the plans of the other team members too."""
    plan = step.plan
    _check_completion(
        step,
        complaints_persist=complaints_persist,
        referral=bool(referral_target and referral_date),
        action_date=action_date,
        check_in=check_in,
        reason=reason,
    )
    extra: dict[str, Any] = (
        {"referral_target": referral_target, "referral_date": referral_date} if step.kind == StepKind.REFERRAL else {}
    )
    if step.kind in workflow.DATED:
        extra["action_date"] = action_date
    written = " – ".join(part.strip() for part in (reason, note) if part.strip())
    _move_step(step, StepStatus.DONE, actor, note=written[:500], on_behalf_of=_on_behalf_of(step, actor), **extra)
    if step.kind in workflow.TEAM_LEVEL:
        _complete_for_team(step, actor, extra)
    if step.kind == StepKind.CHECK_IN:
        _record_check_in(step, check_in or {}, actor)
    elif step.kind == StepKind.SUPPORT_OFFER:
        Plan.objects.filter(pk=plan.pk).update(support_accepted=True)
    elif step.kind == StepKind.EVALUATION:
        _after_evaluation(plan, bool(complaints_persist), actor)
    elif step.kind == StepKind.CLOSURE:
        _close(plan, actor)
    return step


def _check_completion(
    step: Step,
    *,
    complaints_persist: bool | None,
    referral: bool,
    action_date: date | None,
    check_in: dict[str, str] | None,
    reason: str,
) -> None:
    """What a step needs before it can be completed; refused with a Dutch message otherwise."""
    plan = step.plan
    workflow.ensure_plan_can_move(plan.status, PlanStatus.CLOSED) if step.kind == StepKind.CLOSURE else None
    if step.kind == StepKind.EVALUATION and complaints_persist is None:
        raise InvalidChoice(_("Geef aan of er nog stressklachten zijn."))
    if step.kind == StepKind.REFERRAL and not referral:
        raise InvalidChoice(_("Vul in naar wie is doorverwezen en op welke datum."))
    if step.kind in workflow.DATED and action_date is None:
        raise InvalidChoice(_("Vul de datum in."))
    if step.kind == StepKind.CHECK_IN and not _complete_answers(check_in):
        raise InvalidChoice(_("Vul bij elk onderwerp in hoe het gaat."))
    if completes_early(step) and not reason.strip():
        raise InvalidChoice(_("Deze stap is pas later aan de beurt. Schrijf op waarom je hem nu al afrondt."))


def _complete_answers(answers: dict[str, str] | None) -> bool:
    levels = set(CheckInLevel.values)
    return answers is not None and all(answers.get(theme) in levels for theme in CheckIn.THEMES)


def check_in_outcome(step: Step, answers: dict[str, str]) -> str:
    """What follows from a check-in (Arq aspect 5; Zorgwijzer §3.13).

    Complaints are a theme that is "zorgelijk", or three or more that are "wisselend". In the
    first weeks complaints are normal reactions: extra attention at the next contact. At the
    check-in four weeks or more after the event they persist: a referral follows."""
    levels = [answers[theme] for theme in CheckIn.THEMES]
    complaints = CheckInLevel.CONCERN in levels or levels.count(CheckInLevel.MIXED) >= 3
    if not complaints:
        return CheckInOutcome.NORMAL
    if step.due_at - step.plan.event.occurred_at >= PERSISTENT_AFTER:
        return CheckInOutcome.REFER
    return CheckInOutcome.WATCH


#: From this long after the event, complaints at a check-in count as persisting (four to six weeks).
PERSISTENT_AFTER = timedelta(weeks=4)


def _record_check_in(step: Step, answers: dict[str, str], actor: Any) -> None:
    outcome = check_in_outcome(step, answers)
    check_in = CheckIn.objects.create(
        step=step,
        outcome=outcome,
        recorded_by=actor if _is_user(actor) else None,
        **{theme: answers[theme] for theme in CheckIn.THEMES},
    )
    audit.log_change(
        actor=actor, obj=check_in, action=AuditAction.CREATE, person=step.plan.person, fields=[*CheckIn.THEMES]
    )
    if outcome == CheckInOutcome.REFER:
        plan = step.plan
        Plan.objects.filter(pk=plan.pk).update(complaints_persist=True)
        if not plan.steps.filter(kind=StepKind.REFERRAL, status=StepStatus.OPEN).exists():
            step_add(
                plan=plan,
                kind=StepKind.REFERRAL,
                title=str(StepKind.REFERRAL.label),
                owner_role=StepOwner.COORDINATOR,
                due_at=timezone.now() + referral_due(),
                actor=actor,
            )


def _complete_for_team(step: Step, actor: Any, extra: dict[str, Any]) -> None:
    """A step for the whole team (the team's opvang, informing it, the external investigation) is
    done once: the same open step in the other plans of the event, held by the same owner, is
    done with it, on record in each plan's history."""
    siblings = (
        Step.objects.filter(plan__event_id=step.plan.event_id, plan__status=PlanStatus.OPEN, kind=step.kind)
        .filter(status=StepStatus.OPEN, owner_role=step.owner_role, owner_id=step.owner_id)
        .exclude(pk=step.pk)
        .select_related("plan", "plan__person", "owner")
    )
    for sibling in siblings:
        _move_step(
            sibling,
            StepStatus.DONE,
            actor,
            note=str(_("Gedaan voor het hele team")),
            on_behalf_of=_on_behalf_of(sibling, actor),
            **extra,
        )


def can_undo(step: Step, user: Any, now: datetime | None = None) -> bool:
    """The person who completed a step may undo it for a few minutes, if it set nothing in motion."""
    now = now or timezone.now()
    return (
        step.status == StepStatus.DONE
        and step.kind in workflow.UNDOABLE
        and step.completed_at is not None
        and now - step.completed_at <= timedelta(minutes=settings.AFTERCARE_UNDO_MINUTES)
        and step.completed_by_id is not None
        and step.completed_by_id == getattr(user, "pk", None)
        and step.plan.status == PlanStatus.OPEN
    )


@transaction.atomic
def step_undo(*, step: Step, actor: Any) -> Step:
    """Reopen a step just completed by mistake; the history keeps both changes."""
    step = Step.objects.select_for_update().select_related("plan").get(pk=step.pk)
    if not can_undo(step, actor):
        raise workflow.TransitionNotAllowed(
            _("Afronden ongedaan maken kan alleen kort na het afronden, door wie de stap afrondde.")
        )
    _move_step(step, StepStatus.OPEN, actor, note=str(_("Afronden ongedaan gemaakt")))
    return step


def _after_evaluation(plan: Plan, complaints_persist: bool, actor: Any) -> None:
    """Zorgwijzer §3.13: complaints after four to six weeks → referral to professional care."""
    Plan.objects.filter(pk=plan.pk).update(complaints_persist=complaints_persist)
    # A referral already started by the week-4 check-in is not made twice.
    if complaints_persist and not plan.steps.filter(kind=StepKind.REFERRAL, status=StepStatus.OPEN).exists():
        step_add(
            plan=plan,
            kind=StepKind.REFERRAL,
            title=str(StepKind.REFERRAL.label),
            owner_role=StepOwner.COORDINATOR,
            due_at=timezone.now() + referral_due(),
            actor=actor,
        )


def _close(plan: Plan, actor: Any) -> None:
    now = timezone.now()
    Plan.objects.select_for_update().filter(pk=plan.pk).first()  # see _lock_open_plan
    for open_step in plan.steps.filter(status=StepStatus.OPEN):
        _move_step(open_step, StepStatus.CANCELLED, actor)
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.CLOSED, closed_at=now, version=F("version") + 1)
    StatusChange.objects.create(plan=plan, from_status=plan.status, to_status=PlanStatus.CLOSED, actor=actor)
    audit.log_change(actor=actor, obj=plan, person=plan.person, fields=["status"])


@transaction.atomic
def step_decline(*, step: Step, actor: Any) -> Step:
    """The employee declines: respected and recorded; the offer comes again at the next check-in."""
    if not workflow.may_decline(step.kind):
        raise InvalidChoice(_("Deze stap kan niet worden afgeslagen."))
    _move_step(step, StepStatus.DECLINED, actor)
    plan = step.plan
    if step.kind == StepKind.HOME_FRONT:
        # Declining the home-front step withdraws the consent: the home front is not involved,
        # and the employee can consent again later from their plan page.
        Plan.objects.filter(pk=plan.pk).update(home_front_consent=False)
        audit.log_change(actor=actor, obj=plan, person=plan.person, fields=["home_front_consent"])
    elif step.kind == StepKind.SUPPORT_OFFER:
        Plan.objects.filter(pk=plan.pk).update(support_accepted=False)
        # The next check-in after the old offer's deadline, but never one that is already due.
        after = max(step.due_at, timezone.now())
        next_check_in = selectors.next_open_step(plan, StepKind.CHECK_IN, after=after)
        if next_check_in is not None:
            step_add(
                plan=plan,
                kind=StepKind.SUPPORT_OFFER,
                title=_("Opnieuw aanbieden: collegiale ondersteuning"),
                owner_role=StepOwner.COORDINATOR,
                due_at=next_check_in.due_at,
                actor=actor,
            )
    return step


# --- Plan -----------------------------------------------------------------------------------


@transaction.atomic
def plan_assign_supporter(*, plan: Plan, version: int, supporter: Person, actor: Any, request: Any = None) -> Plan:
    """Assign the peer supporter. Refused when someone else changed the plan since ``version``."""
    if supporter.pk not in {p.pk for p in selectors.eligible_supporters(plan)} and supporter.pk != plan.supporter_id:
        raise InvalidChoice(_("Deze collegiaal ondersteuner kan niet worden gekozen voor dit plan."))
    updated = Plan.objects.filter(pk=plan.pk, version=version, status=PlanStatus.OPEN).update(
        supporter=supporter, version=F("version") + 1
    )
    if not updated:
        raise StalePlan
    plan.steps.filter(owner_role=StepOwner.SUPPORTER, status=StepStatus.OPEN).update(owner=supporter)
    audit.log_change(actor=actor, obj=plan, person=plan.person, fields=["supporter"], request=request)
    # Assigning is what the offer step asks for ("aanbieden en ondersteuner toewijzen"): it is done.
    offer = plan.steps.filter(kind=StepKind.SUPPORT_OFFER, status=StepStatus.OPEN).order_by("due_at").first()
    if offer is not None:
        _move_step(offer, StepStatus.DONE, actor if _is_user(actor) else None, note=str(_("Ondersteuner toegewezen")))
        Plan.objects.filter(pk=plan.pk).update(support_accepted=True)
    plan.refresh_from_db()
    return plan


@transaction.atomic
def note_add(*, plan: Plan, actor: Any, text: str, request: Any = None) -> SupportNote:
    note = SupportNote.objects.create(plan=plan, author=actor, text=text)
    audit.log_change(
        actor=actor, obj=note, action=AuditAction.CREATE, person=plan.person, fields=["text"], request=request
    )
    return note


def _lock_open_plan(plan: Plan) -> Plan:
    """The plan's current row, locked for this transaction; refused when the plan is no longer open.

    ``_close`` takes the same lock, so a step cannot be added to a plan that is being closed."""
    current = Plan.objects.select_for_update().get(pk=plan.pk)
    workflow.ensure_plan_open(current.status)
    return current


@transaction.atomic
def plan_request_contact(*, plan: Plan, actor: Any) -> Step:
    """The employee asks for contact at any time: a step for the supporter (or manager) within 24 h."""
    plan = _lock_open_plan(plan)
    owner = StepOwner.SUPPORTER if plan.supporter_id else StepOwner.MANAGER
    return step_add(
        plan=plan,
        kind=StepKind.CONTACT_REQUEST,
        title=str(StepKind.CONTACT_REQUEST.label),
        owner_role=owner,
        due_at=timezone.now() + timedelta(hours=24),
        actor=actor,
    )


@transaction.atomic
def plan_home_front_consent(*, plan: Plan, actor: Any) -> Step:
    """Arq aspect 5: the home front is involved only with the employee's recorded consent."""
    plan = _lock_open_plan(plan)
    if plan.home_front_consent:
        raise InvalidChoice(_("Je hebt al toestemming gegeven."))
    Plan.objects.filter(pk=plan.pk).update(home_front_consent=True)
    audit.log_change(actor=actor, obj=plan, person=plan.person, fields=["home_front_consent"])
    return step_add(
        plan=plan,
        kind=StepKind.HOME_FRONT,
        title=str(StepKind.HOME_FRONT.label),
        owner_role=StepOwner.SUPPORTER if plan.supporter_id else StepOwner.COORDINATOR,
        due_at=timezone.now() + timedelta(days=7),
        actor=actor,
    )


@transaction.atomic
def plan_evaluate(*, plan: Plan, score: int) -> Evaluation:
    """The closing evaluation: stored without any link to the plan or the person."""
    updated = Plan.objects.filter(pk=plan.pk, status=PlanStatus.CLOSED, evaluated=False).update(evaluated=True)
    if not updated:
        raise InvalidChoice(_("Dit plan kan nu niet worden geëvalueerd."))
    today = timezone.localdate()
    return Evaluation.objects.create(unit_id=plan.unit_id, month=today.replace(day=1), score=score)


# --- Notifications ----------------------------------------------------------------------------


@transaction.atomic
def notifications_mark_read(*, person: Person) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(read_at=timezone.now())


# --- Template editor ----------------------------------------------------------------------------


@transaction.atomic
def template_new_version(
    *, template: PlanTemplate, name: str, name_en: str, steps: list[dict[str, Any]], actor: Any, request: Any = None
) -> PlanTemplate:
    """Save an edited template as its next version, which new plans use from now on.

    Running plans keep the version they were made from (their steps were copied then and
    ``Plan.template`` names that version). Refused when someone saved a newer version meanwhile."""
    if not steps:
        raise InvalidChoice(_("Een sjabloon heeft ten minste één stap."))
    current = PlanTemplate.objects.select_for_update().filter(code=template.code, is_current=True).first()
    if current is None or current.pk != template.pk:
        raise StalePlan
    was_default = current.is_default
    PlanTemplate.objects.filter(pk=current.pk).update(is_current=False, is_default=False)
    new = PlanTemplate.objects.create(
        code=current.code,
        version=current.version + 1,
        is_current=True,
        is_default=was_default,
        name=name,
        name_en=name_en,
        created_by=actor if _is_user(actor) else None,
    )
    for row in steps:
        new.steps.create(
            kind=row["kind"],
            owner=row["owner"],
            due_after_hours=row["due_after_hours"],
            title=row["title"],
            title_en=row.get("title_en", ""),
            only_when=row.get("only_when", ""),
        )
    audit.log_change(
        actor=actor, obj=new, action=AuditAction.CREATE, fields=["name", "name_en", "steps"], request=request
    )
    return new


@transaction.atomic
def event_type_update(
    *,
    event_type: EventType,
    name: str,
    name_en: str,
    template_code: str,
    is_active: bool,
    actor: Any,
    request: Any = None,
) -> EventType:
    """Change an event type's names, its template family and whether it can be chosen."""
    if template_code and not PlanTemplate.objects.filter(code=template_code, is_current=True).exists():
        raise InvalidChoice(_("Kies een sjabloon uit de lijst."))
    EventType.objects.filter(pk=event_type.pk).update(
        name=name, name_en=name_en, template_code=template_code, is_active=is_active
    )
    event_type.refresh_from_db()
    audit.log_change(
        actor=actor, obj=event_type, fields=["name", "name_en", "template_code", "is_active"], request=request
    )
    return event_type
