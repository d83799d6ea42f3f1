"""How a plan and its steps move: the one transition table of the aftercare workflow.

Every change is recorded in the append-only ``StatusChange`` history by the services.
A declined step stays declined (the decline is respected and recorded); the offer is made again
as a new step at the next check-in (``services.step_decline``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aftercare.constants import PlanStatus, StepKind, StepStatus

STEP_TRANSITIONS: dict[str, frozenset[str]] = {
    StepStatus.OPEN: frozenset({StepStatus.DONE, StepStatus.DECLINED, StepStatus.CANCELLED}),
    # Only ``services.step_undo``: by the person who completed it, within the undo window, for a
    # step whose completion changed nothing else (``UNDOABLE``).
    StepStatus.DONE: frozenset({StepStatus.OPEN}),
    StepStatus.DECLINED: frozenset(),
    StepStatus.CANCELLED: frozenset(),
}

PLAN_TRANSITIONS: dict[str, frozenset[str]] = {
    PlanStatus.OPEN: frozenset({PlanStatus.CLOSED}),
    PlanStatus.CLOSED: frozenset({PlanStatus.ANONYMISED}),
    PlanStatus.ANONYMISED: frozenset(),
}

#: Steps the employee may decline; the others are the organisation's duty, not an offer.
DECLINABLE: frozenset[str] = frozenset(
    {StepKind.SUPPORT_OFFER, StepKind.CHECK_IN, StepKind.HOME_FRONT, StepKind.SPIRITUAL_CARE}
)


#: Steps whose completion can be undone: completing them changes nothing else in the plan. (The
#: support offer, the evaluation, the referral and the closure set things in motion; a mistake
#: there is corrected by the coordinator, on record.)
#: A check-in is not undoable: its answers may have started a referral. Steps done for the whole
#: team are not either: they were done in the other team members' plans at the same time.
UNDOABLE: frozenset[str] = frozenset(
    {
        StepKind.CONTACT,
        StepKind.DEBRIEFING,
        StepKind.HOME_FRONT,
        StepKind.CONTACT_REQUEST,
        StepKind.SPIRITUAL_CARE,
        StepKind.PRIKPUNT,
        StepKind.AANGIFTE,
        StepKind.CASE_FILE,
        StepKind.DAMAGE_CLAIM,
        StepKind.PROPERTY_DAMAGE,
    }
)

#: Steps that record a date when done (the investigation requested, the aangifte made).
DATED: frozenset[str] = frozenset({StepKind.INVESTIGATION, StepKind.AANGIFTE})

#: Steps done once for the whole team: completing one completes the same step, held by the same
#: owner, in the other plans of the event (``services._complete_for_team``).
TEAM_LEVEL: frozenset[str] = frozenset({StepKind.TEAM_OPVANG, StepKind.INFORM, StepKind.INVESTIGATION})

#: The casemanager's part of a plan: the only steps a casemanager sees.
CASEWORK: frozenset[str] = frozenset(
    {StepKind.AANGIFTE, StepKind.CASE_FILE, StepKind.DAMAGE_CLAIM, StepKind.PROPERTY_DAMAGE}
)


#: Steps planned for a moment after the event (the check-ins, the evaluation, the closure): done
#: well before that moment, they need a reason. Steps with only a deadline (contact, a referral,
#: a request) are best done as soon as possible.
SCHEDULED: frozenset[str] = frozenset({StepKind.CHECK_IN, StepKind.EVALUATION, StepKind.CLOSURE})


class TransitionNotAllowed(Exception):
    """A status change that the transition table does not allow."""


def ensure_step_can_move(from_status: str, to_status: str) -> None:
    if to_status not in STEP_TRANSITIONS.get(from_status, frozenset()):
        raise TransitionNotAllowed(_("Deze stap is al afgehandeld."))


def ensure_plan_can_move(from_status: str, to_status: str) -> None:
    if to_status not in PLAN_TRANSITIONS.get(from_status, frozenset()):
        raise TransitionNotAllowed(_("Dit nazorgplan kan niet meer worden gewijzigd."))


def ensure_plan_open(status: str) -> None:
    """Adding to a plan (a contact request, home-front consent) only while it is open."""
    if status != PlanStatus.OPEN:
        raise TransitionNotAllowed(
            _("Dit nazorgplan is afgesloten: je kunt hier geen contact of thuisfront meer aanvragen.")
        )


def may_decline(kind: str) -> bool:
    return kind in DECLINABLE
