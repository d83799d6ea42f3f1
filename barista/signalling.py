"""Signals and their notices: the evaluation makes the signals the rules find (each with an
invitation notice), and the hourly scan passes an invitation on, reminds and escalates. The
tasks run this work, and ``services`` runs ``evaluate`` after a commit; it imports neither."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from barista import evaluation, selectors
from barista.constants import NoticeKind, SignalStatus
from barista.evaluation import Candidate
from barista.models import Notice, Signal, SignalExposure
from core import audit, links
from core.models import AuditAction
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.barista")


# --- Evaluation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationResult:
    matching: int
    created: int


def evaluate(person_ids: Iterable[int] | None = None, now: datetime | None = None) -> EvaluationResult:
    """Run the rules (for everyone, or for some people) and make the signals that are due."""
    # In UTC, so that "D days" is always D × 24 hours, also across a change to or from summer time.
    now = (now or timezone.now()).astimezone(UTC)
    today = timezone.localdate(now)
    found = evaluation.find(now, today, person_ids=person_ids)
    people = Person.objects.select_related("manager", "team").in_bulk([c.person_id for c in found.new])
    created = 0
    for candidate in found.new:
        if _make_signal(candidate, people[candidate.person_id], now, today):
            created += 1
    if created:
        logger.info("barista signals made", extra={"event": "barista_signals", "count": created})
    return EvaluationResult(matching=len(found.matching), created=created)


def _make_signal(candidate: Candidate, person: Person, now: datetime, today: Any) -> Signal | None:
    route = selectors.recipient_for(person, today)
    recipient = route.recipient
    if recipient is None:
        logger.warning("barista signal has no manager", extra={"event": "barista_no_recipient"})
        return None
    try:
        with transaction.atomic():
            signal = Signal.objects.create(
                person=person,
                recipient=recipient,
                recipient_is_deputy=route.is_deputy,
                deputy_for=route.deputy_for,
                team=person.team,
                ruleset=candidate.ruleset,
                reasons=list(candidate.reasons),
                created_at=now,
                expires_at=now + timedelta(days=candidate.ruleset.expiry_days),
            )
            SignalExposure.objects.bulk_create(
                SignalExposure(signal=signal, exposure_id=pk) for pk in candidate.exposure_ids
            )
            audit.log_change(actor=None, obj=signal, action=AuditAction.CREATE, person=person, fields=["reasons"])
            _notify(signal, NoticeKind.INVITATION, recipient, now)
    except IntegrityError:
        return None  # a concurrent evaluation made it first
    return signal


def _notify(signal: Signal, kind: str, recipient: Person, now: datetime) -> bool:
    """One notice per (signal, kind), in a savepoint; the e-mail holds only a link."""
    try:
        with transaction.atomic():
            Notice.objects.create(signal=signal, kind=kind, recipient=recipient, created_at=now)
    except IntegrityError:
        return False
    if recipient.email:
        address = recipient.email
        transaction.on_commit(lambda: _email(address, kind))
    return True


def _email(address: str, kind: str) -> None:
    """Only a pointer to Zorgwijzer: no names, no events."""
    subjects = {
        NoticeKind.INVITATION: _("Zorgwijzer: tijd voor een bakkie met een medewerker"),
        NoticeKind.REMINDER: _("Zorgwijzer: herinnering aan een uitnodiging voor een bakkie"),
        NoticeKind.ESCALATION: _("Zorgwijzer: een uitnodiging voor een gesprek staat lang open"),
    }
    body = _("Er staat een bericht voor je klaar in Zorgwijzer: %(path)s") % {
        "path": links.absolute("barista:invitations")
    }
    try:
        send_mail(subjects[NoticeKind(kind)], body, None, [address])
    except Exception as error:  # a mail server problem must not undo the signal
        logger.warning(
            "barista e-mail not sent", extra={"event": "barista_email_failed", "error": type(error).__name__}
        )


# --- Reminders, escalation and rerouting ----------------------------------------------------


@dataclass(frozen=True)
class ScanResult:
    reminders: int
    escalations: int


def deadline_scan(now: datetime | None = None) -> ScanResult:
    """Hourly: pass an open invitation on when its manager is away, left or changed (a new
    invitation notice to the new recipient); remind the invited manager after ``reminder_days``;
    and, when the rules say so, tell their own manager after ``escalation_days``. Each notice
    goes at most once per signal, kind and recipient."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    reminders = escalations = 0
    open_signals = Signal.objects.filter(status=SignalStatus.OPEN).select_related(
        "ruleset", "recipient__manager", "person__manager"
    )
    for signal in open_signals.iterator(chunk_size=500):
        rules = signal.ruleset
        age = now - signal.created_at
        with transaction.atomic():
            _reroute(signal, now, today)
            if signal.recipient is not None and age >= timedelta(days=rules.reminder_days):
                reminders += _notify(signal, NoticeKind.REMINDER, signal.recipient, now)
            if rules.escalation_days and age >= timedelta(days=rules.escalation_days):
                above = signal.recipient.manager if signal.recipient is not None else None
                if above is not None and above.pk != signal.person_id:
                    escalations += _notify(signal, NoticeKind.ESCALATION, above, now)
    return ScanResult(reminders=reminders, escalations=escalations)


def _reroute(signal: Signal, now: datetime, today: Any) -> None:
    """Follow an absence, a departure or a new manager. Also when only ``deputy_for`` changes (the
    same deputy now stands in for the employee's new manager): it decides who sees the outcome."""
    route = selectors.recipient_for(signal.person, today)
    if route.recipient is None or route.same_as(signal):
        return
    moved = route.recipient.pk != signal.recipient_id
    Signal.objects.filter(pk=signal.pk).update(
        recipient=route.recipient, recipient_is_deputy=route.is_deputy, deputy_for=route.deputy_for
    )
    signal.recipient, signal.recipient_is_deputy, signal.deputy_for = route.recipient, route.is_deputy, route.deputy_for
    if moved:
        _notify(signal, NoticeKind.FORWARDED, route.recipient, now)
    audit.log_change(actor=None, obj=signal, person=signal.person, fields=["recipient", "deputy_for"])
