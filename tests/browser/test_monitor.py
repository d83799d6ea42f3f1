"""The weerbaarheidsmonitor as people use it: an employee answers through their invitation link on
a phone (pausing once), then the team's manager reads the dashboard and adds a measure to the
Plan van Aanpak. axe-core checks every page."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from monitor import campaigns, jobs, questionnaire, submission, tokens
from monitor.models import Campaign, Measure
from monitor.tests import factories
from organisation.tests.factories import OrgNodeFactory
from tests.browser.conftest import ARTIFACTS, assert_accessible
from tests.browser.test_pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("ZW_SCREENSHOTS")


def snap(page: Page, name: str) -> None:
    """With ZW_SCREENSHOTS=1, keep a full-page picture of each step at phone and desktop width."""
    if not SCREENSHOTS:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    size = page.viewport_size or {"width": 1280, "height": 900}
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"monitor-{name}-{width}.png"), full_page=True)
    page.set_viewport_size(size)


LINK = re.compile(r"https?://[^/]+(/monitor/vragenlijst/[A-Za-z0-9_-]{43}/)")


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_answer_on_a_phone_then_the_manager_reads_the_dashboard_and_adds_a_measure(
    page: Page, organisation: Any
) -> None:
    colleagues = factories.staff(organisation.team, 6)
    campaign = factories.campaign(nodes=[organisation.team], actor=organisation.users["hr_analist"], name="Najaar 2026")
    jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url="http://testserver/")
    link = LINK.search(mail.outbox[0].body).group(1)  # type: ignore[union-attr,arg-type]

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Weerbaarheidsmonitor 2026")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the questionnaire widens the phone screen"
    page.get_by_role("group", name="Ik heb meer werk dan ik in mijn uren kan doen.").get_by_label("Vaak").check()
    page.get_by_role("button", name="Opslaan en later verder").click()
    expect(page.get_by_role("status").filter(has_text="bewaard")).to_contain_text("1 van 40")
    assert_accessible(page)
    snap(page, "respond")

    page.goto(link)  # later, with the same link
    expect(
        page.get_by_role("group", name="Ik heb meer werk dan ik in mijn uren kan doen.").get_by_label("Vaak")
    ).to_be_checked()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("39 vragen nog niet beantwoord")
    assert_accessible(page)
    for scale in questionnaire.load().scales:
        for item in scale.items:
            if item.code != "WD1":
                page.locator(f"#{item.code}-4").check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het invullen")
    assert_accessible(page)
    snap(page, "done")
    assert len(factories.stored_answers()) == 1

    for person in colleagues[1:]:
        submission.response_submit(token=tokens.token_for(campaign.pk, person.pk), answers=factories.all_answers(2))
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=timezone.localdate() - dt.timedelta(days=20), closes_on=timezone.localdate() - dt.timedelta(days=1)
    )

    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, organisation.users["leidinggevende"])
    page.goto("/monitor/")
    expect(page.get_by_role("heading", level=2).first).to_have_text("Team Noord")
    expect(page.get_by_role("table", name="Uitkomsten per schaal")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Werkdruk: "))).to_be_visible()
    assert_accessible(page)
    snap(page, "dashboard")
    page.get_by_label("Schaal", exact=True).select_option(label="Werkdruk")
    expect(page.get_by_role("table", name="Uitkomsten per schaal").locator("tbody tr")).to_have_count(1)
    assert "schaal=werkdruk" in page.url
    assert_accessible(page)

    page.get_by_role("link", name="Naar het Plan van Aanpak").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van Aanpak: Team Noord")
    assert_accessible(page)
    page.get_by_label("Maatregel", exact=True).fill("Na elke zware dienst samen nabespreken")
    page.get_by_role("group", name="Schalen waar de maatregel op werkt").get_by_label("Werkdruk").check()
    page.get_by_role("group", name="Schalen waar de maatregel op werkt").get_by_label("Steun van collega's").check()
    page.get_by_label("Eigenaar").fill("Teamchef Noord")
    page.get_by_label("Klaar op").fill("2027-03-01")
    page.get_by_role("button", name="Maatregel toevoegen").click()
    expect(page.get_by_role("heading", level=3)).to_have_text("Na elke zware dienst samen nabespreken")
    assert_accessible(page)
    snap(page, "plan")
    measure = Measure.objects.get()
    assert measure.team == organisation.team and measure.scales == ["werkdruk", "steun-collegas"]


def test_an_analyst_creates_a_campaign_and_queues_the_invitations(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users["hr_analist"])
    page.goto("/monitor/metingen/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe meting").click()
    assert_accessible(page)
    page.get_by_role("button", name="Meting aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text("Nog niet alles is goed ingevuld")
    assert_accessible(page)
    page.get_by_label("Naam van de meting").fill("Nulmeting Testeenheid")
    page.get_by_label("Nulmeting (alle schalen)").check()
    page.get_by_role("group", name="Eenheden").get_by_label("Testeenheid").check()
    today = timezone.localdate()
    page.get_by_label("Open vanaf").fill(today.isoformat())
    page.get_by_label("Open tot en met").fill((today + dt.timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Meting aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nulmeting Testeenheid")
    assert_accessible(page)
    snap(page, "campaign")
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    expect(page.get_by_role("status").first).to_contain_text("worden verstuurd")
    assert_accessible(page)
    assert Campaign.objects.get().units.get() == organisation.unit


def test_the_manager_changes_a_measure_without_javascript_errors_and_with_dutch_messages(
    page: Page, organisation: Any
) -> None:
    measure = Measure.objects.create(
        team=organisation.team, title="Pauzes inplannen", owner="Teamchef", scales=["werkdruk"]
    )
    log_in(page, organisation.users["leidinggevende"])
    page.goto(f"/monitor/plannen/team/{organisation.team.pk}/")
    page.get_by_role("link", name="Alles van „Pauzes inplannen” wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maatregel wijzigen")
    assert_accessible(page)
    page.get_by_label("Maatregel", exact=True).fill("")
    page.get_by_label("Klaar op").fill("2027-03-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Nog niet alles is goed ingevuld")
    expect(page.locator("#id_title-error")).to_have_text("Dit veld is vereist.")
    assert_accessible(page)
    page.get_by_label("Maatregel", exact=True).fill("Pauzes vast inplannen")
    page.get_by_role("group", name="Schalen waar de maatregel op werkt").get_by_label("Steun van collega's").check()
    page.get_by_label("Eigenaar").fill("Plaatsvervangend teamchef")
    page.get_by_label("Status").select_option(label="Bezig")
    page.get_by_label("Nieuwe voortgangsnotitie").fill("Rooster is aangepast.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van Aanpak: Team Noord")
    expect(page.locator(f"#maatregel-{measure.pk}")).to_contain_text("Plaatsvervangend teamchef")
    expect(page.locator(f"#maatregel-{measure.pk}")).to_contain_text("Rooster is aangepast.")
    assert_accessible(page)
    snap(page, "measure-edit")
    measure.refresh_from_db()
    assert measure.title == "Pauzes vast inplannen" and measure.status == "bezig"
    assert measure.scales == ["werkdruk", "steun-collegas"] and str(measure.due_on) == "2027-03-01"


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_small_counts_are_bounds_and_a_telling_mean_is_a_dash(page: Page, organisation: Any) -> None:
    """The analyst's campaign page while answering runs, then the dashboard after closing."""
    small = OrgNodeFactory.create(unit=organisation.unit, name="Team Klein")
    noord = factories.staff(organisation.team, 7)
    zuid = factories.staff(organisation.other_team, 6)
    factories.staff(small, 2)
    campaign = factories.campaign(nodes=[organisation.team, organisation.other_team, small], name="Voorjaar")
    jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url="http://testserver/")
    submission.response_submit(token=tokens.token_for(campaign.pk, noord[0].pk), answers=factories.all_answers(5))

    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, organisation.users["hr_analist"])
    page.goto(f"/monitor/metingen/{campaign.pk}/")
    expect(page.get_by_role("table", name="Respons per team")).to_contain_text("minder dan 5")
    assert "Ingevuld: minder dan 5" in " ".join(page.locator("main").inner_text().split())
    assert_accessible(page)
    snap(page, "campaign-rates")

    # Everyone in Noord answers 5 everywhere: its means would say what each of them answered.
    for person in noord[1:]:
        submission.response_submit(token=tokens.token_for(campaign.pk, person.pk), answers=factories.all_answers(5))
    for index, person in enumerate(zuid):
        answers = factories.all_answers(2 + index % 3)
        submission.response_submit(token=tokens.token_for(campaign.pk, person.pk), answers=answers)
    campaigns.campaign_close(campaign=campaign, actor=None)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/monitor/?meting={campaign.pk}&team=node-{organisation.team.pk}")
    expect(page.get_by_role("heading", level=2).first).to_have_text("Team Noord")
    table = page.get_by_role("table", name="Uitkomsten per schaal")
    expect(table.locator("tbody tr").first.locator("td").first).to_have_text("–")
    expect(page.get_by_text("Een streepje (–)")).to_be_visible()
    assert_accessible(page)
    snap(page, "dashboard-withheld")
