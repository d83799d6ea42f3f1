"""Periodic team check-ups: plan the next one for every team with a chief, and bring an overdue
one to the head of the parent node exactly once.

Exactly once rests on the database, not on the worker: an ``Escalation`` row is unique per
check-up and is written in its own transaction, so a worker that dies half-way leaves every
escalation either written or not; running the scan again writes the missing ones and never a
second one.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from organisation.constants import NodeKind, Role
from organisation.models import OrgNode, RoleAssignment
from teamcare.constants import CheckupStatus
from teamcare.models import Checkup, Escalation


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(held_on: dt.date) -> dt.date:
    return add_months(held_on, settings.TEAMCARE_CHECKUP_MONTHS)


@dataclass(frozen=True)
class ScanResult:
    planned: int
    escalated: int


def checkups_plan(*, today: dt.date) -> int:
    """Give every team that has a chief and no open check-up its next one; returns how many."""
    led = RoleAssignment.objects.filter(role=Role.LEIDINGGEVENDE, node__kind=NodeKind.TEAM).values("node_id")
    teams = set(OrgNode.objects.filter(pk__in=led).values_list("pk", flat=True))
    teams -= set(Checkup.objects.filter(status=CheckupStatus.OPEN, team_id__in=teams).values_list("team_id", flat=True))
    last_held = dict(
        Checkup.objects.filter(team_id__in=teams, status=CheckupStatus.GEHOUDEN)
        .values("team_id")
        .annotate(last=Max("held_on"))
        .values_list("team_id", "last")
        .order_by()
    )
    first_due = today + dt.timedelta(days=settings.TEAMCARE_CHECKUP_FIRST_DAYS)
    planned = [
        Checkup(team_id=team_id, due_on=next_due(last_held[team_id]) if last_held.get(team_id) else first_due)
        for team_id in sorted(teams)
    ]
    # ignore_conflicts: a check-up held or planned at the same moment wins (one open per team).
    created = Checkup.objects.bulk_create(planned, ignore_conflicts=True)
    return len(created)


def overdue(today: dt.date) -> list[Checkup]:
    return list(
        Checkup.objects.filter(
            status=CheckupStatus.OPEN, due_on__lt=today, escalation__isnull=True, team__parent__isnull=False
        )
        .select_related("team")
        .order_by("due_on", "pk")
    )


def escalate(checkup: Checkup, *, now: dt.datetime) -> bool:
    """Escalate one overdue check-up; False when it was escalated before (or meanwhile held)."""
    try:
        with transaction.atomic():
            fresh = Checkup.objects.select_for_update().filter(pk=checkup.pk, status=CheckupStatus.OPEN).first()
            if fresh is None or Escalation.objects.filter(checkup_id=checkup.pk).exists():
                return False
            parent_id = checkup.team.parent_id
            assert parent_id is not None  # overdue() leaves out teams without a parent
            Escalation.objects.create(checkup=fresh, node_id=parent_id, created_at=now)
    except IntegrityError:
        return False  # another worker escalated it first
    return True


def checkup_scan(*, now: dt.datetime | None = None) -> ScanResult:
    now = now or timezone.now()
    today = timezone.localdate(now)
    planned = checkups_plan(today=today)
    escalated = sum(escalate(checkup, now=now) for checkup in overdue(today))
    return ScanResult(planned, escalated)
