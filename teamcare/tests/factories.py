"""Test builders of the teamcare app (people, teams and roles: organisation/tests/factories.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from organisation.models import OrgNode, Person
from organisation.tests.factories import OrgNodeFactory, PersonFactory
from teamcare.constants import DialogueKind, DialogueLevel, TrainingStatus
from teamcare.models import AbsenceFigure, Dialogue, Facilitator, ManagerPeriod, Membership
from teamcare.periods import period_of


class FacilitatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facilitator

    person = factory.SubFactory(PersonFactory)
    training = TrainingStatus.GETRAIND
    trained_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=100))


class DialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dialogue

    requested_by = factory.SubFactory("organisation.tests.factories.UserFactory")
    team = factory.SubFactory(OrgNodeFactory)
    kind = DialogueKind.WAARDENVOL
    level = DialogueLevel.COLLECTIEF
    goals = factory.LazyFunction(lambda: ["leren"])


def leaders(team: OrgNode, days_ago: list[int]) -> list[ManagerPeriod]:
    """Manager periods that started ``days_ago`` days before today, each ending when the next starts."""
    today = timezone.localdate()
    starts = sorted(today - dt.timedelta(days=days) for days in days_ago)
    made = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else None
        made.append(
            ManagerPeriod.objects.create(team=team, manager=PersonFactory.create(), started_on=start, ended_on=end)
        )
    return made


def absence(
    team: OrgNode, percentage: str = "9.5", frequency: str = "1.2", day: dt.date | None = None
) -> AbsenceFigure:
    code = period_of(day or timezone.localdate()).code
    return AbsenceFigure.objects.create(
        team=team, period=code, percentage=Decimal(percentage), frequency=Decimal(frequency)
    )


def members(team: OrgNode, count: int, *, since: dt.date, **extra: Any) -> list[Person]:
    people = [PersonFactory.create(team=team) for _ in range(count)]
    Membership.objects.bulk_create([Membership(person=p, team=team, started_on=since, **extra) for p in people])
    return people


def monitor_risk(team: OrgNode, other: OrgNode) -> None:
    """A frozen monitor campaign in which ``team`` is shown with social safety in the risk zone."""
    from monitor import results
    from monitor.tests.factories import answered_campaign

    campaign = answered_campaign({team: 6, other: 6}, value_of=lambda node, i: (1 + i % 3) if node == team else 4)
    results.freeze(campaign)
