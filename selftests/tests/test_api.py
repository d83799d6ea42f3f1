"""The self-test API: definitions, scoring, per-item 400 messages, 404, and the OpenAPI schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from selftests import services
from selftests.loading import Instrument
from selftests.models import WeeklyUsage
from selftests.tests.conftest import highest, lowest
from selftests.tests.test_no_storage import database_text

pytestmark = pytest.mark.django_db


def _score(client: Any, slug: str, body: dict[str, Any]) -> Any:
    return client.post(reverse("selftest-score", args=[slug]), data=json.dumps(body), content_type="application/json")


def test_list_gives_every_instrument_without_login(client: Any) -> None:
    response = client.get(reverse("selftest-list"))
    assert response.status_code == 200
    slugs = [entry["slug"] for entry in response.json()]
    assert slugs == ["mentale-fitheid", "mirror"]
    assert response.json()[1]["modes"] == ["zelf", "collega"]
    assert response.json()[1]["event_date"] is True


def test_detail_gives_pages_items_and_options_in_both_languages(client: Any) -> None:
    response = client.get(reverse("selftest-detail", args=["mentale-fitheid"]))
    assert response.status_code == 200
    pages = response.json()["pages"]
    zeden = next(page for page in pages if page["id"] == "zeden")
    assert zeden["show_when"] == {"answer": {"item": "mf-zeden-werk", "in": ["ja"]}}
    first = pages[0]["items"][0]
    assert first["text"]["nl"] and first["text"]["en"]
    assert [option["value"] for option in first["options"]] == ["nooit", "soms", "vaak", "altijd"]


def test_unknown_slug_is_404_for_detail_and_score(client: Any) -> None:
    assert client.get(reverse("selftest-detail", args=["bestaat-niet"])).status_code == 404
    assert _score(client, "bestaat-niet", {"answers": {}}).status_code == 404


def test_score_returns_band_profile_advice_and_provisions(client: Any, fitheid: Instrument) -> None:
    response = _score(client, "mentale-fitheid", {"answers": highest(fitheid)})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["band"]["id"] == "hoog"
    assert body["crisis"] is True
    assert {domain["id"] for domain in body["domains"]} >= {"werkdruk", "slaap", "zeden"}
    assert "mental-check-up" in [link["slug"] for link in body["provisions"]]
    assert body["provisions"][0]["url"].startswith("/zorgwijzer/")
    assert "geen diagnose" in body["disclaimer"]
    assert services.flush_usage() == 1  # counted in memory, written by the flush
    assert WeeklyUsage.objects.get(instrument="mentale-fitheid").count == 1


def test_missing_and_out_of_range_answers_get_a_message_per_item(client: Any, fitheid: Instrument) -> None:
    answers = lowest(fitheid)
    del answers["mf-geld"]
    answers["mf-slaap-inslapen"] = "zeven"
    answers["bestaat-niet"] = "ja"
    response = _score(client, "mentale-fitheid", {"answers": answers})
    assert response.status_code == 400
    errors = response.json()["answers"]
    assert errors["mf-geld"] == ["Dit antwoord ontbreekt."]
    assert errors["mf-slaap-inslapen"] == ["Kies een van deze antwoorden: nooit, soms, vaak, altijd."]
    assert errors["bestaat-niet"] == ["Deze vraag bestaat niet in deze zelftest."]
    assert set(errors) == {"mf-geld", "mf-slaap-inslapen", "bestaat-niet"}
    assert not services.pending_usage()
    assert not WeeklyUsage.objects.exists()


def test_mirror_needs_an_event_date_and_a_known_mode(client: Any, mirror: Instrument) -> None:
    response = _score(client, "mirror", {"answers": lowest(mirror), "mode": "collega"})
    assert response.status_code == 400
    assert "event_date" in response.json()
    response = _score(client, "mentale-fitheid", {"answers": {}, "mode": "collega"})
    assert "mode" in response.json()


def test_answers_must_be_an_object(client: Any) -> None:
    response = _score(client, "mirror", {"answers": ["niet"]})
    assert response.status_code == 400
    assert "answers" in response.json()


@time_machine.travel("2026-11-25 10:00 +01:00", tick=False)
def test_mirror_colleague_mode_gives_conversation_advice(client: Any, mirror: Instrument) -> None:
    body = {"answers": highest(mirror) | {"mi-veiligheid": "nee"}, "mode": "collega", "event_date": "2026-10-01"}
    response = _score(client, "mirror", body)
    assert response.status_code == 200
    advice = [rule["id"] for rule in response.json()["advice"]]
    assert advice == ["collega-gesprek", "collega-laat", "altijd-loket"]
    assert response.json()["mode"] == "collega"
    assert "je collega" in response.json()["band"]["summary"].lower()


def test_score_ignores_a_logged_in_session_no_user_is_tied_to_the_request(
    organisation: Any, fitheid: Instrument
) -> None:
    client = Client(enforce_csrf_checks=True)  # a session login would need a CSRF token
    user = organisation.users["medewerker"]
    client.force_login(user)
    client.get(reverse("selftest-list"))  # the session's own upkeep (last seen) happens here, not below
    session_before = dict(client.session)
    rows_before = set(database_text().splitlines())
    response = _score(client, "mentale-fitheid", {"answers": lowest(fitheid)})
    assert response.status_code == 200  # no CSRF needed: no session authentication is attempted
    # Answered before the session and authentication middleware (core.middleware.SessionlessViewMiddleware):
    # the request never had a session or a user.
    assert not hasattr(response.wsgi_request, "session") and not hasattr(response.wsgi_request, "user")
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the session was not touched
    assert dict(client.session) == session_before
    assert services.pending_usage() == {("mentale-fitheid", services.iso_week(timezone.localdate())): 1}
    assert services.flush_usage() == 1
    added = set(database_text().splitlines()) - rows_before
    assert len(added) == 1, added  # only the weekly counter, which has no user in it
    (row,) = added
    assert "'mentale-fitheid'" in row and "-W" in row
    assert user.username not in row


def test_the_endpoints_are_in_the_openapi_schema_with_request_and_result(client: Any) -> None:
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/zelftests/{slug}/score/" in schema
    assert "ScoreRequest" in schema
    assert "ScoreResult" in schema
    assert "ScoreError" in schema


@time_machine.travel("2026-11-25 10:00 +01:00", tick=False)
def test_a_safety_answer_is_flagged_even_when_other_answers_are_missing(client: Any, mirror: Instrument) -> None:
    response = _score(client, "mirror", {"answers": {"mi-veiligheid": "ja"}, "event_date": "2026-11-20"})
    assert response.status_code == 400
    assert response.json()["crisis"] is True
    calm = _score(client, "mirror", {"answers": {"mi-veiligheid": "nee"}, "event_date": "2026-11-20"})
    assert calm.status_code == 400
    assert calm.json()["crisis"] is False
