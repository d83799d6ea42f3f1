"""An employee on a phone finds where to go with "Waar kan ik terecht?", with and without
JavaScript; axe at both widths."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)


def _answer(page: Page) -> None:
    page.get_by_role("group", name="Is er nu iemand in gevaar").get_by_label("Nee").check()
    page.get_by_label("Dat het stopt").check()
    page.get_by_label("Een collega").check()
    page.get_by_label("Nee, liever niet").check()
    page.get_by_role("button", name="Laat zien waar ik terechtkan").click()


def test_on_a_phone_stop_without_the_manager_leads_to_the_vertrouwenspersoon(page: Page, catalogue: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.get_by_role("button", name="Menu").click()  # on a phone the menu sits behind a button
    page.get_by_role("link", name="Waar kan ik terecht?").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Waar kan ik terecht?")
    _answer(page)
    first = page.locator("[data-route]").first
    expect(first).to_have_attribute("data-route", "vertrouwenspersoon")
    expect(page.locator('[data-route="leidinggevende"]')).to_have_count(0)
    assert "leidinggevende=nee" in page.url  # the answers live in the address, nowhere else
    check_page(page, "confidential-router")


@pytest.fixture
def no_script(browser: Browser, live_server: Any, catalogue: Any) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_a_danger_answer_shows_direct_hulp_first(no_script: Page) -> None:
    page = no_script
    page.goto("/waar-kan-ik-terecht/")
    page.get_by_role("group", name="Is er nu iemand in gevaar").get_by_label("Ja").check()
    page.get_by_label("Erover praten").check()
    page.get_by_label("Mijn leidinggevende").check()
    page.get_by_label("Dat weet ik nog niet").check()
    page.get_by_role("button", name="Laat zien waar ik terechtkan").click()
    expect(page.locator("[data-route]").first).to_have_attribute("data-route", "direct-hulp")
    expect(page.get_by_role("link", name="112", exact=True)).to_have_attribute("href", "tel:112")


# --- Requests without the manager and the anonymous line (issue 17, sections 2 and 3) ----------


def test_an_employee_requests_an_mcu_and_sees_the_appointment_the_psychologist_made(
    page: Page, browser: Browser, live_server: Any, organisation: Any
) -> None:
    from organisation.constants import Role
    from tests.browser.conftest import log_in

    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/waar-kan-ik-terecht/verzoeken/")
    check_page(page, "confidential-my-requests")
    page.get_by_role("link", name="Mental Check Up aanvragen").click()
    check_page(page, "confidential-mcu")
    page.get_by_label("Wil je iets vertellen").fill("Het was een zware maand.")
    page.get_by_role("button", name="Mental Check Up aanvragen").click()
    expect(page.get_by_test_id("request-status")).to_have_text("Aangevraagd")
    check_page(page, "confidential-request")

    psychologist = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    other = psychologist.new_page()
    log_in(other, organisation.users[Role.EENHEIDSPSYCHOLOOG])
    other.goto("/waar-kan-ik-terecht/verzoeken/postvak/")
    check_page(other, "confidential-inbox")
    other.get_by_role("link", name=organisation.people[Role.MEDEWERKER].full_name).click()
    other.get_by_label("Datum en tijd van het gesprek").fill("2030-01-10T10:00")
    other.get_by_label("Waar of hoe").fill("Kamer 2.14")
    other.get_by_role("button", name="Afspraak opslaan").click()
    expect(other.get_by_test_id("request-status")).to_have_text("Afspraak gemaakt")
    psychologist.close()

    page.reload()
    expect(page.get_by_test_id("request-appointment")).to_contain_text("Kamer 2.14")
    expect(page.get_by_test_id("reads")).to_contain_text(organisation.people[Role.EENHEIDSPSYCHOLOOG].full_name)


def test_a_full_anonymous_exchange_with_the_reporter_without_javascript(
    page: Page, no_script: Page, organisation: Any
) -> None:
    from confidential import line
    from organisation.constants import Role
    from tests.browser.conftest import log_in

    passphrase = "paard batterij nietje correct"
    line.recipient_setup(user=organisation.users[Role.VERTROUWENSPERSOON], passphrase=passphrase)
    reporter = no_script
    reporter.set_viewport_size({"width": 390, "height": 844})
    reporter.goto("/waar-kan-ik-terecht/anoniem/")
    reporter.get_by_label("Signaal van uitsluiting, discriminatie of racisme").check()
    reporter.get_by_label("Bij welke eenheid hoort het?").select_option(label=organisation.unit.name)
    reporter.get_by_label("Je bericht").fill("Er worden grappen gemaakt over mijn geloof.")
    reporter.get_by_role("button", name="Melding versturen").click()
    receipt = reporter.get_by_test_id("receipt").inner_text().strip()
    assert len(receipt.replace(" ", "")) == 24 and receipt.replace(" ", "") not in reporter.url.replace("-", "")

    log_in(page, organisation.users[Role.VERTROUWENSPERSOON])
    page.goto("/waar-kan-ik-terecht/anoniem/postvak/")
    check_page(page, "confidential-line-inbox")
    from confidential.models import LineReport

    page.get_by_role("link", name=f"Melding {LineReport.objects.get().pk}", exact=True).click()
    page.get_by_label("Wachtzin", exact=True).fill(passphrase)
    page.get_by_role("button", name="Openen").click()
    expect(page.get_by_test_id("line-messages")).to_contain_text("grappen gemaakt over mijn geloof")
    page.get_by_label("Wachtzin", exact=True).fill(passphrase)
    page.get_by_label("Je vraag of antwoord aan de melder").fill("Wil je hulp bij een gesprek met je team?")
    page.get_by_role("button", name="Versturen en opnieuw tonen").click()
    expect(page.get_by_test_id("line-messages")).to_contain_text("hulp bij een gesprek")
    check_page(page, "confidential-line-report")

    reporter.goto("/waar-kan-ik-terecht/anoniem/lezen/")
    reporter.get_by_label("Je meldcode").fill(receipt)
    reporter.get_by_role("button", name="Gesprek openen").click()
    expect(reporter.get_by_test_id("line-messages")).to_contain_text("hulp bij een gesprek")
    reporter.get_by_label("Je antwoord").fill("Ja, graag, maar nog zonder mijn teamchef.")
    reporter.get_by_role("button", name="Versturen").click()
    expect(reporter.get_by_test_id("line-messages")).to_contain_text("nog zonder mijn teamchef")
    assert "meldcode" not in reporter.url and receipt.replace(" ", "") not in reporter.url

    page.get_by_label("Wachtzin", exact=True).fill(passphrase)
    page.get_by_role("button", name="Versturen en opnieuw tonen").click()
    expect(page.get_by_test_id("line-messages")).to_contain_text("nog zonder mijn teamchef")


def test_the_reporters_pages_pass_axe_at_both_widths(page: Page, organisation: Any) -> None:
    from confidential import line
    from organisation.constants import Role

    line.recipient_setup(user=organisation.users[Role.VERTROUWENSPERSOON], passphrase="paard batterij nietje correct")
    page.goto("/waar-kan-ik-terecht/anoniem/")
    check_page(page, "confidential-line-start")
    page.get_by_label("Vertrouwenspersoon", exact=True).check()
    page.get_by_label("Bij welke eenheid hoort het?").select_option(label=organisation.unit.name)
    page.get_by_label("Je bericht").fill("Een test van de toegankelijkheid.")
    page.get_by_role("button", name="Melding versturen").click()
    receipt = page.get_by_test_id("receipt").inner_text().strip()
    check_page(page, "confidential-line-receipt")
    page.get_by_role("link", name="Naar het antwoord kijken").click()
    check_page(page, "confidential-line-read")
    page.get_by_label("Je meldcode").fill(receipt)
    page.get_by_role("button", name="Gesprek openen").click()
    expect(page.get_by_test_id("line-messages")).to_contain_text("toegankelijkheid")
    check_page(page, "confidential-line-conversation")
