"""Housekeeping tasks of the platform, run on a schedule (see core/schedule.py).

Each task is idempotent: running it twice, or late, removes nothing that should stay. They call
the libraries' own clean-up code where there is one; each returns a JSON-safe summary that the
task queue stores with the result.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.utils import timezone
from django_tasks import task

#: Finished task results (and their tracebacks) are kept this long for troubleshooting.
TASK_RESULT_RETENTION = timedelta(days=14)
#: Scheduler ledger rows are kept this long; must exceed the longest cadence (a day).
SCHEDULED_RUN_RETENTION = timedelta(days=30)


@task()
def clear_expired_sessions() -> dict[str, str]:
    """What ``manage.py clearsessions`` does: remove sessions past their expiry date."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    return {"session_engine": settings.SESSION_ENGINE}


@task()
def prune_finished_task_results() -> dict[str, int]:
    """Remove successful and failed task results that finished more than the retention ago."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - TASK_RESULT_RETENTION
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lte=cutoff).delete()
    return {"deleted": deleted}


@task()
def reset_expired_axes_attempts() -> dict[str, int]:
    """Remove failed-login counters whose cool-off has passed (django-axes keeps them otherwise).

    Only counters that no longer lock anyone out are removed; a running lock-out stays.
    """
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt

    now = timezone.now()
    if getattr(settings, "AXES_USE_ATTEMPT_EXPIRATION", False):
        expired = AccessAttempt.objects.filter(expiration__expires_at__lte=now)
    else:
        cool_off = get_cool_off()
        if cool_off is None:  # lock-outs never expire by themselves: nothing to clean
            return {"deleted": 0}
        expired = AccessAttempt.objects.filter(attempt_time__lte=now - cool_off)
    deleted, _ = expired.delete()
    return {"deleted": deleted}


@task()
def prune_scheduled_runs() -> dict[str, int]:
    """Remove scheduler ledger rows for slots long past (they only guard the current slot)."""
    from core.models import ScheduledRun

    cutoff = timezone.now() - SCHEDULED_RUN_RETENTION
    deleted, _ = ScheduledRun.objects.filter(slot__lt=cutoff).delete()
    return {"deleted": deleted}
