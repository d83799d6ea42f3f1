"""An employee on a phone, on any page, calls the 24/7 Loket with one tap; Direct hulp shows the
published numbers as tel: links (the numbers come from the catalogue, catalogue/help_lines.py)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, ViewportSize, expect

from catalogue import selectors
from catalogue.constants import LOKET_PROVISION, ChannelKind
from catalogue.models import ContactChannel, Provision
from tests.browser.conftest import check_page

pytestmark = pytest.mark.once  # reading pages on a phone: the same on every database engine
PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def published_number(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    importlib.import_module("organisation.migrations.0002_units").create_units(django_apps, None)
    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)
    loket = Provision.objects.get(edition=selectors.current_edition(), slug=LOKET_PROVISION)
    ContactChannel.objects.create(
        provision=loket, kind=ChannelKind.PHONE, label=loket.name, value="0800-123 45 67", availability="dag en nacht"
    )


@pytest.mark.parametrize("path", ["/", "/zorgwijzer/", "/zelftest/", "/zorgwijzer/themas/", "/zorgwijzer/feiten/"])
def test_on_a_phone_every_page_offers_the_24_7_loket_in_one_tap(page: Page, published_number: Any, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(path)
    call = page.get_by_test_id("header-loket")
    expect(call).to_be_visible()
    expect(call).to_have_attribute("href", "tel:08001234567")
    box = call.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= PHONE["height"], "visible without scrolling"
    assert box["height"] >= 44, "a tap target of at least 44 px"


def test_direct_hulp_lists_the_published_numbers_as_links_to_call(page: Page, published_number: Any) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/")
    page.get_by_role("link", name="Direct hulp").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Direct hulp")
    expect(page.get_by_test_id("loket-number").get_by_role("link")).to_have_attribute("href", "tel:08001234567")
    expect(page.get_by_role("link", name="0800-0113")).to_have_attribute("href", "tel:08000113")
    check_page(page, "help-numbers")
