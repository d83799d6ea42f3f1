"""Results per team, unit and organisation: means, risk shares, suppression (threshold and
complementary), the previous wave, and the dashboard, exports and query counts built on them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core import anonymity
from monitor import results
from monitor.models import Campaign
from monitor.tests import factories
from organisation.tests.factories import OrgNodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def teams(organisation: Any) -> dict[str, Any]:
    """Team Noord (the personas' team), Team Zuid, and a small Team West in the same unit."""
    west = OrgNodeFactory(unit=organisation.unit, name="Team West", code="TWEST")
    return {"noord": organisation.team, "zuid": organisation.other_team, "west": west}


#: Noord's answers per colleague: high, but not all the same (a mean of exactly 5 is never shown).
NOORD = (5, 4, 4, 3, 5, 4)


def _value(team: Any, index: int) -> int:
    return NOORD[index % len(NOORD)] if team.code == "TNOORD" else 2


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_means_and_risk_shares_per_team_unit_and_organisation(teams: dict[str, Any]) -> None:
    campaign = factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 6}, _value)
    found = results.freeze(campaign)
    noord = found.groups[("node", teams["noord"].pk)]
    unit = found.groups[("unit", teams["noord"].unit_id)]
    assert noord.shown and noord.respondents == 6
    assert noord.figures["werkdruk"].mean == pytest.approx(25 / 6)
    # Five of six in the risk zone: shown as "more than 66%" (2 of 6 would be 34%), never as 83%.
    assert noord.figures["werkdruk"].risk_share is None
    assert noord.figures["werkdruk"].risk_above == pytest.approx(0.66)
    assert unit.figures["werkdruk"].mean == pytest.approx(37 / 12)
    assert unit.figures["regelruimte"].risk_share == pytest.approx(0.5)  # Zuid's 2.0 ≤ 2.5
    assert found.groups[results.ORGANISATION].respondents == 12


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_small_team_and_one_more_to_prevent_subtraction_are_not_shown(teams: dict[str, Any]) -> None:
    campaign = factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 7, teams["west"]: 2}, _value)
    found = results.freeze(campaign)
    west = found.groups[("node", teams["west"].pk)]
    assert not west.shown and west.figures["werkdruk"].mean is None
    # Unit (15) − Noord (6) − Zuid (7) would be West's 2 people: one more team is hidden.
    hidden = [key for key in (("node", teams["noord"].pk), ("node", teams["zuid"].pk)) if not found.groups[key].shown]
    assert len(hidden) == 1
    sizes = {key: group.respondents for key, group in found.groups.items()}
    parent = {key: group.parent for key, group in found.groups.items()}
    assert anonymity.disclosed_small_groups(sizes, parent, set(sizes) - found.shown_keys()) == {}


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=3)
def test_the_threshold_is_configurable_but_never_below_three(teams: dict[str, Any]) -> None:
    campaign = factories.answered_campaign({teams["noord"]: 3, teams["zuid"]: 3}, _value)
    assert results.freeze(campaign).groups[("node", teams["noord"].pk)].shown
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=2):
        campaign2 = factories.answered_campaign({teams["west"]: 2}, _value)
        assert not results.freeze(campaign2).groups[("node", teams["west"].pk)].shown


