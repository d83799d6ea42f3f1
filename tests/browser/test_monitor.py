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
from playwright.sync_api import Page, ViewportSize, expect

from monitor import campaigns, jobs, questionnaire, submission, tokens
from monitor.models import Campaign, Measure
from monitor.tests import factories
from organisation.tests.factories import OrgNodeFactory
from tests.browser.conftest import ARTIFACTS, assert_accessible, check_page
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
PHONE: ViewportSize = {"width": 390, "height": 844}


def answer_current_page(page: Page, value: int, rather_not: tuple[str, ...] = ()) -> None:
    """Answer every still open question of the page that shows (one scale) with ``value``, or
    with "Zeg ik liever niet" for the item codes in ``rather_not`` that are on this page."""
    for code in rather_not:
        choice = page.locator(f"#{code}-liever-niet")
        if choice.is_visible():
            choice.check()
    for fieldset in page.locator("section.zw-survey__scale:visible fieldset").all():
        if not fieldset.locator("input:checked").count():
            fieldset.locator(f"input[value='{value}']").check()


def answer_every_page(page: Page, value: int, rather_not: tuple[str, ...] = ()) -> None:
    """From the page that shows to the last one ("Volgende"), then "Versturen"."""
    for _page in range(len(questionnaire.load().scales)):
        answer_current_page(page, value, rather_not)
        forward = page.get_by_role("button", name="Volgende")
        if not forward.is_visible():
            break
        forward.click()
    page.get_by_role("button", name="Versturen").click()


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_respondent_completes_the_survey_page_by_page_on_a_phone(page: Page, organisation: Any) -> None:
    factories.staff(organisation.team, 1)
    campaign = factories.campaign(nodes=[organisation.team], name="Najaar 2026")
    jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url="http://testserver/")
    link = LINK.search(mail.outbox[0].body).group(1)  # type: ignore[union-attr,arg-type]
    scales = questionnaire.load().scales

    page.set_viewport_size(PHONE)
    page.goto(link)
    progress = page.locator("#vragenlijst-voortgang")
    expect(progress).to_have_text("Onderdeel 1 van 10")
    expect(progress).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("heading", level=2, name=scales[0].name)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=scales[1].name)).to_be_hidden()
    expect(page.get_by_role("button", name="Vorige")).to_be_hidden()
    expect(page.get_by_role("button", name="Versturen")).to_be_hidden()
    check_page(page, "monitor-pages")
    page.set_viewport_size(PHONE)

    # "Volgende" with open questions stays on the page and says what is missing.
    page.get_by_role("button", name="Volgende").click()
    expect(progress).to_have_text("Onderdeel 1 van 10")
    expect(page.locator(".zw-survey__page-error")).to_have_count(len(scales[0].items))
    assert_accessible(page)

    answer_current_page(page, 4)
    expect(page.locator(".zw-survey__page-error")).to_have_count(0)
    page.get_by_role("button", name="Volgende").click()
    expect(progress).to_have_text("Onderdeel 2 van 10")
    answer_current_page(page, 2)
    page.get_by_role("button", name="Volgende").click()
    expect(progress).to_have_text("Onderdeel 3 van 10")

    # Back once: the earlier answers are still chosen.
    page.get_by_role("button", name="Vorige").click()
    expect(progress).to_have_text("Onderdeel 2 van 10")
    for item in scales[1].items:
        expect(page.locator(f"#{item.code}-2")).to_be_checked()
    page.get_by_role("button", name="Volgende").click()
    expect(progress).to_have_text("Onderdeel 3 van 10")

    answer_every_page(page, 3, rather_not=("OG1",))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het invullen")
    (answers,) = factories.stored_answers()
    assert answers["OG1"] == questionnaire.RATHER_NOT and answers["OG2"] == 3
    assert [answers[item.code] for item in scales[0].items] == [4] * len(scales[0].items)
    assert [answers[item.code] for item in scales[1].items] == [2] * len(scales[1].items)
    assert [answers[item.code] for item in scales[-2].items] == [3] * len(scales[-2].items)


def test_without_javascript_the_questionnaire_is_one_page(browser: Any, live_server: Any, organisation: Any) -> None:
    factories.staff(organisation.team, 1)
    campaign = factories.campaign(nodes=[organisation.team], name="Najaar 2026")
    jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url="http://testserver/")
    link = LINK.search(mail.outbox[0].body).group(1)  # type: ignore[union-attr,arg-type]
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(link)
    for scale in questionnaire.load().scales:
        expect(page.get_by_role("heading", level=2, name=scale.name)).to_be_visible()
    expect(page.get_by_role("button", name="Volgende")).to_have_count(0)
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("40 vragen nog niet beantwoord")
    context.close()


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
    # The draft resumes on the first page with an unanswered question; page by page to the end.
    expect(page.locator("#vragenlijst-voortgang")).to_have_text("Onderdeel 1 van 10")
    answer_every_page(page, 4)
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
    campaign = Campaign.objects.get()
    assert campaign.units.get() == organisation.unit

    # Closing early asks first (a page of its own, no JavaScript needed).
    page.goto(f"/monitor/metingen/{campaign.pk}/sluiten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wil je „Nulmeting Testeenheid” nu sluiten?")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, meting nu sluiten").click()
    expect(page.get_by_role("status").first).to_contain_text("De meting is gesloten")
    campaign.refresh_from_db()
    assert campaign.is_closed()


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
