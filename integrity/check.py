"""The dilemma check: four self-questions and three requirements lead to do / don't / discuss
first, with the route to take (seed 003, L124–132 and L196–204). Pure: nothing is stored."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from integrity.presentation import CheckOutcome

DO, DONT, DISCUSS = "doen", "niet-doen", "bespreken"


def evaluate(answers: Mapping[str, str]) -> CheckOutcome:
    """``answers`` holds the cleaned values of ``forms.DilemmaCheckForm``."""
    stop, doubt = _self_questions(answers)
    more_stop, more_doubt = _requirements(answers)
    stop += more_stop
    doubt += more_doubt
    if answers["intention"] == "bespreken":
        doubt.append(_("Je wilt het zelf eerst met iemand bespreken. Dat is een goede stap."))
    verdict = DONT if stop else DISCUSS if doubt else DO
    return CheckOutcome(verdict=verdict, reasons=tuple(stop + doubt), routes=tuple(_routes(answers, verdict)))


def _self_questions(answers: Mapping[str, str]) -> tuple[list[str], list[str]]:
    stop: list[str] = []
    doubt: list[str] = []
    if answers["motive"] in ("nieuwsgierig", "voordeel"):
        stop.append(_("Nieuwsgierigheid of eigen voordeel is geen reden die je kunt uitleggen."))
    elif answers["motive"] == "persoonlijk":
        doubt.append(_("Je bent er persoonlijk bij betrokken. Dan is het moeilijk om zuiver te kiezen."))
    if answers["allowed"] == "nee":
        stop.append(_("Je weet dat het niet mag."))
    elif answers["allowed"] == "weet-niet":
        doubt.append(_("Je weet niet zeker of het mag. Zoek dat eerst uit."))
    if answers["interest"] == "eigen":
        stop.append(_("Het dient vooral je eigen belang, niet het werk."))
    elif answers["interest"] == "bekende":
        doubt.append(_("Het dient het belang van iemand die je kent."))
    return stop, doubt


def _requirements(answers: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Care, explainability and steadfastness; what cannot be explained is a "don't"."""
    stop: list[str] = []
    doubt: list[str] = []
    for name, message in (
        ("care", _("Je hebt nog niet aan de rechten en belangen van iedereen gedacht (zorgvuldigheid).")),
        ("explain", _("Je weet niet of je het later goed kunt uitleggen (uitlegbaarheid).")),
        ("steady", _("Je voelt druk of verleiding (standvastigheid).")),
    ):
        if answers[name] == "nee" and name == "explain":
            stop.append(message)
        elif answers[name] in ("nee", "twijfel"):
            doubt.append(message)
    return stop, doubt


def _routes(answers: Mapping[str, str], verdict: str) -> list[tuple[str, str]]:
    routes: list[tuple[str, str]] = []
    if answers["other_person"] == "ja":
        routes.append(
            (
                _("Vertrouwenspersoon"),
                _(
                    "Gaat het om gedrag van een ander dat over je grens gaat? Een vertrouwenspersoon luistert, "
                    "vertrouwelijk als je wilt, en jij houdt de regie."
                ),
            )
        )
    routes.append((_("Een collega"), _("Praat erover met een collega die je vertrouwt. Twee weten meer dan één.")))
    if answers["manager_ok"] == "ja":
        routes.append(
            (
                _("Je leidinggevende"),
                _("Bespreek het vooraf met je leidinggevende. Integriteit is een taak van de lijn."),
            )
        )
    elif answers["other_person"] != "ja":
        routes.append(
            (
                _("Vertrouwenspersoon"),
                _("Wil je het niet met je leidinggevende bespreken? Dan kun je naar een vertrouwenspersoon."),
            )
        )
    routes.append(
        (
            _("Preventiecoördinator VIK"),
            _("Vragen over wat wel en niet mag? De preventiecoördinator geeft advies, ook als je er niet uitkomt."),
        )
    )
    if answers["misconduct"] == "ja":
        routes.append(
            (
                _("VIK, afdeling Integriteit"),
                _("Denk je dat iemand plichtsverzuim pleegt of een strafbaar feit? Meld het bij VIK Integriteit."),
            )
        )
    return routes
