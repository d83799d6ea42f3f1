"""Beroepsrisico and buddies as people use them: an employee gives consent and reads where their
case is; the casemanager records the next stage; the TCO coordinator tries an untrained buddy and
is stopped at the field, then matches a trained one. axe at 390 and 1280 px on each page."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from casework.tests.factories import buddy, flagged_plan
from organisation.constants import Role
from organisation.tests.factories import PersonFactory
from tests.browser.conftest import assert_accessible, check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    import importlib

    from django.apps import apps as django_apps

    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)


def check_both_widths(page: Page, name: str) -> None:
    """axe at phone width, then at desktop width (check_page also takes both screenshots)."""
    page.set_viewport_size({"width": 390, "height": 900})
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    check_page(page, name)


def test_the_employee_gives_consent_and_reads_where_the_case_is(page: Page, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    flagged_plan(employee)
    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/beroepsrisico/")
    check_both_widths(page, "casework-own")
    page.get_by_role("button", name="Toestemming geven").click()
    expect(page.get_by_text("Vink aan dat je toestemming geeft.")).to_be_visible()
    page.get_by_label("Ik geef Team Beroepsrisico toestemming om mijn zaak op te pakken.").check()
    page.get_by_role("button", name="Toestemming geven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn zaak bij Team Beroepsrisico")
    expect(page.get_by_test_id("case-status")).to_contain_text("Je zaak is gemeld bij Team Beroepsrisico")
    expect(page.get_by_test_id("case-route")).to_contain_text("hier staat je zaak nu")
    check_both_widths(page, "casework-my-case")


def test_the_casemanager_records_the_next_stage(page: Page, organisation: Any) -> None:
    from casework import services

    employee = organisation.people[Role.MEDEWERKER]
    services.consent_give(plan=flagged_plan(employee), actor=employee.user)
    log_in(page, organisation.users[Role.CASEMANAGER])
    page.goto("/beroepsrisico/zaken/")
    check_both_widths(page, "casework-cases")
    page.get_by_role("link", name=employee.full_name).click()
    check_both_widths(page, "casework-case")
    page.get_by_label("Registratie van het verzoek").check()
    page.get_by_role("button", name="Fase vastleggen").click()
    expect(page.get_by_text("Schrijf kort op waarom de zaak naar deze fase gaat.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Registratie van het verzoek").check()
    page.get_by_label("Toelichting").fill("Intake gehouden, verzoek ingediend.")
    page.get_by_role("button", name="Fase vastleggen").click()
    expect(page.get_by_test_id("case-facts")).to_contain_text("Registratie van het verzoek")
    expect(page.get_by_test_id("case-history")).to_contain_text("Intake gehouden, verzoek ingediend.")
    check_both_widths(page, "casework-case-registered")


def test_the_coordinator_cannot_match_an_untrained_buddy_and_matches_a_trained_one(
    page: Page, organisation: Any
) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    flagged_plan(employee)
    novice = buddy(PersonFactory(team=organisation.team, first_name="Nina", last_name="Nieuw"), trained_days_ago=None)
    trained = buddy(organisation.people[Role.COLLEGIAAL_ONDERSTEUNER], trained_days_ago=30)
    assert novice.pk and trained.pk and timezone.now()
    log_in(page, organisation.users[Role.COORDINATOR_TCO])
    page.goto("/buddys/")
    check_both_widths(page, "casework-buddies")
    page.get_by_role("link", name="Buddy koppelen").click()
    expect(page.get_by_label("Buddy", exact=True)).to_be_visible()
    check_both_widths(page, "casework-match-form")
    page.get_by_label("Medewerker", exact=True).select_option(index=1)
    page.get_by_label("Buddy", exact=True).select_option(
        label=f"Nina Nieuw ({organisation.unit.name}): opleiding niet afgerond"
    )
    page.get_by_label("De medewerker wil een buddy").check()
    page.get_by_role("button", name="Koppelen").click()
    expect(
        page.get_by_text("Deze buddy heeft de opleiding nog niet afgerond en kan niet gekoppeld worden.", exact=True)
    ).to_be_visible()
    check_both_widths(page, "casework-match-form-error")
    page.get_by_label("Buddy", exact=True).select_option(
        label=f"{trained.person.full_name} ({organisation.unit.name}): kan gekoppeld worden"
    )
    page.get_by_label("De medewerker wil een buddy").check()
    page.get_by_role("button", name="Koppelen").click()
    expect(page.get_by_test_id("pool-matches")).to_contain_text(employee.full_name)


def test_the_employee_sees_their_buddy_and_the_buddy_sees_the_match(page: Page, organisation: Any) -> None:
    from casework.tests.factories import match

    employee = organisation.people[Role.MEDEWERKER]
    buddy_person = organisation.people[Role.COLLEGIAAL_ONDERSTEUNER]
    buddy_person.email = "buddy@example.org"
    buddy_person.save()
    match(buddy(buddy_person, phone="06-12345678"), employee)
    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/buddys/mijn-buddy/")
    expect(page.get_by_test_id("own-buddy")).to_contain_text(buddy_person.full_name)
    expect(page.get_by_role("link", name="06-12345678")).to_have_attribute("href", "tel:06-12345678")
    check_both_widths(page, "casework-my-buddy")
    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    page.goto("/buddys/mijn-koppelingen/")
    expect(page.get_by_test_id("buddy-matches")).to_contain_text(employee.full_name)
    check_both_widths(page, "casework-my-matches")
