"""Every write of the aftercare app: register an event, move steps, assign a supporter,
notify about deadlines, anonymise old cases. Each service runs in one transaction and writes
its audit rows (field names only) and status history in that same transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare import selectors, workflow
from aftercare.constants import NoticeKind, PlanStatus, Severity, StepKind, StepOwner, StepStatus
from aftercare.models import (
    DeadlineNotice,
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
from aftercare.signals import plan_anonymised
from core import audit, links
from core.models import AuditAction
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.aftercare")


class StalePlan(Exception):
    """The plan changed since the form was opened (optimistic locking)."""


class InvalidChoice(ValueError):
    """A choice the rules do not allow (e.g. a supporter who is involved in the event)."""


def reminder_lead() -> timedelta:
    """How long before a deadline the owner is reminded."""
    return timedelta(hours=int(settings.AFTERCARE_REMINDER_HOURS))


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
    request: Any = None,
) -> Event:
    """Record an event and make an aftercare plan for every involved employee."""
    event = Event.objects.create(
        occurred_at=occurred_at,
        kind=kind,
        severity=severity,
        note=note,
        beroepsrisico=beroepsrisico,
        gtpa_casemanager=gtpa_casemanager,
        reporter=reporter,
    )
    audit.log_change(
        actor=reporter, obj=event, action=AuditAction.CREATE, fields=["occurred_at", "kind"], request=request
    )
    template = PlanTemplate.objects.prefetch_related("steps").get(is_default=True)
    for person in people:
        plan_create(event=event, person=person, template=template, actor=reporter, request=request)
    return event


def plan_create(*, event: Event, person: Person, template: PlanTemplate, actor: Any, request: Any = None) -> Plan:
    plan = Plan.objects.create(
        event=event,
        person=person,
        unit_id=person.team.unit_id if person.team_id else None,  # type: ignore[union-attr]
        manager=person.manager,
    )
    StatusChange.objects.create(plan=plan, to_status=PlanStatus.OPEN, actor=actor if _is_user(actor) else None)
    for template_step in template.steps.all():
        step_add(
            plan=plan,
            kind=template_step.kind,
            title=_step_title(template_step.kind, template_step.title, event.severity),
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


def step_add(*, plan: Plan, kind: str, title: str, owner_role: str, due_at: datetime, actor: Any = None) -> Step:
    """Add a step and schedule its reminder and its deadline (they run at those moments)."""
    from aftercare import tasks

    step = Step.objects.create(
        plan=plan, kind=kind, title=title, owner_role=owner_role, owner=_owner_for(plan, owner_role), due_at=due_at
    )
    StatusChange.objects.create(
        plan=plan, step=step, to_status=StepStatus.OPEN, actor=actor if _is_user(actor) else None
    )
    # With the database task backend these rows commit with the step: a restart loses nothing.
    # The hourly ``scan_deadlines`` job catches anything a crashed worker left behind.
    tasks.schedule_step_deadlines(step)
    return step


# --- Steps ------------------------------------------------------------------------------------


def _move_step(step: Step, to_status: str, actor: Any, **fields: Any) -> None:
    workflow.ensure_step_can_move(step.status, to_status)
    now = timezone.now()
    # Conditional update: two people completing the same step at once cannot both succeed.
    updated = Step.objects.filter(pk=step.pk, status=step.status).update(
        status=to_status, completed_at=now, completed_by=actor, **fields
    )
    if not updated:
        raise workflow.TransitionNotAllowed(_("Deze stap is intussen al door iemand anders afgehandeld."))
    StatusChange.objects.create(plan=step.plan, step=step, from_status=step.status, to_status=to_status, actor=actor)
    audit.log_change(actor=actor, obj=step, person=step.plan.person, fields=["status", *fields])
    step.refresh_from_db()


@transaction.atomic
def step_complete(
    *,
    step: Step,
    actor: Any,
    complaints_persist: bool | None = None,
    referral_target: str = "",
    referral_date: date | None = None,
) -> Step:
    """Complete a step, with what follows from it (referral, closure, support accepted)."""
    plan = step.plan
    workflow.ensure_plan_can_move(plan.status, PlanStatus.CLOSED) if step.kind == StepKind.CLOSURE else None
    if step.kind == StepKind.EVALUATION and complaints_persist is None:
        raise InvalidChoice(_("Geef aan of er nog stressklachten zijn."))
    if step.kind == StepKind.REFERRAL and not (referral_target and referral_date):
        raise InvalidChoice(_("Vul in naar wie is doorverwezen en op welke datum."))
    extra = (
        {"referral_target": referral_target, "referral_date": referral_date} if step.kind == StepKind.REFERRAL else {}
    )
    _move_step(step, StepStatus.DONE, actor, **extra)
    if step.kind == StepKind.SUPPORT_OFFER:
        Plan.objects.filter(pk=plan.pk).update(support_accepted=True)
    elif step.kind == StepKind.EVALUATION:
        _after_evaluation(plan, bool(complaints_persist), actor)
    elif step.kind == StepKind.CLOSURE:
        _close(plan, actor)
    return step


def _after_evaluation(plan: Plan, complaints_persist: bool, actor: Any) -> None:
    """Zorgwijzer §3.13: complaints after four to six weeks → referral to professional care."""
    Plan.objects.filter(pk=plan.pk).update(complaints_persist=complaints_persist)
    if complaints_persist:
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


def eligible_supporters(plan: Plan) -> list[Person]:
    """Trained peer supporters for this plan: not the employee's manager, not involved, within capacity."""
    return selectors.eligible_supporters(plan, capacity=supporter_capacity())


