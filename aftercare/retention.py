"""Retention of the aftercare app: the personal data of plans closed longer ago than
``AFTERCARE_RETENTION_DAYS`` is erased (run daily by ``tasks.anonymise_closed_plans``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from aftercare.constants import PlanStatus
from aftercare.models import CheckIn, Event, Notification, Plan, StatusChange, SupportNote
from aftercare.signals import plan_anonymised
from core import audit
from core.models import AuditAction


def retention_period() -> timedelta:
    return timedelta(days=int(settings.AFTERCARE_RETENTION_DAYS))


@transaction.atomic
def retention_anonymise(now: datetime | None = None) -> int:
    """Erase the personal data of plans closed longer ago than the retention period.

    Kept: unit, event type and date, statuses and deadlines (the aggregates). Erased: the link
    to the employee, manager and supporter, the notes, notifications and the event's free text.
    """
    now = now or timezone.now()
    plans = list(Plan.objects.filter(status=PlanStatus.CLOSED, closed_at__lte=now - retention_period()))
    for plan in plans:
        SupportNote.objects.filter(plan=plan).delete()
        CheckIn.objects.filter(step__plan=plan).delete()
        Notification.objects.filter(notice__step__plan=plan).delete()
        plan.steps.update(owner=None, completed_by=None)
        # The history keeps what happened and when, not who did it (e.g. the employee who declined).
        # A bulk update, not save(): the append-only rule is about changing history, not erasing people.
        StatusChange.objects.filter(plan=plan).update(actor=None, on_behalf_of=None, note="")
        Plan.objects.filter(pk=plan.pk).update(
            person=None, manager=None, supporter=None, status=PlanStatus.ANONYMISED, anonymised_at=now
        )
        StatusChange.objects.create(plan=plan, from_status=plan.status, to_status=PlanStatus.ANONYMISED)
        Event.objects.filter(pk=plan.event_id).exclude(plans__person__isnull=False).update(note="", reporter=None)
        plan_anonymised.send(sender=Plan, plan=plan)
        # By type and id only: ``obj=plan`` would copy the employee number of the plan as loaded.
        audit.record(
            action=AuditAction.UPDATE,
            object_type=Plan._meta.label_lower,
            object_id=str(plan.pk),
            fields=["person", "manager", "supporter", "notes", "check_ins", "history", "notifications"],
        )
    return len(plans)
