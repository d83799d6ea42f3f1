"""The only module of the jaarbeeld app that reads other apps' data (aftercare, Barista, the
monitor, the self-tests and Feiten en cijfers). Each function returns raw per-unit counts for one
calendar year; ``jaarbeeld.indicators`` decides what of it may be shown (``core.anonymity``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone

#: Per unit (``None``: not attributable to a unit) a vector ``(part, people)`` or ``(people,)``.
UnitVectors = dict[int | None, tuple[float, ...]]


def _year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    return start, timezone.make_aware(dt.datetime(year + 1, 1, 1))


def _plans(year: int) -> list[tuple[int, int | None, str, int | None]]:
    """(plan id, unit id, event category, person id) of every aftercare plan whose event fell in the year."""
    from aftercare.models import Plan

    start, end = _year_range(year)
    return list(
        Plan.objects.filter(event__occurred_at__gte=start, event__occurred_at__lt=end).values_list(
            "pk", "unit_id", "event__kind__category", "person_id"
        )
    )


def plans_by_category(year: int, category: str) -> UnitVectors:
    """People with an aftercare plan per unit (a plan without a person after retention counts as one)."""
    people: dict[int | None, set[str]] = defaultdict(set)
    for plan_id, unit_id, found, person_id in _plans(year):
        if found == category:
            people[unit_id].add(f"p{person_id}" if person_id else f"plan{plan_id}")
    return {unit: (float(len(found)),) for unit, found in people.items()}


def plans_with_step(year: int, *, within_24h: bool) -> UnitVectors:
    """Per unit ``(plans with the step, plans)``: the contact step done within 24 hours of the event
    (``within_24h``) or a referral step done (otherwise)."""
    from aftercare.constants import StepKind, StepStatus
    from aftercare.models import Step

    start, end = _year_range(year)
    totals: dict[int | None, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for _plan_id, unit_id, _category, _person in _plans(year):
        totals[unit_id][1] += 1
    kind = StepKind.CONTACT if within_24h else StepKind.REFERRAL
    steps = Step.objects.filter(
        kind=kind,
        status=StepStatus.DONE,
        plan__event__occurred_at__gte=start,
        plan__event__occurred_at__lt=end,
    ).values_list("plan_id", "plan__unit_id", "completed_at", "plan__event__occurred_at")
    counted: set[int] = set()
    for plan_id, unit_id, completed_at, occurred_at in steps:
        if plan_id in counted:
            continue
        if within_24h and (completed_at is None or completed_at - occurred_at > dt.timedelta(hours=24)):
            continue
        counted.add(plan_id)
        totals[unit_id][0] += 1
    return {unit: (part, people) for unit, (part, people) in totals.items()}


def barista_signals(year: int, *, followed_up: bool) -> UnitVectors:
    """Per unit: people invited by Barista in the year ``(people,)``, or ``(signals with an outcome,
    signals)`` when ``followed_up``."""
    from barista.constants import SignalStatus
    from barista.models import Signal

    start, end = _year_range(year)
    rows = Signal.objects.filter(created_at__gte=start, created_at__lt=end).values_list(
        "team__unit_id", "person_id", "status"
    )
    if not followed_up:
        people: dict[int | None, set[int]] = defaultdict(set)
        for unit_id, person_id, _status in rows:
            people[unit_id].add(person_id)
        return {unit: (float(len(found)),) for unit, found in people.items()}
    totals: dict[int | None, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for unit_id, _person, status in rows:
        totals[unit_id][1] += 1
        if status != SignalStatus.OPEN:
            totals[unit_id][0] += 1
    return {unit: (part, people) for unit, (part, people) in totals.items()}


@dataclass(frozen=True)
class Published:
    """A figure the monitor has published itself (share in the risk zone), or withheld."""

    share: Decimal | None
    shown: bool


MONITOR_SCALE = "herstel-energie"


def monitor_recovery(year: int) -> dict[int | None, Published]:
    """The share in the risk zone on the herstel-en-energie scale, as the monitor published it for
    the organisation (key ``None``) and each unit, from the last campaign of the year that closed
    and measured the scale. Nothing is recomputed: a figure the monitor withheld stays withheld."""
    from monitor import results
    from monitor.models import Campaign

    campaigns = [
        campaign
        for campaign in Campaign.objects.filter(closes_on__year=year).order_by("closes_on", "pk")
        if MONITOR_SCALE in (campaign.scales or []) and campaign.is_closed()
    ]
    found: dict[int | None, Published] = {}
    for campaign in campaigns:
        published = results.for_campaign(campaign)
        if published is None:
            continue
        for key, group in published.groups.items():
            if key[0] not in ("org", "unit"):
                continue
            unit_id = None if key[0] == "org" else key[1]
            figure = group.figures.get(MONITOR_SCALE)
            share = figure.risk_share if (group.shown and figure is not None) else None
            found[unit_id] = Published(
                share=None if share is None else Decimal(str(round(100 * share, 1))), shown=share is not None
            )
    return found


def selftest_weekly_use(year: int) -> Decimal | None:
    """How often a self-test was filled in per week on average (ISO weeks of the year); the
    self-tests store only counts per week, never who."""
    from selftests.models import WeeklyUsage

    found = WeeklyUsage.objects.filter(week__startswith=f"{year}-W").aggregate(
        total=Sum("count"), weeks=Count("week", distinct=True)
    )
    if not found["weeks"]:
        return None
    return (Decimal(found["total"] or 0) / Decimal(found["weeks"])).quantize(Decimal("0.1"))


def figure_values(table: str, label: str) -> dict[int, Decimal]:
    """Values per year of one row of a Feiten-en-cijfers table."""
    from figures.models import FigureRow

    return dict(FigureRow.objects.filter(table__code=table, label=label).values_list("year", "value"))


def unit_names() -> dict[int, str]:
    from organisation.models import Unit

    return dict(Unit.objects.values_list("pk", "name"))
