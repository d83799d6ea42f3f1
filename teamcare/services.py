"""Every write of the teamcare app: keyword-only, one transaction, audit row in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import audit
from core.csv_import import ErrorList, RowError
from core.models import AuditAction
from organisation.models import OrgNode, Person
from teamcare import absence_csv
from teamcare.constants import CheckupStatus, DialogueStatus, NoteKind
from teamcare.models import (
    AbsenceFigure,
    Checkup,
    Dialogue,
    Evaluation,
    Facilitator,
    Incident,
    Invitation,
    Note,
    ReportingNorm,
    Route,
)

# --- Absence import -------------------------------------------------------------------------


@dataclass
class AbsenceReport(ErrorList):
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@transaction.atomic
def absence_import(*, data: bytes, actor: Any, request: Any = None) -> AbsenceReport:
    """Import absence figures per team and quarter. Any bad row: nothing is written. Importing the
    same file again changes nothing (one row per team and quarter)."""
    codes = dict(OrgNode.objects.values_list("code", "pk"))
    parsed = absence_csv.read(data, max_bytes=settings.TEAMCARE_ABSENCE_IMPORT_MAX_BYTES, team_codes=set(codes))
    report = AbsenceReport(errors=parsed.errors)
    if parsed.errors:
        return report
    existing = {
        (figure.team_id, figure.period): figure
        for figure in AbsenceFigure.objects.filter(
            team_id__in={codes[row.team_code] for row in parsed.rows}, period__in={row.period for row in parsed.rows}
        )
    }
    for row in parsed.rows:
        team_id = codes[row.team_code]
        figure = existing.get((team_id, row.period))
        if figure is None:
            AbsenceFigure.objects.create(
                team_id=team_id, period=row.period, percentage=row.percentage, frequency=row.frequency
            )
            report.created += 1
        elif (figure.percentage, figure.frequency) != (row.percentage, row.frequency):
            figure.percentage, figure.frequency = row.percentage, row.frequency
            figure.save(update_fields=["percentage", "frequency", "imported_at"])
            report.updated += 1
        else:
            report.unchanged += 1
    if report.created or report.updated:
        audit.record(action=AuditAction.IMPORT, actor=actor, object_type="teamcare.absencefigure", request=request)
    return report


# --- The chief's notes and routes -----------------------------------------------------------


@transaction.atomic
def note_create(*, author: Any, team: OrgNode, kind: str, text: str, request: Any = None) -> Note:
    note = Note.objects.create(author=author, team=team, kind=kind or NoteKind.LOGBOEK, text=text)
    audit.log_change(actor=author, obj=note, action=AuditAction.CREATE, fields=("kind", "text"), request=request)
    return note


@transaction.atomic
def note_share(*, note: Note, actor: Any, share: bool, request: Any = None) -> Note:
    """Share a note with the HR adviser of the team's unit, or take the share back."""
    note.shared_at = timezone.now() if share else None
    note.save(update_fields=["shared_at"])
    audit.log_change(actor=actor, obj=note, fields=("shared_at",), request=request)
    return note


@transaction.atomic
def route_create(*, author: Any, kind: str, title: str, request: Any = None) -> Route:
    route = Route.objects.create(author=author, kind=kind, title=title, steps={})
    audit.log_change(actor=author, obj=route, action=AuditAction.CREATE, fields=("kind", "title"), request=request)
    return route


@transaction.atomic
def route_update(*, route: Route, actor: Any, steps: dict[str, dict[str, Any]], request: Any = None) -> Route:
    route.steps = steps
    route.save(update_fields=["steps", "updated_at"])
    audit.log_change(actor=actor, obj=route, fields=("steps",), request=request)
    return route


# --- Values dialogues -----------------------------------------------------------------------


@transaction.atomic
def dialogue_request(
    *, requester: Any, team: OrgNode, kind: str, level: str, goals: Sequence[str], request: Any = None
) -> Dialogue:
    dialogue = Dialogue.objects.create(requested_by=requester, team=team, kind=kind, level=level, goals=list(goals))
    audit.log_change(
        actor=requester,
        obj=dialogue,
        action=AuditAction.CREATE,
        fields=("team", "kind", "level", "goals"),
        request=request,
    )
    return dialogue


