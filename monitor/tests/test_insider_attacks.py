"""The insider's attacks on the monitor's anonymity (issue 13), each reproduced as a test.

1. Closed results recomputed on a changed organisation tree: subtract two reads.
2. Subtraction of exact risk counts around a band, and means that tell every member's answer.
3. Responses linkable to their submission time (row order, transaction ids, log lines, drafts).
4. Participation: live counts of small teams, absent zero-response teams, mail and token in logs.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import logging
import os
import sqlite3
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.checks import run_checks
from django.db import connection
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from core import anonymity, public_cache
from core.logging import RedactTokensFilter
from monitor import campaigns, jobs, mixing, results, selectors, submission, tokens
from monitor.models import Campaign, PendingResponse, Response
from monitor.tests import factories
from organisation.constants import NodeKind
from organisation.tests.factories import OrgNodeFactory

pytestmark = pytest.mark.django_db

ANALYST = "hr_analist"


def _forget_cached_results() -> None:
    """What a fresh worker process sees: nothing in this process's memory or the shared cache."""
    cache.clear()
    results._MEMO.clear()


# --- 1. Frozen results ---------------------------------------------------------------------


@pytest.fixture
def districts(organisation: Any) -> dict[str, Any]:
    """The reproduced case: district Noord with teams of 7, 6 and 1 respondent; district Zuid."""
    unit = organisation.unit
    noord = OrgNodeFactory.create(unit=unit, name="District Noord", kind=NodeKind.DISTRICT)
    zuid = OrgNodeFactory.create(unit=unit, name="District Zuid", kind=NodeKind.DISTRICT)
    a = OrgNodeFactory.create(unit=unit, parent=noord, name="Team A")
    b = OrgNodeFactory.create(unit=unit, parent=noord, name="Team B")
    c = OrgNodeFactory.create(unit=unit, parent=noord, name="Team C")
    d = OrgNodeFactory.create(unit=unit, parent=zuid, name="Team D")
    values = {a.pk: (2, 3, 4, 2, 3, 4, 3), b.pk: (4, 3, 2, 2, 4, 3), c.pk: (5,), d.pk: (3, 2, 4, 3, 2, 4)}
    campaign = factories.answered_campaign(
        {a: 7, b: 6, c: 1, d: 6}, lambda team, index: values[team.pk][index], name="Najaar"
    )
    return {"campaign": campaign, "noord": noord, "zuid": zuid, "a": a, "b": b, "c": c, "d": d}


def _move_team_c_to_zuid(districts: dict[str, Any]) -> None:
    """The one-line HR import of the report: the one-person team moves to another district."""
    districts["c"].parent = districts["zuid"]
    districts["c"].save()


def _csv(login_as: Any, organisation: Any, campaign: Campaign) -> bytes:
    client = login_as(organisation.users[ANALYST])
    return bytes(client.get(reverse("monitor:dashboard_csv"), {"meting": campaign.pk}).content)


def _api(login_as: Any, organisation: Any, campaign: Campaign) -> bytes:
    client = login_as(organisation.users[ANALYST])
    return bytes(client.get("/api/v1/monitor-resultaten/", {"meting": campaign.pk}).content)


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_an_hr_move_after_closing_changes_nothing_a_closed_campaign_publishes(
    districts: dict[str, Any], organisation: Any, login_as: Any
) -> None:
    campaign = districts["campaign"]
    before_csv, before_api = _csv(login_as, organisation, campaign), _api(login_as, organisation, campaign)
    # The one-line HR import: team C (one respondent) moves to district Zuid; then a rename, a
    # new threshold, and a fresh process without any cached results.
    _move_team_c_to_zuid(districts)
    districts["noord"].name = "District Noord-Oost"
    districts["noord"].save()
    _forget_cached_results()
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=3):
        assert _csv(login_as, organisation, campaign) == before_csv
        assert _api(login_as, organisation, campaign) == before_api
    frozen = results.for_campaign(campaign)
    assert frozen is not None
    assert frozen.groups[("node", districts["c"].pk)].parent == ("node", districts["noord"].pk)


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_one_person_in_a_moved_team_cannot_be_computed_from_two_reads(
    districts: dict[str, Any], organisation: Any
) -> None:
    """The attack of the report: 14 × old mean − 13 × new mean = the moved person's score."""
    campaign = districts["campaign"]
    first = results.for_campaign(campaign)
    _move_team_c_to_zuid(districts)
    _forget_cached_results()
    second = results.for_campaign(campaign)
    assert first is not None and second is not None
    noord = ("node", districts["noord"].pk)
    assert first.groups[noord].respondents == second.groups[noord].respondents == 14
    assert first.groups[noord].figures == second.groups[noord].figures


