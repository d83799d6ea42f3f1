"""The anonymous questionnaire after screening: nothing stored identifies a respondent, results
only for closed periods at or above the anonymity threshold, only for VIK roles (404 for the
rest), bad input refused at the field with nothing saved, reads of results audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpRequest
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditAction, AuditEvent
from integrity import services, survey
from integrity.models import SurveyAnswerCount, SurveyMarker, SurveyRound
from integrity.tests import factories
from integrity.views import SURVEY_COOKIE, SURVEY_SALT
from organisation.constants import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def vik(organisation: Any) -> Any:
    return organisation.users[Role.VIK_INTEGRITEIT]


@pytest.fixture
def period(organisation: Any, vik: Any) -> SurveyRound:
    return services.survey_round_open(unit=organisation.unit, title="Eerste kwartaal", actor=vik)


def _close(period: SurveyRound, vik: Any) -> SurveyRound:
    return services.survey_round_close(survey_round=period, actor=vik)


def test_the_questionnaire_has_the_eleven_questions_of_the_seed_each_with_closed_answers() -> None:
    assert len(survey.QUESTIONS) == 11
    assert len(survey.BY_KEY) == 11
    for question in survey.QUESTIONS:
        assert len(question.answers) >= 3
        assert len(set(question.answer_keys())) == len(question.answers)
        assert all(len(key) <= 20 for key in [question.key, *question.answer_keys()])


def test_answering_without_an_account_stores_only_counters_and_a_marker_without_identity(
    client: Any, period: SurveyRound
) -> None:
    url = reverse("integrity:survey", args=[period.code])
    page = client.get(url, REMOTE_ADDR="10.9.8.7", HTTP_USER_AGENT="PlantedAgent/7.7")
    assert page.status_code == 200 and "Hoe was je screening?" in page.content.decode()
    cookie = page.cookies[SURVEY_COOKIE]
    assert cookie["httponly"] and cookie["path"] == url
    answers = factories.survey_answers(tijd="te-lang", verbetering="goed-zo")
    sent = client.post(url, answers, REMOTE_ADDR="10.9.8.7", HTTP_USER_AGENT="PlantedAgent/7.7")
    assert sent.status_code == 302 and sent["Location"] == url
    assert 'data-testid="survey-thanks"' in client.get(url).content.decode()

    # What was stored: the period's response counter, one counter per chosen answer, one marker.
    period.refresh_from_db()
    assert period.responses == 1
    raised = set(SurveyAnswerCount.objects.filter(count__gt=0).values_list("question", "answer", "count"))
    assert raised == {(key, value, 1) for key, value in answers.items()}
    assert {f.name for f in SurveyAnswerCount._meta.concrete_fields} == {
        "id",
        "survey_round",
        "question",
        "answer",
        "count",
    }
    assert {f.name for f in SurveyMarker._meta.concrete_fields} == {"marker", "survey_round"}
    cookie_request = HttpRequest()
    cookie_request.COOKIES = {SURVEY_COOKIE: client.cookies[SURVEY_COOKIE].value}
    token = cookie_request.get_signed_cookie(SURVEY_COOKIE, salt=SURVEY_SALT)
    assert token is not None
    marker = SurveyMarker.objects.get()
    assert marker.marker == services.survey_marker(round_id=period.pk, token=token) and token not in marker.marker
    # No session row, no audit row, and neither the address nor the browser anywhere in the tables.
    assert Session.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="integrity.surveyround", action=AuditAction.READ).exists()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the schema
            for row in cursor.fetchall():
                text = repr(row)
                assert "10.9.8.7" not in text and "PlantedAgent" not in text, table


def test_the_same_browser_cannot_answer_twice_in_a_period(client: Any, period: SurveyRound) -> None:
    url = reverse("integrity:survey", args=[period.code])
    client.get(url)
    client.post(url, factories.survey_answers())
    again = client.post(url, factories.survey_answers(algemeen="slecht"))
    assert again.status_code == 200 and 'data-testid="survey-thanks"' in again.content.decode()
    period.refresh_from_db()
    assert period.responses == 1
    assert not SurveyAnswerCount.objects.filter(question="algemeen", answer="slecht", count__gt=0).exists()


def test_a_missing_answer_is_refused_at_the_question_and_nothing_is_saved(client: Any, period: SurveyRound) -> None:
    url = reverse("integrity:survey", args=[period.code])
    answers = factories.survey_answers()
    del answers["beeld"]
    answers["tijd"] = "veel-te-lang"  # not one of the answers
    response = client.post(url, answers)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["beeld"] == ["Kies een antwoord bij deze vraag."]
    assert errors["tijd"] == ["Kies een van de antwoorden bij deze vraag."]
    period.refresh_from_db()
    assert period.responses == 0
    assert not SurveyAnswerCount.objects.filter(count__gt=0).exists()
    assert not SurveyMarker.objects.exists()


def test_an_incomplete_set_of_answers_is_refused_by_the_service_and_nothing_is_saved(period: SurveyRound) -> None:
    answers = factories.survey_answers()
    answers.pop("gemist")
    with pytest.raises(services.SurveyRefused):
        services.survey_submit(round_id=period.pk, answers=answers, token=services.new_participant_token())
    period.refresh_from_db()
    assert period.responses == 0 and not SurveyMarker.objects.exists()


def test_a_closed_period_takes_no_answers_and_its_markers_are_gone(client: Any, period: SurveyRound, vik: Any) -> None:
    factories.survey_response(period.pk)
    assert SurveyMarker.objects.count() == 1
    _close(period, vik)
    assert not SurveyMarker.objects.exists()
    response = client.post(reverse("integrity:survey", args=[period.code]), factories.survey_answers())
    assert response.status_code == 410
    period.refresh_from_db()
    assert period.responses == 1


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_results_are_shown_only_from_the_threshold_on(organisation: Any, vik: Any, login_as: Any) -> None:
    below = services.survey_round_open(unit=organisation.unit, title="Vier", actor=vik)
    at = services.survey_round_open(unit=organisation.unit, title="Vijf", actor=vik)
    for item, responses in ((below, 4), (at, 5)):
        for _ in range(responses):
            factories.survey_response(item.pk, algemeen="goed")
        _close(item, vik)
    client = login_as(vik)

    page = client.get(reverse("integrity:survey_round", args=[below.pk]))
    body = page.content.decode()
    assert page.context["results"].shown is False and page.context["results"].questions == ()
    assert page.context["results"].responses is None
    assert 'data-testid="survey-too-few"' in body and "survey-question-" not in body
    assert not AuditEvent.objects.filter(action=AuditAction.READ, object_type="integrity.surveyround").exists()

    page = client.get(reverse("integrity:survey_round", args=[at.pk]))
    results = page.context["results"]
    assert results.shown and results.responses == 5 and len(results.questions) == 11
    first = results.questions[0]
    assert [(a.label, a.count, a.percent) for a in first.answers][:2] == [("Heel goed", 0, 0), ("Goed", 5, 100)]
    assert 'data-testid="survey-question-algemeen"' in page.content.decode()
    read = AuditEvent.objects.get(action=AuditAction.READ, object_type="integrity.surveyround")
    assert read.object_id == str(at.pk) and read.actor_username == vik.username


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=3)
def test_an_open_period_shows_no_results_and_no_count_even_above_the_threshold(
    period: SurveyRound, vik: Any, login_as: Any
) -> None:
    for _ in range(6):
        factories.survey_response(period.pk)
    page = login_as(vik).get(reverse("integrity:survey_round", args=[period.pk]))
    results = page.context["results"]
    assert results.shown is False and results.responses is None
    body = page.content.decode()
    assert 'data-testid="survey-pending"' in body and "6 mensen" not in body


@pytest.mark.parametrize("role", [Role.VIK_PREVENTIE, Role.VIK_INTEGRITEIT])
@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=3)
def test_vik_roles_see_the_results_page_and_the_api(
    role: str, organisation: Any, period: SurveyRound, vik: Any, login_as: Any
) -> None:
    for _ in range(3):
        factories.survey_response(period.pk)
    _close(period, vik)
    client = login_as(organisation.users[role])
    assert client.get(reverse("integrity:survey_round", args=[period.pk])).context["results"].shown
    data = client.get(reverse("integrity-survey-detail", args=[period.pk])).json()
    assert data["shown"] and data["responses"] == 3 and len(data["questions"]) == 11
    assert data["questions"][0]["answers"][0] == {"label": "Heel goed", "count": 3, "percent": 100}


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.MEDEWERKER])
def test_others_get_404_on_the_periods_the_results_and_the_api(
    role: str, organisation: Any, period: SurveyRound, vik: Any, login_as: Any
) -> None:
    _close(period, vik)
    client = login_as(organisation.users[role])
    for url in (
        reverse("integrity:survey_rounds"),
        reverse("integrity:survey_round", args=[period.pk]),
        reverse("integrity-survey-list"),
        reverse("integrity-survey-detail", args=[period.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("integrity:survey_round_close", args=[period.pk])).status_code == 404


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=3)
def test_the_api_list_hides_small_and_open_periods_and_reads_the_counters_in_one_query(
    organisation: Any, vik: Any, login_as: Any
) -> None:
    periods = [services.survey_round_open(unit=organisation.unit, title=f"Periode {n}", actor=vik) for n in range(4)]
    for index, item in enumerate(periods):
        for _ in range(index + 1):  # 1, 2, 3 and 4 responses
            factories.survey_response(item.pk)
    for item in periods[:3]:
        _close(item, vik)  # the last one stays open
    client = login_as(vik)
    url = reverse("integrity-survey-list")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        data = {row["title"]: row for row in client.get(url).json()}
    shown = {title for title, row in data.items() if row["shown"]}
    assert shown == {"Periode 2"}
    assert data["Periode 0"]["responses"] is None and data["Periode 0"]["questions"] == []
    assert data["Periode 3"]["responses"] is None  # open, 4 responses: nothing yet
    counter_reads = [q for q in queries.captured_queries if "integrity_surveyanswercount" in q["sql"]]
    assert len(counter_reads) == 1
    assert len(queries) <= 12


def test_vik_opens_and_closes_a_period_and_a_missing_name_is_refused_at_the_field(
    organisation: Any, vik: Any, login_as: Any
) -> None:
    client = login_as(vik)
    refused = client.post(reverse("integrity:survey_rounds"), {"title": "", "unit": organisation.unit.pk})
    assert refused.context["form"].errors["title"] == ["Geef de periode een naam."]
    assert not SurveyRound.objects.exists()
    made = client.post(reverse("integrity:survey_rounds"), {"title": "Voorjaar", "unit": organisation.unit.pk})
    found = SurveyRound.objects.get()
    assert made["Location"] == reverse("integrity:survey_round", args=[found.pk])
    assert SurveyAnswerCount.objects.filter(survey_round=found).count() == sum(len(q.answers) for q in survey.QUESTIONS)
    page = client.get(made["Location"]).content.decode()
    assert reverse("integrity:survey", args=[found.code]) in page
    unconfirmed = client.post(reverse("integrity:survey_round_close", args=[found.pk]))
    assert unconfirmed.context["close_form"].errors["confirm"] == ["Vink aan dat je de periode echt wilt sluiten."]
    found.refresh_from_db()
    assert found.closed_on is None
    client.post(reverse("integrity:survey_round_close", args=[found.pk]), {"confirm": "on"})
    found.refresh_from_db()
    assert found.closed_on is not None
