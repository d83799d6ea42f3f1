"""Writes of the Sociale Agenda: progress of an action (append-only notes) and a unit's answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from agenda.models import Action, ActionUpdate, AgendaQuestion, UnitAnswer
from core import audit
from core.models import AuditAction
from organisation.models import Unit


@transaction.atomic
def action_update(
    *, action: Action, status: str, starts_on: dt.date | None, ends_on: dt.date | None, note: str, actor: Any
) -> ActionUpdate:
    """Set an action's status and dates and append a progress note with them."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    action.status, action.starts_on, action.ends_on = status, starts_on, ends_on
    action.version += 1
    action.save()
    update = ActionUpdate.objects.create(
        action=action, status=status, starts_on=starts_on, ends_on=ends_on, note=note, actor=actor
    )
    audit.log_change(actor=actor, obj=action, fields=["status", "starts_on", "ends_on", "note"])
    return update


@transaction.atomic
def unit_answers_save(*, unit: Unit, answers: dict[AgendaQuestion, str], actor: Any) -> int:
    """Store a unit's answers (an empty answer removes it). Returns how many changed."""
    changed = 0
    for question, text in answers.items():
        text = text.strip()
        existing = UnitAnswer.objects.select_for_update().filter(unit=unit, question=question).first()
        if not text:
            if existing is not None:
                existing.delete()
                changed += 1
            continue
        if existing is None:
            UnitAnswer.objects.create(unit=unit, question=question, text=text, updated_by=actor)
            changed += 1
        elif existing.text != text:
            existing.text, existing.updated_by = text, actor
            existing.save()
            changed += 1
    if changed:
        audit.record(action=AuditAction.UPDATE, actor=actor, object_type="agenda.unitanswer", object_id=unit.code)
    return changed
