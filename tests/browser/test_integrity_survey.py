"""The screening questionnaire in the browser: VIK opens a period, a screened employee answers on
a 390 px phone without an account (a missing answer is refused at the question), VIK closes the
period and reads the results. axe at 390 and 1280 px on every page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from playwright.sync_api import Browser, BrowserContext, Page, expect

from integrity import survey
from integrity.tests import factories
from organisation.constants import Role
from tests.browser.conftest import assert_accessible, check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


def _check_both_widths(tab: Page, name: str) -> None:
    """axe at phone and at desktop width, then the screenshots (and the 390 px width check)."""
    for width in (390, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        assert_accessible(tab)
    check_page(tab, name)


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_vik_opens_a_period_an_employee_answers_on_a_phone_and_vik_reads_the_results(
    page: Page, phone: BrowserContext, organisation: Any
) -> None:
    factories.load_cards()
    log_in(page, organisation.users[Role.VIK_INTEGRITEIT])
    page.goto("/integriteit/screening/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vragenlijst na de screening")
    _check_both_widths(page, "integrity-survey-rounds")
    page.get_by_label("Naam van de periode").fill("Screeningsgesprekken voorjaar")
    page.get_by_role("button", name="Periode openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vragenlijst na de screening: Screeningsgesprekken voorjaar"
    )
    expect(page.get_by_role("img", name="QR-code van de vragenlijst over de screening")).to_be_visible()
    _check_both_widths(page, "integrity-survey-round-open")
    link = page.get_by_test_id("survey-link").inner_text()

    employee = phone.new_page()
    employee.goto(link)
    expect(employee.get_by_role("heading", level=1)).to_have_text("Hoe was je screening?")
    _check_both_widths(employee, "integrity-survey-answer")
    employee.set_viewport_size({"width": 390, "height": 844})
    for question in survey.QUESTIONS[1:]:
        employee.locator(f'input[name="{question.key}"]').first.check()
    employee.get_by_role("button", name="Verstuur mijn antwoorden").click()
    # The first question was skipped: the page says so at the question and keeps the other answers.
    expect(employee.get_by_text("Kies een antwoord bij deze vraag.").first).to_be_visible()
    expect(employee.locator('input[name="tijd"]').first).to_be_checked()
    _check_both_widths(employee, "integrity-survey-answer-error")
    employee.set_viewport_size({"width": 390, "height": 844})
    employee.get_by_role("radio", name="Goed", exact=True).first.check()
    employee.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(employee.get_by_test_id("survey-thanks")).to_be_visible()
    _check_both_widths(employee, "integrity-survey-thanks")

    from integrity.models import SurveyRound

    found = SurveyRound.objects.get()
    for _ in range(4):  # four colleagues answered on their own phones
        factories.survey_response(found.pk, algemeen="goed")
    page.reload()
    page.get_by_label("Ik weet dat er na het sluiten geen antwoorden meer bij kunnen").check()
    page.get_by_role("button", name="Sluit deze periode").click()
    expect(page.get_by_test_id("survey-responses")).to_have_text("5 mensen vulden de vragenlijst in.")
    table = page.get_by_test_id("survey-question-algemeen")
    expect(table.locator("tbody tr").nth(1)).to_contain_text("Goed")
    expect(table.locator("tbody tr").nth(1).locator("td").first).to_have_text("5")
    _check_both_widths(page, "integrity-survey-results")
