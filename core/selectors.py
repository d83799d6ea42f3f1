"""Reads of the shared models: the audit trail as searched by the functioneel beheerder."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from core.models import AuditEvent


def audit_events(
    filters: dict[str, Any], *, subject_numbers: Any = None, actor_ids: Any = None
) -> QuerySet[AuditEvent]:
    """Audit events matching the cleaned filters of ``core.forms.AuditSearchForm`` (empty ones ignored).

    ``person`` matches the username or employee number as typed; core knows no people, so the page
    passes the employee numbers and account ids of the people whose name matches
    (``subject_numbers``, ``actor_ids``: lists or subqueries): an event matches when that person
    acted or when the record was about them.
    """
    events = AuditEvent.objects.all()
    text = (filters.get("person") or "").strip()
    if text:
        match = Q(actor_username__iexact=text) | Q(subject_employee_number=text)
        if subject_numbers is not None:
            match |= Q(subject_employee_number__in=subject_numbers)
        if actor_ids is not None:
            match |= Q(actor_id__in=actor_ids)
        events = events.filter(match)
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    if filters.get("kind"):
        events = events.filter(object_type=filters["kind"])
    if filters.get("date_from"):
        events = events.filter(occurred_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        events = events.filter(occurred_at__date__lte=filters["date_to"])
    return events


def audit_kinds() -> list[str]:
    """The kinds of record (``app.model``) the trail holds, for the page's filter (one query on an index)."""
    return list(AuditEvent.objects.order_by("object_type").values_list("object_type", flat=True).distinct())
