"""Barista background work (django-tasks, database backend). Every task is idempotent: signals,
notices and links are unique in the database, so a task that runs twice or late does no harm.
``services`` enqueues through this module, so it runs ``signalling`` and ``retention``, never
``services``."""

from __future__ import annotations

from django_tasks import task

from barista import retention, signalling


@task()
def evaluate_all() -> dict[str, int]:
    """The daily evaluation of every employee."""
    result = signalling.evaluate()
    return {"matching": result.matching, "created": result.created}


@task()
def evaluate_people(person_ids: list[int]) -> dict[str, int]:
    """Incremental evaluation after a large import."""
    result = signalling.evaluate(person_ids)
    return {"matching": result.matching, "created": result.created}


@task()
def scan_deadlines() -> dict[str, int]:
    """Reminders after seven days and escalations after fourteen (as the unit's rules say)."""
    result = signalling.deadline_scan()
    return {"reminders": result.reminders, "escalations": result.escalations}


@task()
def expire_and_retain() -> dict[str, int]:
    """Expired signals and exposures past their retention period are deleted."""
    return {"signals": retention.expire_signals(), "exposures": retention.delete_old_exposures()}
