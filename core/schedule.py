"""Recurring jobs: the one list of what runs when, and the function that enqueues what is due.

To add a recurring job, write an idempotent task in your app's ``tasks.py`` and register one
``RecurringJob`` from the app's ``AppConfig.ready`` with ``register`` (core imports no app: each
app brings its own jobs). ``manage.py run_scheduler`` calls ``enqueue_due`` every minute; the task
queue's workers (``manage.py db_worker``) run what it enqueued.

Each job has one slot per hour or per day (local time, ``TIME_ZONE``). ``enqueue_due`` enqueues
the latest slot that has begun, once: the ``ScheduledRun`` ledger has a unique constraint on
(job, slot), so when several scheduler processes race, exactly one insert wins and the others
get an ``IntegrityError`` and skip. A slot missed while no scheduler ran is enqueued when one
starts again, as long as it is still the latest slot; older missed slots are not caught up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import Task, TaskResult

from core.models import ScheduledRun

logger = logging.getLogger("zorgwijzer.scheduler")


class Every(StrEnum):
    HOUR = "hour"
    DAY = "day"


@dataclass(frozen=True)
class RecurringJob:
    """A task enqueued once per hour (at ``minute``) or once per day (at ``hour``:``minute``)."""

    name: str
    task: Task[Any, Any]
    every: Every
    minute: int = 0
    hour: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.minute <= 59 or not 0 <= self.hour <= 23:
            raise ValueError(f"{self.name}: minute must be 0-59 and hour 0-23")
        if self.every == Every.HOUR and self.hour:
            raise ValueError(f"{self.name}: an hourly job has no hour")

    def slot_at(self, now: datetime) -> datetime:
        """The start of the latest slot that has begun at ``now`` (an aware datetime)."""
        if self.every == Every.HOUR:
            # In UTC: an hour has no DST gap or repeat there (Dutch time is a whole hour off UTC).
            utc = now.astimezone(UTC)
            slot = utc.replace(minute=self.minute, second=0, microsecond=0)
            return slot if slot <= utc else slot - timedelta(hours=1)
        local = timezone.localtime(now)
        slot = _local_datetime(local, self.hour, self.minute)
        if slot > local:
            slot = _local_datetime(local - timedelta(days=1), self.hour, self.minute)
        return slot


def _local_datetime(day: datetime, hour: int, minute: int) -> datetime:
    """``hour``:``minute`` on ``day``'s date in local time (wall clock, so DST keeps 03:15 at 03:15)."""
    naive = datetime(day.year, day.month, day.day, hour, minute)
    return timezone.make_aware(naive, timezone.get_current_timezone())


#: Every recurring job of Zorgwijzer, filled by ``register`` from each app's ``AppConfig.ready``
#: (core's own housekeeping in ``CoreConfig.ready``). Names are stable identifiers in the ledger:
#: never rename one.
RECURRING: list[RecurringJob] = []


def register(*jobs: RecurringJob) -> None:
    """Add recurring jobs. Registering the same job again is a no-op (``ready`` may run twice in
    tests); another job under a name already taken is a mistake and refused."""
    known = {job.name: job for job in RECURRING}
    for job in jobs:
        if job.name not in known:
            RECURRING.append(job)
            known[job.name] = job
        elif known[job.name] != job:
            raise ValueError(f"recurring job {job.name!r} is registered twice with different settings")


def enqueue_due(now: datetime | None = None, jobs: list[RecurringJob] | None = None) -> list[ScheduledRun]:
    """Enqueue every job whose current slot has not been enqueued yet; return the new ledger rows."""
    now = now or timezone.now()
    enqueued = []
    for job in RECURRING if jobs is None else jobs:
        run = _enqueue_once(job, job.slot_at(now))
        if run is not None:
            enqueued.append(run)
    return enqueued


def _enqueue_once(job: RecurringJob, slot: datetime) -> ScheduledRun | None:
    try:
        # One transaction: with the database task backend the task row and the ledger row
        # commit together, so a crash cannot leave a slot marked done but never enqueued.
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, slot=slot)
            result = job.task.enqueue()
            run.task_result_id = str(result.id)[:64]
            run.save(update_fields=["task_result_id"])
    except IntegrityError:
        return None  # another scheduler process (or an earlier pass) enqueued this slot
    logger.info("enqueued %s for %s", job.name, slot.isoformat(), extra={"task": job.name, "event": "scheduled"})
    return run


def enqueue_at(task: Task[Any, Any], when: datetime, *args: Any, **kwargs: Any) -> TaskResult[Any]:
    """Enqueue ``task`` so that no worker picks it up before ``when`` (an aware datetime)."""
    return task.using(run_after=when).enqueue(*args, **kwargs)
