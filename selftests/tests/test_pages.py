"""The self-test pages without JavaScript: steps, back and forward, the module, result and PDF."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from selftests import services
from selftests.loading import Instrument
from selftests.models import WeeklyUsage
from selftests.tests.conftest import highest, lowest

pytestmark = pytest.mark.django_db

#: The Mirror refuses an event date in the future: tests with a fixed event date run on this day.
ON_TODAY = time_machine.travel("2026-11-25 10:00 +01:00", tick=False)


def _post(client: Any, instrument: Instrument, data: dict[str, str], url_name: str = "selftests:run") -> Any:
    return client.post(reverse(url_name, args=[instrument.slug]), data)


def _page_answers(instrument: Instrument, page_id: str, values: dict[str, str]) -> dict[str, str]:
    page = next(page for page in instrument.pages if page.id == page_id)
    return {item.id: values[item.id] for item in page.items}


def test_overview_lists_both_instruments_without_login(client: Any) -> None:
    response = client.get(reverse("selftests:index"))
    assert response.status_code == 200
    assert "Zelftest Mentale Fitheid" in response.text
    assert "De Mirror" in response.text


def test_start_page_has_intro_and_no_questions_yet(client: Any, fitheid: Instrument) -> None:
    response = client.get(reverse("selftests:run", args=[fitheid.slug]))
    assert response.status_code == 200
    assert "laatste vier weken" in response.text
    assert 'name="stap" value="start"' in response.text


def test_unknown_self_test_is_404(client: Any) -> None:
    assert client.get(reverse("selftests:run", args=["bestaat-niet"])).status_code == 404


def test_walking_forward_carries_answers_in_hidden_fields_and_checks_each_step(
    client: Any, fitheid: Instrument
) -> None:
    values = lowest(fitheid)
    response = _post(client, fitheid, {"stap": "start", "richting": "volgende"})
    assert response.context["step"] == "werk-belasting"
    assert "Stap 1 van 5" in response.text
    # Nothing chosen: the same step again, with an error at every question.
    response = _post(client, fitheid, {"stap": "werk-belasting", "richting": "volgende"})
    assert response.context["step"] == "werk-belasting"
    assert response.text.count("Kies een antwoord bij deze vraag.") >= 5
    first = _page_answers(fitheid, "werk-belasting", values)
    response = _post(client, fitheid, {"stap": "werk-belasting", "richting": "volgende", **first})
    assert response.context["step"] == "werk-gebeurtenissen"
    assert f'<input type="hidden" name="mf-werkdruk-tijd" value="{values["mf-werkdruk-tijd"]}">' in response.text


def test_back_keeps_answers_of_the_step_left_and_shows_earlier_ones_checked(client: Any, fitheid: Instrument) -> None:
    values = lowest(fitheid)
    first = _page_answers(fitheid, "werk-belasting", values)
    second = {"mf-gebeurtenis-meegemaakt": "vaak"}  # half of the next page
    response = _post(client, fitheid, {"stap": "werk-gebeurtenissen", "richting": "vorige", **first, **second})
    assert response.context["step"] == "werk-belasting"
    assert '<input type="hidden" name="mf-gebeurtenis-meegemaakt" value="vaak">' in response.text
    assert (
        'value="nooit" class="utrecht-radio-button utrecht-radio-button--html-input" id="id_mf-werkdruk-tijd_0" checked'
        in (response.text)
    )
    assert "Kies een antwoord" not in response.text


def test_zeden_module_appears_only_when_that_is_the_work(client: Any, fitheid: Instrument) -> None:
    values = lowest(fitheid)
    first = _page_answers(fitheid, "werk-belasting", values)
    response = _post(client, fitheid, {"stap": "werk-belasting", "richting": "volgende", **first})
    assert response.context["total"] == 5
    first["mf-zeden-werk"] = "ja"
    response = _post(client, fitheid, {"stap": "werk-belasting", "richting": "volgende", **first})
    assert response.context["total"] == 6
    steps = [page.id for page in fitheid.pages]
    assert "zeden" in steps


def test_last_step_posts_to_the_result_page_which_shows_band_profile_advice_and_disclaimer(
    client: Any, fitheid: Instrument
) -> None:
    values = lowest(fitheid)
    response = _post(client, fitheid, {"stap": "prive", "richting": "volgende", **values})
    assert response.context["is_last"]
    assert f'action="{reverse("selftests:result", args=[fitheid.slug])}"' in response.text
    response = _post(client, fitheid, {"stap": "tot-slot", **values}, "selftests:result")
    assert response.status_code == 200
    assert "Laag risico op overbelasting" in response.text
    assert "een indicatie, geen diagnose" in response.text
    assert 'data-advice="laag-fit-blijven"' in response.text
    assert reverse("catalogue:provision", args=["fit-at-np"]) in response.text
    assert 'data-testid="crisis"' not in response.text
    assert services.flush_usage() == 1  # counted in memory, written by the flush
    assert WeeklyUsage.objects.get(instrument=fitheid.slug).count == 1


def test_result_with_a_missing_answer_shows_the_step_with_that_question(client: Any, fitheid: Instrument) -> None:
    values = lowest(fitheid)
    del values["mf-geld"]
    response = _post(client, fitheid, values, "selftests:result")
    assert response.context["step"] == "prive"
    assert "Kies een antwoord bij deze vraag." in response.text


def test_back_from_the_result_page_returns_to_the_last_step(client: Any, fitheid: Instrument) -> None:
    response = _post(client, fitheid, {"stap": "uitslag", "richting": "terug", **lowest(fitheid)})
    assert response.context["step"] == "tot-slot"


@ON_TODAY
def test_a_safety_answer_shows_the_crisis_block_on_the_next_step_and_above_the_result(
    client: Any, mirror: Instrument
) -> None:
    values = {**lowest(mirror), "mi-veiligheid": "ja", "modus": "zelf", "datum": "2026-11-20"}
    response = _post(client, mirror, values, "selftests:result")
    text = response.text
    assert 'data-testid="crisis"' in text
    assert text.index('data-testid="crisis"') < text.index("<h1")
    for number in ("tel:112", "0800-0113", "24/7 Loket", "huisarts", "GGZ-crisisdienst"):
        assert number in text


@ON_TODAY
def test_about_a_colleague_the_crisis_block_speaks_about_the_colleague(client: Any, mirror: Instrument) -> None:
    values = {**lowest(mirror), "mi-veiligheid": "ja", "modus": "collega", "datum": "2026-11-20"}
    text = _post(client, mirror, values, "selftests:result").text
    assert "Denkt je collega aan zelfdoding? Blijf bij hem of haar" in text
    assert "Denk je aan zelfdoding?" not in text
    assert "tel:08000113" in text and "tel:112" in text


def test_get_of_the_result_page_starts_the_test(client: Any, fitheid: Instrument) -> None:
    response = client.get(reverse("selftests:result", args=[fitheid.slug]))
    assert response.status_code == 302
    assert response["Location"] == reverse("selftests:run", args=[fitheid.slug])


def test_mirror_start_asks_mode_and_date_and_refuses_a_future_date(client: Any, mirror: Instrument) -> None:
    response = client.get(reverse("selftests:run", args=[mirror.slug]))
    assert "Voor wie vul je de test in?" in response.text
    assert 'type="date"' in response.text
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = _post(client, mirror, {"stap": "start", "modus": "zelf", "datum": future})
    assert response.context["step"] == "start"
    assert "De datum ligt in de toekomst" in response.text


@ON_TODAY
def test_colleague_mode_words_the_questions_in_the_third_person(client: Any, mirror: Instrument) -> None:
    response = _post(client, mirror, {"stap": "start", "modus": "collega", "datum": "2026-11-20"})
    assert response.context["step"] == "beelden"
    assert "Vertelt je collega dat hij of zij steeds beelden" in response.text
    assert "Beelden en spanning bij je collega" in response.text


@ON_TODAY
def test_pdf_download_is_a_pdf_of_the_result(client: Any, mirror: Instrument) -> None:
    values = {**highest(mirror), "modus": "zelf", "datum": "2026-10-01"}
    response = _post(client, mirror, values, "selftests:pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")


@ON_TODAY
def test_pages_set_no_cookie_beyond_csrf(client: Any, mirror: Instrument) -> None:
    values = {**lowest(mirror), "modus": "zelf", "datum": "2026-11-20"}
    responses = [
        client.get(reverse("selftests:index")),
        client.get(reverse("selftests:run", args=[mirror.slug])),
        _post(client, mirror, {"stap": "start", **values}),
        _post(client, mirror, values, "selftests:result"),
    ]
    cookies = {name for response in responses for name in response.cookies}
    assert cookies <= {"csrftoken"}
    assert "sessionid" not in client.cookies


@ON_TODAY
def test_result_responses_are_not_cached_by_the_browser(client: Any, mirror: Instrument) -> None:
    values = {**lowest(mirror), "modus": "zelf", "datum": "2026-11-20"}
    response = _post(client, mirror, values, "selftests:result")
    assert "no-store" in response["Cache-Control"]


@ON_TODAY
def test_pages_follow_the_chosen_language(client: Any, mirror: Instrument) -> None:
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = _post(client, mirror, {"stap": "start", "modus": "collega", "datum": "2026-11-20"})
    assert "Does your colleague tell you that they keep seeing images of the event?" in response.text


def test_a_typed_dutch_date_is_carried_to_the_result(client: Any, mirror: Instrument) -> None:
    """A browser without a date picker sends what the visitor typed, e.g. 20-11-2026."""
    typed = (datetime.date.today() - datetime.timedelta(days=5)).strftime("%d-%m-%Y")
    response = _post(client, mirror, {"stap": "start", "modus": "zelf", "datum": typed})
    assert response.context["step"] != "start"
    iso = (datetime.date.today() - datetime.timedelta(days=5)).isoformat()
    assert f'name="datum" value="{iso}"' in response.text
    result = _post(client, mirror, {**lowest(mirror), "modus": "zelf", "datum": typed}, "selftests:result")
    assert "selftests/result.html" in [template.name for template in result.templates]


def test_the_page_stylesheet_is_loaded_in_the_head(client: Any, fitheid: Instrument) -> None:
    html = client.get(reverse("selftests:run", args=[fitheid.slug])).text
    head, _, body = html.partition("</head>")
    assert "selftests/selftests.css" in head
    assert "selftests/selftests.css" not in body
