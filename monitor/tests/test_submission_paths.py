"""The two ways a response is stored agree: the same submissions, once through the one-statement
SQL path (PostgreSQL) and once through the ORM path, give the same outcomes and store the same
answers, scores and invitation states (``monitor/submission.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings

from monitor import questionnaire, submission, tokens
from monitor.constants import CampaignKind
from monitor.models import Campaign, Invitation, PendingResponse, Response, ScaleScore
from monitor.tests import factories

pytestmark = pytest.mark.django_db

Path = Callable[[str, Any, dt.date], bool]
PATHS: dict[str, Path] = {"sql": submission._submit_with_sql, "orm": submission._submit_with_orm}


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the SQL path is PostgreSQL-only (data-modifying CTEs, jsonb); run with DATABASE_URL=postgres://…")


def _answers(value: int = 3, **changed: int) -> dict[str, int]:
    return {**factories.all_answers(value), **changed}


def _incomplete() -> dict[str, int]:
    answers = _answers()
    del answers["WD1"]
    return answers


#: (case, campaign kind, submissions as (token number, answers, days after opening), expected
#: outcomes). Every submission of a case goes to the same campaign, so a token can be used twice;
#: token number 9 has no invitation.
def _rather_not(*codes: str) -> dict[str, int | str]:
    return {**_answers(3), **dict.fromkeys(codes, questionnaire.RATHER_NOT)}


CASES: list[tuple[str, str, list[tuple[int, Any, int]], list[object]]] = [
    ("complete", CampaignKind.BASELINE, [(0, _answers(4), 0)], [True]),
    ("mixed values", CampaignKind.BASELINE, [(0, _answers(2, WD1=5, WD2=1, SC1=4), 3)], [True]),
    ("interim keeps its own scales", CampaignKind.INTERIM, [(0, _answers(5), 0)], [True]),
    ("missing answer", CampaignKind.BASELINE, [(0, _incomplete(), 0)], ["incomplete"]),
    ("answer out of range", CampaignKind.BASELINE, [(0, _answers(3, WD1=7), 0)], ["incomplete"]),
    ("used twice", CampaignKind.BASELINE, [(0, _answers(2), 0), (0, _answers(5), 1)], [True, "used"]),
    ("two colleagues", CampaignKind.BASELINE, [(0, _answers(1), 0), (1, _answers(5), 0)], [True, True]),
    ("closed", CampaignKind.BASELINE, [(0, _answers(), 15)], ["closed"]),
    ("not yet open", CampaignKind.BASELINE, [(0, _answers(), -1)], ["not_yet"]),
    ("unknown token", CampaignKind.BASELINE, [(9, _answers(), 0)], ["unknown"]),
    ("rather not say on a sensitive scale", CampaignKind.BASELINE, [(0, _rather_not("OG1", "SV4"), 0)], [True]),
    ("rather not say elsewhere", CampaignKind.BASELINE, [(0, _rather_not("WD1"), 0)], ["incomplete"]),
]


def _token(path: str, case: str, number: int) -> str:
    return f"{path}-{case}-{number}".replace(" ", "-")[: tokens.TOKEN_LENGTH].ljust(tokens.TOKEN_LENGTH, "x")


def _submit(path: str, token: str, answers: Any, today: dt.date) -> object:
    try:
        return PATHS[path](token, answers, today)
    except submission.InvitationUnusable as unusable:
        return unusable.reason
    except submission.AnswersIncomplete:
        return "incomplete"


def _rounded(score: float | None) -> float:
    """A score to compare; -1 for "no score" ("Zeg ik liever niet")."""
    return -1.0 if score is None else round(float(score), 9)


def _stored(campaign: Campaign) -> dict[str, Any]:
    """Everything stored for a campaign, in an order that does not depend on the path."""
    waiting = PendingResponse.objects.filter(campaign=campaign)
    mixed = Response.objects.filter(campaign=campaign)
    scores = ScaleScore.objects.filter(campaign=campaign).values_list("scale", "score", "in_risk")
    return {
        "waiting answers": sorted(sorted(row.answers.items()) for row in waiting),
        "waiting scores": sorted(
            sorted((str(scale), _rounded(score), bool(risk)) for scale, score, risk in row.scores) for row in waiting
        ),
        "mixed answers": sorted(sorted(row.answers.items()) for row in mixed),
        "mixed scores": sorted((scale, _rounded(score), risk) for scale, score, risk in scores),
        "states": sorted(Invitation.objects.filter(campaign=campaign).values_list("state", flat=True)),
    }


def _run_case(path: str, case: str, kind: str, submissions: list[tuple[int, Any, int]], team: Any) -> Any:
    extra: dict[str, Any] = {"scales": ["werkdruk"]} if kind == CampaignKind.INTERIM else {}
    campaign = factories.campaign(nodes=[team], name=f"{path} {case}", kind=kind, **extra)
    for number in {number for number, _answers, _day in submissions if number != 9}:
        factories.bare_invitation(campaign, team, _token(path, case, number))
    outcomes = [
        _submit(path, _token(path, case, number), answers, campaign.opens_on + dt.timedelta(days=day))
        for number, answers, day in submissions
    ]
    return outcomes, _stored(campaign)


@pytest.mark.parametrize(("case", "kind", "submissions", "expected"), CASES, ids=[case[0] for case in CASES])
@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=50)
def test_the_sql_and_the_orm_path_store_the_same(
    case: str, kind: str, submissions: Any, expected: list[object], organisation: Any
) -> None:
    sql = _run_case("sql", case, kind, submissions, organisation.team)
    orm = _run_case("orm", case, kind, submissions, organisation.team)
    assert sql == orm
    outcomes, stored = sql
    assert outcomes == expected
    assert len(stored["waiting answers"]) == expected.count(True)


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=3)
def test_both_paths_mix_a_team_in_once_it_has_enough_waiting_responses(organisation: Any) -> None:
    submissions = [(number, _answers(1 + number), 0) for number in range(4)]
    sql = _run_case("sql", "mixing", CampaignKind.BASELINE, submissions, organisation.team)
    orm = _run_case("orm", "mixing", CampaignKind.BASELINE, submissions, organisation.team)
    assert sql == orm
    _outcomes, stored = sql
    assert len(stored["mixed answers"]) == 3 and len(stored["waiting answers"]) == 1


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=50)
def test_both_paths_store_rather_not_say_as_such_with_no_score_for_its_scale(organisation: Any) -> None:
    submissions = [(0, _rather_not("OG2"), 0)]
    for path in PATHS:
        _outcomes, stored = _run_case(path, "rather not", CampaignKind.BASELINE, submissions, organisation.team)
        (answers,) = stored["waiting answers"]
        assert ("OG2", questionnaire.RATHER_NOT) in answers and ("OG1", 3) in answers
        (scores,) = stored["waiting scores"]
        assert ("ongewenst-gedrag", -1.0, False) in scores
        assert ("sociale-veiligheid", 3.0, False) in scores
