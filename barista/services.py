"""Every write of the Barista app a person (or the aftercare app) makes. Each service runs in one
transaction and writes its audit rows (field names only) in that same transaction. New exposures
are evaluated after the commit (``signalling.evaluate``, or ``tasks.evaluate_people`` for many
people); the background work itself lives in ``signalling`` and ``retention``."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from aftercare.models import Plan
from barista import signalling, tasks
from barista.constants import SignalStatus, Source
from barista.models import (
    RULE_FIELDS,
    Absence,
    Exposure,
    ExposureType,
    Notice,
    RuleSet,
    Scope,
    Signal,
)
from core import audit
from core.models import AuditAction
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.barista")


class AlreadyRecorded(Exception):
    """The outcome of this invitation was recorded before (by this or another manager)."""


# --- Evaluation -----------------------------------------------------------------------------


def evaluate_after_commit(person_ids: Iterable[int]) -> None:
    """Incremental evaluation once the new exposures are committed (in-process for a few people,
    as a background task for a large import)."""
    ids = sorted(set(person_ids))
    if not ids:
        return
    limit = int(settings.BARISTA_INLINE_EVALUATION_LIMIT)
    if len(ids) <= limit:
        # robust: the exposures are stored; a failing evaluation is logged, the daily run catches up.
        transaction.on_commit(lambda: signalling.evaluate(ids), robust=True)
    else:
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


def exposure_from_plan(plan: Plan) -> Exposure | None:
    """Every involved employee of an aftercare event is an exposure (``receivers``, when a plan is made)."""
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


@transaction.atomic
def invitation_opened(*, signal: Signal, user: Any) -> int:
    """The invited manager (or deputy) opened the invitation: their notices about it are read."""
    return Notice.objects.filter(signal=signal, recipient__user_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


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
def scope_set(*, units: Iterable[Any], teams: Iterable[Any], actor: Any, request: Any = None) -> list[Scope]:
    """Switch Barista on for exactly these units and teams (and off everywhere else); every change
    is in the audit trail. Takes effect at the next evaluation; signals made before stay."""
    wanted = {("unit", unit.pk) for unit in units} | {("team", team.pk) for team in teams}
    current = {(("unit", row.unit_id) if row.unit_id else ("team", row.team_id)): row for row in Scope.objects.all()}
    for key, row in current.items():
        if key not in wanted:
            audit.log_change(actor=actor, obj=row, action=AuditAction.DELETE, fields=[key[0]], request=request)
            row.delete()
    by_user = actor if getattr(actor, "is_authenticated", False) else None
    for kind, pk in sorted(wanted - set(current)):
        row = Scope.objects.create(**{f"{kind}_id": pk}, switched_on_by=by_user)
        audit.log_change(actor=actor, obj=row, action=AuditAction.CREATE, fields=[kind], request=request)
    return list(Scope.objects.all())


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
