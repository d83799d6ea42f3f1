"""Every write of the Barista app. Each service runs in one transaction and writes its audit rows
(field names only) in that same transaction. Evaluation is idempotent: the database allows one
open signal per person and lets an exposure make at most one signal."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from barista import evaluation
from barista.constants import NoticeKind, SignalStatus, Source
from barista.evaluation import Candidate
from barista.models import (
    RULE_FIELDS,
    Absence,
    Exposure,
    ExposureType,
    Notice,
    RuleSet,
    Signal,
    SignalExposure,
    SignalTally,
)
from core import audit, links
from core.models import AuditAction
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.barista")


class AlreadyRecorded(Exception):
    """The outcome of this invitation was recorded before (by this or another manager)."""


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


def _is_absent(person: Person, day: Any) -> Absence | None:
    from django.db.models import Q

    return (
        Absence.objects.filter(person=person, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("deputy")
        .order_by("-starts_on")
        .first()
    )


@dataclass(frozen=True)
class Route:
    """Who gets an invitation and, when that is a deputy, for whom they stand in: the employee's
    direct manager, the only manager who may see the invitation once a deputy finished it."""

    recipient: Person | None
    deputy_for: Person | None = None

    @property
    def is_deputy(self) -> bool:
        return self.deputy_for is not None

    def same_as(self, signal: Signal) -> bool:
        recipient_id = self.recipient.pk if self.recipient else None
        deputy_for_id = self.deputy_for.pk if self.deputy_for else None
        return (recipient_id, deputy_for_id) == (signal.recipient_id, signal.deputy_for_id)


def recipient_for(person: Person, day: Any) -> Route:
    """The direct manager; when absent, the deputy they named, else their own manager (and so on
    up). Never the employee themselves."""
    direct = manager = person.manager
    seen: set[int] = {person.pk}
    while manager is not None and manager.pk not in seen and manager.is_active:
        seen.add(manager.pk)
        absence = _is_absent(manager, day)
        if absence is None:
            return Route(manager, None if manager == direct else direct)
        stand_in = absence.deputy
        if stand_in is not None and stand_in.pk not in seen and stand_in.is_active and not _is_absent(stand_in, day):
            return Route(stand_in, direct)
        manager = manager.manager
    return Route(None)


def _make_signal(candidate: Candidate, person: Person, now: datetime, today: Any) -> Signal | None:
    route = recipient_for(person, today)
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
            _notify(signal, NoticeKind.UITNODIGING, recipient, now)
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
        NoticeKind.UITNODIGING: _("Zorgwijzer: tijd voor een bakkie met een medewerker"),
        NoticeKind.HERINNERING: _("Zorgwijzer: herinnering aan een uitnodiging voor een bakkie"),
        NoticeKind.ESCALATIE: _("Zorgwijzer: een uitnodiging voor een gesprek staat lang open"),
    }
    body = _("Er staat een bericht voor u klaar in Zorgwijzer: %(path)s") % {
        "path": links.absolute("barista:invitations")
    }
    try:
        send_mail(subjects[NoticeKind(kind)], body, None, [address])
    except Exception as error:  # a mail server problem must not undo the signal
        logger.warning(
            "barista e-mail not sent", extra={"event": "barista_email_failed", "error": type(error).__name__}
        )


def evaluate_after_commit(person_ids: Iterable[int]) -> None:
    """Incremental evaluation once the new exposures are committed (in-process for a few people,
    as a background task for a large import)."""
    ids = sorted(set(person_ids))
    if not ids:
        return
    limit = int(settings.BARISTA_INLINE_EVALUATION_LIMIT)
    if len(ids) <= limit:
        # robust: the exposures are stored; a failing evaluation is logged, the daily run catches up.
        transaction.on_commit(lambda: evaluate(ids), robust=True)
    else:
        from barista import tasks

        transaction.on_commit(lambda: tasks.evaluate_people.enqueue(ids), robust=True)


# --- Exposures ------------------------------------------------------------------------------


def type_for_aftercare(event_type: Any) -> ExposureType:
    """The exposure type linked to an aftercare event type. An event type without one (added
    after Barista's migration) gets one with a starting weight the functioneel beheerder can
    change, so registering an event never fails on Barista's account."""
    found = ExposureType.objects.filter(aftercare_type=event_type).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return ExposureType.objects.create(
                code=event_type.code, name=event_type.name, weight=2, impact_class=1, aftercare_type=event_type
            )
    except IntegrityError:  # a type with this code or name exists without the link
        return ExposureType.objects.filter(aftercare_type=event_type).first() or ExposureType.objects.get(
            code=event_type.code
        )


def exposure_from_plan(plan: Any) -> Exposure | None:
    """Every involved employee of an aftercare event is an exposure (called when a plan is made)."""
    if plan.person_id is None:
        return None
    exposure, created = Exposure.objects.get_or_create(
        aftercare_plan=plan,
        defaults={
            "person_id": plan.person_id,
            "type": type_for_aftercare(plan.event.kind),
            "occurred_at": plan.event.occurred_at,
            "source": Source.NAZORG,
        },
    )
    if created:
        evaluate_after_commit([plan.person_id])
    return exposure


@transaction.atomic
def exposure_add(
    *, person: Person, type: ExposureType, occurred_at: datetime, actor: Any, request: Any = None
) -> Exposure:
    """Manual entry by a leidinggevende or coordinator."""
    exposure = Exposure.objects.create(
        person=person, type=type, occurred_at=occurred_at, source=Source.HANDMATIG, recorded_by=actor
    )
    audit.log_change(
        actor=actor,
        obj=exposure,
        action=AuditAction.CREATE,
        person=person,
        fields=["type", "occurred_at"],
        request=request,
    )
    evaluate_after_commit([person.pk])
    return exposure


@dataclass(frozen=True)
class ImportResult:
    created: int
    unchanged: int


@transaction.atomic
def import_records(*, records: list[Any], actor: Any, request: Any = None) -> ImportResult:
    """Write validated import records (``barista.importing.Record``); a record whose external id
    is already present changes nothing. Imports run one at a time (a row lock), so two identical
    deliveries at once store each record once and both report correctly. Call only with records
    that passed validation."""
    ExposureType.objects.select_for_update().filter(code="anders").first()  # the import lock
    existing = set(
        Exposure.objects.filter(source=Source.IMPORT, external_id__in=[r.external_id for r in records]).values_list(
            "external_id", flat=True
        )
    )
    recorder = actor if getattr(actor, "is_authenticated", False) else None
    created = Exposure.objects.bulk_create(
        [
            Exposure(
                person_id=r.person_id,
                type_id=r.type_id,
                occurred_at=r.occurred_at,
                source=Source.IMPORT,
                external_id=r.external_id,
                recorded_by=recorder,
            )
            for r in records
            if r.external_id not in existing
        ],
        batch_size=1000,
    )
    numbers = dict(Person.objects.filter(pk__in={e.person_id for e in created}).values_list("pk", "employee_number"))
    audit.record_many(
        entries=[
            audit.Entry(
                action=AuditAction.IMPORT,
                object_type=Exposure._meta.label_lower,
                object_id=str(e.pk),
                person=_Numbered(numbers.get(e.person_id, "")),
                fields=["type", "occurred_at", "external_id"],
            )
            for e in created
        ],
        actor=actor,
        request=request,
    )
    evaluate_after_commit(e.person_id for e in created)
    return ImportResult(created=len(created), unchanged=len(records) - len(created))


@dataclass(frozen=True)
class _Numbered:
    """Enough of a person for the audit trail's subject: the employee number."""

    employee_number: str


# --- Outcome --------------------------------------------------------------------------------


@transaction.atomic
def record_outcome(
    *, signal: Signal, outcome: str, actor: Any, provision: tuple[str, str] | None = None, request: Any = None
) -> Signal:
    """Record what came of an invitation, once. ``provision`` is (slug, name) for a referral."""
    if outcome not in {s.value for s in (SignalStatus.GESPREK, SignalStatus.WILDE_NIET, SignalStatus.DOORVERWEZEN)}:
        raise ValueError(outcome)
    slug, name = provision if outcome == SignalStatus.DOORVERWEZEN and provision else ("", "")
    if outcome == SignalStatus.DOORVERWEZEN and not slug:
        raise ValueError("a referral names a provision")
    now = timezone.now()
    # The signal (and its links, which keep its exposures from counting again) stays at least
    # until the cool-down after this outcome has passed.
    keep_until = now + timedelta(days=signal.ruleset.cooldown_days)
    updated = Signal.objects.filter(pk=signal.pk, status=SignalStatus.OPEN).update(
        status=outcome,
        outcome_at=now,
        outcome_by=actor,
        referred_to_slug=slug,
        referred_to_name=name,
        expires_at=Greatest(F("expires_at"), Value(keep_until)),
    )
    if not updated:
        raise AlreadyRecorded
    Notice.objects.filter(signal=signal, read_at__isnull=True).update(read_at=now)
    signal.refresh_from_db()
    audit.log_change(
        actor=actor,
        obj=signal,
        person=signal.person,
        fields=["status", "outcome_at", "referred_to_slug"],
        request=request,
    )
    return signal


# --- Reminders, escalation, expiry, retention -----------------------------------------------


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
                reminders += _notify(signal, NoticeKind.HERINNERING, signal.recipient, now)
            if rules.escalation_days and age >= timedelta(days=rules.escalation_days):
                above = signal.recipient.manager if signal.recipient is not None else None
                if above is not None and above.pk != signal.person_id:
                    escalations += _notify(signal, NoticeKind.ESCALATIE, above, now)
    return ScanResult(reminders=reminders, escalations=escalations)


def _reroute(signal: Signal, now: datetime, today: Any) -> None:
    """Follow an absence, a departure or a new manager. Also when only ``deputy_for`` changes (the
    same deputy now stands in for the employee's new manager): it decides who sees the outcome."""
    route = recipient_for(signal.person, today)
    if route.recipient is None or route.same_as(signal):
        return
    moved = route.recipient.pk != signal.recipient_id
    Signal.objects.filter(pk=signal.pk).update(
        recipient=route.recipient, recipient_is_deputy=route.is_deputy, deputy_for=route.deputy_for
    )
    signal.recipient, signal.recipient_is_deputy, signal.deputy_for = route.recipient, route.is_deputy, route.deputy_for
    if moved:
        _notify(signal, NoticeKind.DOORGESTUURD, route.recipient, now)
    audit.log_change(actor=None, obj=signal, person=signal.person, fields=["recipient", "deputy_for"])


@transaction.atomic
def expire_signals(now: datetime | None = None) -> int:
    """Signals past their expiry date disappear, with their links and notices."""
    now = now or timezone.now()
    expired = Signal.objects.filter(expires_at__lte=now)
    # What the pilot statistics need stays, without the employee, the manager or the events.
    SignalTally.objects.bulk_create(
        SignalTally(team_id=team_id, status=status, created_at=created_at, outcome_at=outcome_at)
        for team_id, status, created_at, outcome_at in expired.values_list(
            "team_id", "status", "created_at", "outcome_at"
        )
    )
    _total, per_model = expired.delete()
    return per_model.get(Signal._meta.label, 0)


def exposure_retention() -> timedelta:
    return timedelta(days=int(settings.BARISTA_EXPOSURE_RETENTION_DAYS))


@transaction.atomic
def delete_old_exposures(now: datetime | None = None) -> int:
    """Retention: exposures older than ``BARISTA_EXPOSURE_RETENTION_DAYS`` are deleted."""
    now = now or timezone.now()
    _total, per_model = Exposure.objects.filter(occurred_at__lt=now - exposure_retention()).delete()
    return per_model.get(Exposure._meta.label, 0)


# --- Rules, types, absences -----------------------------------------------------------------


@transaction.atomic
def rules_save(*, unit: Any, values: dict[str, Any], actor: Any, request: Any = None) -> RuleSet:
    """Add a new version of a unit's rules (or of the organisation-wide rules)."""
    latest = RuleSet.objects.select_for_update().filter(unit=unit).order_by("-version").first()
    ruleset = RuleSet.objects.create(
        unit=unit,
        version=(latest.version + 1) if latest else 1,
        created_by=actor,
        **{f: values[f] for f in RULE_FIELDS},
    )
    audit.log_change(actor=actor, obj=ruleset, action=AuditAction.CREATE, fields=list(RULE_FIELDS), request=request)
    return ruleset


@transaction.atomic
def type_save(*, instance: ExposureType, actor: Any, fields: Iterable[str], request: Any = None) -> ExposureType:
    created = instance.pk is None
    instance.save()
    audit.log_change(
        actor=actor,
        obj=instance,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        fields=list(fields),
        request=request,
    )
    return instance


@transaction.atomic
def absence_save(*, instance: Absence, actor: Any, request: Any = None) -> Absence:
    created = instance.pk is None
    if created:
        instance.recorded_by = actor
    instance.save()
    audit.log_change(
        actor=actor,
        obj=instance,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        person=instance.person,
        fields=["starts_on", "ends_on", "deputy"],
        request=request,
    )
    # Back at work (absence ended): the daily run picks the employee up again.
    return instance
