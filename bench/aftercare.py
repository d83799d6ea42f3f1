"""``make bench`` measurements of the aftercare app (see bench/scenario.py for the two kinds).

``overdue_deadline_scan``: the selection the hourly deadline scan makes (open steps of open plans
past their deadline without an escalation) over 100,000 open steps, through the ORM selector,
against one hand-written SQL query doing the same selection in the same call.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import timedelta

from bench.scenario import Scenario

STEPS = 100_000
STEPS_PER_PLAN = 8
ROUNDS = 7

BASELINE_SQL = """
SELECT s.id FROM aftercare_step s
JOIN aftercare_plan p ON p.id = s.plan_id
WHERE s.status = 'open' AND p.status = 'open' AND s.due_at <= %s
AND NOT EXISTS (SELECT 1 FROM aftercare_deadlinenotice n WHERE n.step_id = s.id AND n.kind = 'escalatie')
"""


def _generate_open_steps() -> None:
    """100,000 open steps in 12,500 open plans, deadlines spread over ±30 days; idempotent."""
    from django.db import transaction
    from django.utils import timezone

    from aftercare.models import DeadlineNotice, Event, EventType, Plan, Step
    from organisation.models import Unit

    if Step.objects.filter(status="open").count() >= STEPS:
        return
    now = timezone.now()
    unit, _ = Unit.objects.get_or_create(code="bench-nazorg", defaults={"name": "Bench nazorg", "kind": "regionaal"})
    with transaction.atomic():
        event = Event.objects.create(occurred_at=now, kind=EventType.objects.get(code="reanimatie"), severity="ernstig")
        plans = Plan.objects.bulk_create(Plan(event=event, unit=unit) for _ in range(STEPS // STEPS_PER_PLAN))
        steps = Step.objects.bulk_create(
            (
                Step(
                    plan=plan,
                    kind="check_in",
                    title="Contactmoment",
                    owner_role="ondersteuner",
                    due_at=now + timedelta(minutes=(index * 37 + number * 5003) % (60 * 24 * 60) - 60 * 24 * 30),
                )
                for index, plan in enumerate(plans)
                for number in range(STEPS_PER_PLAN)
            ),
            batch_size=5000,
        )
        # A tenth of the steps were escalated before: the scan must skip them.
        DeadlineNotice.objects.bulk_create(
            (DeadlineNotice(step=step, kind="escalatie") for step in steps[::10]), batch_size=5000
        )


def _median_ms(run: Callable[[], int]) -> tuple[float, int]:
    spent, found = [], 0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        found = run()
        spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(spent), found


def overdue_deadline_scan() -> list[str]:
    from django.db import connection
    from django.utils import timezone

    from aftercare import selectors

    started = time.perf_counter()
    _generate_open_steps()
    generated = time.perf_counter() - started
    now = timezone.now()

    def orm() -> int:
        return len(list(selectors.overdue_steps(now).values_list("pk", flat=True)))

    def plain_sql() -> int:
        with connection.cursor() as cursor:
            cursor.execute(BASELINE_SQL, [now])
            return len(cursor.fetchall())

    orm_ms, orm_found = _median_ms(orm)
    sql_ms, sql_found = _median_ms(plain_sql)
    assert orm_found == sql_found, (orm_found, sql_found)
    return [
        f"aftercare overdue-deadline scan over {STEPS:,} open steps ({orm_found:,} overdue, not escalated; "
        f"data generated in {generated:.1f} s): ORM selector {orm_ms:.1f} ms; plain SQL {sql_ms:.1f} ms; "
        f"ratio {sql_ms / orm_ms if orm_ms else 0:.2f}"
    ]


SCENARIOS: list[Scenario] = []
IN_PROCESS: list[Callable[[], list[str]]] = [overdue_deadline_scan]
