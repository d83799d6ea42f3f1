"""A real worker process, killed with SIGKILL while it holds a request's escalation task, then a
restart: the deadline is not lost and the escalation is sent exactly once. Needs a database that
a second process can reach, so it runs on PostgreSQL (the SQLite test database lives in memory)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
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

from confidential import tasks
from confidential.constants import NoticeKind
from confidential.models import Request, RequestNotice
from core.schedule import Every, RecurringJob, enqueue_due
from organisation.constants import Role

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SCAN = RecurringJob("confidential.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)

#: A worker that hangs inside the notice transaction (after the notice row, before the commit).
HANGING_WORKER = """
import sys, time, django
django.setup()
from unittest import mock
from django.core.management import call_command
from confidential import deadlines

def hang(*args, **kwargs):
    print("holding", flush=True)
    time.sleep(120)

with mock.patch.object(deadlines.transaction, "on_commit", hang):
    call_command("db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
"""


def _test_database_env() -> dict[str, str]:
    url = urlsplit(os.environ["DATABASE_URL"])
    test_url = urlunsplit(url._replace(path="/" + str(connection.settings_dict["NAME"])))
    return {**os.environ, "DATABASE_URL": test_url, "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings"}


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second process needs a shared database")
def test_a_worker_killed_while_escalating_loses_no_deadline_and_escalates_once(organisation: Any) -> None:
    person = organisation.people[Role.MEDEWERKER]
    request = Request.objects.create(
        kind="mcu", person=person, unit=organisation.unit, due_at=timezone.now() - timedelta(minutes=5)
    )
    tasks.request_deadline.enqueue(request.pk, NoticeKind.ESCALATION.value)
    worker = subprocess.Popen(
        [sys.executable, "-c", HANGING_WORKER],
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
    assert DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count() == 1
    assert not RequestNotice.objects.exists()  # its transaction died with it

    # Restart: a fresh worker and the hourly scan.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    enqueue_due(jobs=[SCAN])
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    tasks.scan_deadlines.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert RequestNotice.objects.filter(request=request, kind=NoticeKind.ESCALATION).count() == 1
