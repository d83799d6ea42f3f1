"""How a recognition case moves: the one transition table, with the plain-words guide per stage.

Every move is written to the append-only ``CaseStep`` history by ``services.case_advance`` (or by
``services.consent_give`` / ``consent_withdraw`` for the first and the withdrawn stage).

The PTSS advisory committee advises on PTSS only: a case about another occupational disease, an
occupational incident or a service accident may go from registration straight to the decision.
A case that is not recognised ends at the decision; only a recognised one goes on to compensation.
Withdrawing consent stops a case from every running stage.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from casework.constants import Decision, Stage

TRANSITIONS: dict[str, frozenset[str]] = {
    Stage.MELDING: frozenset({Stage.REGISTRATIE, Stage.INGETROKKEN}),
    Stage.REGISTRATIE: frozenset({Stage.ADVIESCOMMISSIE, Stage.BESLUIT, Stage.INGETROKKEN}),
    Stage.ADVIESCOMMISSIE: frozenset({Stage.BESLUIT, Stage.INGETROKKEN}),
    Stage.BESLUIT: frozenset({Stage.COMPENSATIE, Stage.AFGESLOTEN, Stage.INGETROKKEN}),
    Stage.COMPENSATIE: frozenset({Stage.AFGESLOTEN, Stage.INGETROKKEN}),
    Stage.AFGESLOTEN: frozenset(),
    Stage.INGETROKKEN: frozenset(),
}

#: Stages the casemanager moves a case into (withdrawal is the employee's alone).
CASEMANAGER_TARGETS: frozenset[str] = frozenset(
    {Stage.REGISTRATIE, Stage.ADVIESCOMMISSIE, Stage.BESLUIT, Stage.COMPENSATIE, Stage.AFGESLOTEN}
)

#: What the employee reads about each stage: where the case is, and what happens next.
EMPLOYEE_GUIDE: dict[str, tuple[Promise, Promise]] = {
    Stage.MELDING: (
        _("Je hebt toestemming gegeven. Je zaak is gemeld bij Team Beroepsrisico."),
        _("Een casemanager neemt contact met je op en bespreekt met jou welk verzoek jullie indienen."),
    ),
    Stage.REGISTRATIE: (
        _("Je verzoek om erkenning is geregistreerd."),
        _("De casemanager verzamelt wat nodig is en zorgt dat je verzoek bij de juiste mensen komt."),
    ),
    Stage.ADVIESCOMMISSIE: (
        _("De adviescommissie PTSS bekijkt je verzoek."),
        _("De commissie geeft advies over erkenning. Je casemanager houdt contact met de commissie en met jou."),
    ),
    Stage.BESLUIT: (
        _("Er is een besluit genomen over erkenning."),
        _("Je casemanager legt je uit wat het besluit betekent en wat je daarna kunt doen."),
    ),
    Stage.COMPENSATIE: (
        _("Je bent erkend. Nu wordt de compensatie geregeld."),
        _("De casemanager helpt je met de schadeposten en de afhandeling daarvan."),
    ),
    Stage.AFGESLOTEN: (
        _("Je zaak is afgesloten."),
        _("Er gebeurt niets meer in deze zaak. Heb je vragen, neem dan contact op met Team Beroepsrisico."),
    ),
    Stage.INGETROKKEN: (
        _("Je hebt je toestemming ingetrokken. De zaak is gestopt."),
        _("De casemanager ziet je zaak niet meer. Wil je later toch verder, dan kun je opnieuw toestemming geven."),
    ),
}


class TransitionNotAllowed(Exception):
    """A stage change that the transition table does not allow."""


def allowed_targets(stage: str, decision: str = "") -> list[str]:
    """The stages a casemanager may move a case to from ``stage`` (in the order of ``Stage``)."""
    allowed = TRANSITIONS.get(stage, frozenset()) & CASEMANAGER_TARGETS
    if stage == Stage.BESLUIT and decision != Decision.ERKEND:
        allowed = allowed - {Stage.COMPENSATIE}
    return [value for value in Stage.values if value in allowed]


def ensure_can_move(stage: str, to_stage: str, decision: str = "") -> None:
    if to_stage == Stage.INGETROKKEN:
        ok = to_stage in TRANSITIONS.get(stage, frozenset())
    else:
        ok = to_stage in allowed_targets(stage, decision)
    if not ok:
        raise TransitionNotAllowed(_("Deze zaak kan niet naar die fase."))