def test_no_results_while_a_campaign_is_open(teams: dict[str, Any]) -> None:
    campaign = factories.answered_campaign({teams["noord"]: 6}, _value)
    Campaign.objects.filter(pk=campaign.pk).update(closes_on=timezone.localdate() + dt.timedelta(days=3))
    campaign.refresh_from_db()
    assert results.for_campaign(campaign) is None


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_change_since_the_previous_wave_is_hidden_when_that_wave_was_suppressed(teams: dict[str, Any]) -> None:
    first = factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 3}, lambda t, i: 2, name="Voorjaar")
    second = factories.answered_campaign(
        {teams["noord"]: 6, teams["zuid"]: 6}, lambda t, i: 4, name="Najaar", previous=first
    )
    now, before = results.freeze(second), results.freeze(first)
    zuid = results.compare(now, ("node", teams["zuid"].pk), second, before)
    assert zuid[0].figure.mean == 4.0 and zuid[0].previous is None and zuid[0].change is None
    noord = results.compare(now, ("node", teams["noord"].pk), second, before)
    # In the first wave Noord was hidden too (unit 9 − Noord 6 = Zuid's 3), so no change either.
    assert noord[0].change is None
    organisation = results.compare(now, results.ORGANISATION, second, before)
    assert organisation[0].change == pytest.approx(2.0) and organisation[0].trend == "worse"  # werkdruk up


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_manager_sees_their_team_and_the_organisation_only(
    teams: dict[str, Any], organisation: Any, login_as: Any
) -> None:
    campaign = factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 6}, _value)
    client = login_as(organisation.users["leidinggevende"])
    page = client.get(reverse("monitor:dashboard"), {"meting": campaign.pk})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Team Noord" in body and "Team Zuid" not in body
    forced = client.get(reverse("monitor:dashboard"), {"team": f"node-{teams['zuid'].pk}"}).content.decode()
    assert "Team Zuid" not in forced, "a team outside the scope cannot be chosen by editing the URL"


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_an_employee_sees_their_own_team_only_after_the_campaign_closed(
    teams: dict[str, Any], organisation: Any, login_as: Any
) -> None:
    campaign = factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 6}, _value)
    client = login_as(organisation.users["medewerker"])
    assert "Team Noord" in client.get(reverse("monitor:dashboard")).content.decode()
    Campaign.objects.filter(pk=campaign.pk).update(closes_on=timezone.localdate())
    assert "Team Noord" not in client.get(reverse("monitor:dashboard")).content.decode()


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_dashboard_and_its_htmx_update_use_a_bounded_number_of_queries(
    teams: dict[str, Any], organisation: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    for index in range(8):
        OrgNodeFactory.create(unit=organisation.unit, name=f"Team {index}")
    campaign = factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 6, teams["west"]: 5}, _value)
    client = login_as(organisation.users["hr_analist"])
    client.get(reverse("monitor:dashboard"))  # warm the results cache
    with django_assert_max_num_queries(12):
        page = client.get(
            reverse("monitor:dashboard"), {"meting": campaign.pk, "eenheid": f"unit-{organisation.unit.pk}"}
        )
    assert page.status_code == 200
    assert 'role="img"' in page.content.decode() and "<table" in page.content.decode()
    with django_assert_max_num_queries(12):
        partial = client.get(reverse("monitor:dashboard"), {"schaal": "werkdruk"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and "Werkdruk" in partial.content.decode()


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_csv_export_has_no_figures_for_hidden_groups(
    teams: dict[str, Any], organisation: Any, login_as: Any
) -> None:
    factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 7, teams["west"]: 2}, _value)
    client = login_as(organisation.users["hr_analist"])
    rows = [line.split(";") for line in client.get(reverse("monitor:dashboard_csv")).content.decode().splitlines()]
    west = [row for row in rows if row[1] == "Team West"]
    assert west and all(row[2] == "" and row[4] == "" and row[5] == "" for row in west)
    assert any(row[1] == "Testeenheid" and row[4] for row in rows)


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_pdf_export_is_a_pdf(teams: dict[str, Any], organisation: Any, login_as: Any) -> None:
    factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 6}, _value)
    response = login_as(organisation.users["leidinggevende"]).get(reverse("monitor:dashboard_pdf"))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_api_gives_the_same_aggregates_and_no_figures_for_hidden_groups(
    teams: dict[str, Any], organisation: Any, login_as: Any
) -> None:
    campaign = factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 7, teams["west"]: 2}, _value)
    data = login_as(organisation.users["hr_analist"]).get("/api/v1/monitor-resultaten/").json()
    assert data["campaign"] == campaign.pk
    west = next(group for group in data["groups"] if group["name"] == "Team West")
    assert west["shown"] is False and west["respondents"] is None
    assert all(figure["mean"] is None for figure in west["scales"].values())
    manager = login_as(organisation.users["leidinggevende"]).get("/api/v1/monitor-resultaten/").json()
    assert {group["name"] for group in manager["groups"]} == {"Politie", "Team Noord"}


@pytest.mark.parametrize("size", range(3, 61))
def test_a_risk_share_never_tells_that_all_or_none_are_in_the_risk_zone(size: int) -> None:
    """Whatever the group size: 0 and 1 person in the risk zone look the same (and so do all and all
    but one), the bound shown is true, and every exact share has at least two people on each side."""
    figures = {count: results.risk_figure(3.0, count, size, False) for count in range(size + 1)}
    for count, figure in figures.items():
        share = count / size
        if figure.risk_share is not None:
            assert figure.risk_share == share and 2 <= count <= size - 2
        elif figure.risk_below is not None:
            assert share < figure.risk_below and count < 2
        else:
            assert figure.risk_above is not None and share > figure.risk_above and count > size - 2
        assert figure.risk_label not in ("0%", "100%") and figure.risk_export not in ("0", "100")
    assert figures[0] == figures[1] and figures[size] == figures[size - 1]


def test_a_tiny_but_nonzero_share_is_not_rounded_to_zero_or_a_hundred_percent() -> None:
    assert results.risk_figure(3.0, 2, 400, False).risk_label == "minder dan 1%"
    assert results.risk_figure(3.0, 398, 400, True).risk_label == "meer dan 99%"
    assert results.risk_figure(3.0, 1, 400, False).risk_label == "minder dan 1%"


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_dashboard_csv_pdf_and_api_show_a_bound_instead_of_0_or_100_percent(
    teams: dict[str, Any], organisation: Any, login_as: Any
) -> None:
    factories.answered_campaign({teams["noord"]: 6, teams["zuid"]: 6}, _value)
    manager = login_as(organisation.users["leidinggevende"])
    page = manager.get(reverse("monitor:dashboard"), {"schaal": "werkdruk"}).content.decode()
    assert "meer dan 66%" in page and ">100%<" not in page
    plan = manager.get(reverse("monitor:plan", kwargs={"pk": teams["noord"].pk})).content.decode()
    assert "meer dan 66%" in plan and ">100%<" not in plan and ">0%<" not in plan
    analyst = login_as(organisation.users["hr_analist"])
    rows = [line.split(";") for line in analyst.get(reverse("monitor:dashboard_csv")).content.decode().splitlines()]
    noord = {row[3]: row[5] for row in rows if row[1] == "Team Noord"}
    assert noord["Werkdruk"] == ">66" and "100" not in noord.values() and "0" not in noord.values()
    unit = {row[3]: row[5] for row in rows if row[1] == "Testeenheid"}
    assert unit["Werkdruk"] == "42", "two or more on each side (5 of 12): the exact share"
    data = analyst.get("/api/v1/monitor-resultaten/").json()
    figure = next(g for g in data["groups"] if g["name"] == "Team Noord")["scales"]["werkdruk"]
    assert figure == {
        "mean": 25 / 6,
        "risk_share": None,
        "risk_share_below": None,
        "risk_share_above": 0.66,
        "declined": None,
    }
    pdf_context = manager.get(reverse("monitor:dashboard_pdf"))
    assert pdf_context.status_code == 200
