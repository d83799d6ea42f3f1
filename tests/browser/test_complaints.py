"""Klachten ongewenst gedrag as people use it: the klachtcoördinator records a complaint, adds its
elements, moves it through intake to the committee, records the committee's advice and an extra
point, and records the decision — deviating on one element only once a reason is written. The
complainant then sees only the status. axe-core checks every page; screenshots at 390 and 1280 px
go to test-artifacts/."""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest
from django.apps import apps as django_apps
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from access import requires_two_factor
from complaints.models import Complaint
from organisation.constants import Role
from organisation.tests.factories import PASSWORD
from tests.browser.conftest import check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def complaint_lists(db: None, settings: Any, tmp_path: Any) -> None:
    """Transactional tests flush the database, data migrations included: load the categories again."""
    settings.COMPLAINTS_DOCUMENT_ROOT = tmp_path / "klachten"
    importlib.import_module("complaints.migrations.0002_load_categories").load(django_apps, None)


def log_in(page: Page, user: Any) -> None:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="telefoon", defaults={"confirmed": True})
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if requires_two_factor(user):
        page.get_by_label(re.compile(r"Code uit (je|uw) authenticator-app")).fill(f"{TOTP(device.bin_key).token():06d}")
        page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def check(page: Page, name: str) -> None:
    check_page(page, f"complaints-{name}")


def move_to(page: Page, stage: str) -> None:
    page.get_by_label("Naar fase").select_option(label=stage)
    page.get_by_role("button", name="Fase wijzigen").click()
    expect(page.get_by_role("status")).to_have_text("De fase is gewijzigd.")
    expect(page.get_by_test_id("stage")).to_have_text(stage)


@pytest.mark.slow
def test_a_coordinator_takes_a_complaint_from_intake_through_the_committee_to_a_decision(
    page: Page, organisation: Any
) -> None:
    people = organisation.people
    log_in(page, organisation.users[Role.KLACHTCOORDINATOR])
    page.goto("/klachten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Klachten ongewenst gedrag")
    check(page, "overzicht-leeg")
    page.get_by_role("link", name="Klacht vastleggen").click()
    page.get_by_role("button", name="Klacht vastleggen").click()  # nothing filled in: errors at the fields
    expect(page.get_by_text("Beschrijf waar de klacht over gaat.").first).to_be_visible()
    check(page, "vastleggen-fouten")
    page.get_by_label("Ontvangen op").fill("2024-02-21")
    page.get_by_label("Eenheid").select_option(label="Testeenheid")
    page.get_by_label("Rechtstreeks").check()
    page.get_by_label("Personeelsnummer van de klager").fill(people[Role.MEDEWERKER].employee_number)
    page.get_by_label("Beklaagden die niet in het personeelsbestand staan").fill("Een externe trainer")
    page.get_by_label("Inhoud van de klacht").fill("Tijdens een training werd de klager uitgelachen.")
    page.get_by_role("button", name="Klacht vastleggen").click()
    expect(page.get_by_role("status")).to_have_text("De klacht is vastgelegd.")
    complaint = Complaint.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Klacht {complaint.reference}")
    check(page, "klacht-ontvangen")

    for category, summary in (("Bejegening", "Uitgelachen tijdens de training"), ("Privacy", "Verhaal gedeeld")):
        page.get_by_label("Soort klacht").select_option(label=category)
        page.get_by_label("Korte omschrijving").fill(summary)
        page.get_by_role("button", name="Onderdeel toevoegen").click()
        expect(page.get_by_role("status")).to_have_text("Het klachtonderdeel is toegevoegd.")
    page.get_by_label("Klachtbehandelaar").select_option(label=people[Role.KLACHTBEHANDELAAR].full_name)
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_role("status")).to_have_text("De behandeling is toegewezen.")

    page.get_by_label("Naar fase").select_option(label="Beschouwd als ingetrokken")
    page.get_by_role("button", name="Fase wijzigen").click()  # no contact attempts yet: refused at the field
    expect(page.locator("#id_to_stage-error")).to_contain_text("contactpogingen")
    check(page, "fase-geweigerd")

    move_to(page, "Intake")
    move_to(page, "Bij de klachtencommissie")
    page.get_by_role("link", name="Advies van de commissie vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Advies van de commissie")
    page.get_by_role("group", name="Onderdeel 1", exact=False).get_by_label("Advies").select_option(label="Gegrond")
    page.get_by_role("group", name="Onderdeel 2", exact=False).get_by_label("Advies").select_option(label="Ongegrond")
    check(page, "advies")
    page.get_by_role("button", name="Advies opslaan").click()
    expect(page.get_by_role("status")).to_have_text("Het advies van de commissie is vastgelegd.")
    page.get_by_label("Extra punt om te onderzoeken").fill("Onderzoek wie het verhaal verder vertelde.")
    page.get_by_role("button", name="Punt toevoegen").click()
    expect(page.get_by_text("Onderzoek wie het verhaal verder vertelde.")).to_be_visible()
    move_to(page, "Besluit")

    page.get_by_role("link", name="Besluit vastleggen").click()
    second = page.get_by_role("group", name="Onderdeel 2", exact=False)
    second.get_by_label("Besluit").select_option(label="Gegrond")  # deviates from "ongegrond"
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.locator("#id_onderdeel-2-reason-error")).to_contain_text("afwijkt van het advies")
    expect(page.locator("#id_onderdeel-1-reason-error")).to_have_count(0)
    check(page, "besluit-fout")
    page.get_by_role("group", name="Onderdeel 2", exact=False).get_by_label(
        "Reden om af te wijken van het advies"
    ).fill("Uit de zienswijzen blijkt dat het verhaal wel werd gedeeld.")
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_role("status")).to_have_text("Het besluit is vastgelegd.")
    move_to(page, "Besluit meegedeeld")
    check(page, "klacht-besluit")
    assert list(complaint.elements.order_by("position").values_list("verdict", flat=True)) == ["gegrond", "gegrond"]

    page.goto("/klachten/doorlooptijden/")
    check(page, "doorlooptijden")
    page.goto("/klachten/statistiek/")
    check(page, "statistiek")
    page.goto("/klachten/soorten/")
    check(page, "soorten")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/klachten/mijn/")
    check(page, "mijn-klachten")
    page.get_by_role("link", name=f"Klacht {complaint.reference}", exact=False).click()
    expect(page.get_by_test_id("stage")).to_have_text("Besluit meegedeeld")
    expect(page.get_by_text("uitgelachen")).to_have_count(0)
    check(page, "status")
    response = page.goto(f"/klachten/{complaint.pk}/")
    assert response is not None and response.status == 404
