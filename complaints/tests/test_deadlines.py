"""Stage deadlines: a reminder to the handler before the deadline and an escalation to the
coordinator after it, each exactly once, also after a killed worker; frozen time throughout."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from complaints import deadlines, tasks
from complaints.constants import NoticeKind, Stage
from complaints.models import DeadlineNotice
from complaints.tests import factories
from complaints.tests.conftest import at, run_worker
from core.schedule import Every, RecurringJob, enqueue_due
from organisation.constants import Role

pytestmark = pytest.mark.django_db

SCAN = RecurringJob("complaints.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)
START = at(2026, 3, 2, 9)


@pytest.fixture
def stage_days(settings: Any) -> None:
    settings.COMPLAINTS_STAGE_DAYS = {"ontvangen": 7, "intake": 14}
    settings.COMPLAINTS_REMINDER_DAYS = 2


def _notices(kind: str) -> list[tuple[int, list[int]]]:
    return [
        (n.change.complaint_id, sorted(n.recipients.values_list("pk", flat=True)))
        for n in DeadlineNotice.objects.filter(kind=kind)
    ]


def test_entering_a_stage_sets_its_deadline_and_stores_both_tasks(organisation: Any, stage_days: None) -> None:
    with time_machine.travel(START, tick=False):
        complaint = factories.complaint(organisation)
    assert complaint.stage_due_at == START + timedelta(days=7)
    rows = DBTaskResult.objects.filter(task_path__endswith="stage_deadline", status=TaskResultStatus.READY)
    due = {r.args_kwargs["args"][1]: r.run_after for r in rows}
    assert due == {NoticeKind.REMINDER: START + timedelta(days=5), NoticeKind.ESCALATION: START + timedelta(days=7)}


def test_the_handler_is_reminded_before_and_the_coordinator_alerted_after_the_deadline_once_each(
    organisation: Any, stage_days: None
) -> None:
    with time_machine.travel(START, tick=False):
        complaint = factories.complaint(organisation)
    handler, coordinator = organisation.people[Role.KLACHTBEHANDELAAR], organisation.people[Role.KLACHTCOORDINATOR]
    with time_machine.travel(START + timedelta(days=4), tick=False):
        run_worker()
        assert deadlines.deadline_scan().reminders == 0  # too early
    with time_machine.travel(START + timedelta(days=5, minutes=1), tick=False):
        run_worker()
        assert deadlines.deadline_scan().reminders == 0  # the task sent it; the scan finds nothing
    assert _notices(NoticeKind.REMINDER) == [(complaint.pk, [handler.pk])]
    with time_machine.travel(START + timedelta(days=7, minutes=1), tick=False):
        run_worker()
        run_worker()
        deadlines.deadline_scan()
    assert _notices(NoticeKind.ESCALATION) == [(complaint.pk, [coordinator.pk])]


def test_a_complaint_that_moved_on_is_not_escalated_for_the_stage_it_left(organisation: Any, stage_days: None) -> None:
    with time_machine.travel(START, tick=False):
        complaint = factories.complaint(organisation)
    with time_machine.travel(START + timedelta(days=3), tick=False):
        factories.move(organisation, complaint, Stage.INTAKE)  # new deadline: day 3 + 14
    with time_machine.travel(START + timedelta(days=8), tick=False):
        run_worker()
        deadlines.deadline_scan()
    assert not DeadlineNotice.objects.exists()
    with time_machine.travel(START + timedelta(days=17, minutes=1), tick=False):
        run_worker()
    (notice,) = DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION)
    assert notice.change.to_stage == Stage.INTAKE


def test_without_a_handler_the_reminder_goes_to_the_coordinator(organisation: Any, stage_days: None) -> None:
    with time_machine.travel(START, tick=False):
        complaint = factories.complaint(organisation, handler=False)
    with time_machine.travel(START + timedelta(days=6), tick=False):
        deadlines.deadline_scan()
    assert _notices(NoticeKind.REMINDER) == [(complaint.pk, [organisation.people[Role.KLACHTCOORDINATOR].pk])]


def test_a_worker_killed_mid_run_loses_no_escalation_and_sends_nothing_twice(
    organisation: Any, stage_days: None
) -> None:
    with time_machine.travel(START, tick=False):
        first = factories.complaint(organisation)
        second = factories.complaint(organisation)
    with time_machine.travel(START + timedelta(days=7, minutes=5), tick=False):
        # Worker 1 claimed the first complaint's escalation and was killed (kill -9): the row stays RUNNING.
        claimed = DBTaskResult.objects.filter(
            task_path__endswith="stage_deadline", args_kwargs__args=[first.current_change_id, NoticeKind.ESCALATION]
        ).get()
        claimed.claim("killed-worker")
        # Worker 2 crashes inside every notice: its transactions roll back, nothing is recorded.
        with mock.patch("complaints.deadlines._recipients", side_effect=RuntimeError("crash")):
            run_worker()
        assert not DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION).exists()
        # Restart: a fresh worker, plus the hourly safety-net scan enqueued by the scheduler.
        run_worker()
        assert enqueue_due(jobs=[SCAN])
        run_worker()
        run_worker()
        assert enqueue_due(jobs=[SCAN]) == []  # same slot: not enqueued again
    with time_machine.travel(START + timedelta(days=7, hours=1, minutes=5), tick=False):
        enqueue_due(jobs=[SCAN])
        run_worker()
        assert first.current_change_id is not None
        tasks.stage_deadline.enqueue(first.current_change_id, NoticeKind.ESCALATION.value)  # a late duplicate
        run_worker()
    escalated = DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION)
    assert sorted(escalated.values_list("change__complaint_id", flat=True)) == sorted([first.pk, second.pk])


def test_without_any_coordinator_nothing_is_recorded_so_the_scan_tries_again(
    organisation: Any, stage_days: None
) -> None:
    from organisation.models import RoleAssignment

    with time_machine.travel(START, tick=False):
        factories.complaint(organisation, handler=False)
    RoleAssignment.objects.filter(role=Role.KLACHTCOORDINATOR).delete()
    with time_machine.travel(START + timedelta(days=8), tick=False):
        assert deadlines.deadline_scan().escalations == 0
    assert not DeadlineNotice.objects.exists()


def test_the_lead_times_per_stage_and_unit_follow_the_history(organisation: Any, stage_days: None) -> None:
    from complaints import selectors

    with time_machine.travel(START, tick=False):
        first = factories.complaint(organisation)
        second = factories.complaint(organisation)
    with time_machine.travel(START + timedelta(days=4), tick=False):
        factories.move(organisation, first, Stage.INTAKE)
    with time_machine.travel(START + timedelta(days=10), tick=False):
        factories.move(organisation, second, Stage.INTAKE)
        factories.move(organisation, first, Stage.WITHDRAWN)
        (unit,) = selectors.lead_times({organisation.unit.pk})
    stages = {s.stage: s for s in unit.stages}
    received, intake = stages[Stage.RECEIVED], stages[Stage.INTAKE]
    assert (unit.unit, unit.complaints, unit.median_total_days) == (organisation.unit, 2, 10.0)
    assert (received.finished, received.median_days, received.longest_days) == (2, 7.0, 10)
    assert (intake.finished, intake.median_days, intake.open_now, intake.overdue_now) == (1, 6.0, 1, 0)