class DialogueRefused(ValueError):
    """The planning breaks a rule of the values dialogue (the form reports it at the field)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def dialogue_check(*, team_id: int, participants: Sequence[Person], facilitators: Sequence[Facilitator]) -> None:
    """The rules a planned dialogue must meet; raises ``DialogueRefused`` naming the field."""
    from django.utils.translation import gettext as _

    from teamcare.constants import TrainingStatus

    maximum = settings.TEAMCARE_DIALOGUE_MAX_PARTICIPANTS
    if len(participants) > maximum:
        raise DialogueRefused("participants", _("Een gesprek heeft hoogstens %(max)s deelnemers.") % {"max": maximum})
    if not participants:
        raise DialogueRefused("participants", _("Kies wie je uitnodigt."))
    if len(facilitators) != 2:
        raise DialogueRefused("facilitators", _("Kies precies twee procesbegeleiders."))
    if any(f.training != TrainingStatus.GETRAIND for f in facilitators):
        raise DialogueRefused("facilitators", _("Kies alleen procesbegeleiders die de training hebben afgerond."))
    if any(f.person.team_id == team_id for f in facilitators):
        raise DialogueRefused(
            "facilitators", _("Een procesbegeleider komt niet uit het team dat het gesprek aanvraagt.")
        )


@transaction.atomic
def dialogue_confirm(
    *,
    dialogue: Dialogue,
    actor: Any,
    starts_at: dt.datetime,
    place: str,
    participants: Sequence[Person],
    facilitators: Sequence[Facilitator],
    request: Any = None,
) -> Dialogue:
    """Plan the dialogue and invite the participants (checked again here, not only in the form)."""
    dialogue_check(team_id=dialogue.team_id, participants=participants, facilitators=facilitators)
    dialogue.starts_at, dialogue.place = starts_at, place
    dialogue.status = DialogueStatus.BEVESTIGD
    dialogue.confirmed_at = timezone.now()
    dialogue.save(update_fields=["starts_at", "place", "status", "confirmed_at"])
    dialogue.facilitators.set(facilitators)
    dialogue.invitations.exclude(person__in=participants).delete()
    Invitation.objects.bulk_create(
        [Invitation(dialogue=dialogue, person=person) for person in participants], ignore_conflicts=True
    )
    audit.log_change(
        actor=actor,
        obj=dialogue,
        fields=("starts_at", "place", "status", "facilitators", "invitations"),
        request=request,
    )
    return dialogue


@transaction.atomic
def facilitator_save(
    *, person: Person, training: str, trained_on: dt.date | None, actor: Any, request: Any = None
) -> Facilitator:
    facilitator, created = Facilitator.objects.update_or_create(
        person=person, defaults={"training": training, "trained_on": trained_on}
    )
    action = AuditAction.CREATE if created else AuditAction.UPDATE
    audit.log_change(
        actor=actor, obj=facilitator, action=action, fields=("training", "trained_on"), person=person, request=request
    )
    return facilitator


@transaction.atomic
def evaluation_submit(*, invitation: Invitation, openness: int, usefulness: int) -> bool:
    """Store one anonymous evaluation; the invitation only remembers *that* it was answered.
    Returns False when it was answered before (nothing is stored twice)."""
    updated = Invitation.objects.filter(pk=invitation.pk, evaluated=False).update(evaluated=True)
    if not updated:
        return False
    Evaluation.objects.create(dialogue_id=invitation.dialogue_id, openness=openness, usefulness=usefulness)
    return True


# --- Check-ups and incidents ----------------------------------------------------------------


@transaction.atomic
def checkup_hold(
    *, checkup: Checkup, actor: Any, answers: dict[str, str], held_on: dt.date, request: Any = None
) -> Checkup:
    """Record a held check-up and schedule the next one an interval later."""
    from teamcare import deadlines

    checkup.status = CheckupStatus.GEHOUDEN
    checkup.answers, checkup.held_on, checkup.held_by = answers, held_on, actor
    checkup.save(update_fields=["status", "answers", "held_on", "held_by"])
    audit.log_change(actor=actor, obj=checkup, fields=("status", "answers", "held_on"), request=request)
    Checkup.objects.create(team_id=checkup.team_id, due_on=deadlines.next_due(held_on))
    return checkup


@transaction.atomic
def incident_record(
    *, team: OrgNode, actor: Any, description: str, follow_up: str, follow_up_due: dt.date, request: Any = None
) -> Incident:
    incident = Incident.objects.create(
        team=team, recorded_by=actor, description=description, follow_up=follow_up, follow_up_due=follow_up_due
    )
    audit.log_change(
        actor=actor,
        obj=incident,
        action=AuditAction.CREATE,
        fields=("description", "follow_up", "follow_up_due"),
        request=request,
    )
    return incident


@transaction.atomic
def incident_done(*, incident: Incident, actor: Any, request: Any = None) -> Incident:
    if incident.done_at is None:
        incident.done_at = timezone.now()
        incident.save(update_fields=["done_at"])
        audit.log_change(actor=actor, obj=incident, fields=("done_at",), request=request)
    return incident


# --- Reporting norm -------------------------------------------------------------------------


@transaction.atomic
def reporting_norm_set(*, team: OrgNode, items: Sequence[str], actor: Any, request: Any = None) -> ReportingNorm:
    """Set the team's reporting norm: a new version (the earlier ones stay as history). Called
    only for the team's own leidinggevende (``selectors.can_edit_norm``)."""
    person = Person.objects.filter(user=actor).first()
    name = person.full_name if person is not None else actor.get_username()
    norm = ReportingNorm.objects.create(team=team, items=list(items), author=actor, author_name=name[:160])
    audit.log_change(actor=actor, obj=norm, action=AuditAction.CREATE, fields=("items",), request=request)
    return norm