_READ_IN_A_FRESH_PROCESS = """
import json, sys
import django
import time_machine
time_machine.travel(float(sys.argv[2]), tick=True).start()  # this process's clock, which may be moved
django.setup()
from monitor import results
from monitor.models import Campaign
found = results.for_campaign(Campaign.objects.get(pk=int(sys.argv[1])))
rows = [[list(k), g.name, g.respondents, g.shown, {s: f.as_list() for s, f in g.figures.items()}]
        for k, g in sorted(found.groups.items())]
print(json.dumps(rows, sort_keys=True))
"""


def _in_a_fresh_process(campaign: Campaign, tmp_path: Path) -> str:
    """The results as another server process reads them from the same database, at the same
    moment: the campaign closed "yesterday" on this process's clock, which a test may have moved."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings"}
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    else:
        # The test database lives in this process's memory: hand the other process a copy.
        copy = tmp_path / "copy.sqlite3"
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        env["DATABASE_URL"] = f"sqlite:///{copy}"
    done = subprocess.run(
        [sys.executable, "-c", _READ_IN_A_FRESH_PROCESS, str(campaign.pk), repr(time.time())],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )
    return done.stdout


@pytest.mark.django_db(transaction=True)
@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_fresh_process_gives_byte_identical_results_after_an_hr_move(
    districts: dict[str, Any], tmp_path: Path
) -> None:
    campaign = districts["campaign"]
    assert results.for_campaign(campaign) is not None  # the first read freezes
    before = _in_a_fresh_process(campaign, tmp_path)
    _move_team_c_to_zuid(districts)
    districts["a"].name = "Team A-nieuw"
    districts["a"].save()
    after = _in_a_fresh_process(campaign, tmp_path)
    assert before == after and '"Team A"' in after


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_comparison_with_the_previous_wave_reads_that_wave_as_frozen(
    districts: dict[str, Any], organisation: Any
) -> None:
    first = districts["campaign"]
    frozen_first = results.for_campaign(first)
    _move_team_c_to_zuid(districts)
    second = factories.answered_campaign({districts["a"]: 6}, lambda team, index: 2 + index % 3, previous=first)
    _forget_cached_results()
    assert results.for_campaign(first) == frozen_first
    now = results.for_campaign(second)
    assert now is not None and frozen_first is not None
    rows = results.compare(now, ("node", districts["a"].pk), second, frozen_first)
    assert rows[0].previous == frozen_first.groups[("node", districts["a"].pk)].figures[rows[0].slug]


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_closing_early_freezes_at_once_and_two_freezes_store_one_snapshot(organisation: Any) -> None:
    team = organisation.team
    campaign = factories.campaign(nodes=[team])
    for index in range(6):
        token = f"vroeg{index}".ljust(tokens.TOKEN_LENGTH, "x")
        factories.bare_invitation(campaign, team, token)
        submission.response_submit(token=token, answers=factories.all_answers(2 + index % 3))
    assert PendingResponse.objects.count() == 1, "five were mixed in, the sixth waits"
    campaigns.campaign_close(campaign=campaign, actor=None)
    assert PendingResponse.objects.count() == 0 and Response.objects.count() == 6
    campaign.refresh_from_db()
    assert results.freeze(campaign) == results.freeze(campaign)
    assert campaign.snapshot.data["groups"]  # one OneToOne row


# --- 2. Subtraction and homogeneity ---------------------------------------------------------


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_banded_risk_share_cannot_be_computed_by_subtracting_exact_ones(organisation: Any) -> None:
    """District 8 of 13 in the risk zone minus team A 2 of 7 would give team B 6 of 6."""
    unit = organisation.unit
    district = OrgNodeFactory.create(unit=unit, kind=NodeKind.DISTRICT, name="District")
    a = OrgNodeFactory.create(unit=unit, parent=district, name="Team A")
    b = OrgNodeFactory.create(unit=unit, parent=district, name="Team B")
    # Werkdruk: a score of 4 or 5 is in the risk zone (≥ 3.5), 2 or 3 is not.
    answers = {a.pk: (4, 5, 2, 3, 2, 3, 2), b.pk: (4, 5, 4, 5, 4, 4)}
    campaign = factories.answered_campaign({a: 7, b: 6}, lambda team, index: answers[team.pk][index])
    found = results.for_campaign(campaign)
    assert found is not None
    team_b = found.groups[("node", b.pk)].figures["werkdruk"]
    assert team_b.risk_share is None and team_b.risk_above is not None, "B is banded"
    exact = {
        key: round(group.figures["werkdruk"].risk_share * group.respondents)
        for key, group in found.groups.items()
        if group.shown and group.figures["werkdruk"].risk_share is not None
    }
    # Whatever the attacker adds and subtracts, B's 6 of 6 never comes out.
    a_key, d_key = ("node", a.pk), ("node", district.pk)
    assert not (a_key in exact and d_key in exact), exact


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_mean_that_tells_what_everyone_answered_is_not_shown(organisation: Any) -> None:
    team, other = organisation.team, organisation.other_team
    campaign = factories.answered_campaign({team: 6, other: 6}, lambda t, i: 5 if t == team else 2 + i % 3)
    found = results.for_campaign(campaign)
    assert found is not None
    mine = found.groups[("node", team.pk)]
    assert mine.shown and mine.respondents == 6
    assert all(figure.mean is None for figure in mine.figures.values()), "5.00 says everyone answered 5"
    # Nor through the unit: unit total − the other team's total would be the team's 6 × 5.
    unit, theirs = found.groups[("unit", organisation.unit.pk)], found.groups[("node", other.pk)]
    for slug in found.scales:
        assert unit.figures[slug].mean is None or theirs.figures[slug].mean is None


@st.composite
def people_trees(draw: st.DrawFn) -> tuple[dict[str, str | None], dict[str, list[int]]]:
    """A small tree of groups; each group's own members with a score of 1–5 each."""
    count = draw(st.integers(min_value=2, max_value=7))
    parent: dict[str, str | None] = {"g0": None}
    for index in range(1, count):
        parent[f"g{index}"] = f"g{draw(st.integers(min_value=0, max_value=index - 1))}"
    members = {
        key: draw(st.lists(st.integers(min_value=1, max_value=5), max_size=9 if key != "g0" else 2)) for key in parent
    }
    return parent, members


