"""The dilemma check: anonymous, nothing stored, do / don't / discuss first with a route."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from integrity.check import evaluate

CLEAR = {
    "motive": "werk",
    "allowed": "ja",
    "interest": "werk",
    "intention": "doen",
    "care": "ja",
    "explain": "ja",
    "steady": "ja",
    "other_person": "nee",
    "misconduct": "nee",
    "manager_ok": "ja",
}


def test_clear_answers_lead_to_do() -> None:
    outcome = evaluate(CLEAR)
    assert outcome.verdict == "doen" and not outcome.reasons


def test_curiosity_leads_to_dont() -> None:
    assert evaluate({**CLEAR, "motive": "nieuwsgierig"}).verdict == "niet-doen"


def test_doubt_about_whether_it_is_allowed_leads_to_discuss_first() -> None:
    assert evaluate({**CLEAR, "allowed": "weet-niet"}).verdict == "bespreken"


def test_the_route_names_the_vertrouwenspersoon_for_behaviour_of_others_and_vik_for_misconduct() -> None:
    routes = [who for who, _ in evaluate({**CLEAR, "other_person": "ja", "misconduct": "ja"}).routes]
    assert routes[0] == "Vertrouwenspersoon" and routes[-1] == "VIK, afdeling Integriteit"
    assert "Je leidinggevende" in routes and "Preventiecoördinator VIK" in routes


def test_without_the_manager_the_route_skips_the_manager() -> None:
    routes = [who for who, _ in evaluate({**CLEAR, "manager_ok": "nee"}).routes]
    assert "Je leidinggevende" not in routes and "Vertrouwenspersoon" in routes


@pytest.mark.django_db
def test_the_page_needs_no_login_and_stores_nothing(client: Any) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("integrity:check"), {**CLEAR, "motive": "voordeel"})
    assert response.status_code == 200 and 'data-verdict="niet-doen"' in response.content.decode()
    writes = [q["sql"] for q in queries.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert response["Cache-Control"].count("no-store") == 1
