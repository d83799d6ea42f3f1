"""Plan van Aanpak: adding a measure to a team's plan and changing it afterwards (fields, status,
progress notes), each audited by field names only, never values."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from core import audit
from core.models import AuditAction
from monitor.models import Measure, ProgressNote
from organisation.models import OrgNode

#: What ``measure_edit`` may change; the team, the campaign and the author stay as they were.
MEASURE_FIELDS = ("title", "description", "scales", "provisions", "owner", "due_on", "status")


@transaction.atomic
def measure_create(*, actor: Any, team: OrgNode, request: HttpRequest | None = None, **fields: Any) -> Measure:
    measure = Measure.objects.create(team=team, created_by=actor, **fields)
    audit.log_change(actor=actor, obj=measure, action=AuditAction.CREATE, fields=sorted(fields), request=request)
    return measure


@transaction.atomic
def measure_edit(
    *, actor: Any, measure: Measure, note: str = "", request: HttpRequest | None = None, **fields: Any
) -> list[str]:
    """Change some or all of a measure's fields (the edit page sends all, the plan page only the
    status) and optionally add a progress note; audit the names of the changed fields (not their
    values) in the same transaction. Returns the changed field names."""
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    # Compared with the stored row (locked), not with the object: a form may have changed that.
    stored = Measure.objects.select_for_update().get(pk=measure.pk)
    changed = [name for name, value in fields.items() if getattr(stored, name) != value]
    for name in changed:
        setattr(measure, name, fields[name])
    if changed:
        measure.save(update_fields=changed)
    if note.strip():
        ProgressNote.objects.create(measure=measure, text=note.strip(), author=actor)
        changed.append("notes")
    if changed:
        audit.log_change(actor=actor, obj=measure, fields=changed, request=request)
    return changed