def _below(key: str, parent: dict[str, str | None]) -> set[str]:
    found = {key}
    changed = True
    while changed:
        more = {child for child, above in parent.items() if above in found} - found
        changed = bool(more)
        found |= more
    return found


def _span_contains(rows: list[list[Fraction]], target: list[Fraction]) -> bool:
    """Whether ``target`` is a combination of ``rows`` (Gaussian elimination over the rationals)."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        row = _reduce(row, basis)
        pivot = next((i for i, value in enumerate(row) if value), None)
        if pivot is not None:
            basis.append((pivot, [value / row[pivot] for value in row]))
    return not any(_reduce(target, basis))


def _reduce(row: list[Fraction], basis: list[tuple[int, list[Fraction]]]) -> list[Fraction]:
    row = list(row)
    for pivot, base in basis:
        if row[pivot]:
            factor = row[pivot]
            row = [value - factor * other for value, other in zip(row, base, strict=True)]
    return row


@hypothesis_settings(max_examples=120, deadline=None)
@given(tree=people_trees())
def test_no_combination_of_published_figures_singles_out_anyone(
    tree: tuple[dict[str, str | None], dict[str, list[int]]],
) -> None:
    """The attacker adds and subtracts every published exact number (respondent counts, sums from
    means, risk counts) of every group; every set of people whose total comes out exactly must be
    empty or safe: at least the threshold of people, at least two on each side of the risk line,
    and a sum of scores that says nothing about any single member."""
    parent, members = tree
    limit = 3
    risk_line = 4  # "higher is worse": a score of 4 or 5 is in the risk zone
    groups = list(parent)
    size = {k: sum(len(members[m]) for m in _below(k, parent)) for k in groups}
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=limit):
        suppressed = anonymity.complementary_suppression(size, parent)
        shown = set(groups) - suppressed
        sums = {
            k: [
                float(sum(sum(members[m]) for m in _below(k, parent))),
                float(sum(sum(1 for v in members[m] if v >= risk_line) for m in _below(k, parent))),
                float(size[k]),  # everyone has a score (no "Zeg ik liever niet" here)
                float(size[k]),
            ]
            for k in groups
        }
        figures = results._published_figures(sums, parent, shown, [("s", False, risk_line)])
    atoms = [k for k in groups if members[k]]

    def indicator(key: str) -> list[Fraction]:
        return [Fraction(1 if atom in _below(key, parent) else 0) for atom in atoms]

    exact_size = [indicator(k) for k in shown]
    exact_sum = [indicator(k) for k in shown if figures[k]["s"].mean is not None]
    exact_risk = [indicator(k) for k in shown if figures[k]["s"].risk_share is not None]
    for chosen in itertools.product((0, 1), repeat=len(atoms)):
        if not any(chosen):
            continue
        target = [Fraction(value) for value in chosen]
        scores = [v for atom, on in zip(atoms, chosen, strict=True) if on for v in members[atom]]
        people = len(scores)
        if people and _span_contains(exact_size, target):
            assert people >= limit, ("size", chosen)
        if people and _span_contains(exact_sum, target):
            assert anonymity.mean_safe((float(sum(scores)), float(people))), ("mean", chosen, scores)
        if people and _span_contains(exact_risk, target):
            in_risk = sum(1 for v in scores if v >= risk_line)
            assert anonymity.risk_safe((float(in_risk), float(people))), ("risk", chosen, scores)


# --- 3. Unlinkable responses ----------------------------------------------------------------


def _pattern(index: int) -> dict[str, int]:
    """Answers that tell submission ``index`` apart (for the test only)."""
    answers = factories.all_answers(3)
    answers["WD1"], answers["WD2"] = 1 + index % 5, 1 + index // 5
    return answers


def _index_of(answers: dict[str, int]) -> int:
    return (answers["WD1"] - 1) + 5 * (answers["WD2"] - 1)


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_responses_reach_their_table_only_in_shuffled_batches_of_a_team(organisation: Any) -> None:
    team = organisation.team
    campaign = factories.campaign(nodes=[team])
    for index in range(12):
        token = f"volgorde{index:02d}".ljust(tokens.TOKEN_LENGTH, "x")
        factories.bare_invitation(campaign, team, token)
        assert submission.response_submit(token=token, answers=_pattern(index))
        # Never fewer than the threshold of one team's responses arrive together.
        assert Response.objects.count() in (0, 5, 10), index
    assert PendingResponse.objects.count() == 2
    campaigns.campaign_close(campaign=campaign, actor=None)
    assert PendingResponse.objects.count() == 0
    order = [_index_of(answers) for answers in Response.objects.order_by("pk").values_list("answers", flat=True)]
    assert sorted(order) == list(range(12))
    assert order != list(range(12)), "row ids follow the order of submission"


@pytest.mark.django_db(transaction=True)
@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_response_shares_no_transaction_id_with_its_invitation(organisation: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("transaction ids (xmin) are a PostgreSQL notion; SQLite rows carry none")
    team = organisation.team
    campaign = factories.campaign(nodes=[team])
    for index in range(7):
        token = f"xmin{index:02d}".ljust(tokens.TOKEN_LENGTH, "x")
        factories.bare_invitation(campaign, team, token)
        submission.response_submit(token=token, answers=_pattern(index))
    campaigns.campaign_close(campaign=campaign, actor=None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT xmin::text FROM monitor_response")
        response_xids = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT DISTINCT xmin::text FROM monitor_invitation WHERE state = 'verstuurd'")
        invitation_xids = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT DISTINCT xmin::text FROM monitor_scalescore")
        score_xids = {row[0] for row in cursor.fetchall()}
    assert len(invitation_xids) == 7
    assert len(response_xids) == 1 and response_xids == score_xids, "one transaction for the whole team"
    assert not response_xids & invitation_xids


def test_a_submission_writes_no_log_line(organisation: Any, client: Any, caplog: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    token = "logregel".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    url = reverse("monitor:respond", kwargs={"token": token})
    with caplog.at_level(logging.DEBUG):
        client.get(url)
        done = client.post(url, {**factories.all_answers(3), "actie": "versturen"}, follow=True)
    assert done.status_code == 200 and len(factories.stored_answers()) == 1
    assert not [r for r in caplog.records if r.name == "zorgwijzer.request"], "one line per answer is its time"
    assert token not in caplog.text


# --- 4. Participation -------------------------------------------------------------------------


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_live_response_counts_never_show_who_just_answered(organisation: Any) -> None:
    big, small = organisation.team, organisation.other_team
    campaign = factories.campaign(nodes=[big, small])
    for index in range(14):
        team = big if index < 11 else small
        token = f"live{index:02d}".ljust(tokens.TOKEN_LENGTH, "x")
        factories.bare_invitation(campaign, team, token)
        if index in (0, 1, 2, 3, 4, 5, 11):  # six of eleven in the big team, one of three in the small
            submission.response_submit(token=token, answers=factories.all_answers(3))
    total, rates = selectors.response_rates(campaign)
    by_team = {rate.team: rate for rate in rates}
    assert by_team[small.name].answered is None and by_team[small.name].fewer_than == 5
    # The big team alone would be exact (6 and 5), but total − big = the small team's 1.
    assert by_team[big.name].answered is None or total.answered is None


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_team_where_no_one_answered_looks_exactly_like_one_where_few_did(organisation: Any, login_as: Any) -> None:
    unit = organisation.unit
    nobody = OrgNodeFactory.create(unit=unit, name="Team Niemand")
    one = OrgNodeFactory.create(unit=unit, name="Team Eén")
    campaign = factories.answered_campaign({organisation.team: 6, organisation.other_team: 6}, lambda t, i: 2 + i % 3)
    factories.bare_invitation(campaign, nobody, "niemand".ljust(tokens.TOKEN_LENGTH, "x"))
    token = "een".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, one, token)
    submission.response_submit(token=token, answers=factories.all_answers(3), today=campaign.opens_on)
    client = login_as(organisation.users[ANALYST])
    csv_rows = client.get(reverse("monitor:dashboard_csv"), {"meting": campaign.pk}).content.decode().splitlines()
    assert (
        [row.split(";")[2:] for row in csv_rows if "Niemand" in row]
        == [row.split(";")[2:] for row in csv_rows if "Team Eén" in row]
        != []
    )
    api = client.get("/api/v1/monitor-resultaten/", {"meting": campaign.pk}).json()["groups"]
    shape = {g["name"]: {k: v for k, v in g.items() if k not in ("name", "id")} for g in api}
    assert shape["Team Niemand"] == shape["Team Eén"]
    page = client.get(reverse("monitor:dashboard"), {"meting": campaign.pk}).content.decode()
    assert "Team Niemand" in page and "Team Eén" in page


def test_production_refuses_a_mail_backend_that_prints_or_stores_mail() -> None:
    for backend in ("console", "filebased", "locmem", "dummy"):
        with override_settings(DEBUG=False, EMAIL_BACKEND=f"django.core.mail.backends.{backend}.EmailBackend"):
            errors = [m.id for m in run_checks(include_deployment_checks=True)]
            assert "zorgwijzer.E001" in errors, backend
    with override_settings(DEBUG=False, EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend"):
        assert "zorgwijzer.E001" not in [m.id for m in run_checks(include_deployment_checks=True)]


def test_no_log_line_the_project_writes_carries_a_questionnaire_token() -> None:
    token = "a" * tokens.TOKEN_LENGTH
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactTokensFilter())
    logger = logging.getLogger("django.server")
    logger.addHandler(handler)
    try:
        logger.warning('"%s" %s %s', f"GET /monitor/vragenlijst/{token}/ HTTP/1.1", "410", "12")
        logging.getLogger("django.server").warning(f"Gone: /monitor/vragenlijst/{token}/")
    finally:
        logger.removeHandler(handler)
    assert token not in stream.getvalue() and "/monitor/vragenlijst/<token>" in stream.getvalue()
    request = RequestFactory().get(f"/monitor/vragenlijst/{token}/" + "x" * 300)
    with override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=60):
        key = public_cache.cache_key(request)
    assert key is None or (token not in key and len(key) < 250)


def test_the_mixing_of_a_team_moves_nothing_before_the_threshold(organisation: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    token = "alleen".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    submission.response_submit(token=token, answers=factories.all_answers(3))
    assert mixing.mix_team_if_due(campaign.pk, organisation.team.pk) == 0
    assert PendingResponse.objects.count() == 1 and Response.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_daily_freeze_vacuums_the_moved_waiting_responses(organisation: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    token = "vacuum".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    submission.response_submit(token=token, answers=factories.all_answers(3))
    Campaign.objects.filter(pk=campaign.pk).update(closes_on=campaign.opens_on)
    with time_machine.travel(timezone.now() + dt.timedelta(days=2)):
        assert jobs.close_due_campaigns() == 1
    assert PendingResponse.objects.count() == 0 and Response.objects.count() == 1
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = %s", [PendingResponse._meta.db_table]
            )
            row = cursor.fetchone()
        assert row is None or row[0] == 0
