"""The harness of the ``<app>/tests/test_worker_kill.py`` tests: a real worker process that hangs
inside a task (after the notice row, before the commit), is killed with SIGKILL there, and a
restart. A second process needs a database it can reach, so these tests run on PostgreSQL only
(the SQLite test database lives in memory).

The worker is the one the configured task backend needs: ``manage.py db_worker`` for the
database backend, ``manage.py rqworker --with-scheduler`` (RQ, forking a work horse per job) when
``REDIS_URL`` is set (the RQ pass of ``.ci/run``). ``running_tasks`` and ``forget_queued`` look
into either queue, so a test reads the same on both; ``run_worker_in_process`` is the RQ worker
that runs inside a test's transaction (root conftest.py puts it in place of the database
worker's ``run_worker`` of the task tests)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django_tasks.base import Task

ROOT = Path(__file__).resolve().parents[1]
#: Bounded waits: a worker that does not reach the hanging task, or does not stop, fails the test.
WORKER_SECONDS = 60

needs_shared_database = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a second process needs a shared database"
)


def uses_rq() -> bool:
    """Whether tasks go to Redis through the django-tasks RQ backend (``REDIS_URL`` is set)."""
    return str(settings.TASKS["default"]["BACKEND"]).startswith("django_tasks_rq.")


#: A worker that takes one task and hangs when it calls the patched target (argv[1]), on the
#: test's clock (argv[2]), which the test may have moved. It prints "holding" and the id of the
#: process that holds the task: an RQ worker forks a work horse for the job, in a session of its
#: own (``os.setsid``), that inherits the patch; a kill of the worker's group misses it.
_HANGING_WORKER = """
import os, sys, time, django, time_machine
time_machine.travel(float(sys.argv[2]), tick=True).start()
django.setup()
from unittest import mock
from django.core.management import call_command

def hang(*args, **kwargs):
    print("holding", os.getpid(), flush=True)
    time.sleep(120)

with mock.patch(sys.argv[1], hang):
    if sys.argv[3] == "rq":
        call_command("rqworker", "default", "--burst", "--with-scheduler", "--max-jobs", "1", verbosity=0)
    else:
        call_command("db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
"""

#: A fresh RQ worker process that runs every job that is due (on the given clock) and stops.
_BURST_WORKER = """
import sys, django, time_machine
time_machine.travel(float(sys.argv[1]), tick=True).start()
django.setup()
from django.core.management import call_command
call_command("rqworker", "default", "--burst", "--with-scheduler", verbosity=0)
"""


def worker_env() -> dict[str, str]:
    """The environment of a worker process: the test database, not the one ``DATABASE_URL``
    names, and the same Redis (``REDIS_URL``) as the test."""
    url = urlsplit(os.environ["DATABASE_URL"])
    test_url = urlunsplit(url._replace(path="/" + str(connection.settings_dict["NAME"])))
    return {**os.environ, "DATABASE_URL": test_url, "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings"}


def kill_worker_inside(target: str) -> None:
    """Start a worker that hangs when its one task calls ``target`` (a dotted path as
    ``mock.patch`` takes it), wait until it hangs there, and SIGKILL it (with its RQ work horse)."""
    worker = subprocess.Popen(
        [sys.executable, "-c", _HANGING_WORKER, target, repr(time.time()), "rq" if uses_rq() else "db"],
        cwd=ROOT,
        env=worker_env(),
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, which the kill takes with it
    )
    try:
        assert worker.stdout is not None
        # readline blocks; the alarm bounds the wait if the worker never reaches the task.
        previous = signal.signal(signal.SIGALRM, _too_slow)
        signal.alarm(WORKER_SECONDS)
        try:
            line = worker.stdout.readline().strip()
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        word, _, holder = line.partition(" ")
        assert word == "holding", line  # inside the transaction, notice row written
        os.killpg(worker.pid, signal.SIGKILL)
        if int(holder) != worker.pid:
            os.kill(int(holder), signal.SIGKILL)  # the RQ work horse, the process holding the task
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)


def _too_slow(signum: int, frame: object) -> None:
    raise TimeoutError(f"the worker did not reach the task within {WORKER_SECONDS} s")


def run_worker(*, clock: float | None = None) -> None:
    """A fresh worker (the restart) that runs every queued task that is due and stops: the database
    worker in this process, or a real RQ worker process (on ``clock``, default now)."""
    if not uses_rq():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        return
    subprocess.run(
        [sys.executable, "-c", _BURST_WORKER, repr(time.time() if clock is None else clock)],
        cwd=ROOT,
        env=worker_env(),
        check=True,
        timeout=WORKER_SECONDS,
    )


def running_tasks() -> int:
    """How many tasks a worker took and never finished (a killed worker's task stays so)."""
    if not uses_rq():
        from django_tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count()
    from rq.job import JobStatus

    return sum(1 for job in _rq_jobs(started=True) if job.get_status() == JobStatus.STARTED)


def forget_queued(task: Task[Any, Any], where: Callable[[Sequence[Any]], bool]) -> int:
    """Remove the waiting runs of ``task`` whose arguments satisfy ``where``; return how many."""
    if not uses_rq():
        from django_tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        rows = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
        doomed = [row.pk for row in rows if where(row.args_kwargs["args"])]
        DBTaskResult.objects.filter(pk__in=doomed).delete()
        return len(doomed)
    doomed_jobs = [job for job in _rq_jobs() if job.func_name == task.module_path and where(job.args)]
    for job in doomed_jobs:
        job.delete()
    return len(doomed_jobs)


def _rq_jobs(*, started: bool = False) -> list[Any]:
    """The jobs waiting in the queue and its scheduled registry (or, with ``started``, running)."""
    import django_rq
    from django_tasks_rq import Job
    from rq.registry import ScheduledJobRegistry, StartedJobRegistry

    queue = django_rq.get_queue("default", job_class=Job)
    if started:
        ids = StartedJobRegistry(queue=queue).get_job_ids(cleanup=False)
    else:
        ids = [*queue.get_job_ids(), *ScheduledJobRegistry(queue=queue).get_job_ids()]
    return [job for job in Job.fetch_many(ids, connection=queue.connection) if job]


def run_worker_in_process() -> None:
    """An RQ worker that runs every due job and stops, inside this process and so inside the
    test's transaction, as the database tests' ``run_worker`` does with ``db_worker --batch``:
    the scheduler moves due deferred jobs (on the test's clock) to the queue, a ``SimpleWorker``
    runs them through django-tasks-rq's job class. Its signal handlers are put back afterwards."""
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    queue = django_rq.get_queue("default", job_class=Job)
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
        worker.work(burst=True, with_scheduler=True, logging_level="WARNING")
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
