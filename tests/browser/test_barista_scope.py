"""Where Barista runs, in a browser at 390 and 1280 px with axe: the functioneel beheerder switches
the pilot team on, and the employee reads on their own page that Barista runs for them.
Screenshots go to test-artifacts/."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from barista.models import Scope
from organisation.constants import Role
from tests.browser.conftest import check_page, log_in
from tests.browser.test_aftercare import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reference_data(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load what Barista needs."""
    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(django_apps, None)
    importlib.import_module("barista.migrations.0002_types_rules_backfill").forwards(django_apps, None)


def test_the_beheerder_switches_the_pilot_team_on_and_the_employee_sees_it(
    page: Page, reference_data: None, organisation: Any
) -> None:
    employee = organisation.users[Role.MEDEWERKER]
    log_in(page, employee)
    page.goto("/barista/mijn-signalen/")
    expect(page.get_by_test_id("barista-scope-off")).to_be_visible()
    log_out(page)

    log_in(page, organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    page.goto("/barista/bereik/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Waar Barista aan staat")
    expect(page.get_by_test_id("scope-empty")).to_be_visible()
    check_page(page, "barista-bereik-leeg")
    page.get_by_label(f"{organisation.team.name} ({organisation.unit.name})").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("table")).to_contain_text(organisation.team.name)
    check_page(page, "barista-bereik")
    assert [row.team_id for row in Scope.objects.all()] == [organisation.team.pk]
    log_out(page)

    log_in(page, employee)
    page.goto("/barista/mijn-signalen/")
    expect(page.get_by_test_id("barista-scope-on")).to_contain_text(organisation.team.name)
    check_page(page, "barista-mijn-signalen-bereik")
