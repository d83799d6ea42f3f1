"""Test builders of the jaarbeeld app (people, teams and roles: organisation/tests/factories.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from organisation.tests.factories import OrgNodeFactory, PersonFactory


def aftercare_plans(
    unit: Any, count: int, *, year: int, category: str = "gtpa", contact_within_24h: bool = False
) -> None:
    """``count`` employees of ``unit`` with an aftercare plan for an event of the year."""
    from aftercare.constants import StepKind, StepStatus
    from aftercare.models import Event, EventType, Plan, Step

    kind = EventType.objects.filter(category=category).first()
    assert kind is not None
    team = OrgNodeFactory(unit=unit)
    occurred = timezone.make_aware(dt.datetime(year, 6, 1, 12, 0))
    for _ in range(count):
        event = Event.objects.create(occurred_at=occurred, kind=kind, severity="ernstig")
        person: Any = PersonFactory(team=team)
        plan = Plan.objects.create(event=event, person=person, unit=unit)
        if contact_within_24h:
            Step.objects.create(
                plan=plan,
                kind=StepKind.CONTACT,
                title="Contact",
                owner_role="leidinggevende",
                due_at=occurred + dt.timedelta(hours=24),
                status=StepStatus.DONE,
                completed_at=occurred + dt.timedelta(hours=3),
            )
