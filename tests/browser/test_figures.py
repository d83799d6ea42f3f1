"""The facts & figures page in a real browser: public, zero axe violations, no sideways scroll on a phone."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures_loaded() -> None:
    """Transactional tests flush the database, data migrations included: load the figures again."""
    importlib.import_module("organisation.migrations.0002_units").create_units(django_apps, None)
    importlib.import_module("figures.migrations.0002_section_2").load_section_2(django_apps, None)


def test_figures_page_is_public_and_accessible(page: Page, figures_loaded: None) -> None:
    page.goto("/zorgwijzer/feiten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Feiten en cijfers")
    expect(page.locator("caption")).to_have_count(4)
    violence = page.get_by_role("region", name="Tien meest voorkomende vormen van geweld")
    expect(violence.get_by_role("row").nth(1)).to_contain_text("Belediging")
    expect(page.get_by_role("cell", name="6,7%")).to_be_visible()
    assert_accessible(page)


def test_figures_page_does_not_scroll_sideways_on_a_phone(page: Page, figures_loaded: None) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/zorgwijzer/feiten/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at 390 px ({width} px wide)"
    assert_accessible(page)
