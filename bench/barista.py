"""``make bench`` measurements of Barista (see bench/scenario.py for the two kinds).

Data (generated once per bench database): 63,000 employees in 4,200 teams of 14 units, each team
with its manager, and 2,100,000 exposures spread over five years (one insert statement on the
database itself). Most exposures are of light types; 1 % is of the highest impact class.

``barista_daily_evaluation``: the full daily evaluation (``barista.signalling.evaluate``: the
prefilter over the rule window, the exact rules per unit with the exclusions, the person-level
checks and writing any new signal) in steady state — after a first run that made the signals
the data calls for — against one hand-written SQL window query doing the same counting
(events in the last 30 days, of the highest class, summed weight in the last 90 days per
person), medians of several rounds in the same call. Target: ratio ≤ 2.

``barista_incremental_evaluation``: one new exposure for a random employee, written and then
evaluated for that employee (what happens after an import row, a manual entry or an aftercare
registration); p50 and p95 over 200 exposures. Target: ≤ 50 ms.

The issue's targets are for PostgreSQL: run with DATABASE_URL=postgres://… (bench/README.md).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from bench.scenario import Scenario

EMPLOYEES = 63_000
TEAM_SIZE = 15
UNITS = 14
EXPOSURES = 2_100_000
YEARS = 5
ROUNDS = 5
INCREMENTAL = 200

BASELINE_SQL = """
SELECT person_id FROM (
  SELECT e.person_id,
         COUNT(*) FILTER (WHERE e.occurred_at >= %(count_from)s) OVER w AS n,
         COUNT(*) FILTER (WHERE e.occurred_at >= %(count_from)s AND t.impact_class = 3) OVER w AS high,
         SUM(t.weight) FILTER (WHERE e.occurred_at >= %(weight_from)s) OVER w AS weight,
         ROW_NUMBER() OVER w AS rn
  FROM barista_exposure e JOIN barista_exposuretype t ON t.id = e.type_id
  WHERE e.occurred_at >= %(horizon)s AND e.occurred_at <= %(now)s
  WINDOW w AS (PARTITION BY e.person_id)
) counted
WHERE rn = 1 AND (n >= %(count_n)s OR high > 0 OR weight > %(threshold)s)
"""

#: Type codes by share of the exposures (percent), lightest first.
MIX = [
    (40, "belediging"),
    (20, "wederspannigheid"),
    (15, "bedreiging-woordelijk"),
    (10, "openlijk-geweld"),
    (6, "mishandeling-eenvoudig"),
    (5, "confrontatie-overledene"),
    (3, "ernstig-geweld"),
    (1, "schietincident"),
]


def _people() -> tuple[int, int]:
    """63,000 employees with a manager per team; returns (lowest, highest) person id. Idempotent."""
    from django.db import transaction
    from django.db.models import Max, Min

    from organisation.models import OrgNode, Person, Unit

    existing = Person.objects.filter(employee_number__startswith="BB").order_by("pk")
    if existing.count() >= EMPLOYEES:
        bounds = existing.aggregate(first=Min("pk"), last=Max("pk"))
        return bounds["first"], bounds["last"]
    with transaction.atomic():
        teams = []
        for u in range(UNITS):
            unit, _ = Unit.objects.get_or_create(
                code=f"bench-b{u}", defaults={"name": f"Bench Barista eenheid {u}", "kind": "regionaal"}
            )
            count = EMPLOYEES // TEAM_SIZE // UNITS
            teams += OrgNode.objects.bulk_create(
                OrgNode(unit=unit, code=f"BB{u}-T{t}", name=f"Team B{u}.{t}", kind="team") for t in range(count)
            )
        managers = Person.objects.bulk_create(
            Person(employee_number=f"BB{index:06d}", first_name="Leiding", last_name=f"{index}", team=team)
            for index, team in enumerate(teams)
        )
        rest = EMPLOYEES - len(managers)
        Person.objects.bulk_create(
            (
                Person(
                    employee_number=f"BB{len(managers) + index:06d}",
                    first_name="Medewerker",
                    last_name=f"{index}",
                    team=teams[index % len(teams)],
                    manager=managers[index % len(teams)],
                )
                for index in range(rest)
            ),
            batch_size=5000,
        )
    return _people()


def _exposures(first: int, last: int) -> float:
    """2,100,000 exposures over five years, in one INSERT … SELECT; returns seconds taken (0 when present)."""
    from django.db import connection
    from django.utils import timezone

    from barista.models import Exposure, ExposureType

    if Exposure.objects.filter(external_id__startswith="bench-").exists():
        return 0.0
    started = time.perf_counter()
    ids = dict(ExposureType.objects.values_list("code", "pk"))
    cases, bound = [], 0
    for share, code in MIX:
        bound += share
        cases.append(f"WHEN (i * 31) %% 100 < {bound} THEN {ids[code]}")
    kind = f"CASE {' '.join(cases)} ELSE {ids['belediging']} END"
    people = last - first + 1
    seconds = YEARS * 365 * 86400
    now = timezone.now().replace(microsecond=0)
    # Only integers computed here are formatted into the statement; the moments are parameters.
    if connection.vendor == "postgresql":
        sql = f"""
            INSERT INTO barista_exposure (person_id, type_id, occurred_at, source, external_id, created_at)
            SELECT {first} + (i * 7919) %% {people}, {kind},
                   %s - ((i * 104729) %% {seconds}) * interval '1 second', 'import', 'bench-' || i, %s
            FROM generate_series(0::bigint, {EXPOSURES - 1}) AS i
        """  # noqa: S608
    else:
        sql = f"""
            WITH RECURSIVE numbers(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM numbers WHERE i < {EXPOSURES - 1})
            INSERT INTO barista_exposure (person_id, type_id, occurred_at, source, external_id, created_at)
            SELECT {first} + (i * 7919) %% {people}, {kind},
                   datetime(%s, '-' || ((i * 104729) %% {seconds}) || ' seconds'), 'import', 'bench-' || i, %s
            FROM numbers
        """  # noqa: S608
    moment = now if connection.vendor == "postgresql" else now.strftime("%Y-%m-%d %H:%M:%S")
    with connection.cursor() as cursor:
        cursor.execute(sql, [moment, now])
        cursor.execute("ANALYZE barista_exposure" if connection.vendor == "postgresql" else "ANALYZE")
    return time.perf_counter() - started


def _baseline(now: datetime) -> tuple[float, int]:
    from django.db import connection

    from barista import evaluation

    rules = evaluation.current_rules()[None]
    params: dict[str, datetime | int | None] = {
        "now": now,
        "count_from": now - timedelta(days=rules.count_days),
        "weight_from": now - timedelta(days=rules.weight_days),
        "horizon": now - timedelta(days=max(rules.count_days, rules.weight_days)),
        "count_n": rules.count_n,
        "threshold": rules.weight_threshold,
    }
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(BASELINE_SQL, params)
        rows = cursor.fetchall()
    return time.perf_counter() - started, len(rows)


def barista_daily_evaluation() -> list[str]:
    from django.db import connection
    from django.utils import timezone

    from barista import signalling
    from barista.models import Exposure, Signal

    started = time.perf_counter()
    first, last = _people()
    people_seconds = time.perf_counter() - started
    exposure_seconds = _exposures(first, last)
    total = Exposure.objects.count()
    t0 = time.perf_counter()
    made = signalling.evaluate()
    first_run = time.perf_counter() - t0
    ours, baseline, matched = [], [], 0
    for _ in range(ROUNDS):
        now = timezone.now()
        t0 = time.perf_counter()
        result = signalling.evaluate(now=now)
        ours.append(time.perf_counter() - t0)
        seconds, matched = _baseline(now)
        baseline.append(seconds)
    ratio = statistics.median(ours) / statistics.median(baseline)
    return [
        f"barista data ({connection.vendor}): {EMPLOYEES} employees in {people_seconds:.1f} s, "
        f"{total} exposures over {YEARS} years (generated in {exposure_seconds:.1f} s)",
        f"barista first evaluation with writes: {first_run:.2f} s, {made.created} signals made "
        f"({Signal.objects.count()} in the database, {made.matching} employees matching)",
        f"barista daily evaluation (steady state, {result.created} new): "
        f"median {1000 * statistics.median(ours):.0f} ms; "
        f"hand-written SQL window query ({matched} employees) median {1000 * statistics.median(baseline):.0f} ms; "
        f"ratio {ratio:.2f} (target ≤ 2)",
    ]


def barista_incremental_evaluation() -> list[str]:
    from django.utils import timezone

    from barista import signalling
    from barista.constants import Source
    from barista.models import Exposure, ExposureType, Signal

    first, last = _people()
    _exposures(first, last)
    rng = random.Random(7)
    types = list(ExposureType.objects.filter(code__in=[code for _, code in MIX]).values_list("pk", flat=True))
    before = Signal.objects.count()
    timings = []
    for _ in range(INCREMENTAL):
        person = rng.randint(first, last)
        t0 = time.perf_counter()
        Exposure.objects.create(
            person_id=person, type_id=rng.choice(types), occurred_at=timezone.now(), source=Source.HANDMATIG
        )
        signalling.evaluate([person])
        timings.append(1000 * (time.perf_counter() - t0))
    timings.sort()
    p95 = timings[int(0.95 * len(timings)) - 1]
    return [
        f"barista incremental evaluation of one new exposure (write + evaluate, {INCREMENTAL} employees, "
        f"{Signal.objects.count() - before} signals made): p50 {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms (target ≤ 50 ms)",
    ]


SCENARIOS: list[Scenario] = []
IN_PROCESS: list[Callable[[], list[str]]] = [barista_daily_evaluation, barista_incremental_evaluation]
