"""A real worker process, killed with SIGKILL while it holds a deadline task, then a restart:
no deadline is lost and nothing is notified twice. Needs a database that a second process can
reach, so it runs on PostgreSQL (the SQLite test database lives in memory)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from aftercare import tasks
from aftercare.constants import NoticeKind, StepKind
from aftercare.models import DeadlineNotice, Notification
from aftercare.tests.conftest import register
from core.schedule import Every, RecurringJob, enqueue_due

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SCAN = RecurringJob("aftercare.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)

#: A worker that hangs inside the notice transaction (after the notice row, before the commit).
HANGING_WORKER = """
import os, sys, time, django, time_machine
time_machine.travel(float(sys.argv[1]), tick=True).start()  # the test's clock, which may be moved
django.setup()
from unittest import mock
from django.core.management import call_command
from aftercare.models import Notification

def hang(*args, **kwargs):
    print("holding", flush=True)
    time.sleep(120)

with mock.patch.object(Notification.objects, "bulk_create", hang):
    call_command("db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
"""


def _test_database_env() -> dict[str, str]:
    url = urlsplit(os.environ["DATABASE_URL"])
    test_url = urlunsplit(url._replace(path="/" + str(connection.settings_dict["NAME"])))
    return {**os.environ, "DATABASE_URL": test_url, "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings"}


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second process needs a shared database")
def test_a_worker_killed_while_notifying_loses_no_deadline_and_notifies_once(
    organisation: Any, aftercare_lists: None
) -> None:
    (plan,) = register(organisation, when=timezone.now() - timedelta(hours=25))  # 24-hour steps overdue
    worker = subprocess.Popen(
        [sys.executable, "-c", HANGING_WORKER, repr(time.time())],
        cwd=ROOT,
        env=_test_database_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "holding"  # inside the transaction, notice row written
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    assert running.count() == 1  # the killed worker's task: never finished, never retried
    assert not DeadlineNotice.objects.exists()  # its transaction died with it

    # Restart: a fresh worker and the hourly scan.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    enqueue_due(jobs=[SCAN])
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    tasks.scan_deadlines.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    escalated = DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION)
    assert sorted(escalated.values_list("step__kind", flat=True)) == sorted([StepKind.CONTACT, StepKind.DEBRIEFING])
    assert Notification.objects.filter(notice__kind=NoticeKind.ESCALATION).count() == 2
    assert plan.steps.filter(status="open").count() == 8
