"""The jubilee reminder: one mail to the manager a configurable number of weeks before a jubilee,
at most once per (person, milestone) — the unique ``JubileeReminder`` row — and the daily scan
that sends every reminder that is due. The task in ``tasks`` runs this work."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import links
from organisation.models import Person
from recognition import selectors
from recognition.constants import Milestone
from recognition.jubilees import jubilee_within
from recognition.models import Jubilee, JubileeReminder

logger = logging.getLogger("zorgwijzer.recognition")


@dataclass(frozen=True)
class ScanResult:
    reminders: int


def remind(*, person_id: int, milestone: int, today: date | None = None) -> bool:
    """Send the reminder for one jubilee if it is due and not sent before; True when sent now."""
    today = today or timezone.localdate()
    person = Person.objects.select_related("manager").filter(pk=person_id, is_active=True).first()
    if person is None:
        return False
    last = today + selectors.reminder_lead()
    jubilee = jubilee_within(person.service_start_date, person.appointment_type, today, last)
    if jubilee is None or int(jubilee.milestone) != milestone:
        return False
    manager = person.manager
    if manager is None or not manager.is_active or not manager.email:
        # Nobody to tell: nothing is recorded, so tomorrow's scan tries again (e.g. after the next HR import).
        logger.warning("jubilee reminder has no recipient", extra={"event": "recognition_reminder_no_recipient"})
        return False
    try:
        with transaction.atomic():
            row, _created = Jubilee.objects.get_or_create(
                person=person,
                milestone=Milestone(milestone),
                defaults={"on": jubilee.on, "medal": jubilee.medal or ""},
            )
            JubileeReminder.objects.create(jubilee=row, recipient=manager)
            address = manager.email
            transaction.on_commit(lambda: _email(address))
    except IntegrityError:
        return False  # another worker, or an earlier run, sent it
    logger.info("jubilee reminder", extra={"event": "recognition_reminder"})
    return True


def _email(address: str) -> None:
    """A pointer to the team page only: no name, no date."""
    subject = _("Zorgwijzer: binnenkort een dienstjubileum in je team")
    body = _(
        "Iemand in je team heeft binnenkort een dienstjubileum. In Zorgwijzer zie je wie het is, "
        "welke onderscheiding erbij hoort en wat je moet regelen: %(link)s"
    ) % {"link": links.absolute("recognition:team")}
    try:
        send_mail(subject, body, None, [address])
    except Exception as error:
        logger.warning(
            "jubilee e-mail not sent", extra={"event": "recognition_email_failed", "error": type(error).__name__}
        )


def jubilee_scan(today: date | None = None) -> ScanResult:
    """Send every jubilee reminder that is due and not yet sent (idempotent; run daily)."""
    today = today or timezone.localdate()
    due = selectors.people_with_jubilee_between(today, today + selectors.reminder_lead())
    sent = sum(remind(person_id=person.pk, milestone=int(jubilee.milestone), today=today) for person, jubilee in due)
    return ScanResult(reminders=sent)
