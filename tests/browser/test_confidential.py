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
