"""Health of the parts the app needs: the database and the task queue."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import DatabaseError, connection
from django.utils import timezone

#: A queued task older than this that nobody picked up means no worker is running.
STALE_QUEUE_AFTER = timedelta(minutes=10)


def _database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"status": "error", "error": exc.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def _task_queue() -> dict[str, Any]:
    from django_tasks_db.models import DBTaskResult

    try:
        ready = DBTaskResult.objects.ready()
        waiting = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except DatabaseError as exc:
        return {"status": "error", "error": exc.__class__.__name__}
    stale = oldest is not None and timezone.now() - oldest > STALE_QUEUE_AFTER
    return {
        "status": "error" if stale else "ok",
        "waiting": waiting,
        "oldest_waiting_seconds": int((timezone.now() - oldest).total_seconds()) if oldest else 0,
    }


def check() -> dict[str, Any]:
    parts = {"database": _database()}
    parts["task_queue"] = _task_queue() if parts["database"]["status"] == "ok" else {"status": "unknown"}
    healthy = all(part["status"] == "ok" for part in parts.values())
    return {"status": "ok" if healthy else "error", **parts}
