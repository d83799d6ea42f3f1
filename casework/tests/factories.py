"""Test builders of the casework app: aftercare plans with a Team Beroepsrisico flag, cases, buddies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from aftercare.constants import Beroepsrisico
from aftercare.models import Event, EventType, Plan
from casework.models import Buddy, BuddyMatch, Case


def flagged_plan(person: Any, *, beroepsrisico: str = Beroepsrisico.BEROEPSZIEKTE, days_ago: int = 10) -> Plan:
    """An aftercare plan of ``person`` for an event flagged for Team Beroepsrisico (or not, with "")."""
    kind, _ = EventType.objects.get_or_create(
        code="casework-test", defaults={"name": "Schietincident", "category": "ingrijpend"}
    )
    event = Event.objects.create(
        occurred_at=timezone.now() - dt.timedelta(days=days_ago),
        kind=kind,
        severity="ernstig",
        beroepsrisico=beroepsrisico,
    )
    return Plan.objects.create(
        event=event, person=person, unit_id=person.team.unit_id if person.team else None, manager=person.manager
    )


def unassigned_case(person: Any) -> Case:
    plan = flagged_plan(person)
    assert plan.unit_id is not None
    return Case.objects.create(
        person=person, plan=plan, unit_id=plan.unit_id, kind=plan.event.beroepsrisico, consent_given_at=timezone.now()
    )


def buddy(
    person: Any, *, trained_days_ago: int | None = 30, intervision_days_ago: int | None = None, **extra: Any
) -> Buddy:
    today = timezone.localdate()
    return Buddy.objects.create(
        person=person,
        unit_id=person.team.unit_id,
        training_completed_on=today - dt.timedelta(days=trained_days_ago) if trained_days_ago is not None else None,
        last_intervision_on=today - dt.timedelta(days=intervision_days_ago)
        if intervision_days_ago is not None
        else None,
        **extra,
    )


def match(buddy_: Buddy, person: Any) -> BuddyMatch:
    return BuddyMatch.objects.create(
        buddy=buddy_, person=person, plan=flagged_plan(person), started_on=timezone.localdate()
    )
