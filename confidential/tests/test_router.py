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
