"""Recurring jobs are enqueued once per slot, however often (or by how many schedulers) the
scheduler runs; deferred tasks wait for their time; the housekeeping jobs clean up."""

from __future__ import annotations

import os
import signal
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import tasks
from core.models import ScheduledRun
from core.schedule import RECURRING, Every, RecurringJob, enqueue_at, enqueue_due

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
HOURLY = RecurringJob("test.hourly", tasks.prune_scheduled_runs, Every.HOUR, minute=5)
DAILY = RecurringJob("test.daily", tasks.prune_scheduled_runs, Every.DAY, hour=3, minute=15)


def at(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=AMSTERDAM)


def run_worker() -> None:
    """What `manage.py db_worker --batch` does, inside the test's transaction.

    The worker closes "stale" connections between tasks, which would end the test transaction;
    that is switched off here so the test can run in a rolled-back transaction.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


# --- Slots ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("job", "now", "slot"),
    [
        (HOURLY, at(2026, 3, 2, 10, 4), at(2026, 3, 2, 9, 5)),
        (HOURLY, at(2026, 3, 2, 10, 5), at(2026, 3, 2, 10, 5)),
        (HOURLY, at(2026, 3, 2, 10, 59, 59), at(2026, 3, 2, 10, 5)),
        (DAILY, at(2026, 3, 2, 3, 14), at(2026, 3, 1, 3, 15)),
        (DAILY, at(2026, 3, 2, 3, 15), at(2026, 3, 2, 3, 15)),
        (DAILY, at(2026, 3, 2, 23, 0), at(2026, 3, 2, 3, 15)),
        # Summer time starts on 29 March 2026: the daily job stays at 03:15 on the wall clock.
        (DAILY, at(2026, 3, 29, 12, 0), at(2026, 3, 29, 3, 15)),
        (DAILY, at(2026, 3, 30, 12, 0), at(2026, 3, 30, 3, 15)),
    ],
)
def test_a_job_slot_is_the_latest_one_that_has_begun(job, now, slot):
    assert job.slot_at(now) == slot


def test_an_impossible_schedule_is_refused():
    with pytest.raises(ValueError, match="minute"):
        RecurringJob("x", tasks.prune_scheduled_runs, Every.HOUR, minute=60)
    with pytest.raises(ValueError, match="hourly"):
        RecurringJob("x", tasks.prune_scheduled_runs, Every.HOUR, hour=3)


def test_every_app_registers_its_recurring_jobs_under_the_names_in_the_ledger():
    # The names are keys of earlier runs in ScheduledRun: moving a job's registration must keep them.
    assert {job.name for job in RECURRING} == {
        "core.clear_expired_sessions",
        "core.reset_expired_axes_attempts",
        "core.prune_finished_task_results",
        "core.prune_scheduled_runs",
        "aftercare.scan_deadlines",
        "aftercare.anonymise_closed_plans",
        "monitor.close_due_campaigns",
        "monitor.send_scheduled_reminders",
        "barista.evaluate_all",
        "barista.scan_deadlines",
        "barista.expire_and_retain",
        "complaints.scan_deadlines",
        "complaints.erase_expired",
        "confidential.scan_deadlines",
        "confidential.invite_heavy_teams",
        "confidential.erase_expired_reports",
        "teamcare.scan_checkups",
        "teamcare.freeze_feedback",
        "recognition.scan_jubilees",
        "homefront.scan_farewells",
    }


def test_a_second_job_under_a_taken_name_is_refused_and_the_same_job_again_is_ignored():
    from core.schedule import register

    job = next(job for job in RECURRING if job.name == "core.prune_scheduled_runs")
    register(job)
    assert [j.name for j in RECURRING].count(job.name) == 1
    with pytest.raises(ValueError, match="registered twice"):
        register(RecurringJob(job.name, tasks.prune_scheduled_runs, Every.DAY, hour=4))


def test_the_registry_has_the_foundation_jobs_under_unique_names():
    names = [job.name for job in RECURRING]
    assert len(names) == len(set(names))
    assert {
        "core.clear_expired_sessions",
        "core.prune_finished_task_results",
        "core.reset_expired_axes_attempts",
        "core.prune_scheduled_runs",
    } <= set(names)


# --- Enqueueing once ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_slot_is_enqueued_once_even_when_the_scheduler_runs_twice():
    first = enqueue_due(at(2026, 3, 2, 10, 6), jobs=[HOURLY, DAILY])
    second = enqueue_due(at(2026, 3, 2, 10, 7), jobs=[HOURLY, DAILY])

    assert [run.job for run in first] == ["test.hourly", "test.daily"]
    assert second == []
    assert ScheduledRun.objects.count() == 2
    assert DBTaskResult.objects.count() == 2
    run = ScheduledRun.objects.get(job="test.hourly")
    assert DBTaskResult.objects.filter(pk=run.task_result_id).exists()


@pytest.mark.django_db
def test_the_next_hour_enqueues_the_hourly_job_again_but_not_the_daily_one():
    enqueue_due(at(2026, 3, 2, 10, 6), jobs=[HOURLY, DAILY])

    later = enqueue_due(at(2026, 3, 2, 11, 5), jobs=[HOURLY, DAILY])

    assert [(run.job, run.slot) for run in later] == [("test.hourly", at(2026, 3, 2, 11, 5))]
    assert ScheduledRun.objects.filter(job="test.hourly").count() == 2


@pytest.mark.django_db
def test_a_second_scheduler_that_lost_the_race_enqueues_nothing():
    """Simulates another process having inserted the ledger row first: the unique constraint wins."""
    slot = HOURLY.slot_at(at(2026, 3, 2, 10, 6))
    ScheduledRun.objects.create(job=HOURLY.name, slot=slot)

    assert enqueue_due(at(2026, 3, 2, 10, 6), jobs=[HOURLY]) == []
    assert DBTaskResult.objects.count() == 0


@pytest.mark.django_db
def test_run_scheduler_once_enqueues_every_registered_job():
    call_command("run_scheduler", "--once")
    call_command("run_scheduler", "--once")

    assert sorted(ScheduledRun.objects.values_list("job", flat=True)) == sorted(job.name for job in RECURRING)
    assert DBTaskResult.objects.count() == len(RECURRING)


def test_run_scheduler_stops_cleanly_on_sigterm():
    passes = []

    def pass_then_terminate(*args, **kwargs):
        passes.append(1)
        os.kill(os.getpid(), signal.SIGTERM)
        return []

    previous = signal.getsignal(signal.SIGTERM)
    command = "core.management.commands.run_scheduler"
    with (
        mock.patch(f"{command}.enqueue_due", pass_then_terminate),
        mock.patch(f"{command}.close_old_connections"),
    ):
        call_command("run_scheduler", "--interval", "30")

    assert passes == [1]  # stopped after the pass, without waiting 30 seconds for the next
    assert signal.getsignal(signal.SIGTERM) == previous


# --- Deferred tasks ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_task_with_run_after_waits_for_its_time():
    ScheduledRun.objects.create(job="old", slot=timezone.now() - timedelta(days=45))
    when = timezone.now() + timedelta(hours=2)
    result = enqueue_at(tasks.prune_scheduled_runs, when)

    run_worker()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY
    assert ScheduledRun.objects.count() == 1

    with time_machine.travel(when + timedelta(seconds=1), tick=False):
        run_worker()
    done = DBTaskResult.objects.get(pk=result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == {"deleted": 1}


# --- The housekeeping jobs ----------------------------------------------------------------


@pytest.mark.django_db
def test_clear_expired_sessions_removes_only_expired_sessions():
    for age in (timedelta(days=-1), timedelta(days=1)):
        store = SessionStore()
        store["x"] = 1
        store.set_expiry(age)
        store.create()

    tasks.clear_expired_sessions.call()
    tasks.clear_expired_sessions.call()

    assert Session.objects.count() == 1
    assert Session.objects.get().expire_date > timezone.now()


@pytest.mark.django_db
def test_prune_finished_task_results_keeps_recent_and_unfinished_results():
    old = tasks.prune_scheduled_runs.enqueue()
    recent = tasks.prune_scheduled_runs.enqueue()
    waiting = tasks.prune_scheduled_runs.enqueue()
    now = timezone.now()
    DBTaskResult.objects.filter(pk=old.id).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=now - timedelta(days=20)
    )
    DBTaskResult.objects.filter(pk=recent.id).update(
        status=TaskResultStatus.FAILED, finished_at=now - timedelta(days=1)
    )

    assert tasks.prune_finished_task_results.call() == {"deleted": 1}
    assert tasks.prune_finished_task_results.call() == {"deleted": 0}
    assert {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)} == {recent.id, waiting.id}


@pytest.mark.django_db
def test_reset_expired_axes_attempts_keeps_running_lockouts(settings):
    from axes.models import AccessAttempt

    settings.AXES_COOLOFF_TIME = 0.5  # hours
    now = timezone.now()
    for username, age in (("expired", timedelta(hours=2)), ("locked", timedelta(minutes=5))):
        attempt = AccessAttempt.objects.create(
            username=username,
            ip_address="10.0.0.1",
            user_agent="test",
            get_data="",
            post_data="",
            failures_since_start=5,
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=now - age)

    assert tasks.reset_expired_axes_attempts.call() == {"deleted": 1}
    assert tasks.reset_expired_axes_attempts.call() == {"deleted": 0}
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["locked"]


@pytest.mark.django_db
def test_prune_scheduled_runs_keeps_the_ledger_of_recent_slots():
    now = timezone.now()
    ScheduledRun.objects.create(job="a", slot=now - timedelta(days=31))
    ScheduledRun.objects.create(job="a", slot=now - timedelta(days=1))

    assert tasks.prune_scheduled_runs.call() == {"deleted": 1}
    assert tasks.prune_scheduled_runs.call() == {"deleted": 0}
    assert ScheduledRun.objects.count() == 1
