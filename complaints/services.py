"""Every write of the complaints app: register a complaint, assign it, add elements, points,
contact attempts and documents, move it through the workflow, record the committee's advice and
the decision. Each service runs in one transaction and writes its audit row (field names only)
and, for moves, the stage history in that same transaction. Deadline work is enqueued through
``tasks``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints import deadlines, selectors, tasks, workflow
from complaints.constants import FINAL_STAGES, Stage, Verdict
from complaints.models import (
    Category,
    CommitteePoint,
    Complaint,
    ContactAttempt,
    Document,
    Element,
    StageChange,
)
from core import audit
from core.models import AuditAction
from organisation.models import Person, Unit


class StaleComplaint(Exception):
    """The complaint changed since the form was opened (optimistic locking)."""


class InvalidDecision(ValueError):
    """A decision per element that the rules refuse; ``element_id`` and ``field`` say where."""

    def __init__(self, message: str, element_id: int, field: str) -> None:
        super().__init__(message)
        self.message, self.element_id, self.field = message, element_id, field


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _enter_stage(
    complaint: Complaint, to_stage: str, *, actor: Any, note: str = "", at: datetime | None = None
) -> None:
    """Record the move in the history and start the stage's deadline (used by every move)."""
    at = at or timezone.now()
    change = StageChange.objects.create(
        complaint=complaint,
        from_stage=complaint.stage if complaint.pk and complaint.current_change_id else "",
        to_stage=to_stage,
        actor=_user(actor),
        at=at,
        note=note[:500],
    )
    complaint.stage = to_stage
    complaint.stage_started_at = at
    complaint.current_change = change
    complaint.stage_due_at = None if to_stage in FINAL_STAGES else deadlines.due_at(to_stage, at)
    if to_stage == Stage.COMMITTEE and complaint.committee_at is None:
        complaint.committee_at = at
    if to_stage in FINAL_STAGES:
        complaint.closed_at = at
    complaint.save(
        update_fields=["stage", "stage_started_at", "current_change", "stage_due_at", "committee_at", "closed_at"]
    )
    # With the database task backend these rows commit with the move: a restart loses nothing.
    tasks.schedule_stage_deadline(complaint)


@dataclass(frozen=True)
class NewElement:
    category: Category
    summary: str


@transaction.atomic
def complaint_register(
    *,
    actor: Any,
    received_on: date,
    unit: Unit,
    channel: str,
    content: str,
    complainant: Person | None = None,
    complainant_name: str = "",
    respondents: Iterable[Person] = (),
    respondent_names: str = "",
    elements: Iterable[NewElement] = (),
    request: Any = None,
) -> Complaint:
    """Record a complaint as received; its first stage deadline starts now."""
    complaint = Complaint.objects.create(
        received_on=received_on,
        unit=unit,
        channel=channel,
        complainant=complainant,
        complainant_name=complainant_name,
        respondent_names=respondent_names,
        content=content,
        stage=Stage.RECEIVED,
        stage_started_at=timezone.now(),
    )
    complaint.respondents.set(list(respondents))
    for position, element in enumerate(elements, start=1):
        Element.objects.create(
            complaint=complaint, position=position, category=element.category, summary=element.summary
        )
    _enter_stage(complaint, Stage.RECEIVED, actor=actor)
    audit.log_change(
        actor=actor,
        obj=complaint,
        action=AuditAction.CREATE,
        person=complainant,
        fields=["received_on", "unit", "channel", "complainant", "respondents", "content", "elements"],
        request=request,
    )
    return complaint


def _bump(complaint: Complaint, version: int | None) -> None:
    """Optimistic locking: refuse when someone else changed the complaint since ``version``."""
    if version is None:
        Complaint.objects.filter(pk=complaint.pk).update(version=F("version") + 1)
    elif not Complaint.objects.filter(pk=complaint.pk, version=version).update(version=F("version") + 1):
        raise StaleComplaint
    complaint.refresh_from_db(fields=["version"])


@transaction.atomic
def complaint_assign(
    *,
    complaint: Complaint,
    actor: Any,
    handler: Person | None,
    decision_maker: Person | None,
    version: int | None = None,
    request: Any = None,
) -> Complaint:
    """The coordinator gives the complaint to a handler and records who decides on it."""
    _bump(complaint, version)
    Complaint.objects.filter(pk=complaint.pk).update(handler=handler, decision_maker=decision_maker)
    complaint.refresh_from_db()
    audit.log_change(
        actor=actor, obj=complaint, person=complaint.complainant, fields=["handler", "decision_maker"], request=request
    )
    return complaint


@transaction.atomic
def complaint_move(
    *, complaint: Complaint, actor: Any, to_stage: str, note: str = "", version: int | None = None, request: Any = None
) -> Complaint:
    """Move the complaint to another stage, if the transition table and its conditions allow it."""
    locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if version is not None and locked.version != version:
        raise StaleComplaint
    workflow.ensure_can_move(
        locked.stage,
        to_stage,
        unanswered_attempts=selectors.unanswered_attempts(locked),
        **selectors.element_counts(locked),
    )
    _enter_stage(locked, to_stage, actor=actor, note=note)
    _bump(locked, None)
    audit.log_change(actor=actor, obj=locked, person=locked.complainant, fields=["stage"], request=request)
    return locked


