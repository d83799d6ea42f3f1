"""/healthz tells a load balancer whether this instance can serve: database and task queue."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.db import OperationalError
from django.utils import timezone

from core import health
from core.schedule import enqueue_at
from core.tasks import prune_scheduled_runs

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["task_queue"] == {"status": "ok", "waiting": 0, "oldest_waiting_seconds": 0}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_needs_no_login_and_reveals_no_personal_data(client, organisation):
    body = client.get("/healthz").content.decode()
    assert "persona" not in body.lower()


def test_healthz_is_503_when_the_database_is_unreachable(client):
    broken = mock.MagicMock()
    broken.cursor.side_effect = OperationalError("connection refused")

    with mock.patch.object(health, "connection", broken):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == {"status": "error", "error": "OperationalError"}
    assert body["task_queue"] == {"status": "unknown"}


def test_a_recently_queued_task_is_healthy(client):
    prune_scheduled_runs.enqueue()
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["task_queue"]["waiting"] == 1


def test_healthz_is_503_when_a_ready_task_waited_too_long_because_no_worker_runs(client):
    prune_scheduled_runs.enqueue()

    with time_machine.travel(timezone.now() + health.STALE_QUEUE_AFTER + timedelta(minutes=1)):
        response = client.get("/healthz")

    assert response.status_code == 503
    queue = response.json()["task_queue"]
    assert queue["status"] == "error"
    assert queue["waiting"] == 1
    assert queue["oldest_waiting_seconds"] >= 11 * 60


def test_a_deferred_task_waits_from_its_run_after_not_from_when_it_was_enqueued(client):
    """A job planned for tomorrow 09:00 is not stale at 09:01, nor before 09:00."""
    when = timezone.now() + timedelta(days=1)
    enqueue_at(prune_scheduled_runs, when)

    with time_machine.travel(when - timedelta(hours=1)):
        assert client.get("/healthz").json()["task_queue"]["waiting"] == 0
    with time_machine.travel(when + timedelta(minutes=1)):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json()["task_queue"]["waiting"] == 1
    with time_machine.travel(when + health.STALE_QUEUE_AFTER + timedelta(minutes=1)):
        assert client.get("/healthz").status_code == 503
