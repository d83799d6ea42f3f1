"""How a complaint moves: the one transition table of the complaints workflow.

The main road: ontvangen → informeel gesprek → intake → bemiddeling aangeboden (aanvaard /
geweigerd) → zienswijzen gevraagd → zienswijzen ontvangen → klachtencommissie → besluit →
meegedeeld → afgesloten. Shortcuts the register shows happen in practice (straight to intake,
closing after a mediation that worked or after the written views satisfied the complainant).
From every open stage a complaint may leave by one of the exits (``EXIT_STAGES``). Every move is
recorded in the append-only ``StageChange`` history by ``services.complaint_move``.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.utils.translation import gettext as _

from complaints.constants import EXIT_STAGES, FINAL_STAGES, ContactKind, Stage

_ROAD: dict[str, frozenset[str]] = {
    Stage.RECEIVED: frozenset({Stage.INFORMAL, Stage.INTAKE}),
    Stage.INFORMAL: frozenset({Stage.INTAKE, Stage.CLOSED}),
    Stage.INTAKE: frozenset({Stage.MEDIATION_OFFERED, Stage.VIEWS_REQUESTED, Stage.COMMITTEE}),
    Stage.MEDIATION_OFFERED: frozenset({Stage.MEDIATION_ACCEPTED, Stage.MEDIATION_REFUSED}),
    Stage.MEDIATION_ACCEPTED: frozenset({Stage.VIEWS_REQUESTED, Stage.CLOSED}),
    Stage.MEDIATION_REFUSED: frozenset({Stage.VIEWS_REQUESTED, Stage.COMMITTEE}),
    Stage.VIEWS_REQUESTED: frozenset({Stage.VIEWS_RECEIVED}),
    Stage.VIEWS_RECEIVED: frozenset({Stage.COMMITTEE, Stage.CLOSED}),
    Stage.COMMITTEE: frozenset({Stage.DECISION}),
    Stage.DECISION: frozenset({Stage.COMMUNICATED}),
    Stage.COMMUNICATED: frozenset({Stage.CLOSED}),
}

#: Every allowed move: the road, plus every exit from every open stage. Final stages are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    **{stage: road | EXIT_STAGES for stage, road in _ROAD.items()},
    **{stage: frozenset() for stage in FINAL_STAGES},
}

#: The main road in order (the status page and the lead-time view follow it).
MAIN_ROAD: tuple[str, ...] = (
    Stage.RECEIVED,
    Stage.INFORMAL,
    Stage.INTAKE,
    Stage.MEDIATION_OFFERED,
    Stage.MEDIATION_ACCEPTED,
    Stage.MEDIATION_REFUSED,
    Stage.VIEWS_REQUESTED,
    Stage.VIEWS_RECEIVED,
    Stage.COMMITTEE,
    Stage.DECISION,
    Stage.COMMUNICATED,
)


class TransitionNotAllowed(Exception):
    """A move that the transition table or one of its conditions does not allow.

    ``field`` names the form field the message belongs at (empty: the form as a whole)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def next_stages(stage: str) -> list[str]:
    """The stages a complaint in ``stage`` may move to, road first and exits last."""
    allowed = TRANSITIONS.get(stage, frozenset())
    road = [s for s in (*MAIN_ROAD, Stage.CLOSED) if s in allowed]
    return road + [s for s in Stage.values if s in allowed and s not in road]


def is_open(stage: str) -> bool:
    return stage not in FINAL_STAGES


def required_contact_attempts() -> dict[str, int]:
    """``COMPLAINTS_CONTACT_ATTEMPTS_REQUIRED``: per kind (call, sms, mail), how many attempts
    without reply must be logged before a complaint may be considered withdrawn."""
    return {kind: int(settings.COMPLAINTS_CONTACT_ATTEMPTS_REQUIRED.get(kind, 0)) for kind in ContactKind.values}


def missing_contact_attempts(unanswered: Mapping[str, int]) -> dict[str, int]:
    """Per kind, how many unanswered attempts are still missing (only kinds that miss some)."""
    return {
        kind: needed - unanswered.get(kind, 0)
        for kind, needed in required_contact_attempts().items()
        if unanswered.get(kind, 0) < needed
    }


def ensure_can_move(
    from_stage: str,
    to_stage: str,
    *,
    unanswered_attempts: Mapping[str, int],
    elements: int,
    elements_with_advice: int,
    elements_with_verdict: int,
) -> None:
    """Refuse a move the table does not allow or whose condition is not met (the message is Dutch
    and names the field it belongs at)."""
    if to_stage not in TRANSITIONS.get(from_stage, frozenset()):
        raise TransitionNotAllowed(_("Deze stap is vanuit de huidige fase niet mogelijk."), "to_stage")
    if to_stage == Stage.CONSIDERED_WITHDRAWN:
        missing = missing_contact_attempts(unanswered_attempts)
        if missing:
            labels = dict(ContactKind.choices)
            parts = ", ".join(f"{labels[kind].lower()}: {count}" for kind, count in missing.items())
            raise TransitionNotAllowed(
                _(
                    "Een klacht kan pas als ingetrokken worden beschouwd als de klager niet reageert op "
                    "genoeg contactpogingen. Nog nodig zonder reactie: %(missing)s."
                )
                % {"missing": parts},
                "to_stage",
            )
    if to_stage == Stage.COMMITTEE and elements == 0:
        raise TransitionNotAllowed(
            _("Leg eerst de klachtonderdelen vast: de commissie geeft per onderdeel een advies."), "to_stage"
        )
    if to_stage == Stage.DECISION and elements_with_advice < elements:
        raise TransitionNotAllowed(_("Leg eerst het advies van de commissie vast voor elk onderdeel."), "to_stage")
    if to_stage == Stage.COMMUNICATED and elements_with_verdict < elements:
        raise TransitionNotAllowed(_("Leg eerst het besluit vast voor elk onderdeel."), "to_stage")


__all__ = [
    "MAIN_ROAD",
    "TRANSITIONS",
    "TransitionNotAllowed",
    "ensure_can_move",
    "is_open",
    "missing_contact_attempts",
    "next_stages",
    "required_contact_attempts",
]
