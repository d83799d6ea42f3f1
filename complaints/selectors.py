"""Reads of the complaints app, shared by the pages, the API, the deadline tasks and the Jaarbeeld.

``statistics`` is the one read that leaves the app with figures: it goes through
``core.anonymity`` (threshold and complementary suppression) and names no one.
"""

from __future__ import annotations

import statistics as stats
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

import access
from complaints import workflow
from complaints.constants import FINAL_STAGES, ContactOutcome, NoticeKind, Stage, Verdict
from complaints.models import AnonymousComplaint, AnonymousElement, Category, Complaint, Element, StageChange
from core.anonymity import complementary_suppression, may_show, threshold
from organisation.constants import Role
from organisation.models import Person, RoleAssignment, Unit

# --- Complaints in reach --------------------------------------------------------------------


def complaints_for(user: Any) -> QuerySet[Complaint]:
    """The complaints whose content this user may read (``access.complaints_visible_filter``)."""
    return (
        Complaint.objects.filter(access.complaints_visible_filter(user))
        .select_related("unit", "handler", "decision_maker")
        .order_by("-received_on", "-pk")
    )


def complaint_for(user: Any, pk: int) -> Complaint | None:
    return complaints_for(user).select_related("complainant").filter(pk=pk).first()


def own_complaints(user: Any) -> QuerySet[Complaint]:
    """Complaints the user filed (for their status only)."""
    return Complaint.objects.filter(access.complaints_own_filter(user)).order_by("-received_on", "-pk")


def complaints_to_decide(user: Any) -> QuerySet[Complaint]:
    return Complaint.objects.filter(access.complaints_decision_filter(user)).select_related("unit")


def unanswered_attempts(complaint: Complaint) -> dict[str, int]:
    """Per kind of contact, how many attempts got no reply."""
    rows = complaint.contact_attempts.filter(outcome=ContactOutcome.NO_REPLY).values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def element_counts(complaint: Complaint) -> dict[str, int]:
    return complaint.elements.aggregate(
        elements=Count("pk"),
        elements_with_advice=Count("pk", filter=~Q(advice="")),
        elements_with_verdict=Count("pk", filter=~Q(verdict="")),
    )


def active_categories() -> QuerySet[Category]:
    return Category.objects.filter(is_active=True)


# --- People around a complaint --------------------------------------------------------------


def _people_with_role(role: str, unit_id: int) -> QuerySet[Person]:
    covering = Q(role=role) & (Q(unit_id=unit_id) | Q(node__unit_id=unit_id))
    user_ids = RoleAssignment.objects.filter(covering).values("user_id")
    return Person.objects.filter(user_id__in=user_ids, is_active=True)


def coordinators_of(unit_id: int) -> list[Person]:
    return list(_people_with_role(Role.KLACHTCOORDINATOR, unit_id))


def handlers_of(unit_id: int) -> QuerySet[Person]:
    """Klachtbehandelaars and klachtcoördinatoren of the unit: the people a complaint may be given to."""
    return (
        _people_with_role(Role.KLACHTBEHANDELAAR, unit_id) | _people_with_role(Role.KLACHTCOORDINATOR, unit_id)
    ).distinct()


def person_by_number(number: str) -> Person | None:
    return Person.objects.filter(employee_number=number.strip()).first() if number.strip() else None


# --- Deadlines ------------------------------------------------------------------------------


def open_with_deadline() -> QuerySet[Complaint]:
    return Complaint.objects.exclude(stage__in=FINAL_STAGES).filter(
        stage_due_at__isnull=False, current_change__isnull=False
    )


def needing_reminder(now: datetime, lead: timedelta) -> QuerySet[Complaint]:
    """Open complaints whose stage deadline is within ``lead`` and not yet reminded of."""
    return (
        open_with_deadline()
        .filter(stage_due_at__gt=now, stage_due_at__lte=now + lead)
        .exclude(current_change__notices__kind=NoticeKind.REMINDER)
    )


