"""The jubilee reminder survives a killed worker and a task that runs twice: the real
``db_worker --batch`` against the database task backend, with frozen time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from core.schedule import Every, RecurringJob, enqueue_due
from organisation.constants import Role
from recognition import tasks
from recognition.models import JubileeReminder
from recognition.tests.factories import person_with_jubilee

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 1, 7, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
SCAN = RecurringJob("recognition.scan_jubilees", tasks.scan_jubilees, Every.DAY, hour=7, minute=10)


def run_worker() -> None:
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def _jubilees(organisation: Any) -> list[Any]:
    manager = organisation.people[Role.LEIDINGGEVENDE]
    manager.email = "chef@example.org"
    manager.save()
    on = NOW.date() + timedelta(days=30)
    return [
        person_with_jubilee(on=on, years=25, appointment_type=kind, manager=manager)
        for kind in ("politieambtenaar", "ath")
    ]


def test_a_worker_killed_mid_scan_misses_no_reminder_and_sends_none_twice(organisation: Any) -> None:
    first, second = _jubilees(organisation)
    with (
        time_machine.travel(NOW, tick=False),
        mock.patch("django.db.transaction.on_commit", lambda func, using=None, robust=False: func()),
    ):
        # Worker 1 claims the day's scan and is killed (kill -9): its row stays RUNNING.
        assert enqueue_due(jobs=[SCAN])
        DBTaskResult.objects.get(task_path__endswith="scan_jubilees").claim("killed-worker")
        # Worker 2 crashes in the middle of the second reminder: that transaction is rolled back.
        tasks.scan_jubilees.enqueue()
        real_create = JubileeReminder.objects.create
        calls = {"n": 0}

        def crash_on_second(**kwargs: Any) -> Any:
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("crash")
            return real_create(**kwargs)

        with mock.patch.object(JubileeReminder.objects, "create", side_effect=crash_on_second):
            run_worker()
        assert JubileeReminder.objects.count() == 1
        # Restart: a fresh run of the scan sends what was missed and nothing twice.
        tasks.scan_jubilees.enqueue()
        tasks.scan_jubilees.enqueue()
        run_worker()
        assert enqueue_due(jobs=[SCAN]) == []  # the day's slot was enqueued already
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        enqueue_due(jobs=[SCAN])
        run_worker()
    assert set(JubileeReminder.objects.values_list("jubilee__person_id", flat=True)) == {first.pk, second.pk}
    assert len(mail.outbox) == 2
