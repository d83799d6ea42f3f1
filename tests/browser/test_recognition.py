"""Waardering en erkenning, the home front and former colleagues as people use them: a partner
opens /thuisfront/ on a phone without logging in and finds the 24/7 Loket and the leaflet; a
former colleague opens /oud-collegas/; an employee sends a Blauw Hart; their manager sees the
jubilee list. axe-core at 390 and 1280 px on every page; screenshots go to test-artifacts/."""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from organisation.constants import Role
from tests.browser.conftest import assert_accessible, check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load them again, with a Loket number."""
    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)
    importlib.import_module("recognition.migrations.0002_first_edition").load(django_apps, None)
    from catalogue.constants import LOKET_PROVISION, ChannelKind
    from catalogue.models import ContactChannel, Provision
    from catalogue.tests.factories import current_edition

    provision = Provision.objects.get(edition=current_edition(), slug=LOKET_PROVISION)
    ContactChannel.objects.create(
        provision=provision, kind=ChannelKind.PHONE, label=provision.name, value="0800-123 45 67"
    )


def check_both_widths(page: Page, name: str) -> None:
    """axe at phone width, then at desktop width (check_page also takes both screenshots)."""
    page.set_viewport_size({"width": 390, "height": 900})
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    check_page(page, name)


def test_a_partner_opens_the_home_front_page_on_a_phone_without_logging_in(page: Page, content: None) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/thuisfront/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Voor partners en gezin van politiemensen")
    expect(page.get_by_test_id("loket-number").get_by_role("link")).to_have_attribute("href", "tel:08001234567")
    expect(page.get_by_test_id("share-url")).to_contain_text("/thuisfront/")
    check_both_widths(page, "homefront")
    # A PDF renders in seconds on a loaded machine: more time than the default 10 s for this request.
    leaflet = page.request.get(page.get_by_test_id("leaflet-link").get_attribute("href") or "", timeout=60_000)
    assert leaflet.ok and leaflet.headers["content-type"] == "application/pdf"
    page.get_by_role("link", name="Informatie voor oud-collega's").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voor oud-collega's")
    expect(page.get_by_test_id("loket-number").get_by_role("link")).to_have_attribute("href", "tel:08001234567")
    check_both_widths(page, "homefront-former")


def test_an_employee_sends_a_blue_heart_and_the_manager_sees_the_jubilee_list(
    page: Page, content: None, organisation: Any
) -> None:
    from recognition.jubilees import add_months

    colleague = organisation.people[Role.BMW]
    colleague.email = "collega@example.org"
    colleague.save()
    employee = organisation.people[Role.MEDEWERKER]
    employee.service_start_date = add_months(timezone.localdate() + timedelta(days=30), -300)
    employee.appointment_type = "politieambtenaar"
    employee.save()

    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/erkenning/")
    expect(page.get_by_test_id("own-jubilee")).to_contain_text("25 jaar in dienst")
    check_both_widths(page, "recognition-index")
    page.get_by_role("link", name="Stuur een collega een Blauw Hart").first.click()
    page.get_by_label("Collega").fill("onbekend@example.org")
    page.get_by_role("button", name="Blauw Hart versturen").click()
    expect(page.get_by_text("We vinden geen collega in dienst", exact=False).last).to_be_visible()
    check_both_widths(page, "recognition-blue-heart-error")
    page.get_by_label("Collega").fill("collega@example.org")
    page.get_by_label("Je bedankje").fill("Dank voor je hulp na die nacht.")
    page.get_by_role("button", name="Blauw Hart versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn Blauwe Harten")
    check_both_widths(page, "recognition-blue-hearts")
    page.goto("/erkenning/informatie/politiemedaille-en-legpenning/")
    check_both_widths(page, "recognition-page")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/erkenning/mijn-team/")
    jubilee = page.get_by_test_id("jubilee")
    expect(jubilee).to_contain_text("25 jaar in dienst")
    expect(jubilee.get_by_test_id("medal")).to_have_text("Politiemedaille")
    check_both_widths(page, "recognition-team")
    jubilee.get_by_role("button").click()
    expect(page.get_by_test_id("jubilee")).to_contain_text("Geregeld op")
