"""A real worker process, killed with SIGKILL while it holds an escalation task, then a restart:
no escalation is lost and nothing is sent twice. Needs a database that a second process can
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
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from complaints import tasks
from complaints.constants import NoticeKind
from complaints.models import DeadlineNotice
from complaints.tests import factories
from core.schedule import Every, RecurringJob, enqueue_due

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SCAN = RecurringJob("complaints.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)

#: A worker that hangs inside the notice transaction (after the notice row, before the commit).
HANGING_WORKER = """
import sys, time, django, time_machine
time_machine.travel(float(sys.argv[1]), tick=True).start()  # the test's clock, moved past the deadline
django.setup()
from unittest import mock
from django.core.management import call_command

def hang(*args, **kwargs):
    print("holding", flush=True)
    time.sleep(120)

with mock.patch("complaints.deadlines.transaction.on_commit", hang):
    call_command("db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
"""


def _test_database_env() -> dict[str, str]:
    url = urlsplit(os.environ["DATABASE_URL"])
    test_url = urlunsplit(url._replace(path="/" + str(connection.settings_dict["NAME"])))
    return {**os.environ, "DATABASE_URL": test_url, "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings"}


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second process needs a shared database")
def test_a_worker_killed_while_escalating_loses_nothing_and_escalates_once(
    organisation: Any, complaint_lists: None, settings: Any
) -> None:
    settings.COMPLAINTS_STAGE_DAYS = {"ontvangen": 1}
    with time_machine.travel(timezone.now() - timedelta(days=2), tick=False):
        complaint = factories.complaint(organisation, handler=False)
    # Only the escalation is due (the reminder moment has passed too: drop it to keep one task).
    DBTaskResult.objects.filter(args_kwargs__args__1=NoticeKind.REMINDER).delete()
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
    assert DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count() == 1  # never finished
    assert not DeadlineNotice.objects.exists()  # its transaction died with it

    # Restart: a fresh worker, the hourly scan, and a duplicate run of the task.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    enqueue_due(jobs=[SCAN])
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert complaint.pk is not None
    complaint.refresh_from_db()
    assert complaint.current_change_id is not None
    tasks.stage_deadline.enqueue(complaint.current_change_id, NoticeKind.ESCALATION.value)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    (notice,) = DeadlineNotice.objects.all()
    assert (notice.kind, notice.change_id) == (NoticeKind.ESCALATION, complaint.current_change_id)
    assert notice.recipients.count() == 1
