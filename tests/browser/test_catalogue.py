"""The catalogue as a visitor on a phone uses it: overview, one battery, a provision, experts."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    importlib.import_module("organisation.migrations.0002_units").create_units(django_apps, None)
    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)
    importlib.import_module("catalogue.migrations.0006_contact_channels_2022_2023").load(django_apps, None)


def test_a_visitor_on_a_phone_finds_a_provision_and_how_to_start(page: Page, catalogue: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.get_by_role("button", name="Menu").click()  # on a phone the menu sits behind its button
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zorgwijzer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat de politie je biedt")
    assert_accessible(page)
    page.get_by_role("link", name="Herstellen", exact=True).click()
    expect(page.get_by_role("heading", name="Kadernota Arbeidsomstandigheden")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Zorglijn PTSS").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorglijn PTSS")
    expect(page.get_by_role("heading", name="Wie weet ervan?")).to_be_visible()
    expect(page.get_by_role("heading", name="Zo begin je")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)


def test_a_visitor_searches_in_everyday_words_and_finds_help(page: Page, catalogue: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/zorgwijzer/")
    page.get_by_label("Zoek hulp").fill("ik heb kanker")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", level=2, name="Gevonden voor ‘ik heb kanker’")).to_be_visible()
    results = page.get_by_role("region", name="Gevonden voor ‘ik heb kanker’")
    expect(results.get_by_role("heading", level=3).first).to_contain_text("Werkgeversmodules")
    check_page(page, "catalogue-search")
    page.get_by_label("Zoek hulp").fill("xyzzy qwertyuiop")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status")).to_contain_text("We vonden niets met deze woorden")
    check_page(page, "catalogue-search-nothing")


def test_the_expert_page_is_accessible(page: Page, catalogue: Any) -> None:
    page.goto("/zorgwijzer/experts/")
    expect(page.get_by_role("heading", name="Bedrijfsarts")).to_be_visible()
    assert_accessible(page)


def test_a_visitor_chooses_their_unit_and_sees_its_contact_details(page: Page, catalogue: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/zorgwijzer/mental-check-up/")
    page.get_by_label("Jouw eenheid").select_option(label="Noord-Nederland")
    page.get_by_role("button", name="Toon contact").click()
    expect(page.get_by_role("heading", name="Contact voor Noord-Nederland")).to_be_visible()
    expect(page.get_by_text("VGW-team Noord-Nederland")).to_be_visible()
    assert "eenheid=noord-nederland" in page.url  # a link to exactly this answer can be shared
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    page.goto("/zorgwijzer/experts/?eenheid=noord-nederland")
    expect(page.get_by_text("VGW-team Noord-Nederland").first).to_be_visible()
    assert_accessible(page)
