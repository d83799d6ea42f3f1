"""Retention of the complaints app: a complaint finished longer ago than
``COMPLAINTS_RETENTION_DAYS`` is erased completely — content, people, elements, history, contact
attempts and the document files — and only an anonymous row (year, unit, how it ended, and per
element the category and verdict) stays for the statistics. Run daily by
``tasks.erase_expired_complaints``."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from complaints.constants import FINAL_STAGES
from complaints.models import AnonymousComplaint, AnonymousElement, Complaint, Document, private_storage
from core import audit
from core.models import AuditAction

logger = logging.getLogger("zorgwijzer.complaints")


def retention_period() -> timedelta:
    return timedelta(days=int(settings.COMPLAINTS_RETENTION_DAYS))


def retention_erase(now: datetime | None = None) -> int:
    """Erase every complaint finished longer ago than the retention period; returns how many."""
    now = now or timezone.now()
    expired = Complaint.objects.filter(stage__in=FINAL_STAGES, closed_at__lte=now - retention_period())
    erased = 0
    for pk in list(expired.values_list("pk", flat=True)):
        erased += _erase(pk)
    return erased


def _erase(pk: int) -> int:
    """One complaint in one transaction; its files go after the commit (a rollback keeps them)."""
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().filter(pk=pk).first()
        if complaint is None:
            return 0
        anonymous = AnonymousComplaint.objects.create(
            year=complaint.received_on.year, unit_id=complaint.unit_id, final_stage=complaint.stage
        )
        AnonymousElement.objects.bulk_create(
            AnonymousElement(complaint=anonymous, category_id=category_id, verdict=verdict)
            for category_id, verdict in complaint.elements.values_list("category_id", "verdict")
        )
        names = list(Document.objects.filter(complaint=complaint).values_list("file", flat=True))
        complaint.delete()
        # By type and id only: ``obj=complaint`` would copy the complainant's employee number.
        audit.record(
            action=AuditAction.DELETE,
            object_type=Complaint._meta.label_lower,
            object_id=str(pk),
            fields=["content", "complainant", "respondents", "elements", "documents", "history"],
        )
        transaction.on_commit(lambda: _delete_files(names))
    return 1


def _delete_files(names: list[str]) -> None:
    storage = private_storage()
    for name in names:
        try:
            storage.delete(name)
        except OSError as error:
            logger.warning(
                "complaint document not deleted",
                extra={"event": "complaint_file_delete_failed", "error": type(error).__name__},
            )
