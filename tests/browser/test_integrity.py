"""Integrity (VIK) in the browser: a facilitator and a participant on a phone in two browser
contexts (the vote shows on the facilitator's screen within 2 s), voting without JavaScript, and
axe on every page of the app at 390 and 1280 px."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from integrity.models import Card, ChangeReport
from integrity.tests import factories
from organisation.constants import Role
from tests.browser.conftest import check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cards(db: None) -> None:
    factories.load_cards()


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


def test_a_participant_on_a_phone_votes_and_the_facilitator_sees_it_within_two_seconds(
    page: Page, phone: BrowserContext, organisation: Any, cards: None
) -> None:
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/integriteit/sessies/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dilemmasessies")
    check_page(page, "integrity-sessions")
    page.get_by_role("link", name="Nieuwe sessie maken").click()
    check_page(page, "integrity-session-new")
    page.get_by_label("Naam van de sessie").fill("Teamdag Noord")
    page.get_by_label("Geweldgebruik: Een vuistslag bij een aanhouding").check()
    page.get_by_label("Omgaan met informatie: Politie bij je buren").check()
    page.get_by_role("button", name="Sessie maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sessie: Teamdag Noord")
    code = page.get_by_test_id("session-code").inner_text()
    expect(page.get_by_role("img", name=f"QR-code om mee te doen met code {code}")).to_be_visible()
    check_page(page, "integrity-session-draft")
    page.get_by_role("button", name="Open de sessie").click()
    expect(page.get_by_test_id("live-total")).to_have_text("0 stemmen")

    participant = phone.new_page()
    participant.goto("/integriteit/doe-mee/")
    check_page(participant, "integrity-join")
    participant.set_viewport_size({"width": 390, "height": 844})
    participant.get_by_label("Code van de sessie").fill(code.lower())
    participant.get_by_role("button", name="Doe mee").click()
    expect(participant.get_by_role("heading", level=2)).to_have_text("Een vuistslag bij een aanhouding")
    check_page(participant, "integrity-participate")
    participant.set_viewport_size({"width": 390, "height": 844})
    participant.get_by_label("Ik grijp in en meld het").check()
    participant.get_by_role("button", name="Stem").click()
    expect(participant.get_by_test_id("voted")).to_be_visible()

    # The facilitator's screen polls a small fragment every second: the vote shows within 2 s.
    expect(page.get_by_test_id("live-total")).to_have_text("1 stem", timeout=2000)
    check_page(page, "integrity-session-live")
    check_page(participant, "integrity-participate-voted")

    page.get_by_role("button", name="Toon de uitslag").click()
    expect(page.get_by_test_id("too-few")).to_be_visible()  # one vote: no distribution
    page.get_by_role("button", name="Volgende kaart").click()
    expect(page.get_by_role("heading", name="Kaart 2: Politie bij je buren")).to_be_visible()
    # The participant's waiting page picks up the next card by itself.
    expect(participant.get_by_role("heading", level=2)).to_have_text("Politie bij je buren", timeout=5000)
    page.get_by_label("Bewaar alleen de verdeling per kaart").check()
    page.get_by_role("button", name="Sluit de sessie").click()
    expect(page.get_by_role("heading", name="De sessie is gesloten")).to_be_visible()
    check_page(page, "integrity-session-closed")


@pytest.fixture
def no_script(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def test_without_javascript_a_participant_joins_and_votes_with_plain_forms(
    no_script: Page, organisation: Any, cards: None
) -> None:
    live = factories.session(organisation.users[Role.VIK_PREVENTIE], opened=True)
    page = no_script
    page.goto("/integriteit/doe-mee/")
    page.get_by_label("Code van de sessie").fill(live.code)
    page.get_by_role("button", name="Doe mee").click()
    page.get_by_label("Oneens").check()
    page.get_by_role("button", name="Stem").click()
    expect(page.get_by_test_id("voted")).to_be_visible()
    counts = dict(live.cards.get(position=1).counts.values_list("option", "count"))
    assert counts == {"eens": 0, "oneens": 1}


def test_the_public_pages_library_card_and_dilemma_check(page: Page, cards: None) -> None:
    page.goto("/integriteit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Integriteit")
    check_page(page, "integrity-index")
    page.get_by_role("link", name="Dilemma's en stellingen").first.click()
    expect(page.get_by_role("heading", level=2, name="31 kaarten")).to_be_visible()
    page.get_by_label("Thema").select_option("social-media")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_test_id("card")).to_have_count(6)
    check_page(page, "integrity-library")
    page.get_by_role("link", name="Een selfie met de koning").click()
    expect(page.get_by_role("heading", level=2, name="Regels die gelden")).to_be_visible()
    check_page(page, "integrity-card")
    page.goto("/integriteit/dilemmacheck/")
    check_page(page, "integrity-check")
    page.get_by_label("Ik ben nieuwsgierig").check()
    page.get_by_label("Ik weet het niet zeker").check()
    page.get_by_label("Van mijzelf").check()
    page.get_by_label("Ik bespreek het eerst").check()
    for group in ("Zorgvuldig", "Uitlegbaar", "Standvastig"):
        page.get_by_role("group", name=group).get_by_label("Ik twijfel").check()
    page.get_by_role("group", name="Gaat het om gedrag van een ander").get_by_label("Nee").check()
    page.get_by_role("group", name="Denk je dat iemand de regels overtreedt").get_by_label("Nee").check()
    page.get_by_role("group", name="Kun je het met je leidinggevende bespreken").get_by_label("Ja").check()
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    expect(page.get_by_role("heading", level=2, name="Doe het niet")).to_be_visible()
    check_page(page, "integrity-check-outcome")


def test_meldplicht_receipt_verification_and_the_managers_follow_up(
    page: Page, browser: Browser, live_server: Any, organisation: Any, cards: None
) -> None:
    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/integriteit/meldplicht/")
    check_page(page, "integrity-report")
    page.get_by_label("Verslaving of afhankelijkheid").check()
    page.get_by_role("button", name="Meld bij mijn leidinggevende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontvangstbewijs melding")
    code = page.get_by_test_id("verification-code").inner_text()
    check_page(page, "integrity-receipt")
    page.goto("/integriteit/meldplicht/controleren/")
    page.get_by_label("Controlecode").fill(code)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_test_id("verified")).to_be_visible()
    check_page(page, "integrity-verify")
    report = ChangeReport.objects.get()

    manager_context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    manager = manager_context.new_page()
    log_in(manager, organisation.users[Role.LEIDINGGEVENDE])
    manager.goto("/integriteit/meldplicht/team/")
    check_page(manager, "integrity-reports-team")
    manager.goto(f"/integriteit/meldplicht/{report.pk}/")
    manager.get_by_label("Wat heb je met de melding gedaan?").fill("Gesprek gevoerd; geen risico.")
    manager.get_by_role("button", name="Opvolging vastleggen").click()
    expect(manager.get_by_text("Gesprek gevoerd; geen risico.")).to_be_visible()
    check_page(manager, "integrity-report-manager")
    manager_context.close()


def test_session_request_planning_triage_and_card_editing_pages(page: Page, organisation: Any, cards: None) -> None:
    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/integriteit/sessie-aanvragen/")
    page.get_by_label("Naam van je team, afdeling of ploeg").fill("Team Noord")
    page.get_by_role("group", name="Soort groep").get_by_label("Team").check()
    page.get_by_label("Blauw (operationeel) team").check()
    page.get_by_label("Dilemmatraining").check()
    page.get_by_label("Leervragen").fill("Hoe gaan we om met social media?")
    page.get_by_role("button", name="Sessie aanvragen").click()
    expect(
        page.get_by_text("Je kunt een sessie pas aanvragen als je akkoord gaat met de voorwaarden.", exact=True)
    ).to_be_visible()
    check_page(page, "integrity-request-refused")
    page.get_by_label("Ik heb de voorwaarden gelezen en ga ermee akkoord.").check()
    page.get_by_role("button", name="Sessie aanvragen").click()
    expect(page.get_by_test_id("acknowledged")).to_be_visible()
    check_page(page, "integrity-request-acknowledged")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, organisation.users[Role.VIK_PREVENTIE])
    page.goto("/integriteit/aanvragen/")
    check_page(page, "integrity-requests")
    page.goto("/integriteit/triage/nieuw/")
    page.get_by_label("Samenvatting").fill("Fictief: een collega keek zonder reden in de systemen.")
    page.get_by_role("button", name="Signaal vastleggen").click()
    page.get_by_label("Start de triage").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Zonder onderbouwing geen besluit.").first).to_be_visible()
    check_page(page, "integrity-signal-refused")
    page.get_by_role("textbox", name="Onderbouwing").fill("Concreet signaal; eerst triage.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_test_id("stage")).to_have_text("Triage")
    check_page(page, "integrity-signal")
    page.goto("/integriteit/triage/")
    check_page(page, "integrity-triage")
    page.goto("/integriteit/triage/nieuw/")
    check_page(page, "integrity-signal-new")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, organisation.users[Role.INHOUDSBEHEERDER])
    page.goto("/integriteit/beheer/kaarten/")
    check_page(page, "integrity-editor")
    card = Card.objects.get(slug="dilemma-kater-zondag")
    page.goto(f"/integriteit/beheer/kaarten/{card.pk}/")
    page.get_by_label("Titel").fill("Met een kater aan het werk")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.get_by_test_id("versions").get_by_role("row")).to_have_count(3)
    check_page(page, "integrity-card-edit")
