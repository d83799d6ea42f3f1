"""Health themes in English and the new themes (issue 15 §5, issue 22 §3): a theme page in Dutch and
English at phone and desktop width with axe; the inhoudsbeheerder's theme editor with its English
fields. Screenshots go to test-artifacts/. (Here rather than in healththemes/tests: the Playwright
fixtures are session-wide and must exist once per run.)"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from healththemes.models import HealthTheme
from tests.browser.conftest import assert_accessible, check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTENT = (
    "catalogue.migrations.0002_zorgwijzer_2022_2023",
    "healththemes.migrations.0002_content",
    "healththemes.migrations.0004_english_for_the_first_content",
    "healththemes.migrations.0005_more_content",
)


@pytest.fixture
def themes(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the content again."""
    for module in CONTENT:
        importlib.import_module(module).load(django_apps, None)


@pytest.mark.once  # reading a page in two languages: the same on every database engine
@pytest.mark.parametrize("width", [390, 1280])
def test_the_hearing_damage_theme_reads_well_in_dutch_and_english(page: Page, themes: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/zorgwijzer/themas/gehoorschade/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gehoorschade")
    expect(page.get_by_role("heading", name="Korte oefeningen")).to_be_visible()
    expect(page.get_by_role("link", name="Oordoppen goed indoen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    _check(page, width, "healththemes-gehoorschade-nl")

    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.url}])
    page.goto("/zorgwijzer/themas/gehoorschade/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hearing damage")
    page.get_by_role("link", name="Putting earplugs in properly").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Putting earplugs in properly")
    expect(page.get_by_text("Roll the plug with clean fingers")).to_be_visible()
    page.set_viewport_size({"width": width, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    _check(page, width, "healththemes-earplugs-en")


def _check(page: Page, width: int, name: str) -> None:
    """axe at this width; at phone width also the screenshots at 390 and 1280 px (check_page)."""
    if width == 390:
        check_page(page, name)
    else:
        assert_accessible(page)


def test_the_inhoudsbeheerder_gives_a_theme_an_english_name(page: Page, themes: Any, organisation: Any) -> None:
    log_in(page, organisation.users["inhoudsbeheerder"])
    page.goto("/zorgwijzer/themas/beheer/")
    page.get_by_role("link", name="Naam en inleiding van Slaap wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thema wijzigen: Slaap")
    page.get_by_label("Inleiding in het Engels").fill("Too short.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De Engelse tekst is te kort.").first).to_be_visible()
    check_page(page, "healththemes-theme-form")

    page.get_by_label("Naam in het Engels").fill("Sleeping well")
    page.get_by_label("Inleiding in het Engels").fill("Tips for sleeping well between shifts, and where to find help.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het thema is opgeslagen.")).to_be_visible()
    assert HealthTheme.objects.get(slug="slaap").name_en == "Sleeping well"
