"""Reads of the shared models: the audit trail as searched by the functioneel beheerder."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from core.models import AuditEvent


def audit_events(filters: dict[str, Any]) -> QuerySet[AuditEvent]:
    """Audit events matching the cleaned filters of ``core.forms.AuditSearchForm`` (empty ones ignored)."""
    events = AuditEvent.objects.all()
    if filters.get("username"):
        events = events.filter(actor_username__iexact=filters["username"])
    if filters.get("employee_number"):
        events = events.filter(subject_employee_number=filters["employee_number"])
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    if filters.get("date_from"):
        events = events.filter(occurred_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        events = events.filter(occurred_at__date__lte=filters["date_to"])
    return events
