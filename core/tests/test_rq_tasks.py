"""The RQ task backend on Redis (``REDIS_URL``, ``make suite-rq``): how RQ itself keeps a deferred
task back until its time, records a failed run without retrying it on its own, and leaves the
retry to the scheduler's next slot, so a task still runs once per slot. The database backend's
equivalents are in test_schedule.py; the killed-worker tests (*/tests/test_worker_kill.py) run
both backends with real worker processes. Without ``REDIS_URL`` these tests are skipped."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.utils import timezone
from django_tasks import TaskResultStatus

from core import tasks
from core.models import ScheduledRun
from core.schedule import Every, RecurringJob, enqueue_at, enqueue_due
from tests.worker_kill import run_worker_in_process

pytestmark = [
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="the RQ backend needs REDIS_URL (make suite-rq)"),
    pytest.mark.django_db,
]

HOURLY = RecurringJob("test.rq-hourly", tasks.prune_scheduled_runs, Every.HOUR, minute=5)


def _scheduled_registry() -> Any:
    import django_rq
    from django_tasks_rq import Job
    from rq.registry import ScheduledJobRegistry

    return ScheduledJobRegistry(queue=django_rq.get_queue("default", job_class=Job))


def test_a_task_with_run_after_waits_in_the_scheduled_registry_until_its_time() -> None:
    ScheduledRun.objects.create(job="old", slot=timezone.now() - timedelta(days=45))
    when = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    result = enqueue_at(tasks.prune_scheduled_runs, when)

    registry = _scheduled_registry()
    assert registry.get_job_ids() == [result.id]
    assert registry.get_scheduled_time(result.id) == when
    run_worker_in_process()  # the worker's scheduler finds nothing due yet
    assert tasks.prune_scheduled_runs.get_result(result.id).status == TaskResultStatus.READY
    assert ScheduledRun.objects.count() == 1

    with time_machine.travel(when + timedelta(seconds=1), tick=False):
        run_worker_in_process()
    done = tasks.prune_scheduled_runs.get_result(result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == {"deleted": 1}
    assert registry.get_job_ids() == []


def test_a_failed_run_is_recorded_not_retried_by_rq_and_the_next_slot_runs_it_once() -> None:
    start = timezone.now().replace(minute=6, second=0, microsecond=0)
    with time_machine.travel(start, tick=False):
        (first,) = enqueue_due(jobs=[HOURLY])
        with mock.patch.object(ScheduledRun.objects, "filter", side_effect=RuntimeError("database gone")):
            run_worker_in_process()
        failed = tasks.prune_scheduled_runs.get_result(first.task_result_id)
        assert failed.status == TaskResultStatus.FAILED
        assert failed.errors and "database gone" in failed.errors[-1].traceback
        run_worker_in_process()  # RQ does not run a failed job again by itself
        assert tasks.prune_scheduled_runs.get_result(first.task_result_id).status == TaskResultStatus.FAILED
        assert enqueue_due(jobs=[HOURLY]) == []  # the same slot is not enqueued twice

    with time_machine.travel(start + timedelta(hours=1), tick=False):
        (second,) = enqueue_due(jobs=[HOURLY])
        run_worker_in_process()
        run_worker_in_process()
    done = tasks.prune_scheduled_runs.get_result(second.task_result_id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert len(done.worker_ids) == 1  # one run, by one worker
