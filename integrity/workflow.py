"""How a live session, its cards and a triaged signal move: the transition tables of the app.

The triage history is the append-only ``TriageDecision`` table, written by ``services.signal_decide``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from integrity.constants import CardState, SessionStatus, Stage

SESSION_TRANSITIONS: dict[str, frozenset[str]] = {
    SessionStatus.DRAFT: frozenset({SessionStatus.OPEN, SessionStatus.CLOSED}),
    SessionStatus.OPEN: frozenset({SessionStatus.CLOSED}),
    SessionStatus.CLOSED: frozenset(),
}

CARD_TRANSITIONS: dict[str, frozenset[str]] = {
    CardState.WAITING: frozenset({CardState.VOTING}),
    CardState.VOTING: frozenset({CardState.REVEALED}),
    CardState.REVEALED: frozenset(),
}

#: intake → triage → preparation → execution (seed 003, L909); from any open stage a signal can go
#: back to the line; from triage to the Rijksrecherche when its checklist applies.
TRIAGE_TRANSITIONS: dict[str, frozenset[str]] = {
    Stage.INTAKE: frozenset({Stage.TRIAGE, Stage.LINE}),
    Stage.TRIAGE: frozenset({Stage.PREPARATION, Stage.LINE, Stage.RIJKSRECHERCHE}),
    Stage.PREPARATION: frozenset({Stage.EXECUTION, Stage.LINE}),
    Stage.EXECUTION: frozenset({Stage.DONE, Stage.LINE}),
    Stage.LINE: frozenset(),
    Stage.RIJKSRECHERCHE: frozenset(),
    Stage.DONE: frozenset(),
}


class TransitionNotAllowed(Exception):
    """A change the transition table does not allow."""


def ensure_session_can_move(from_status: str, to_status: str) -> None:
    if to_status not in SESSION_TRANSITIONS.get(from_status, frozenset()):
        raise TransitionNotAllowed(_("Deze sessie is al gesloten of nog niet geopend."))


def ensure_card_can_move(from_state: str, to_state: str) -> None:
    if to_state not in CARD_TRANSITIONS.get(from_state, frozenset()):
        raise TransitionNotAllowed(_("Deze kaart is al verder."))


def next_stages(stage: str) -> frozenset[str]:
    return TRIAGE_TRANSITIONS.get(stage, frozenset())


def ensure_signal_can_move(from_stage: str, to_stage: str) -> None:
    if to_stage not in next_stages(from_stage):
        raise TransitionNotAllowed(_("Deze stap kan niet vanuit de huidige fase."))
