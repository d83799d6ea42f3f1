"""The router's pages and API: public, work without JavaScript, say which answer is missing at its
question, and store nothing (no session, no row)."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/waar-kan-ik-terecht/"
API = "/api/v1/waar-kan-ik-terecht/"
STOP_WITHOUT_MANAGER = {"gevaar": "nee", "wat": "stoppen", "over": "collega", "leidinggevende": "nee"}


def _row_count() -> int:
    return sum(model._default_manager.count() for model in apps.get_models() if model._meta.managed)


def test_the_questions_are_shown_without_login_and_without_results(client: Any) -> None:
    page = client.get(URL).content.decode()
    assert "Is er nu iemand in gevaar" in page and 'name="leidinggevende"' in page
    assert 'id="routes"' not in page


def test_the_answers_give_the_routes_with_what_happens_and_who_knows(client: Any) -> None:
    page = client.get(URL, STOP_WITHOUT_MANAGER).content.decode()
    first = page.index('data-route="vertrouwenspersoon"')
    assert 'data-route="leidinggevende"' not in page
    assert "Wie weet het" in page and "Wat gebeurt er" in page and "Zo begin je" in page
    assert 'href="/zorgwijzer/vertrouwenswerk/"' in page[first:]
    assert 'data-route="direct-hulp"' not in page


def test_a_danger_answer_puts_direct_hulp_first_with_numbers_to_call(client: Any) -> None:
    page = client.get(URL, {**STOP_WITHOUT_MANAGER, "gevaar": "ja"}).content.decode()
    routes = page[page.index('id="routes"') :]
    assert routes.index('data-route="direct-hulp"') < routes.index('data-route="vertrouwenspersoon"')
    assert 'href="tel:112"' in routes and 'href="tel:08000113"' in routes


def test_a_missing_or_made_up_answer_is_named_at_its_question(client: Any) -> None:
    page = client.get(URL, {**STOP_WITHOUT_MANAGER, "wat": "iets-anders", "over": ""}).content.decode()
    assert "Kies wat je het liefst wilt." in page and "Kies over wie of wat het gaat." in page
    assert 'id="routes"' not in page


def test_nothing_is_stored_and_no_cookie_is_set() -> None:
    client = Client()
    before = _row_count()
    response = client.get(URL, STOP_WITHOUT_MANAGER)
    api = client.get(API, STOP_WITHOUT_MANAGER)
    assert response.status_code == api.status_code == 200
    # The language switch's form sets a CSRF cookie (a random token, no one's identity); no session.
    assert set(response.cookies) <= {"csrftoken"} and not api.cookies
    assert _row_count() == before


def test_the_api_ranks_the_same_routes_and_refuses_a_missing_answer(client: Any) -> None:
    body = client.get(API, STOP_WITHOUT_MANAGER).json()
    assert body[0]["slug"] == "vertrouwenspersoon" and body[0]["url"] == "/zorgwijzer/vertrouwenswerk/"
    assert "leidinggevende" not in [route["slug"] for route in body]
    refused = client.get(API, {"wat": "stoppen"})
    assert refused.status_code == 400 and set(refused.json()) == {"gevaar", "over", "leidinggevende"}


def test_the_api_is_in_the_schema(client: Any) -> None:
    schema = client.get("/api/v1/schema/").content.decode()
    assert "/api/v1/waar-kan-ik-terecht/" in schema and "leidinggevende" in schema


def test_the_manager_guide_points_to_the_vertrouwenspersoon_and_the_kernteam(client: Any) -> None:
    page = client.get(f"{URL}leidinggevende/").content.decode()
    assert "vertrouwenspersoon" in page and "kernteam" in page and "VIK" in page


def test_someone_in_danger_gets_direct_hulp_before_anything_else_is_answered(client: Any) -> None:
    page = client.get(URL, {"gevaar": "ja"}).content.decode()
    assert page.index('data-route="direct-hulp"') < page.index("Kies wat je het liefst wilt.")
    assert 'href="tel:112"' in page
    api = client.get(API, {"gevaar": "ja"})
    assert api.status_code == 400 and api.json()["direct_hulp"]["slug"] == "direct-hulp"


def test_an_unrelated_parameter_shows_the_questions_without_errors(client: Any) -> None:
    page = client.get(URL, {"utm_source": "intranet"}).content.decode()
    assert "Kies wat je het liefst wilt." not in page and 'id="routes"' not in page


def test_the_answers_are_never_kept_in_a_cache(client: Any, settings: Any) -> None:
    settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS = 60
    from django.core.cache import cache

    response = Client().get(URL, STOP_WITHOUT_MANAGER)
    assert "no-store" in response["Cache-Control"]
    assert "no-store" in Client().get(API, STOP_WITHOUT_MANAGER)["Cache-Control"]
    assert not [key for key in cache._cache if "public-page" in str(key) and "waar-kan-ik" in str(key)]  # type: ignore[attr-defined]
