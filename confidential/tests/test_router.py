"""The router's rules, table-driven: what the visitor wants, about whom, whether the manager may
know and whether someone is in danger decide the routes and their order."""

from __future__ import annotations

import itertools

import pytest

from confidential.constants import About, Danger, ManagerMayKnow, Want
from confidential.router import ROUTES, Answers, rank


def slugs(want: str, about: str, manager: str, danger: str = Danger.NO) -> list[str]:
    return [item.route.slug for item in rank(Answers(want, about, manager, danger))]


CASES = [
    # (want, about, manager may know, expected first routes in this order)
    (Want.STOP, About.COLLEAGUE, ManagerMayKnow.NO, ["vertrouwenspersoon"]),
    (Want.STOP, About.COLLEAGUE, ManagerMayKnow.YES, ["vertrouwenspersoon", "leidinggevende"]),
    (Want.INVESTIGATION, About.COLLEAGUE, ManagerMayKnow.YES, ["vik", "klachtencommissie"]),
    (
        Want.TALK,
        About.OTHER,
        ManagerMayKnow.NO,
        ["vertrouwenspersoon", "bedrijfsmaatschappelijk-werk", "geestelijk-verzorger"],
    ),
    (Want.ADVICE, About.TEAM, ManagerMayKnow.YES, ["vertrouwenspersoon", "kernteam-udr", "team-vgw"]),
    (Want.INVESTIGATION, About.OTHER, ManagerMayKnow.UNSURE, ["vik", "misstand-melden"]),
    (
        Want.INVESTIGATION,
        About.MANAGER,
        ManagerMayKnow.YES,
        ["vik", "vertrouwenspersoon", "klachtencommissie", "ombudsfunctionaris"],
    ),
]


@pytest.mark.parametrize(("want", "about", "manager", "first"), CASES)
def test_the_answers_lead_to_these_routes_first(want: str, about: str, manager: str, first: list[str]) -> None:
    assert slugs(want, about, manager)[: len(first)] == first


def test_stop_without_the_manager_puts_the_vertrouwenspersoon_first_and_never_the_manager() -> None:
    ranked = rank(Answers(Want.STOP, About.COLLEAGUE, ManagerMayKnow.NO, Danger.NO))
    assert ranked[0].route.slug == "vertrouwenspersoon"
    assert not [item for item in ranked if item.route.via_manager]
    assert any("buiten je leidinggevende om" in reason for reason in ranked[0].why)


@pytest.mark.parametrize(
    ("want", "about", "manager"), list(itertools.product(Want.values, About.values, ManagerMayKnow.values))
)
def test_for_every_answer_set(want: str, about: str, manager: str) -> None:
    calm = slugs(want, about, manager, Danger.NO)
    danger = slugs(want, about, manager, Danger.YES)
    # Someone in danger: Direct hulp first, always, and only then.
    assert danger[0] == "direct-hulp" and danger[1:] == calm and "direct-hulp" not in calm
    # Never a route through the manager when they may not know or it is about them.
    if manager == ManagerMayKnow.NO or about == About.MANAGER:
        assert not {route.slug for route in ROUTES if route.via_manager} & set(calm)
    # Always somewhere to go, and the vertrouwenspersoon is always offered.
    assert "vertrouwenspersoon" in calm


def test_an_unsure_answer_about_the_manager_moves_the_manager_route_down() -> None:
    sure = slugs(Want.STOP, About.COLLEAGUE, ManagerMayKnow.YES)
    unsure = slugs(Want.STOP, About.COLLEAGUE, ManagerMayKnow.UNSURE)
    assert unsure.index("leidinggevende") > sure.index("leidinggevende")


def test_my_manager_intimidates_me_offers_no_mediation_and_promises_nothing_the_route_cannot_keep() -> None:
    ranked = rank(Answers(Want.STOP, About.MANAGER, ManagerMayKnow.YES, Danger.NO))
    routes = {item.route.slug: item for item in ranked}
    assert "mediation" not in routes  # unequal power: not a route for intimidation by one's manager
    assert ranked[0].route.slug == "vertrouwenspersoon"
    around = "deze route gaat buiten je leidinggevende om"
    assert any(around in reason for reason in routes["vertrouwenspersoon"].why)
    for slug in ("vik", "klachtencommissie"):
        assert not any(around in reason for reason in routes[slug].why), slug
        assert any("kan je leidinggevende het later wel horen" in reason for reason in routes[slug].why), slug


@pytest.mark.parametrize(
    ("want", "about", "manager"), list(itertools.product(Want.values, About.values, ManagerMayKnow.values))
)
def test_only_routes_that_keep_the_manager_out_say_so(want: str, about: str, manager: str) -> None:
    for item in rank(Answers(want, about, manager, Danger.NO)):
        if any("buiten je leidinggevende om" in reason for reason in item.why):
            assert not item.route.via_manager and not item.route.manager_may_learn, item.route.slug


def test_wrongdoing_in_the_organisation_goes_to_reporting_and_advice_not_to_mediation() -> None:
    found = slugs(Want.INVESTIGATION, About.OTHER, ManagerMayKnow.NO)
    assert found[:2] == ["vik", "misstand-melden"] or found[:2] == ["misstand-melden", "vik"]
    assert "mediation" not in slugs(Want.STOP, About.OTHER, ManagerMayKnow.YES)
    assert "vertrouwenspersoon" in found[:4]


def test_the_reasons_speak_to_the_visitor() -> None:
    ranked = rank(Answers(Want.ADVICE, About.MANAGER, ManagerMayKnow.NO, Danger.NO))
    reasons = " ".join(reason for item in ranked for reason in item.why)
    assert "advies over wat je kunt doen" in reasons and "je leidinggevende." in reasons
    assert " ik " not in reasons and "mijn" not in reasons
