"""What the complaint pages show, built from selectors: small frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from complaints import workflow
from complaints.constants import Stage
from complaints.models import Complaint


@dataclass(frozen=True)
class ComplaintRow:
    complaint: Complaint
    overdue: bool


def is_overdue(complaint: Complaint, now: datetime) -> bool:
    """Open and past the deadline of its current stage."""
    due = complaint.stage_due_at
    return workflow.is_open(complaint.stage) and due is not None and due <= now


def complaint_rows(complaints: list[Complaint], now: datetime) -> list[ComplaintRow]:
    return [ComplaintRow(c, is_overdue(c, now)) for c in complaints]


@dataclass(frozen=True)
class StatusStep:
    label: str
    on: date


@dataclass(frozen=True)
class ComplaintStatus:
    """All the complainant sees of their complaint: the stage and the dates, nothing else."""

    reference: str
    received_on: date
    stage_label: str
    is_open: bool
    steps: list[StatusStep]
    closed_on: date | None


def complaint_status(complaint: Complaint) -> ComplaintStatus:
    labels = dict(Stage.choices)
    steps = [
        StatusStep(str(labels[change.to_stage]), timezone.localdate(change.at))
        for change in complaint.history.order_by("at", "pk").only("to_stage", "at")
    ]
    return ComplaintStatus(
        reference=complaint.reference,
        received_on=complaint.received_on,
        stage_label=str(labels[complaint.stage]),
        is_open=workflow.is_open(complaint.stage),
        steps=steps,
        closed_on=timezone.localdate(complaint.closed_at) if complaint.closed_at else None,
    )
