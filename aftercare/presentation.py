"""What the aftercare pages show about a plan, a step or a notification besides the model itself:
small frozen records the views build and the templates read (no attributes bolted onto models)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from aftercare.constants import PlanStatus, StepStatus
from aftercare.forms import StepCompleteForm
from aftercare.guidance import Guide
from aftercare.models import CheckIn, Notification, Plan, StatusChange, Step


@dataclass(frozen=True)
class PlanRow:
    """One plan in a list: its first open step and how many open steps are past their deadline."""

    plan: Plan
    next_step: Step | None
    overdue: int


def closed_rows(plans: Iterable[Plan]) -> list[PlanRow]:
    """Rows of closed plans: no next step and nothing late (a step left open when the plan was
    closed no longer waits for anyone)."""
    return [PlanRow(plan=plan, next_step=None, overdue=0) for plan in plans]


def plan_rows(
    plans: Iterable[Plan], now: datetime, for_person_id: int | None = None, kinds: frozenset[str] | None = None
) -> list[PlanRow]:
    """The rows of a plan list; reads the prefetched steps (ordered by deadline) only.

    With ``for_person_id`` the next step is the next one *that person* owns (the supporter's list
    shows their own next step); the overdue count stays the plan's. With ``kinds`` only steps of
    those kinds count (the casemanager sees only their part of the plan)."""
    rows = []
    for plan in plans:
        open_steps = [s for s in plan.steps.all() if s.status == StepStatus.OPEN and (kinds is None or s.kind in kinds)]
        overdue = sum(1 for s in open_steps if s.due_at < now)
        mine = [s for s in open_steps if s.owner_id == for_person_id] if for_person_id is not None else open_steps
        rows.append(PlanRow(plan=plan, next_step=mine[0] if mine else None, overdue=overdue))
    return rows


@dataclass(frozen=True)
class StepItem:
    """One step on the plan page, with what the viewer may do with it and its form."""

    step: Step
    can_complete: bool
    can_decline: bool
    form: StepCompleteForm
    can_undo: bool = False
    on_behalf: bool = False  # completing it would be on behalf of its owner (the coordinator)
    guide: Guide | None = None  # how to do it, for whoever may complete it
    for_employee: str = ""  # what the step means for the employee, in plain words
    check_in: CheckIn | None = None  # the answers of a check-in, for the supporter and coordinator only


@dataclass(frozen=True)
class NotificationItem:
    """One notification; ``reachable`` when the viewer may open the plan it is about (a
    functioneel beheerder gets escalations about plans they cannot see)."""

    notification: Notification
    reachable: bool


@dataclass(frozen=True)
class HistoryRow:
    """One line of a plan's history as the plan PDF prints it."""

    change: StatusChange
    from_label: str
    to_label: str
    actor_name: str


def history_rows(changes: Iterable[StatusChange]) -> list[HistoryRow]:
    step_labels, plan_labels = dict(StepStatus.choices), dict(PlanStatus.choices)
    rows = []
    for change in changes:
        labels = step_labels if change.step_id else plan_labels
        actor = change.actor
        name = (actor.get_full_name() or actor.get_username()) if actor is not None else ""
        rows.append(
            HistoryRow(
                change=change,
                from_label=str(labels.get(change.from_status, change.from_status)),
                to_label=str(labels.get(change.to_status, change.to_status)),
                actor_name=name,
            )
        )
    return rows
