"""Health checks: liveness (``/healthz``: this process answers) and readiness (``/readyz``: the
database answers and the task queue is being worked). docs/operations.md, "Health checks".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import DatabaseError, connection
from django.db.models import Case, Count, F, Min, When
from django.http import HttpRequest, HttpResponse
from django.urls import ResolverMatch, resolve, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

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
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend

    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if not isinstance(backend, DatabaseBackend):
        # Another backend (RQ on Redis) is watched by its own tooling; see docs/operations.md.
        return {"status": "ok", "backend": type(backend).__name__}
    try:
        waiting, oldest = _ready_tasks()
    except DatabaseError as exc:
        return {"status": "error", "error": exc.__class__.__name__}
    waited = timezone.now() - oldest if oldest is not None else timedelta(0)
    return {
        "status": "error" if waited > STALE_QUEUE_AFTER else "ok",
        "waiting": waiting,
        "oldest_waiting_seconds": max(0, int(waited.total_seconds())),
    }


def _ready_tasks() -> tuple[int, datetime | None]:
    """How many tasks a worker could start now, and since when the longest-waiting one could.

    A task with ``run_after`` waits from that moment, not from when it was enqueued, so a job
    planned for 09:00 does not look stale at 09:00:01.
    """
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready_since = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    summary = DBTaskResult.objects.ready().aggregate(waiting=Count("pk"), oldest=Min(ready_since))
    return summary["waiting"], summary["oldest"]


def check() -> dict[str, Any]:
    parts = {"database": _database()}
    parts["task_queue"] = _task_queue() if parts["database"]["status"] == "ok" else {"status": "unknown"}
    healthy = all(part["status"] == "ok" for part in parts.values())
    return {"status": "ok" if healthy else "error", **parts}


#: The liveness answer: the same bytes every time.
ALIVE = b'{"status": "ok"}'


def alive_response() -> HttpResponse:
    response = HttpResponse(ALIVE, content_type="application/json")
    add_never_cache_headers(response)
    return response


class LivenessMiddleware:
    """Answers ``GET /healthz`` (and ``HEAD``) right after the security headers are set, before
    sessions, authentication, CSRF and templates: a liveness probe must be cheap, because load
    balancers ask it every few seconds on every node, and must not depend on the database.

    The view ``core.views.healthz`` gives the same answer where this middleware is not installed.
    The request is marked with the view's route, which is ``unlogged``: a probe every few seconds
    would drown the request log.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._path: str | None = None
        self._match: ResolverMatch | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._path is None:
            self._path = reverse("core:healthz")
            self._match = resolve(self._path)
        if request.path_info != self._path or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        request.resolver_match = self._match
        return alive_response()
