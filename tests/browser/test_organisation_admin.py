"""The beheerder's organisation pages in a browser (issue 15 §5), at 390 and 1280 px with axe:
"Nu importeren" after a clean check of an HR file, and picking a person and a team by searching
when granting a role."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import FilePayload, Page, expect

from organisation.constants import Role
from organisation.models import Person, RoleAssignment
from organisation.tests.factories import PersonFactory
from organisation.tests.test_hr_import import ROWS, csv_bytes
from tests.browser.conftest import check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def units(db: None) -> None:
    """Transactional tests flush the database, data migrations included: the HR file names these units."""
    importlib.import_module("organisation.migrations.0002_units").create_units(django_apps, None)


def test_a_clean_check_is_imported_with_one_click(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    page.goto("/organisatie/import/")
    page.get_by_label("HR-bestand (CSV)").set_input_files(
        files=[FilePayload(name="hr.csv", mimeType="text/csv", buffer=csv_bytes(*ROWS))]
    )
    expect(page.get_by_label("Alleen controleren (proefimport)")).to_be_checked()
    page.get_by_role("button", name="Bestand verwerken").click()
    confirm = page.get_by_test_id("import-confirm")
    expect(confirm.get_by_role("button", name="Nu importeren")).to_be_visible()
    assert not Person.objects.filter(employee_number="1001").exists()
    check_page(page, "hr-import-checked")

    page.set_viewport_size({"width": 390, "height": 844})
    stale_copy = confirm.evaluate("form => form.outerHTML")  # as if a second tab still showed the check
    confirm.get_by_role("button", name="Nu importeren").click()
    expect(page.get_by_text("De import is voltooid.")).to_be_visible()
    assert Person.objects.filter(employee_number__in=["1001", "1002", "1003", "1004"]).count() == 4

    page.evaluate("html => document.querySelector('main').insertAdjacentHTML('beforeend', html)", stale_copy)
    page.get_by_test_id("import-confirm").get_by_role("button", name="Nu importeren").click()  # a second click
    expect(page.get_by_test_id("import-refused")).to_contain_text("Dit bestand is al geïmporteerd")
    check_page(page, "hr-import-refused")


def test_a_role_is_granted_by_searching_the_person_and_the_team(page: Page, organisation: Any) -> None:
    newcomer: Any = PersonFactory(
        team=organisation.team, employee_number="777001", first_name="Noor", last_name="Nieuw"
    )
    log_in(page, organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    page.goto("/organisatie/rollen/toekennen/")
    person = page.get_by_test_id("picker-persoon")
    person.get_by_label("Zoek op naam of personeelsnummer").fill("noor nie")
    person.get_by_label("Noor Nieuw (777001)").check()
    page.get_by_label("Rol", exact=True).select_option("leidinggevende")
    node = page.get_by_test_id("picker-onderdeel")
    node.get_by_label("Zoek een team, district of afdeling").fill("noord")
    node.get_by_label("Team Noord").check()
    check_page(page, "role-picker")

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Rol toekennen").click()
    expect(page.get_by_role("status").first).to_contain_text("Noor Nieuw heeft nu de rol Leidinggevende")
    assignment = RoleAssignment.objects.get(user__person__pk=newcomer.pk)
    assert (assignment.role, assignment.node.code if assignment.node else None) == ("leidinggevende", "TNOORD")
