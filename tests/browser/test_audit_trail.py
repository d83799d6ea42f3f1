"""The audit trail in a browser (issue 15 §5): names instead of codes, the person filter, the export
link, at 390 and 1280 px with axe and without sideways scrolling. And the forms polish: a required
field is not drawn as an error before the user did anything (aftercare's "new event" form)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.models import RoleAssignment
from tests.browser.conftest import check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_beheerder_reads_and_filters_the_trail_on_a_phone_and_a_desktop(page: Page, organisation: Any) -> None:
    beheerder = organisation.users[Role.FUNCTIONEEL_BEHEERDER]
    holder = organisation.people[Role.BMW]
    assignment = RoleAssignment.objects.get(user=organisation.users[Role.BMW])
    for _ in range(3):
        AuditEvent.objects.create(
            actor=beheerder,
            actor_username=beheerder.username,
            actor_roles="functioneel_beheerder,medewerker",
            action=AuditAction.CREATE,
            object_type="organisation.roleassignment",
            object_id=str(assignment.pk),
            subject_employee_number=holder.employee_number,
            fields=["role", "unit"],
            request_id="5f0c8d1e9a7b4c2d8e6f1a3b5c7d9e0f",
        )
    log_in(page, beheerder)
    page.goto("/beheer/audittrail/")
    events = page.get_by_test_id("audit-events")
    expect(events.get_by_text("Roltoekenning: Bedrijfsmaatschappelijk werker").first).to_be_visible()
    expect(events.get_by_text(holder.full_name).first).to_be_visible()
    expect(page.get_by_test_id("audit-export")).to_be_visible()
    check_page(page, "audit-trail")

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_label("Persoon").fill(str(holder.last_name))
    page.get_by_role("button", name="Zoeken").click()
    expect(events.get_by_text("Bedrijfsmaatschappelijk werker").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_page(page, "audit-trail-filtered")


@pytest.fixture
def aftercare_lists(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the types and template again."""
    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(django_apps, None)


def test_a_required_choice_is_not_drawn_as_an_error_before_the_user_answers(
    page: Page, organisation: Any, aftercare_lists: None
) -> None:
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/nazorg/melden/")
    radios = page.locator("input[type=radio][required]")
    expect(radios.first).to_be_visible()
    name = radios.first.get_attribute("name")
    group = page.locator(f"input[type=radio][name='{name}']")
    style = "element => { const s = getComputedStyle(element); return [s.borderColor, s.borderWidth]; }"
    untouched = group.nth(1).evaluate(style)
    group.nth(0).check()
    answered = group.nth(1).evaluate(style)  # a valid, unchecked radio of the same group
    assert untouched == answered, "an unanswered required radio is drawn differently from a valid one"
    check_page(page, "form-aftercare-register")
