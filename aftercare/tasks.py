"""Deadline and retention tasks (django-tasks, database backend). Each is idempotent: it calls
``deadlines`` (a notice at most once per (step, kind)) or ``retention``, so running it twice,
late or after a worker restart never notifies twice. ``services`` enqueues through this module,
so it must not import ``services``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from django_tasks import task

from aftercare import deadlines, retention
from aftercare.constants import NoticeKind
from core.schedule import enqueue_at

if TYPE_CHECKING:
    from aftercare.models import Step


@task()
def step_deadline(step_id: int, kind: str) -> dict[str, bool]:
    """Runs at the reminder moment or at the deadline of one step."""
    return {"sent": deadlines.notify(step_id=step_id, kind=kind)}


@task()
def scan_deadlines() -> dict[str, int]:
    """The safety net, run every hour: anything a lost or failed deadline task did not send."""
    result = deadlines.deadline_scan()
    return {"reminders": result.reminders, "escalations": result.escalations, "new_tasks": result.new_tasks}


@task()
def anonymise_closed_plans() -> dict[str, int]:
    """Retention: erase the personal data of plans closed longer ago than the retention period."""
    return {"anonymised": retention.retention_anonymise()}


def schedule_step_deadlines(step: Step) -> None:
    """Enqueue the reminder (before the deadline) and the escalation (at the deadline) of a step,
    and for a casemanager's step the notice that tells them at once."""
    from aftercare.constants import StepOwner

    now = timezone.now()
    if step.owner_role == StepOwner.CASEMANAGER:
        enqueue_at(step_deadline, now, step.pk, NoticeKind.NEW_TASK.value)
    reminder_at = step.due_at - deadlines.reminder_lead()
    if reminder_at > now:
        enqueue_at(step_deadline, reminder_at, step.pk, NoticeKind.REMINDER.value)
    enqueue_at(step_deadline, max(step.due_at, now), step.pk, NoticeKind.ESCALATION.value)
