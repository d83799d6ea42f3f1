"""The dashboard chart (issue 15 §4): scales where higher is better and where higher is heavier in
separate labelled groups, the risk colour said in words, the "whole organisation" left out when
it is the same people as the group shown, and the table next to it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from monitor import questionnaire
from monitor.tests import factories

pytestmark = pytest.mark.django_db

RISK_WORDS = "Oranje balk: het gemiddelde ligt in de risicozone."


def _dashboard(client: Any) -> str:
    return " ".join(client.get(reverse("monitor:dashboard")).content.decode().split())


def _group(page: str, slug: str) -> str:
    found = re.search(rf'<div class="zw-chart__group"[^>]*aria-labelledby="chart-{slug}".*?</ul>', page)
    assert found, f"no chart group {slug}"
    return found.group(0)


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_better_and_heavier_scales_are_separate_labelled_groups(organisation: Any, login_as: Any) -> None:
    factories.answered_campaign({organisation.team: 6}, lambda team, index: 2 + index % 3)
    page = _dashboard(login_as(organisation.users["leidinggevende"]))
    better, heavier = _group(page, "hoger-beter"), _group(page, "hoger-zwaarder")
    assert 'id="chart-hoger-beter">Schalen waar hoger beter is</h3>' in better
    assert "Langere balk is beter" in better and "Langere balk is zwaarder" in heavier
    for scale in questionnaire.load().scales:
        inside, outside = (better, heavier) if scale.higher_is_better else (heavier, better)
        label = 'aria-label="' + escape(scale.name) + ": "
        assert label in inside and label not in outside, scale.slug


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_risk_colour_is_explained_in_words_next_to_the_chart(organisation: Any, login_as: Any) -> None:
    factories.answered_campaign({organisation.team: 6}, lambda team, index: 2 + index % 3)
    page = _dashboard(login_as(organisation.users["leidinggevende"]))
    figure = page[page.index('<figure class="zw-chart"') : page.index("</figure>")]
    assert RISK_WORDS in figure and "Blauwe balk" in figure


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_whole_organisation_is_left_out_when_it_is_the_one_team_measured(organisation: Any, login_as: Any) -> None:
    factories.answered_campaign({organisation.team: 6}, lambda team, index: 2 + index % 3)
    page = _dashboard(login_as(organisation.users["leidinggevende"]))
    assert "Uitkomsten per schaal" in page  # the table alternative stays
    assert "zw-chart__marker" not in page and "Zwarte streep" not in page
    assert ">Hele politie<" not in page


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_whole_organisation_is_compared_when_more_teams_were_measured(organisation: Any, login_as: Any) -> None:
    factories.answered_campaign({organisation.team: 6, organisation.other_team: 6}, lambda team, index: 2 + index % 3)
    page = _dashboard(login_as(organisation.users["leidinggevende"]))
    assert "zw-chart__marker" in page and "Zwarte streep: het gemiddelde van de hele politie." in page
    assert ">Hele politie<" in page


def test_the_questionnaire_and_the_dashboard_say_this_is_zorgwijzers_own_version(
    client: Any, organisation: Any, login_as: Any
) -> None:
    # Issue 22 §2: the name MeMo belongs to the official instrument; the wording here is the project's own.
    from monitor import tokens

    campaign = factories.campaign(nodes=[organisation.team])
    token = "eigen-versie".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    questionnaire_page = " ".join(
        client.get(reverse("monitor:respond", kwargs={"token": token})).content.decode().split()
    )
    dashboard = _dashboard(login_as(organisation.users["leidinggevende"]))
    for page in (questionnaire_page, dashboard):
        assert "eigen versie van Zorgwijzer" in page or "eigen vragenlijst van Zorgwijzer" in page
        assert "niet de officiële MeMo 2.0" in page and "licentie" in page
