"""The pages behind the navigation, used as a person would: forms with errors, htmx search,
detail pages, confirmation steps and error pages. axe-core checks every state."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from playwright.sync_api import Page, expect

from core.models import AuditAction, AuditEvent
from organisation.models import Person, RoleAssignment
from organisation.tests.factories import PASSWORD
from tests.browser.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_import_with_a_bad_row_shows_the_row_and_field_and_writes_nothing(
    page: Page, organisation: Any, tmp_path: Path
) -> None:
    log_in(page, organisation.users["functioneel_beheerder"])
    csv = tmp_path / "hr.csv"
    csv.write_text(
        "personeelsnummer;voornaam;achternaam;eenheid;team;teamcode\n"
        "900001;Sanne;de Vries;Testeenheid;Noodhulp;TNH\n"
        "900002;Daan;Jansen;Amstredam;Recherche;TRE\n",
        encoding="utf-8",
    )
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="HR-import").click()
    assert_accessible(page)
    page.get_by_label("HR-bestand (CSV)").set_input_files(str(csv))
    page.get_by_label("Alleen controleren (proefimport)").uncheck()
    page.get_by_role("button", name="Bestand verwerken").click()
    error_row = page.get_by_test_id("import-errors").locator("tbody tr")
    expect(error_row).to_have_count(1)
    # Row 3 as a spreadsheet counts (the header is row 1), the column, and the bad value.
    expect(error_row.locator("td")).to_have_text([re.compile("^3$"), re.compile("eenheid"), re.compile("Amstredam")])
    expect(page.get_by_role("alert").first).to_contain_text("Er is niets opgeslagen")
    assert_accessible(page)
    assert not Person.objects.filter(employee_number__in=["900001", "900002"]).exists()


def test_people_search_updates_the_list_in_place_and_a_detail_read_is_audited(page: Page, organisation: Any) -> None:
    manager = organisation.users["leidinggevende"]
    log_in(page, manager)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Medewerkers").click()
    assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the table widens the page at 360 px"
    page.get_by_label("Zoek op naam of personeelsnummer").fill("Bedrijfsarts")
    results = page.locator("#people-results")
    expect(results.get_by_role("link")).to_have_count(1)
    assert page.url.endswith("zoek=Bedrijfsarts")  # shareable URL, pushed by htmx
    results.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bedrijfsarts")
    assert_accessible(page)
    person = organisation.people["bedrijfsarts"]
    assert AuditEvent.objects.filter(
        action=AuditAction.READ, actor=manager, subject_employee_number=person.employee_number
    ).exists()


def test_unit_page_shows_the_tree(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users["medewerker"])
    page.goto(f"/organisatie/eenheid/{organisation.unit.code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(organisation.unit.name)
    expect(page.get_by_text("Team Noord")).to_be_visible()
    assert_accessible(page)


def test_granting_a_role_without_scope_explains_the_error_and_revoking_asks_first(
    page: Page, organisation: Any
) -> None:
    log_in(page, organisation.users["functioneel_beheerder"])
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rollen").click()
    assert_accessible(page)
    target = organisation.people["medewerker"]
    person = page.get_by_test_id("picker-persoon")
    person.get_by_label("Zoek op naam of personeelsnummer").fill(target.employee_number)
    person.get_by_label(f"{target.full_name} ({target.employee_number})").check()
    page.get_by_label("Rol", exact=True).select_option("leidinggevende")
    page.get_by_role("button", name="Rol toekennen").click()
    expect(page.locator(".utrecht-form-field-error-message").first).to_contain_text("organisatieonderdeel")
    assert_accessible(page)

    assignment = RoleAssignment.objects.get(user=organisation.users["bedrijfsarts"])
    page.goto(f"/organisatie/rollen/{assignment.pk}/intrekken/")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, rol intrekken").click()
    expect(page.get_by_role("status").first).to_contain_text("ingetrokken")
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_not_found_and_forbidden_pages_are_dutch_and_accessible(page: Page, organisation: Any) -> None:
    page.goto("/bestaat-niet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet")
    assert_accessible(page)
    log_in(page, organisation.users["medewerker"])
    page.goto("/beheer/audittrail/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Je hebt geen toegang tot deze pagina")
    assert_accessible(page)


@override_settings(AXES_FAILURE_LIMIT=2)
def test_repeated_wrong_passwords_lock_the_account_with_a_dutch_page(page: Page, organisation: Any) -> None:
    user = organisation.users["medewerker"]
    for _ in range(2):
        page.goto("/account/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account tijdelijk geblokkeerd")
    assert_accessible(page)
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account tijdelijk geblokkeerd")
    expect(page).not_to_have_url(re.compile(r".*/account/$"))
