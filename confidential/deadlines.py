"""Service-level deadlines of requests (a reminder before, an escalation at the deadline, each at
most once per request and kind: a unique ``RequestNotice`` row) and the yearly MCU invitations of
heavily loaded teams (at most once per person per year: a unique ``McuInvitation`` row). E-mails
only point to Zorgwijzer: no name, no kind of request, nothing about the employee."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from confidential import selectors
from confidential.constants import NoticeKind, RequestKind, RequestStatus
from confidential.models import McuInvitation, Request, RequestNotice
from core import links
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.confidential")


def reminder_lead() -> timedelta:
    return timedelta(hours=int(settings.CONFIDENTIAL_REMINDER_HOURS))


@dataclass(frozen=True)
class ScanResult:
    reminders: int
    escalations: int


def notify(*, request_id: int, kind: str, now: datetime | None = None) -> bool:
    """Send one reminder or escalation for a request, at most once ever; True when sent now."""
    now = now or timezone.now()
    request = (
        Request.objects.select_related("person__team", "other_party__team", "handler").filter(pk=request_id).first()
    )
    if request is None or request.status != RequestStatus.NEW or request.due_at is None:
        return False  # planned, closed or withdrawn: the deadline was met or no longer matters
    if kind == NoticeKind.REMINDER and request.due_at <= now:
        return False
    if kind == NoticeKind.ESCALATION and request.due_at > now:
        return False
    recipients = _recipients(request, kind)
    if not recipients:
        logger.warning("confidential notice has no recipients", extra={"event": "confidential_notice_no_recipients"})
        return False  # the hourly scan tries again once someone holds the role
    try:
        with transaction.atomic():
            RequestNotice.objects.create(request=request, kind=kind)
            addresses = [p.email for p in recipients if p.email]
            transaction.on_commit(lambda: _email(addresses, kind))
    except IntegrityError:
        return False  # another worker (or an earlier run) sent it
    logger.info("confidential notice", extra={"event": "confidential_notice", "task": kind})
    return True


def _recipients(request: Request, kind: str) -> list[Person]:
    """Who must act: the handler (reminder), else the pool; the escalation goes to the whole pool
    (and, for a named vertrouwenspersoon, also to the employee, who may pick another). Never the
    manager. With no pool at all, the functioneel beheerder gets a pointer without content."""
    handler = request.handler if request.handler is not None and request.handler.is_active else None
    if request.kind == RequestKind.VERTROUWENSPERSOON:
        people = [handler] if handler else []
        if kind == NoticeKind.ESCALATION:
            people.append(request.person)
        return people
    if kind == NoticeKind.REMINDER and handler is not None:
        return [handler]
    if request.kind == RequestKind.MCU:
        pool = selectors.psychologists(request.unit_id)
    else:
        pool = selectors.eligible_mediators(selectors.parties_units(request))
    return pool or selectors.functional_admins()


def _email(addresses: list[str], kind: str) -> None:
    subject = (
        _("Zorgwijzer: herinnering aan een verzoek")
        if kind == NoticeKind.REMINDER
        else _("Zorgwijzer: de reactietermijn van een verzoek is verstreken")
    )
    body = _("Er staat een verzoek voor je klaar in Zorgwijzer: %(path)s") % {
        "path": links.absolute("confidential:requests")
    }
    for address in addresses:
        try:
            send_mail(subject, body, None, [address])
        except Exception as error:  # one failing address must not stop the others
            logger.warning(
                "confidential e-mail not sent",
                extra={"event": "confidential_email_failed", "task": type(error).__name__},
            )


def deadline_scan(now: datetime | None = None) -> ScanResult:
    """Every reminder and escalation that is due and not yet sent (idempotent)."""
    now = now or timezone.now()
    reminders = sum(
        notify(request_id=pk, kind=NoticeKind.REMINDER, now=now)
        for pk in selectors.needing_reminder(now, reminder_lead()).values_list("pk", flat=True)
    )
    escalations = sum(
        notify(request_id=pk, kind=NoticeKind.ESCALATION, now=now)
        for pk in selectors.overdue(now).values_list("pk", flat=True)
    )
    return ScanResult(reminders=reminders, escalations=escalations)


def invite_heavy_teams(now: datetime | None = None) -> int:
    """The yearly MCU invitation for each member of a heavily loaded team, once per person per
    calendar year; returns how many were sent now."""
    year = timezone.localdate(now or timezone.now()).year
    sent = 0
    for person in selectors.members_to_invite(year):
        if person.team is None:
            continue
        try:
            with transaction.atomic():
                McuInvitation.objects.create(person=person, team=person.team, year=year)
                transaction.on_commit(functools.partial(_invite_email, person.email))
        except IntegrityError:
            continue  # invited by a concurrent run
        sent += 1
    return sent


def _invite_email(address: str) -> None:
    if not address:
        return
    body = _(
        "Je bent uitgenodigd voor je jaarlijkse Mental Check Up: een gesprek van ongeveer een uur met een "
        "psycholoog. Je leidinggevende ziet niet of je ingaat op de uitnodiging. Aanvragen: %(path)s"
    ) % {"path": links.absolute("confidential:mcu")}
    try:
        send_mail(_("Zorgwijzer: uitnodiging voor een Mental Check Up"), body, None, [address])
    except Exception as error:
        logger.warning(
            "confidential invitation not sent",
            extra={"event": "confidential_email_failed", "task": type(error).__name__},
        )
