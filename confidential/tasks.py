"""Deadline, invitation and erasure tasks (django-tasks). Each is idempotent: a notice at most
once per (request, kind), an invitation at most once per (person, year), erasure of what is
already gone is a no-op. ``services`` enqueues through this module, so it must not import it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from django_tasks import task

from confidential import deadlines, line
from confidential.constants import NoticeKind
from core.schedule import enqueue_at

if TYPE_CHECKING:
    from confidential.models import Request


@task()
def request_deadline(request_id: int, kind: str) -> dict[str, bool]:
    """Runs at the reminder moment or at the deadline of one request."""
    return {"sent": deadlines.notify(request_id=request_id, kind=kind)}


@task()
def scan_deadlines() -> dict[str, int]:
    """The safety net, every hour: what a lost or failed deadline task did not send."""
    result = deadlines.deadline_scan()
    return {"reminders": result.reminders, "escalations": result.escalations}


@task()
def invite_heavy_teams() -> dict[str, int]:
    """Daily: members of heavily loaded teams not yet invited this year get their MCU invitation."""
    return {"invited": deadlines.invite_heavy_teams()}


@task()
def erase_expired_reports() -> dict[str, int]:
    """Daily: erase anonymous reports without activity for the retention period."""
    return {"erased": line.erase_expired()}


def schedule_request_deadlines(request: Request) -> None:
    if request.due_at is None:
        return
    now = timezone.now()
    reminder_at = request.due_at - deadlines.reminder_lead()
    if reminder_at > now:
        enqueue_at(request_deadline, reminder_at, request.pk, NoticeKind.REMINDER.value)
    enqueue_at(request_deadline, max(request.due_at, now), request.pk, NoticeKind.ESCALATION.value)
