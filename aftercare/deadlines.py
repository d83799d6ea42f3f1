"""Deadline notices of the aftercare app: the reminder before a step's deadline and the
escalation at it, each sent at most once per (step, kind), and the hourly scan that catches
what a lost task missed. The tasks run this work; ``services`` only schedules it (through
``tasks``), so this module imports neither."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare import selectors
from aftercare.constants import NoticeKind, PlanStatus, StepOwner, StepStatus
from aftercare.models import DeadlineNotice, Notification, Step
from core import links
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.aftercare")


def reminder_lead() -> timedelta:
    """How long before a deadline the owner is reminded."""
    return timedelta(hours=int(settings.AFTERCARE_REMINDER_HOURS))


@dataclass(frozen=True)
class ScanResult:
    reminders: int
    escalations: int
    new_tasks: int = 0


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
    if kind == NoticeKind.NEW_TASK and step.owner_role != StepOwner.CASEMANAGER:
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
    functioneel beheerder(s): a deadline must reach someone who can act on it. A casemanager's
    step (new task, reminder) goes to the casemanagers covering the employee."""
    if kind == NoticeKind.REMINDER and step.owner is not None and step.owner.is_active:
        return [step.owner]
    if kind != NoticeKind.ESCALATION and step.owner_role == StepOwner.CASEMANAGER:
        casemanagers = selectors.casemanagers_for(step.plan)
        if casemanagers:
            return casemanagers
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
    subjects: dict[str, str] = {
        NoticeKind.REMINDER: _("Zorgwijzer: herinnering aan een stap in een nazorgplan"),
        NoticeKind.NEW_TASK: _("Zorgwijzer: er staat een nieuwe taak voor je klaar"),
    }
    subject = subjects.get(kind, _("Zorgwijzer: termijn van een stap in een nazorgplan is verstreken"))
    body = _("Er staat een melding voor je klaar in Zorgwijzer: %(path)s") % {"path": notifications_url()}
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
    new_tasks = sum(
        notify(step_id=pk, kind=NoticeKind.NEW_TASK, now=now)
        for pk in selectors.casework_steps_unannounced().values_list("pk", flat=True)
    )
    return ScanResult(reminders=reminders, escalations=escalations, new_tasks=new_tasks)