def _ensure_open(complaint: Complaint) -> None:
    if not workflow.is_open(complaint.stage):
        raise workflow.TransitionNotAllowed(_("Deze klacht is afgesloten en kan niet meer worden gewijzigd."))


@transaction.atomic
def element_add(*, complaint: Complaint, actor: Any, category: Category, summary: str, request: Any = None) -> Element:
    _ensure_open(complaint)
    last = complaint.elements.aggregate(last=Max("position"))["last"] or 0
    element = Element.objects.create(complaint=complaint, position=last + 1, category=category, summary=summary)
    audit.log_change(actor=actor, obj=complaint, person=complaint.complainant, fields=["elements"], request=request)
    return element


@transaction.atomic
def contact_attempt_add(
    *, complaint: Complaint, actor: Any, kind: str, on: date, outcome: str, request: Any = None
) -> ContactAttempt:
    _ensure_open(complaint)
    attempt = ContactAttempt.objects.create(
        complaint=complaint, kind=kind, on=on, outcome=outcome, recorded_by=_user(actor)
    )
    audit.log_change(
        actor=actor, obj=complaint, person=complaint.complainant, fields=["contact_attempts"], request=request
    )
    return attempt


@transaction.atomic
def committee_point_add(*, complaint: Complaint, actor: Any, text: str, request: Any = None) -> CommitteePoint:
    _ensure_open(complaint)
    point = CommitteePoint.objects.create(complaint=complaint, text=text)
    audit.log_change(
        actor=actor, obj=complaint, person=complaint.complainant, fields=["committee_points"], request=request
    )
    return point


@transaction.atomic
def advice_record(
    *, complaint: Complaint, actor: Any, advice: Mapping[int, tuple[str, str]], request: Any = None
) -> Complaint:
    """The committee's advice per element: element id → (verdict, note). Only in the committee stage."""
    if complaint.stage != Stage.COMMITTEE:
        raise workflow.TransitionNotAllowed(_("Het advies wordt vastgelegd als de klacht bij de commissie ligt."))
    elements = {e.pk: e for e in complaint.elements.all()}
    for element_id, (verdict, note) in advice.items():
        element = elements[element_id]
        element.advice, element.advice_note = verdict, note
        element.save(update_fields=["advice", "advice_note"])
    audit.log_change(actor=actor, obj=complaint, person=complaint.complainant, fields=["advice"], request=request)
    return complaint


def deviation_problem(advice: str, verdict: str, reason: str) -> str:
    """The Dutch message when a verdict deviates from the committee's advice without a written
    reason (empty: fine). Shared by the decision form and the service."""
    if advice and verdict and verdict != advice and not reason.strip():
        return _("Schrijf op waarom het besluit afwijkt van het advies van de commissie.")
    return ""


@transaction.atomic
def decision_record(
    *, complaint: Complaint, actor: Any, decisions: Mapping[int, tuple[str, str]], request: Any = None
) -> Complaint:
    """The decision per element: element id → (verdict, reason). Adopting the advice needs no
    reason; deviating from it does. Only in the decision stage."""
    if complaint.stage != Stage.DECISION:
        raise workflow.TransitionNotAllowed(_("Het besluit wordt vastgelegd als de klacht in de fase besluit is."))
    elements = {e.pk: e for e in complaint.elements.all()}
    for element_id, (verdict, reason) in decisions.items():
        element = elements[element_id]
        if verdict not in Verdict.values:
            raise InvalidDecision(_("Kies een oordeel."), element_id, "verdict")
        problem = deviation_problem(element.advice, verdict, reason)
        if problem:
            raise InvalidDecision(problem, element_id, "reason")
        element.verdict = verdict
        element.deviation_reason = reason.strip() if verdict != element.advice else ""
        element.save(update_fields=["verdict", "deviation_reason"])
    audit.log_change(
        actor=actor,
        obj=complaint,
        person=complaint.complainant,
        fields=["verdict", "deviation_reason"],
        request=request,
    )
    return complaint


@transaction.atomic
def document_add(
    *, complaint: Complaint, actor: Any, kind: str, upload: UploadedFile, content_type: str, request: Any = None
) -> Document:
    """Store a checked file (``forms.DocumentForm`` checks size and type) under a random name."""
    _ensure_open(complaint)
    name = (upload.name or "bestand")[-200:]
    document = Document(
        complaint=complaint,
        kind=kind,
        original_name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=_user(actor),
    )
    document.file.save(name, upload, save=False)
    try:
        document.save()
        audit.log_change(
            actor=actor, obj=complaint, person=complaint.complainant, fields=["documents"], request=request
        )
    except Exception:
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def category_save(*, category: Category, actor: Any, request: Any = None) -> Category:
    created = category.pk is None
    category.save()
    audit.log_change(
        actor=actor,
        obj=category,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        fields=["name", "position", "is_active"],
        request=request,
    )
    return category
