"""The home page after login says what needs the user, and the menu fits a phone (issue 15 §2):
a manager on a phone sees their overdue step and opens it in one click; the menu sits behind a
Menu button on a phone and is grouped in areas; axe on every page."""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from aftercare.tests.conftest import register
from organisation.constants import Role
from tests.browser.conftest import check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def aftercare_lists(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the types and template again."""
    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(django_apps, None)


def test_a_manager_on_a_phone_opens_their_overdue_step_from_the_home_page(page: Page, organisation: Any) -> None:
    (plan,) = register(organisation, when=timezone.now() - timedelta(days=3))
    contact = plan.steps.get(kind="contact")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/")
    work = page.get_by_test_id("work")
    expect(work.get_by_text("Te laat").first).to_be_visible()
    check_page(page, "home-manager")
    page.set_viewport_size({"width": 390, "height": 844})
    work.get_by_role("link", name=f"Open de stap: {contact.title}").click()
    expect(page).to_have_url(f"{page.url.split('#')[0].split('/nazorg/')[0]}/nazorg/plan/{plan.pk}/#step-{contact.pk}")
    expect(page.locator(f"#step-{contact.pk}")).to_be_visible()


def test_the_menu_is_grouped_and_behind_a_button_on_a_phone(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_text("Zorg en hulp", exact=True)).to_be_visible()
    expect(menu.get_by_text("Mijn team", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()  # wide screen: the whole menu shows

    page.set_viewport_size({"width": 390, "height": 844})
    button = page.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    expect(
        page.get_by_role("banner").get_by_role("link", name="Direct hulp")
    ).to_be_visible()  # help stays one tap away
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Nazorg in mijn team")).to_be_visible()
    check_page(page, "menu-open")
    page.set_viewport_size({"width": 390, "height": 844})  # back on a phone the menu starts closed
    expect(menu).to_be_hidden()
    button.click()
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()
