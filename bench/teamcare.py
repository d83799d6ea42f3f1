"""``make bench`` measurement of teamcare (see bench/scenario.py).

Data (generated once per bench database): 4,200 teams in 14 units with 12 members each, five
years of HR history (every member's membership period, 10 % of them moved or left and were
replaced, a new leader every 8–30 months per team, so each team has 2–8 manager periods) and an
absence figure per team for each of the 20 quarters.

``teamcare_signal_view``: the signal view's computation for all 4,200 teams
(``teamcare.selectors.attention_list``: every signal source in grouped queries, the thresholds,
the combination rule, the team rows) against one hand-written SQL statement over the same tables
doing the same counting (distinct leaders in two years, leavers and base in 12 months, movers
and base in three years, absence over the thresholds, Barista invitations without timely
outcome, distinct aftercare events) and returning the teams' names, medians of several rounds.
The frozen monitor results are not SQL (JSON snapshots) and stay out of the baseline; with no
frozen campaign in the window our side reads none either. Target: ≤ 2.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

TEAMS = 4_200
UNITS = 14
MEMBERS = 12
YEARS = 5
ROUNDS = 5

BASELINE_SQL = """
WITH leaders AS (
  SELECT team_id, COUNT(DISTINCT manager_id) AS n FROM teamcare_managerperiod
  WHERE started_on <= %(end)s AND manager_id IS NOT NULL AND (ended_on IS NULL OR ended_on > %(leaders_from)s)
  GROUP BY team_id
),
members AS (
  SELECT team_id,
    SUM(CASE WHEN started_on <= %(year_ago)s AND (ended_on IS NULL OR ended_on > %(year_ago)s)
      THEN 1 ELSE 0 END) AS base_year,
    SUM(CASE WHEN ended_on > %(year_ago)s AND ended_on <= %(end)s THEN 1 ELSE 0 END) AS left_year,
    SUM(CASE WHEN started_on <= %(mobility_from)s AND (ended_on IS NULL OR ended_on > %(mobility_from)s)
      THEN 1 ELSE 0 END) AS base_mob,
    SUM(CASE WHEN started_on > %(mobility_from)s AND started_on <= %(end)s AND NOT initial THEN 1 ELSE 0 END)
      + SUM(CASE WHEN ended_on > %(mobility_from)s AND ended_on <= %(end)s THEN 1 ELSE 0 END) AS moves
  FROM teamcare_membership GROUP BY team_id
),
absence AS (
  SELECT team_id FROM teamcare_absencefigure
  WHERE period = %(period)s AND (percentage >= %(absence)s OR frequency >= %(frequency)s)
),
late AS (
  SELECT team_id, COUNT(*) AS n FROM (
    SELECT team_id, created_at, outcome_at FROM barista_signal
    UNION ALL SELECT team_id, created_at, outcome_at FROM barista_signaltally
  ) invitations
  WHERE created_at >= %(since)s AND created_at <= %(latest_start)s AND (outcome_at IS NULL OR outcome_at > {late})
  GROUP BY team_id
),
events AS (
  SELECT p.team_id, COUNT(DISTINCT a.event_id) AS n
  FROM aftercare_plan a JOIN organisation_person p ON p.id = a.person_id
  JOIN aftercare_event e ON e.id = a.event_id
  WHERE e.occurred_at >= %(since)s AND e.occurred_at < %(until)s
  GROUP BY p.team_id
)
SELECT n.id, n.code, n.name, u.name,
  (CASE WHEN l.n >= %(leaders_min)s THEN 1 ELSE 0 END)
  + (CASE WHEN m.base_year > 0 AND 100.0 * m.left_year / m.base_year >= %(outflow)s THEN 1 ELSE 0 END)
  + (CASE WHEN m.base_mob > 0 AND 100.0 * m.moves / (2 * m.base_mob) < %(mobility)s THEN 1 ELSE 0 END)
  + (CASE WHEN a.team_id IS NOT NULL THEN 1 ELSE 0 END)
  + (CASE WHEN b.n >= %(barista_min)s THEN 1 ELSE 0 END)
  + (CASE WHEN ev.n >= %(aftercare_min)s THEN 1 ELSE 0 END) AS signals