def supporter_capacity() -> int:
    return int(settings.AFTERCARE_SUPPORTER_CAPACITY)


@transaction.atomic
def plan_assign_supporter(*, plan: Plan, version: int, supporter: Person, actor: Any, request: Any = None) -> Plan:
    """Assign the peer supporter. Refused when someone else changed the plan since ``version``."""
    if supporter.pk not in {p.pk for p in eligible_supporters(plan)} and supporter.pk != plan.supporter_id:
        raise InvalidChoice(_("Deze collegiaal ondersteuner kan niet worden gekozen voor dit plan."))
    updated = Plan.objects.filter(pk=plan.pk, version=version, status=PlanStatus.OPEN).update(
        supporter=supporter, version=F("version") + 1
    )
    if not updated:
        raise StalePlan
    plan.steps.filter(owner_role=StepOwner.SUPPORTER, status=StepStatus.OPEN).update(owner=supporter)
    audit.log_change(actor=actor, obj=plan, person=plan.person, fields=["supporter"], request=request)
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
        raise InvalidChoice(_("U heeft al toestemming gegeven."))
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


# --- Deadlines --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanResult:
    reminders: int
    escalations: int


def notify(*, step_id: int, kind: str, now: datetime | None = None) -> bool:
    """Send one reminder or escalation for a step, at most once ever; True when it was sent now."""
    now = now or timezone.now()
    step = Step.objects.select_related("plan", "plan__person", "owner").filter(pk=step_id).first()
    if step is None or step.status != StepStatus.OPEN or step.plan.status != PlanStatus.OPEN:
        return False
    if kind == NoticeKind.REMINDER and step.due_at <= now:
        return False  # too late for a reminder; the escalation follows
    if kind == NoticeKind.ESCALATION and step.due_at > now:
        return False
    recipients = _recipients(step, kind)
    if not recipients:
        # Nobody to tell: do not record the notice as sent, so the hourly scan tries again
        # (e.g. once a coordinator or functioneel beheerder has been appointed).
        logger.warning(
            "aftercare notice has no recipients",
            extra={"event": "aftercare_notice_no_recipients", "kind": kind, "step": step.pk},
        )
        return False
    try:
        with transaction.atomic():
            notice = DeadlineNotice.objects.create(step=step, kind=kind)
            Notification.objects.bulk_create(Notification(notice=notice, recipient=r) for r in recipients)
            transaction.on_commit(lambda: _email(recipients, kind))
    except IntegrityError:
        return False  # another worker (or an earlier run) sent it
    logger.info("aftercare notice", extra={"event": "aftercare_notice", "kind": kind, "step": step.pk})
    return True