def overdue(now: datetime) -> QuerySet[Complaint]:
    """Open complaints past their stage deadline and not yet escalated."""
    return (
        open_with_deadline().filter(stage_due_at__lte=now).exclude(current_change__notices__kind=NoticeKind.ESCALATION)
    )


# --- Lead times (the coordinator's view of their units) ---------------------------------------


@dataclass(frozen=True)
class StageLeadTime:
    stage: str
    label: str
    finished: int  # periods in this stage that ended
    median_days: float | None
    longest_days: int | None
    open_now: int
    overdue_now: int


@dataclass(frozen=True)
class UnitLeadTimes:
    unit: Unit
    complaints: int
    median_total_days: float | None
    stages: list[StageLeadTime]


def lead_times(unit_ids: set[int], now: datetime | None = None) -> list[UnitLeadTimes]:
    """Per unit and per stage: how long complaints stayed (median and longest, in days), how many
    are in the stage now and how many of those are past the stage's deadline."""
    now = now or timezone.now()
    changes = list(
        StageChange.objects.filter(complaint__unit_id__in=unit_ids)
        .order_by("complaint_id", "at", "pk")
        .values_list("complaint_id", "complaint__unit_id", "to_stage", "at")
    )
    durations: dict[tuple[int, str], list[float]] = defaultdict(list)
    totals: dict[int, list[float]] = defaultdict(list)
    by_complaint: dict[int, list[tuple[int, str, datetime]]] = defaultdict(list)
    for complaint_id, unit_id, stage, at in changes:
        by_complaint[complaint_id].append((unit_id, stage, at))
    for rows in by_complaint.values():
        for (unit_id, stage, at), (_u, _s, next_at) in pairwise(rows):
            durations[(unit_id, stage)].append((next_at - at).total_seconds() / 86400)
        unit_id, last_stage, last_at = rows[-1]
        if last_stage in FINAL_STAGES:
            totals[unit_id].append((last_at - rows[0][2]).total_seconds() / 86400)
    current = Counter(
        Complaint.objects.filter(unit_id__in=unit_ids).exclude(stage__in=FINAL_STAGES).values_list("unit_id", "stage")
    )
    late = Counter(
        Complaint.objects.filter(unit_id__in=unit_ids, stage_due_at__lte=now)
        .exclude(stage__in=FINAL_STAGES)
        .values_list("unit_id", "stage")
    )
    counts = dict(
        Complaint.objects.filter(unit_id__in=unit_ids)
        .values("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    labels = dict(Stage.choices)
    result = []
    for unit in Unit.objects.filter(pk__in=unit_ids).order_by("name"):
        stages = []
        for stage in workflow.MAIN_ROAD:
            values = durations.get((unit.pk, stage), [])
            stages.append(
                StageLeadTime(
                    stage=stage,
                    label=str(labels[stage]),
                    finished=len(values),
                    median_days=round(stats.median(values), 1) if values else None,
                    longest_days=round(max(values)) if values else None,
                    open_now=current.get((unit.pk, stage), 0),
                    overdue_now=late.get((unit.pk, stage), 0),
                )
            )
        total = totals.get(unit.pk, [])
        result.append(
            UnitLeadTimes(
                unit=unit,
                complaints=counts.get(unit.pk, 0),
                median_total_days=round(stats.median(total), 1) if total else None,
                stages=stages,
            )
        )
    return result


# --- Statistics for the annual report -------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One count; ``count`` is None when it is suppressed (too few, or computable by subtraction)."""

    key: str
    label: str
    count: int | None

    @property
    def shown(self) -> bool:
        return self.count is not None


@dataclass(frozen=True)
class YearStatistics:
    year: int
    total: int  # organisation-wide number of complaints received that year
    units: list[Cell]
    categories: list[Cell]
    verdicts: list[Cell]


@dataclass(frozen=True)
class _Record:
    year: int
    unit_id: int
    elements: tuple[tuple[int, str], ...]  # (category id, verdict)


def _records(years: range | None) -> list[_Record]:
    """Every complaint, living or erased, as (year, unit, elements): nothing else is read."""
    year_filter = {"received_on__year__in": list(years)} if years is not None else {}
    living: dict[int, _Record] = {}
    elements: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for complaint_id, category_id, verdict in Element.objects.filter(
        **{f"complaint__{k}": v for k, v in year_filter.items()}
    ).values_list("complaint_id", "category_id", "verdict"):
        elements[complaint_id].append((category_id, verdict))
    for pk, received_on, unit_id in Complaint.objects.filter(**year_filter).values_list("pk", "received_on", "unit_id"):
        living[pk] = _Record(received_on.year, unit_id, tuple(elements.get(pk, ())))
    erased_filter = {"year__in": list(years)} if years is not None else {}
    erased_elements: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for complaint_id, category_id, verdict in AnonymousElement.objects.filter(
        **{f"complaint__{k}": v for k, v in erased_filter.items()}
    ).values_list("complaint_id", "category_id", "verdict"):
        erased_elements[complaint_id].append((category_id, verdict))
    erased = [
        _Record(year, unit_id, tuple(erased_elements.get(pk, ())))
        for pk, year, unit_id in AnonymousComplaint.objects.filter(**erased_filter).values_list("pk", "year", "unit_id")
    ]
    return [*living.values(), *erased]


def statistics(year_from: int | None = None, year_to: int | None = None) -> list[YearStatistics]:
    """Complaints per calendar year: the organisation-wide total, and counts per unit, per category
    and per verdict.

    - The organisation-wide total per year is always shown: it is the figure of the annual report
      and points at no unit or person.
    - Unit counts go through ``core.anonymity.complementary_suppression`` on the tree
      organisation → unit (per year): a unit below the threshold is hidden, and so is any unit
      whose count could be worked out from the total minus the units shown.
    - A category or verdict count is the number of complaints with at least one element in that
      category or with that verdict; these groups overlap, so they are not a partition from which
      a rest could be computed. Each is shown only from the threshold up.
    - Only single calendar years are offered (no running totals), so no subtraction between
      periods is possible either.
    """
    years = range(year_from, year_to + 1) if year_from is not None and year_to is not None else None
    records = _records(years)
    by_year: dict[int, list[_Record]] = defaultdict(list)
    for record in records:
        by_year[record.year].append(record)
    unit_names = dict(Unit.objects.values_list("pk", "name"))
    category_names = dict(Category.objects.values_list("pk", "name"))
    verdict_labels = dict(Verdict.choices)
    result = []
    for year in sorted(by_year):
        rows = by_year[year]
        sizes: dict[Any, int] = {"org": len(rows)}
        parent: dict[Any, Any] = {"org": None}
        for record in rows:
            sizes[record.unit_id] = sizes.get(record.unit_id, 0) + 1
            parent[record.unit_id] = "org"
        hidden = complementary_suppression(sizes, parent)
        units = sorted(
            (
                Cell(str(unit_id), unit_names.get(unit_id, ""), None if unit_id in hidden else sizes[unit_id])
                for unit_id in sizes
                if unit_id != "org"
            ),
            key=lambda cell: cell.label,
        )
        per_category = Counter(category for record in rows for category in {c for c, _v in record.elements})
        per_verdict = Counter(verdict for record in rows for verdict in {v for _c, v in record.elements if v})
        categories = [
            Cell(str(pk), category_names.get(pk, ""), n if may_show(n) else None)
            for pk, n in sorted(per_category.items(), key=lambda item: category_names.get(item[0], ""))
        ]
        verdicts = [
            Cell(value, str(verdict_labels[value]), per_verdict[value] if may_show(per_verdict[value]) else None)
            for value in Verdict.values
            if per_verdict.get(value)
        ]
        result.append(YearStatistics(year, len(rows), units, categories, verdicts))
    return result


def anonymity_threshold() -> int:
    return threshold()
