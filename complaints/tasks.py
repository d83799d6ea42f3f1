"""Deadline and retention tasks (django-tasks, database backend). Each is idempotent: a notice is
sent at most once per (stage period, kind) and erasure finds nothing the second time, so running
a task twice, late or after a killed worker never notifies twice. ``services`` enqueues through
this module, so it must not import ``services``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from django_tasks import task

from complaints import deadlines, retention
from complaints.constants import NoticeKind
from core.schedule import enqueue_at

if TYPE_CHECKING:
    from complaints.models import Complaint


@task()
def stage_deadline(change_id: int, kind: str) -> dict[str, bool]:
    """Runs at the reminder moment or at the deadline of one stage period."""
    return {"sent": deadlines.notify(change_id=change_id, kind=kind)}


@task()
def scan_deadlines() -> dict[str, int]:
    """The safety net, run every hour: anything a lost or failed deadline task did not send."""
    result = deadlines.deadline_scan()
    return {"reminders": result.reminders, "escalations": result.escalations}


@task()
def erase_expired_complaints() -> dict[str, int]:
    """Retention: erase complaints finished longer ago than the retention period."""
    return {"erased": retention.retention_erase()}


def schedule_stage_deadline(complaint: Complaint) -> None:
    """Enqueue the reminder and the escalation of the complaint's current stage period."""
    if complaint.stage_due_at is None or complaint.current_change_id is None:
        return
    now = timezone.now()
    reminder_at = complaint.stage_due_at - deadlines.reminder_lead()
    if reminder_at > now:
        enqueue_at(stage_deadline, reminder_at, complaint.current_change_id, NoticeKind.REMINDER.value)
    enqueue_at(
        stage_deadline, max(complaint.stage_due_at, now), complaint.current_change_id, NoticeKind.ESCALATION.value
    )