def _recipients(step: Step, kind: str) -> list[Person]:
    """The owner (reminder), else the TCO coordinators covering the employee, else the
    functioneel beheerder(s): a deadline must reach someone who can act on it."""
    if kind == NoticeKind.REMINDER and step.owner is not None and step.owner.is_active:
        return [step.owner]
    coordinators = selectors.coordinators_for(step.plan)
    if coordinators:
        return coordinators
    admins = selectors.functional_admins()
    if admins:
        logger.info(
            "aftercare notice falls back to functioneel beheer",
            extra={"event": "aftercare_notice_fallback", "kind": kind, "step": step.pk},
        )
    return admins


def _email(recipients: list[Person], kind: str) -> None:
    """Only a pointer to Zorgwijzer: no names, no event, nothing about the employee."""
    subject = (
        _("Zorgwijzer: herinnering aan een stap in een nazorgplan")
        if kind == NoticeKind.REMINDER
        else _("Zorgwijzer: termijn van een stap in een nazorgplan is verstreken")
    )
    body = _("Er staat een melding voor u klaar in Zorgwijzer: %(path)s") % {"path": notifications_url()}
    addresses = [r.email for r in recipients if r.email]
    for address in addresses:
        try:
            send_mail(subject, body, None, [address])
        except Exception as error:  # one failing address must not stop the others
            # No address, no name: only what kind of notice and what went wrong.
            logger.warning(
                "aftercare e-mail not sent",
                extra={"event": "aftercare_email_failed", "kind": kind, "error": type(error).__name__},
            )


def notifications_url() -> str:
    """The absolute link to the notifications page (``ZORGWIJZER_SITE_URL``), else the path."""
    return links.absolute("aftercare:notifications")


def deadline_scan(now: datetime | None = None) -> ScanResult:
    """Send every reminder and escalation that is due and not yet sent (idempotent)."""
    now = now or timezone.now()
    reminders = sum(
        notify(step_id=pk, kind=NoticeKind.REMINDER, now=now)
        for pk in selectors.steps_needing_reminder(now, reminder_lead()).values_list("pk", flat=True)
    )
    escalations = sum(
        notify(step_id=pk, kind=NoticeKind.ESCALATION, now=now)
        for pk in selectors.overdue_steps(now).values_list("pk", flat=True)
    )
    return ScanResult(reminders=reminders, escalations=escalations)


@transaction.atomic
def notifications_mark_read(*, person: Person) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(read_at=timezone.now())


# --- Retention --------------------------------------------------------------------------------


def retention_period() -> timedelta:
    return timedelta(days=int(settings.AFTERCARE_RETENTION_DAYS))


@transaction.atomic
def retention_anonymise(now: datetime | None = None) -> int:
    """Erase the personal data of plans closed longer ago than the retention period.

    Kept: unit, event type and date, statuses and deadlines (the aggregates). Erased: the link
    to the employee, manager and supporter, the notes, notifications and the event's free text.
    """
    now = now or timezone.now()
    plans = list(Plan.objects.filter(status=PlanStatus.CLOSED, closed_at__lte=now - retention_period()))
    for plan in plans:
        SupportNote.objects.filter(plan=plan).delete()
        Notification.objects.filter(notice__step__plan=plan).delete()
        plan.steps.update(owner=None, completed_by=None)
        # The history keeps what happened and when, not who did it (e.g. the employee who declined).
        # A bulk update, not save(): the append-only rule is about changing history, not erasing people.
        StatusChange.objects.filter(plan=plan).update(actor=None)
        Plan.objects.filter(pk=plan.pk).update(
            person=None, manager=None, supporter=None, status=PlanStatus.ANONYMISED, anonymised_at=now
        )
        StatusChange.objects.create(plan=plan, from_status=plan.status, to_status=PlanStatus.ANONYMISED)
        Event.objects.filter(pk=plan.event_id).exclude(plans__person__isnull=False).update(note="", reporter=None)
        plan_anonymised.send(sender=Plan, plan=plan)
        # By type and id only: ``obj=plan`` would copy the employee number of the plan as loaded.
        audit.record(
            action=AuditAction.UPDATE,
            object_type=Plan._meta.label_lower,
            object_id=str(plan.pk),
            fields=["person", "manager", "supporter", "notes", "history", "notifications"],
        )
    return len(plans)
