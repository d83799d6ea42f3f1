"""Deadlines survive a worker that is killed mid-run, and a task that runs twice never notifies
twice: the real ``db_worker --batch`` against the database task backend."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from aftercare import selectors, tasks
from aftercare.constants import NoticeKind, StepKind
from aftercare.models import DeadlineNotice, Notification
from aftercare.tests.conftest import at, register, run_worker
from core.schedule import Every, RecurringJob, enqueue_due

pytestmark = pytest.mark.django_db

SCAN = RecurringJob("aftercare.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)


def test_deadline_tasks_are_stored_in_the_database_when_the_plan_is_made(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    contact = plan.steps.get(kind=StepKind.CONTACT)
    rows = DBTaskResult.objects.filter(task_path__endswith="step_deadline", status=TaskResultStatus.READY)
    due = {(r.args_kwargs["args"][0], r.args_kwargs["args"][1]): r.run_after for r in rows}
    assert due[(contact.pk, NoticeKind.ESCALATION)] == contact.due_at


def test_a_worker_killed_mid_run_loses_no_deadline_and_sends_nothing_twice(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    contact = plan.steps.get(kind=StepKind.CONTACT)
    debriefing = plan.steps.get(kind=StepKind.DEBRIEFING)
    with time_machine.travel(at(2026, 11, 26, 23, 5), tick=False):
        # Worker 1 claimed the contact escalation and was killed (kill -9): the row stays RUNNING.
        claimed = DBTaskResult.objects.filter(
            task_path__endswith="step_deadline", args_kwargs__args=[contact.pk, NoticeKind.ESCALATION]
        ).get()
        claimed.claim("killed-worker")
        # Worker 2 crashes inside the debriefing escalation: its transaction is rolled back.
        with mock.patch("aftercare.deadlines._recipients", side_effect=RuntimeError("crash")):
            run_worker()
        assert not DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION).exists()
        # Restart: a fresh worker, plus the hourly safety-net scan enqueued by the scheduler.
        run_worker()
        assert enqueue_due(jobs=[SCAN])
        run_worker()
        run_worker()
        assert enqueue_due(jobs=[SCAN]) == []  # same slot: not enqueued again
    with time_machine.travel(at(2026, 11, 27, 0, 5), tick=False):
        enqueue_due(jobs=[SCAN])
        run_worker()
    escalated = DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION)
    assert set(escalated.values_list("step_id", flat=True)) == {contact.pk, debriefing.pk}
    assert Notification.objects.filter(notice__kind=NoticeKind.ESCALATION).count() == 2
    assert not selectors.overdue_steps(at(2026, 11, 27, 0, 5)).exists()


def test_a_task_that_runs_twice_notifies_once(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    contact = plan.steps.get(kind=StepKind.CONTACT)
    with time_machine.travel(at(2026, 11, 26, 23, 0), tick=False):
        for _ in range(2):
            tasks.step_deadline.enqueue(contact.pk, NoticeKind.ESCALATION.value)
        run_worker()
    assert DeadlineNotice.objects.filter(step=contact, kind=NoticeKind.ESCALATION).count() == 1
    assert Notification.objects.filter(notice__step=contact, notice__kind=NoticeKind.ESCALATION).count() == 1
