""" "Zeg ik liever niet" on sensitive scales (issue 15 §4): offered only there, stored as such (not
as a number), no score for that scale of that respondent, and the results say how many chose it
only when at least the anonymity threshold did (and no subtraction tells a smaller number)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from monitor import questionnaire, results, submission, tokens
from monitor.models import Campaign
from monitor.tests import factories

pytestmark = pytest.mark.django_db

RATHER_NOT = questionnaire.RATHER_NOT


def test_only_social_safety_and_unwanted_behaviour_offer_rather_not_say() -> None:
    definition = questionnaire.load()
    assert {scale.slug for scale in definition.scales if scale.sensitive} == {"sociale-veiligheid", "ongewenst-gedrag"}
    assert definition.scale("ongewenst-gedrag").accepts(RATHER_NOT)
    assert not definition.scale("werkdruk").accepts(RATHER_NOT)
    assert not definition.scale("ongewenst-gedrag").accepts(0)
    assert not definition.scale("ongewenst-gedrag").accepts(True)


def test_a_scale_with_any_rather_not_say_has_no_score_and_is_not_in_the_risk_zone() -> None:
    scale = questionnaire.load().scale("ongewenst-gedrag")
    answers: dict[str, int | str] = {item.code: 5 for item in scale.items}
    assert scale.score(answers) == 5.0 and scale.in_risk(scale.score(answers))
    answers["OG3"] = RATHER_NOT
    assert scale.score(answers) is None
    assert not scale.in_risk(None)


def _answers(**changed: int | str) -> dict[str, int | str]:
    return {**factories.all_answers(3), **changed}


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=50)
def test_a_submitted_rather_not_say_is_stored_as_such_and_its_scale_gets_no_score(organisation: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    token = "liever-niet".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    assert submission.response_submit(token=token, answers=_answers(SV2=RATHER_NOT))
    (stored,) = factories.stored_answers(campaign)
    assert stored["SV2"] == RATHER_NOT and stored["SV1"] == 3
    scores = dict(factories.stored_scores(campaign))
    assert scores["sociale-veiligheid"] is None
    assert scores["ongewenst-gedrag"] == 3.0


def test_rather_not_say_on_a_scale_that_does_not_offer_it_counts_as_unanswered(organisation: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    token = "liever-niet-werkdruk".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    with pytest.raises(submission.AnswersIncomplete):
        submission.response_submit(token=token, answers=_answers(WD1=RATHER_NOT))
    assert factories.stored_answers(campaign) == []


def test_the_questionnaire_offers_rather_not_say_only_on_sensitive_items_and_accepts_it(
    client: Any, organisation: Any
) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    token = "liever-niet-pagina".ljust(tokens.TOKEN_LENGTH, "x")
    factories.bare_invitation(campaign, organisation.team, token)
    url = reverse("monitor:respond", kwargs={"token": token})
    page = client.get(url).content.decode()
    assert page.count(f'value="{RATHER_NOT}"') == 8  # 2 sensitive scales × 4 items
    assert 'id="OG1-liever-niet"' in page and 'id="WD1-liever-niet"' not in page
    # Tampered: rather not say on Werkdruk is not an answer, so the page asks for it again.
    refused = client.post(url, {**_answers(WD1=RATHER_NOT), "actie": "versturen"})
    assert refused.status_code == 200 and 'href="#vraag-WD1"' in refused.content.decode()
    done = client.post(url, {**_answers(OG1=RATHER_NOT), "actie": "versturen"})
    assert done.status_code == 302
    (stored,) = factories.stored_answers(campaign)
    assert stored["OG1"] == RATHER_NOT


def _closed_campaign(team_answers: dict[Any, list[dict[str, int | str]]]) -> Campaign:
    campaign = factories.campaign(nodes=list(team_answers))
    for team, answer_sets in team_answers.items():
        for index, answers in enumerate(answer_sets):
            token = f"ln{campaign.pk:03d}{team.pk:05d}{index:04d}".ljust(tokens.TOKEN_LENGTH, "x")
            factories.bare_invitation(campaign, team, token)
            assert submission.response_submit(token=token, answers=answers)
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=campaign.opens_on - dt.timedelta(days=30), closes_on=timezone.localdate() - dt.timedelta(days=1)
    )
    campaign.refresh_from_db()
    return campaign


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_results_leave_rather_not_say_out_of_the_mean_and_count_it_from_the_threshold(organisation: Any) -> None:
    # Noord: 6 answer ongewenst gedrag (2, 2, 2, 3, 3, 3), 5 chose rather not say.
    noord = [_answers(**dict.fromkeys(("OG1", "OG2", "OG3", "OG4"), value)) for value in (2, 2, 2, 3, 3, 3)]
    noord += [_answers(OG2=RATHER_NOT)] * 5
    # Zuid: 6 answer, 2 chose rather not say (fewer than the threshold: not told).
    zuid = [_answers()] * 6 + [_answers(OG4=RATHER_NOT)] * 2
    campaign = _closed_campaign({organisation.team: noord, organisation.other_team: zuid})
    found = results.freeze(campaign)
    team = found.groups[("node", organisation.team.pk)]
    assert team.respondents == 11
    assert team.figures["ongewenst-gedrag"].mean == pytest.approx(2.5)  # over the 6 with a score
    assert team.figures["werkdruk"].mean == pytest.approx(3.0)
    other = found.groups[("node", organisation.other_team.pk)]
    assert other.figures["ongewenst-gedrag"].declined is None
    assert other.figures["ongewenst-gedrag"].mean == pytest.approx(3.0)
    # Unit 7 − Noord 5 would tell Zuid's 2: Noord's count is withheld, the unit's 7 is told.
    unit = found.groups[("unit", organisation.unit.pk)]
    assert unit.figures["ongewenst-gedrag"].declined == 7
    assert team.figures["ongewenst-gedrag"].declined is None
    assert all(figure.declined is None for slug, figure in unit.figures.items() if slug != "ongewenst-gedrag")


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_dashboard_says_how_many_chose_rather_not_say(organisation: Any, login_as: Any) -> None:
    noord = [_answers(**dict.fromkeys(("OG1", "OG2", "OG3", "OG4"), v)) for v in (2, 2, 2, 3, 3, 3)]
    noord += [_answers(OG2=RATHER_NOT)] * 5
    campaign = _closed_campaign({organisation.team: noord})
    found = results.freeze(campaign)
    assert found.groups[("node", organisation.team.pk)].figures["ongewenst-gedrag"].declined == 5
    client = login_as(organisation.users["leidinggevende"])
    page = client.get(reverse("monitor:dashboard")).content.decode()
    assert "Ongewenst gedrag: 5 collega's kozen „Zeg ik liever niet”" in page


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_snapshot_frozen_before_rather_not_say_still_reads() -> None:
    assert results.Figure.from_list([3.0, 0.5, False, None, None]).declined is None
    assert results.Figure.from_list(results.Figure(3.0, 0.5, declined=6).as_list()).declined == 6


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_csv_and_the_api_give_the_rather_not_say_count_too(organisation: Any, login_as: Any) -> None:
    noord = [_answers(**dict.fromkeys(("OG1", "OG2", "OG3", "OG4"), v)) for v in (2, 2, 2, 3, 3, 3)]
    noord += [_answers(OG2=RATHER_NOT)] * 5
    _closed_campaign({organisation.team: noord})
    client = login_as(organisation.users["leidinggevende"])
    rows = client.get(reverse("monitor:dashboard_csv")).content.decode("utf-8-sig").splitlines()
    assert rows[0].endswith("Zeg ik liever niet (aantal)")
    assert any("Team Noord" in row and "Ongewenst gedrag" in row and row.endswith(";5") for row in rows), rows
    data = client.get("/api/v1/monitor-resultaten/").json()
    team = next(group for group in data["groups"] if group["name"] == "Team Noord")
    assert team["scales"]["ongewenst-gedrag"]["declined"] == 5
    assert team["scales"]["werkdruk"]["declined"] is None
