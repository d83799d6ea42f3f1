"""Stage deadlines of the complaints app: a reminder to the handler before the deadline of a
stage, an escalation to the klachtcoördinator(en) of the unit after it, each at most once per
stage period (a unique ``DeadlineNotice`` row per (stage change, kind)), plus the hourly scan
that catches what a lost or killed task missed. The tasks run this work; ``services`` only
schedules it (through ``tasks``), so this module imports neither."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints import selectors, workflow
from complaints.constants import NoticeKind
from complaints.models import Complaint, DeadlineNotice
from core import links
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.complaints")


def stage_days(stage: str) -> int | None:
    """The service level of a stage in days (``COMPLAINTS_STAGE_DAYS``); None: no deadline."""
    days = settings.COMPLAINTS_STAGE_DAYS.get(stage)
    return int(days) if days else None


def due_at(stage: str, started_at: datetime) -> datetime | None:
    days = stage_days(stage)
    return started_at + timedelta(days=days) if days else None


def reminder_lead() -> timedelta:
    return timedelta(days=int(settings.COMPLAINTS_REMINDER_DAYS))


@dataclass(frozen=True)
class ScanResult:
    reminders: int
    escalations: int


def notify(*, change_id: int, kind: str, now: datetime | None = None) -> bool:
    """Send the reminder or escalation of one stage period, at most once ever; True when sent now.

    Nothing is sent when the complaint has left that stage since (the stage change is no longer
    the current one), is finished, or when it is too early (or, for a reminder, too late)."""
    now = now or timezone.now()
    complaint = Complaint.objects.select_related("handler").filter(current_change_id=change_id).first()
    if complaint is None or not workflow.is_open(complaint.stage) or complaint.stage_due_at is None:
        return False
    if kind == NoticeKind.REMINDER and not (complaint.stage_due_at - reminder_lead() <= now < complaint.stage_due_at):
        return False
    if kind == NoticeKind.ESCALATION and complaint.stage_due_at > now:
        return False
    recipients = _recipients(complaint, kind)
    if not recipients:
        # Nobody to tell: record nothing, so the hourly scan tries again once someone is appointed.
        logger.warning(
            "complaint notice has no recipients",
            extra={"event": "complaint_notice_no_recipients", "kind": kind, "complaint": complaint.pk},
        )
        return False
    try:
        with transaction.atomic():
            notice = DeadlineNotice.objects.create(change_id=change_id, kind=kind)
            notice.recipients.set(recipients)
            transaction.on_commit(lambda: _email(recipients, kind))
    except IntegrityError:
        return False  # another worker (or an earlier run) sent it
    logger.info("complaint notice", extra={"event": "complaint_notice", "kind": kind, "complaint": complaint.pk})
    return True


def _recipients(complaint: Complaint, kind: str) -> list[Person]:
    """Reminder: the handler (else the coordinators). Escalation: the coordinators of the unit."""
    if kind == NoticeKind.REMINDER and complaint.handler is not None and complaint.handler.is_active:
        return [complaint.handler]
    return selectors.coordinators_of(complaint.unit_id)


def _email(recipients: list[Person], kind: str) -> None:
    """Only a pointer to Zorgwijzer: no names, no unit, nothing about the complaint."""
    subject = (
        _("Zorgwijzer: een termijn van een klacht loopt bijna af")
        if kind == NoticeKind.REMINDER
        else _("Zorgwijzer: een termijn van een klacht is verstreken")
    )
    body = _("Bekijk de klachten in Zorgwijzer: %(path)s") % {"path": links.absolute("complaints:index")}
    for address in [r.email for r in recipients if r.email]:
        try:
            send_mail(subject, body, None, [address])
        except Exception as error:  # one failing address must not stop the others
            logger.warning(
                "complaint e-mail not sent",
                extra={"event": "complaint_email_failed", "kind": kind, "error": type(error).__name__},
            )


def deadline_scan(now: datetime | None = None) -> ScanResult:
    """Send every reminder and escalation that is due and not yet sent (idempotent)."""
    now = now or timezone.now()
    reminders = sum(
        notify(change_id=pk, kind=NoticeKind.REMINDER, now=now)
        for pk in selectors.needing_reminder(now, reminder_lead()).values_list("current_change_id", flat=True)
    )
    escalations = sum(
        notify(change_id=pk, kind=NoticeKind.ESCALATION, now=now)
        for pk in selectors.overdue(now).values_list("current_change_id", flat=True)
    )
    return ScanResult(reminders=reminders, escalations=escalations)
