"""Invitations: single-use anonymous links, exactly one response per token, pause and resume,
expiry after the close date, tampered links, and reminders that reach only non-respondents."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from monitor import drafts, jobs, submission, tokens
from monitor.constants import InvitationState
from monitor.models import Invitation, Response, ResultSnapshot, ScaleScore
from monitor.tests import factories


@pytest.fixture
def sent(organisation: Any) -> Any:
    """A campaign for Team Noord with six extra colleagues with e-mail, invitations sent."""
    colleagues = factories.staff(organisation.team, 6)
    campaign = factories.campaign(nodes=[organisation.team], actor=organisation.users["hr_analist"])
    result = jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url="https://zw.example/")
    campaign.refresh_from_db()
    return campaign, colleagues, result


def _tokens_in_outbox() -> list[str]:
    return [factories.token_in(message) for message in mail.outbox]


def test_each_invitee_gets_their_own_link_and_only_its_hash_and_team_are_stored(sent: Any) -> None:
    campaign, colleagues, result = sent
    assert result.invitations == result.messages == 6  # the personas have no e-mail address
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in colleagues)
    links = _tokens_in_outbox()
    stored = set(Invitation.objects.filter(campaign=campaign).values_list("token_hash", flat=True))
    assert {tokens.token_hash(token) for token in links} == stored
    assert not stored & set(links), "the token itself is never stored"
    assert set(Invitation.objects.values_list("team_id", flat=True)) == {colleagues[0].team_id}


def test_invitations_cannot_be_sent_twice(sent: Any) -> None:
    campaign, _colleagues, _result = sent
    with pytest.raises(Exception, match="al verstuurd"):
        jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url="https://zw.example/")
    assert Invitation.objects.filter(campaign=campaign).count() == 6


def test_a_link_works_once_and_then_says_it_was_used(sent: Any, client: Any) -> None:
    token = _tokens_in_outbox()[0]
    url = reverse("monitor:respond", kwargs={"token": token})
    response = client.post(url, {**factories.all_answers(4), "actie": "versturen"})
    assert response.status_code == 302 and response["Location"] == reverse("monitor:respond_done")
    again = client.post(url, {**factories.all_answers(1), "actie": "versturen"})
    assert again.status_code == 410
    assert "al ingevuld" in again.content.decode()
    assert len(factories.stored_answers()) == 1
    assert {score for _scale, score in factories.stored_scores()} == {4.0}


def test_submitting_the_same_token_twice_through_the_service_stores_one_response(sent: Any) -> None:
    token = _tokens_in_outbox()[0]
    assert submission.response_submit(token=token, answers=factories.all_answers(2))
    with pytest.raises(submission.InvitationUnusable):
        submission.response_submit(token=token, answers=factories.all_answers(2))
    assert len(factories.stored_answers()) == 1


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_submissions_with_one_token_store_exactly_one(organisation: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    token = "gelijktijdig".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    answers = factories.all_answers(3)
    outcomes: list[object] = []
    barrier = threading.Barrier(50)
    lock = threading.Lock()

    def submit() -> None:
        try:
            barrier.wait()
            try:
                outcome: object = submission.response_submit(token=token, answers=answers)
            except submission.InvitationUnusable as unusable:
                outcome = unusable.reason
            except Exception as error:
                outcome = type(error).__name__
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    if connection.vendor == "sqlite":
        # SQLite serialises writers; threads on one in-memory test database would only measure
        # its lock timeouts. The same 50 calls run one after another and must still store one.
        for _ in range(50):
            try:
                outcomes.append(submission.response_submit(token=token, answers=answers))
            except submission.InvitationUnusable as unusable:
                outcomes.append(unusable.reason)
    else:
        threads = [threading.Thread(target=submit) for _ in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(outcomes) == 50
    assert outcomes.count(True) == 1, outcomes
    assert len(factories.stored_answers(campaign)) == 1
    assert len(factories.stored_scores(campaign)) == 10
    assert Invitation.objects.get().state == InvitationState.SUBMITTED


def test_pausing_keeps_the_answers_in_the_browser_only_and_the_same_link_resumes_them(sent: Any, client: Any) -> None:
    token = _tokens_in_outbox()[0]
    url = reverse("monitor:respond", kwargs={"token": token})
    before = _database_text()
    paused = client.post(url, {"WD1": "5", "WD2": "4", "actie": "opslaan"})
    assert "Je antwoorden zijn bewaard in deze browser (2 van 40)" in paused.content.decode()
    cookie = paused.cookies[drafts.COOKIE]
    assert cookie["path"] == url and cookie["httponly"] and cookie["samesite"] == "Lax"
    # Nothing on the server changed: no draft, no "started", no waiting response.
    assert _database_text() == before
    assert Invitation.objects.get(token_hash=tokens.token_hash(token)).state == InvitationState.OPEN
    resumed = client.get(url).content.decode()
    assert 'id="WD1-5" value="5" checked' in resumed and 'id="WD2-4" value="4" checked' in resumed
    incomplete = client.post(url, {"WD1": "5", "actie": "versturen"})
    assert "nog niet beantwoord" in incomplete.content.decode() and factories.stored_answers() == []
    done = client.post(url, {**factories.all_answers(5), "actie": "versturen"})
    assert len(factories.stored_answers()) == 1
    assert done.cookies[drafts.COOKIE].value == "", "the draft leaves the browser once submitted"


def test_a_draft_cookie_from_another_link_or_tampered_with_is_ignored(sent: Any, client: Any) -> None:
    first, second = _tokens_in_outbox()[:2]
    paused = client.post(reverse("monitor:respond", kwargs={"token": first}), {"WD1": "5", "actie": "opslaan"})
    value = paused.cookies[drafts.COOKIE].value
    other = reverse("monitor:respond", kwargs={"token": second})
    client.cookies[drafts.COOKIE] = value
    assert 'value="5" checked' not in client.get(other).content.decode()
    client.cookies[drafts.COOKIE] = value[:-2] + "xx"
    assert 'value="5" checked' not in client.get(reverse("monitor:respond", kwargs={"token": first})).content.decode()


def _database_text() -> str:
    """Every monitor row as text: what a database administrator could read."""
    from django.core import serializers

    from monitor.models import PendingResponse

    return serializers.serialize("json", [*Invitation.objects.all(), *PendingResponse.objects.all()])


def test_a_link_expires_after_the_close_date_and_the_results_are_frozen(sent: Any, client: Any) -> None:
    campaign, _colleagues, _result = sent
    token = _tokens_in_outbox()[0]
    url = reverse("monitor:respond", kwargs={"token": token})
    client.post(url, {"WD1": "2", "actie": "opslaan"})
    with time_machine.travel(timezone.now() + dt.timedelta(days=15)):
        response = client.get(url)
        assert response.status_code == 410
        assert "Deze vragenlijst is gesloten" in response.content.decode()
        with pytest.raises(submission.InvitationUnusable):
            submission.response_submit(token=token, answers=factories.all_answers())
        assert jobs.close_due_campaigns() == 1
        assert jobs.close_due_campaigns() == 0, "a frozen campaign is not frozen again"
    assert ResultSnapshot.objects.filter(campaign=campaign).exists()
    assert factories.stored_answers() == []


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # one character changed
        lambda t: t[:-2],  # cut short when copying
        lambda t: t + "x",
        lambda t: "-" * 43,
    ],
)
def test_a_tampered_link_gets_a_clear_dutch_page_and_stores_nothing(sent: Any, client: Any, tamper: Any) -> None:
    token = tamper(_tokens_in_outbox()[0])
    url = "/monitor/vragenlijst/" + token + "/"
    response = client.get(url)
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()
    client.post(url, {**factories.all_answers(), "actie": "versturen"})
    assert Response.objects.count() == 0


def test_the_questionnaire_page_needs_no_login_and_leaks_the_token_to_no_one(sent: Any, client: Any) -> None:
    token = _tokens_in_outbox()[0]
    response = client.get(reverse("monitor:respond", kwargs={"token": token}))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_a_reminder_reaches_only_those_without_a_response_and_stores_nothing_new(sent: Any) -> None:
    campaign, colleagues, _result = sent
    by_address = {m.to[0]: factories.token_in(m) for m in mail.outbox}
    answered = [p for p in colleagues[:4]]
    for person in answered:
        assert submission.response_submit(token=by_address[person.email], answers=factories.all_answers())
    before = {model: model.objects.count() for model in (Invitation, Response, ScaleScore)}
    mail.outbox.clear()
    sent_count = jobs.campaign_send_reminders(campaign=campaign, actor=None, base_url="https://zw.example/")
    assert sent_count == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in colleagues[4:])
    # The reminder carries the same personal link, so a paused answer can be resumed.
    assert {factories.token_in(m) for m in mail.outbox} == {by_address[p.email] for p in colleagues[4:]}
    assert {model: model.objects.count() for model in before} == before


def test_a_submission_is_one_database_statement_on_postgresql(
    sent: Any, client: Any, django_assert_max_num_queries: Any
) -> None:
    token = _tokens_in_outbox()[0]
    url = reverse("monitor:respond", kwargs={"token": token})
    # SQLite: look-up, claim, the waiting response, the check whether the team's batch is due,
    # and the test's savepoints around them.
    with django_assert_max_num_queries(1 if connection.vendor == "postgresql" else 8):
        response = client.post(url, {**factories.all_answers(4), "actie": "versturen"})
    assert response.status_code == 302
    assert len(factories.stored_answers()) == 1 and len(factories.stored_scores()) == 10


def test_a_tampered_answer_is_asked_again_at_its_question_and_nothing_is_stored(sent: Any, client: Any) -> None:
    token = _tokens_in_outbox()[0]
    url = reverse("monitor:respond", kwargs={"token": token})
    response = client.post(url, {**factories.all_answers(4), "WD1": "7", "XX9": "3", "actie": "versturen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je hebt 1 vraag nog niet beantwoord." in html and 'href="#vraag-WD1"' in html
    assert factories.stored_answers() == [] and factories.stored_scores() == []
    assert Invitation.objects.get(token_hash=tokens.token_hash(token)).state != InvitationState.SUBMITTED


def test_an_interim_campaign_stores_only_the_answers_to_its_own_questions(organisation: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team], kind="tussenmeting", scales=["werkdruk"])
    token = "tussenmeting".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    assert submission.response_submit(token=token, answers=factories.all_answers(2))
    (stored,) = factories.stored_answers()
    assert set(stored) == {"WD1", "WD2", "WD3", "WD4"} and set(stored.values()) == {2}
    assert factories.stored_scores() == [("werkdruk", 2.0)]


def test_a_submission_with_a_missing_answer_is_refused_by_the_service(sent: Any) -> None:
    token = _tokens_in_outbox()[0]
    answers = factories.all_answers(3)
    del answers["WD1"]
    with pytest.raises(submission.AnswersIncomplete):
        submission.response_submit(token=token, answers=answers)
    assert Response.objects.count() == 0
