"""Background work of teamcare (django-tasks). Idempotent: see ``deadlines``."""

from __future__ import annotations

from django_tasks import task

from teamcare import deadlines, feedback


@task()
def scan_checkups() -> dict[str, int]:
    """Daily: plan missing check-ups and escalate overdue ones (each at most once)."""
    result = deadlines.checkup_scan()
    return {"planned": result.planned, "escalated": result.escalated}


@task()
def freeze_feedback() -> dict[str, int]:
    """Daily: freeze the quarterly summary of reports for every team (each quarter once)."""
    return {"frozen": feedback.freeze_ended()}
