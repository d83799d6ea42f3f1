"""The quarterly summary to a team of what was done with reports (Arq 002: the manager tells the
team what happened with what it reported): per team and quarter, how many distressing events
touched its members, how many aftercare plans started and how many plan steps were completed.

A quarter is frozen once, after it ended (daily job ``teamcare.freeze_feedback``): the counts are
written as they are then and never recomputed, so two readings of one quarter can never differ
and nothing can be learnt by subtracting an earlier reading from a later one. The team of a plan
is the team its person belongs to when the quarter is frozen. Pages show each count only when
``core.anonymity.may_show`` allows it; quarters are separate periods (never running totals), and
no total over teams is shown, so no difference between two shown figures is a group of people.

Aftercare is read in grouped queries, as the team signals do (``teamcare.signalling``): the plan's
person's team, never a person.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from aftercare.models import Plan, Step
from organisation.constants import NodeKind
from organisation.models import OrgNode
from teamcare.models import FeedbackSummary
from teamcare.periods import Period, period_of

#: How many ended quarters the job fills in when they are missing (the first run after deployment).
QUARTERS_FILLED = 4
STEP_DONE = "afgerond"


def _bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime.combine(period.start, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min))
    return start, end


def counts(period: Period) -> dict[int, tuple[int, int, int]]:
    """Team → (events, plans started, steps completed) in ``period``, for teams with any of them."""
    start, end = _bounds(period)
    events = dict(
        Plan.objects.filter(event__occurred_at__gte=start, event__occurred_at__lt=end, person__team__isnull=False)
        .values("person__team_id")
        .annotate(n=Count("event_id", distinct=True))
        .values_list("person__team_id", "n")
        .order_by()
    )
    plans = dict(
        Plan.objects.filter(created_at__gte=start, created_at__lt=end, person__team__isnull=False)
        .values("person__team_id")
        .annotate(n=Count("pk"))
        .values_list("person__team_id", "n")
        .order_by()
    )
    steps = dict(
        Step.objects.filter(
            status=STEP_DONE, completed_at__gte=start, completed_at__lt=end, plan__person__team__isnull=False
        )
        .values("plan__person__team_id")
        .annotate(n=Count("pk"))
        .values_list("plan__person__team_id", "n")
        .order_by()
    )
    teams = set(events) | set(plans) | set(steps)
    return {team: (events.get(team, 0), plans.get(team, 0), steps.get(team, 0)) for team in teams}


@transaction.atomic
def freeze(period: Period, *, now: dt.datetime | None = None) -> int:
    """Write the summary of an ended quarter for every team that has none yet; returns how many.
    A quarter that has not ended is refused (its counts still change)."""
    now = now or timezone.now()
    if period >= period_of(timezone.localdate(now)):
        raise ValueError(f"{period.code} has not ended yet")
    done = FeedbackSummary.objects.filter(period=period.code).values("team_id")
    teams = list(OrgNode.objects.filter(kind=NodeKind.TEAM).exclude(pk__in=done).values_list("pk", flat=True))
    if not teams:
        return 0
    found = counts(period)
    rows = [
        FeedbackSummary(team_id=team, period=period.code, events=e, plans=p, steps=s, frozen_at=now)
        for team in teams
        for e, p, s in [found.get(team, (0, 0, 0))]
    ]
    # ignore_conflicts: a quarter frozen meanwhile by another worker keeps its first counts.
    FeedbackSummary.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
    return len(rows)


def freeze_ended(*, now: dt.datetime | None = None) -> int:
    """The daily job: freeze the last ``QUARTERS_FILLED`` ended quarters where a team lacks one."""
    now = now or timezone.now()
    period = period_of(timezone.localdate(now)).previous()
    written = 0
    for _ in range(QUARTERS_FILLED):
        written += freeze(period, now=now)
        period = period.previous()
    return written
