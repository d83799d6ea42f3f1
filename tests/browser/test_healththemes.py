"""Health themes as a visitor on a phone reads them, and as the inhoudsbeheerder edits them."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from healththemes.models import ThemeItem
from organisation.tests.factories import PASSWORD
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def themes(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the themes again."""
    for module in ("catalogue.migrations.0002_zorgwijzer_2022_2023", "healththemes.migrations.0002_content"):
        importlib.import_module(module).load(django_apps, None)


def test_a_visitor_on_a_phone_reads_a_theme_and_an_exercise(page: Page, themes: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/zorgwijzer/themas/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gezond werken: thema's")
    assert_accessible(page)
    page.get_by_role("link", name="PTSS", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("PTSS")
    expect(page.get_by_role("heading", name="Voor leidinggevenden")).to_be_visible()
    expect(page.get_by_text("Dit is informatie, geen diagnose.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar het hier en nu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terug naar het hier en nu")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)


def test_a_story_page_is_labelled_and_accessible(page: Page, themes: Any) -> None:
    page.goto("/zorgwijzer/themas/werkstress/alles-zelf-oplossen/")
    expect(page.get_by_text("Voorbeeldverhaal.")).to_be_visible()
    assert_accessible(page)


def test_the_inhoudsbeheerder_previews_fixes_and_saves_an_item(page: Page, themes: Any, organisation: Any) -> None:
    user = organisation.users["inhoudsbeheerder"]
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

    page.goto("/zorgwijzer/themas/beheer/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw item bij Slaap").click()
    page.get_by_label("Korte oefening").check()
    page.get_by_label("Titel").fill("Even ademen")
    page.get_by_label("Tekst").fill("Te kort.")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_text("De tekst is te kort. Schrijf minstens 40 tekens.").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Tekst").fill("Adem vier tellen in en zes tellen uit. Doe dit vijf keer achter elkaar.")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_text("Voorbeeld: dit is nog niet opgeslagen.")).to_be_visible()
    assert not ThemeItem.objects.filter(title="Even ademen").exists()
    assert_accessible(page)

    page.get_by_label("Gepubliceerd").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het item is opgeslagen.")).to_be_visible()
    assert ThemeItem.objects.filter(theme__slug="slaap", title="Even ademen", is_published=True).exists()