FROM organisation_orgnode n
JOIN organisation_unit u ON u.id = n.unit_id
LEFT JOIN leaders l ON l.team_id = n.id
LEFT JOIN members m ON m.team_id = n.id
LEFT JOIN absence a ON a.team_id = n.id
LEFT JOIN late b ON b.team_id = n.id
LEFT JOIN events ev ON ev.team_id = n.id
WHERE n.kind = 'team' AND n.code LIKE 'TC%%'
"""


def _data() -> float:
    """Teams, people and five years of history; returns seconds taken (0 when already present)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from organisation.models import OrgNode, Person, Unit
    from teamcare.models import AbsenceFigure, ManagerPeriod, Membership
    from teamcare.periods import period_of

    if OrgNode.objects.filter(code__startswith="TC0-").exists():
        return 0.0
    started = time.perf_counter()
    rng = random.Random(20)
    today = timezone.localdate()
    history_start = today - dt.timedelta(days=365 * YEARS)
    with transaction.atomic():
        teams: list[OrgNode] = []
        for u in range(UNITS):
            unit, _ = Unit.objects.get_or_create(
                code=f"bench-tc{u}", defaults={"name": f"Bench Teams eenheid {u}", "kind": "regionaal"}
            )
            teams += OrgNode.objects.bulk_create(
                OrgNode(unit=unit, code=f"TC{u}-T{t}", name=f"Team TC{u}.{t}", kind="team")
                for t in range(TEAMS // UNITS)
            )
        people = Person.objects.bulk_create(
            (
                Person(
                    employee_number=f"TC{index:07d}",
                    first_name="Lid",
                    last_name=str(index),
                    team=teams[index % len(teams)],
                )
                for index in range(TEAMS * MEMBERS)
            ),
            batch_size=5000,
        )
        memberships: list[Membership] = []
        for index, person in enumerate(people):
            home = teams[index % len(teams)].pk
            if rng.random() < 0.1:
                moved = history_start + dt.timedelta(days=rng.randrange(365 * YEARS))
                memberships.append(
                    Membership(
                        person=person,
                        team_id=home,
                        started_on=history_start,
                        ended_on=moved,
                        ended_because="ander_team",
                        initial=True,
                    )
                )
                memberships.append(Membership(person=person, team=teams[rng.randrange(len(teams))], started_on=moved))
            else:
                memberships.append(Membership(person=person, team_id=home, started_on=history_start, initial=True))
        Membership.objects.bulk_create(memberships, batch_size=5000)
        periods: list[ManagerPeriod] = []
        for index, team in enumerate(teams):
            day = history_start
            while day < today:
                following = day + dt.timedelta(days=rng.randrange(240, 900))
                periods.append(
                    ManagerPeriod(
                        team=team,
                        manager=people[(index * MEMBERS + len(periods)) % len(people)],
                        started_on=day,
                        ended_on=following if following < today else None,
                    )
                )
                day = following
        ManagerPeriod.objects.bulk_create(periods, batch_size=5000)
        figures: list[AbsenceFigure] = []
        quarter = period_of(today)
        for _q in range(YEARS * 4):
            for team in teams:
                figures.append(
                    AbsenceFigure(
                        team=team,
                        period=quarter.code,
                        percentage=Decimal(rng.randrange(10, 120)) / 10,
                        frequency=Decimal(rng.randrange(3, 25)) / 10,
                    )
                )
            quarter = quarter.previous()
        AbsenceFigure.objects.bulk_create(figures, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def _baseline(period: object) -> tuple[float, int]:
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from teamcare.periods import years_before

    end = period.end  # type: ignore[attr-defined]

    def end_of(day: dt.date) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))

    days = settings.TEAMCARE_BARISTA_DAYS
    until = end_of(end)
    params: dict[str, object] = {
        "since": end_of(years_before(end, 1)),
        "until": until,
        "latest_start": min(timezone.now(), until) - dt.timedelta(days=days),
        "barista_min": settings.TEAMCARE_BARISTA_MIN,
        "aftercare_min": settings.TEAMCARE_AFTERCARE_MIN,
        "end": end,
        "leaders_from": years_before(end, settings.TEAMCARE_LEADERS_YEARS),
        "year_ago": years_before(end, 1),
        "mobility_from": years_before(end, settings.TEAMCARE_MOBILITY_YEARS),
        "period": period.code,  # type: ignore[attr-defined]
        "absence": settings.TEAMCARE_ABSENCE_PERCENT,
        "frequency": settings.TEAMCARE_ABSENCE_FREQUENCY,
        "leaders_min": settings.TEAMCARE_LEADERS_MIN,
        "outflow": settings.TEAMCARE_OUTFLOW_PERCENT,
        "mobility": settings.TEAMCARE_MOBILITY_PERCENT,
    }
    if connection.vendor == "postgresql":
        sql = BASELINE_SQL.replace("{late}", f"created_at + interval '{int(days)} days'")
    else:
        sql = BASELINE_SQL.replace("{late}", f"datetime(created_at, '+{int(days)} days')")
        params = {key: _sqlite(value) for key, value in params.items()}
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # type: ignore[arg-type]
        rows = cursor.fetchall()
    flagged = sum(1 for *_team, signals in rows if signals >= settings.TEAMCARE_MIN_SIGNALS)
    return time.perf_counter() - started, flagged


def _sqlite(value: object) -> object:
    """Dates and moments as SQLite stores them (UTC text)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def teamcare_signal_view() -> list[str]:
    from django.db import connection
    from django.utils import timezone

    from organisation.models import OrgNode
    from teamcare import selectors
    from teamcare.models import ManagerPeriod, Membership
    from teamcare.periods import period_of

    seconds = _data()
    period = period_of(timezone.localdate())
    teams = OrgNode.objects.filter(kind="team", code__startswith="TC")
    ours, baseline = [], []
    shown = matched = 0
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        shown = len(selectors.attention_list(teams, period))
        ours.append(time.perf_counter() - t0)
        took, matched = _baseline(period)
        baseline.append(took)
    ratio = statistics.median(ours) / statistics.median(baseline)
    return [
        f"teamcare data ({connection.vendor}): {teams.count()} teams, {Membership.objects.count()} membership and "
        f"{ManagerPeriod.objects.count()} manager periods over {YEARS} years (generated in {seconds:.1f} s)",
        f"teamcare signal view for {teams.count()} teams: median {1000 * statistics.median(ours):.0f} ms "
        f"({shown} teams brought to attention); hand-written SQL ({matched} teams) median "
        f"{1000 * statistics.median(baseline):.0f} ms; ratio {ratio:.2f} (target ≤ 2)",
    ]


IN_PROCESS: list[Callable[[], list[str]]] = [teamcare_signal_view]
