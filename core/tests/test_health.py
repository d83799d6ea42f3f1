"""/healthz tells a load balancer that this process answers (liveness, no database); /readyz
whether this instance can serve: database and task queue (readiness)."""

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


def test_readyz_reports_ok_as_json(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["task_queue"] == {"status": "ok", "waiting": 0, "oldest_waiting_seconds": 0}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_needs_no_login_and_reveals_no_personal_data(client, organisation):
    body = client.get("/readyz").content.decode()
    assert "persona" not in body.lower()


def test_readyz_is_503_when_the_database_is_unreachable(client):
    broken = mock.MagicMock()
    broken.cursor.side_effect = OperationalError("connection refused")

    with mock.patch.object(health, "connection", broken):
        response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == {"status": "error", "error": "OperationalError"}
    assert body["task_queue"] == {"status": "unknown"}


def test_a_recently_queued_task_is_healthy(client):
    prune_scheduled_runs.enqueue()
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["task_queue"]["waiting"] == 1


def test_readyz_is_503_when_a_ready_task_waited_too_long_because_no_worker_runs(client):
    prune_scheduled_runs.enqueue()

    with time_machine.travel(timezone.now() + health.STALE_QUEUE_AFTER + timedelta(minutes=1)):
        response = client.get("/readyz")

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
        assert client.get("/readyz").json()["task_queue"]["waiting"] == 0
    with time_machine.travel(when + timedelta(minutes=1)):
        response = client.get("/readyz")
        assert response.status_code == 200
        assert response.json()["task_queue"]["waiting"] == 1
    with time_machine.travel(when + health.STALE_QUEUE_AFTER + timedelta(minutes=1)):
        assert client.get("/readyz").status_code == 503


# --- Liveness: /healthz ----------------------------------------------------------------------


def test_healthz_answers_without_asking_the_database_or_the_queue(client, django_assert_num_queries):
    prune_scheduled_runs.enqueue()
    with (
        time_machine.travel(timezone.now() + health.STALE_QUEUE_AFTER + timedelta(minutes=1)),
        django_assert_num_queries(0),
    ):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_healthz_is_200_while_the_database_is_unreachable_and_readyz_says_503(client):
    broken = mock.MagicMock()
    broken.cursor.side_effect = OperationalError("connection refused")
    with mock.patch.object(health, "connection", broken):
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 503


def test_healthz_is_answered_before_the_session_layer(client):
    """The liveness middleware answers; nothing below it (session, auth, views) runs."""
    with mock.patch("django.contrib.sessions.middleware.SessionMiddleware.process_request") as session:
        assert client.get("/healthz").status_code == 200
        assert client.head("/healthz").status_code == 200
    session.assert_not_called()


def test_the_healthz_view_gives_the_same_answer_without_the_middleware(client, settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != "core.health.LivenessMiddleware"]
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert client.post("/healthz").status_code == 405


def test_other_methods_and_paths_pass_through_the_liveness_middleware(client):
    assert client.post("/healthz").status_code == 405  # the view: GET only
    assert client.get("/healthz?x=1").json() == {"status": "ok"}


def test_healthz_probes_write_no_request_log_line(client, caplog):
    with caplog.at_level("INFO", logger="zorgwijzer.request"):
        client.get("/healthz")
        client.get("/readyz")
    paths = [getattr(record, "path", None) for record in caplog.records if record.name == "zorgwijzer.request"]
    assert paths == ["/readyz"]
