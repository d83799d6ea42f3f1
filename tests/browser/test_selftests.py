"""The self-tests on a phone (360 px): both tests and the Mirror's colleague mode, start to
result, with axe-core at every step; back and forward keep the answers; it also works without
JavaScript."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 360, "height": 780}


@pytest.fixture
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    content = importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023")
    content.load(django_apps, None)


@pytest.fixture
def phone(page: Page, catalogue: None) -> Page:
    page.set_viewport_size(PHONE)
    return page


@pytest.fixture
def no_script_phone(browser: Browser, live_server: Any, catalogue: None) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE, java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def _check_step(page: Page) -> None:
    assert_accessible(page)
    _fits(page)


def _answer_all(page: Page, label: str, overrides: dict[str, str] | None = None) -> None:
    """In every question on the page choose ``label`` (or the override for a question whose
    legend contains the key)."""
    fieldsets = page.locator("form fieldset")
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        legend = fieldset.locator("legend").inner_text()
        choice = next((value for key, value in (overrides or {}).items() if key in legend), label)
        fieldset.get_by_label(choice, exact=True).check()


def _submit(page: Page, button: Locator) -> None:
    """Press a form button and wait for the next page (each step is a full page load)."""
    with page.expect_navigation():
        button.click()


def _next(page: Page) -> None:
    form = page.locator("form[method=post]").last
    _submit(page, form.get_by_role("button", name="Volgende").or_(form.get_by_role("button", name="Bekijk je uitslag")))


def test_mentale_fitheid_on_a_phone_with_the_zeden_module(phone: Page) -> None:
    page = phone
    page.goto("/zelftest/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zelftests")
    _check_step(page)
    _submit(page, page.get_by_role("link", name="Zelftest Mentale Fitheid"))
    _check_step(page)
    _submit(page, page.get_by_role("button", name="Begin met de test"))
    expect(page.locator("#voortgang")).to_have_text("Stap 1 van 5")
    _check_step(page)

    # Without answers the step comes back with a message at every question.
    _next(page)
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.get_by_text("Kies een antwoord bij deze vraag.").first).to_be_visible()
    _check_step(page)
    page.screenshot(path="test-artifacts/selftest-step-errors-360.png", full_page=True)

    _answer_all(page, "Vaak", {"zeden": "Ja"})
    _next(page)
    expect(page.locator("#voortgang")).to_have_text("Stap 2 van 6")  # the zeden module is added
    _answer_all(page, "Soms")
    _check_step(page)

    # Back keeps the answers of both steps; forward again shows them checked.
    _submit(page, page.get_by_role("button", name="Vorige"))
    expect(page.locator("#voortgang")).to_have_text("Stap 1 van 6")
    expect(page.locator("fieldset").first.get_by_label("Vaak", exact=True)).to_be_checked()
    _next(page)
    expect(page.locator("fieldset").first.get_by_label("Soms", exact=True)).to_be_checked()
    _next(page)

    expect(page.get_by_role("heading", name="Je werk: invloed en steun")).to_be_visible()
    _answer_all(page, "Soms")
    _check_step(page)
    _next(page)
    expect(page.get_by_role("heading", name="Werken met heftig beeldmateriaal")).to_be_visible()
    _answer_all(page, "Vaak")
    _check_step(page)
    _next(page)
    _answer_all(page, "Soms")
    _check_step(page)
    _next(page)
    expect(page.locator("#voortgang")).to_have_text("Stap 6 van 6")
    _answer_all(page, "Nee")
    _check_step(page)
    _submit(page, page.get_by_role("button", name="Bekijk je uitslag"))

    expect(page.get_by_role("heading", level=1)).to_contain_text("Je uitslag")
    expect(page.get_by_test_id("band")).to_contain_text("risico op overbelasting")
    expect(page.get_by_test_id("disclaimer")).to_contain_text("geen diagnose")
    expect(page.locator('[data-advice="zeden-module"]')).to_be_visible()
    expect(page.get_by_test_id("crisis")).to_have_count(0)
    expect(page.get_by_role("button", name="Print")).to_be_visible()  # shown by the static script
    _check_step(page)
    page.screenshot(path="test-artifacts/selftest-result-360.png", full_page=True)


def _start_mirror(page: Page, who: str, days_ago: int) -> None:
    page.goto("/zelftest/")
    _submit(page, page.get_by_role("link", name="De Mirror, na een ingrijpende gebeurtenis"))
    _check_step(page)
    page.get_by_label(who, exact=True).check()
    when = datetime.date.today() - datetime.timedelta(days=days_ago)
    page.get_by_label("Wanneer was de gebeurtenis?").fill(when.isoformat())
    _check_step(page)
    _submit(page, page.get_by_role("button", name="Begin met de test"))


def test_mirror_for_yourself_with_a_safety_answer_shows_the_crisis_block_first(phone: Page) -> None:
    page = phone
    _start_mirror(page, "Voor mezelf", days_ago=3)
    for _step in range(3):
        expect(page.locator("#voortgang")).to_be_visible()
        _answer_all(page, "Vaak")
        _check_step(page)
        _next(page)
    _answer_all(page, "Ja")
    _check_step(page)
    _next(page)
    # The crisis block is the first thing in the main content, above the heading.
    crisis = page.get_by_test_id("crisis")
    expect(crisis).to_be_visible()
    expect(crisis).to_contain_text("0800-0113")
    expect(crisis).to_contain_text("112")
    assert page.evaluate(
        "document.querySelector('main').firstElementChild.nextElementSibling.dataset.testid === 'crisis'"
        " || document.querySelector('main [data-testid=crisis]').compareDocumentPosition("
        "document.querySelector('main h1')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    # The safety answer changes the whole result: no card says this is normal processing.
    expect(page.locator('[data-advice="vroeg-normale-verwerking"]')).to_have_count(0)
    expect(page.get_by_test_id("band")).to_contain_text("weegt zwaarder dan al je andere antwoorden")
    expect(page.locator('[data-advice="altijd-loket"]')).to_be_visible()
    _check_step(page)


def test_mirror_for_a_colleague_on_a_phone(phone: Page) -> None:
    page = phone
    _start_mirror(page, "Voor een collega", days_ago=42)
    expect(page.get_by_role("heading", name="Beelden en spanning bij je collega")).to_be_visible()
    expect(page.get_by_text("Vertelt je collega dat hij of zij steeds beelden")).to_be_visible()
    for _step in range(3):
        _answer_all(page, "Vaak")
        _check_step(page)
        _next(page)
    _answer_all(page, "Nee")
    _check_step(page)
    _next(page)
    expect(page.get_by_text("Je hebt de test ingevuld voor een collega.")).to_be_visible()
    expect(page.locator('[data-advice="collega-gesprek"]')).to_contain_text("Zo begin je het gesprek")
    expect(page.locator('[data-advice="collega-laat"]')).to_be_visible()
    expect(page.get_by_role("link", name="Eenheidspsycholoog").first).to_be_visible()
    _check_step(page)
    page.screenshot(path="test-artifacts/selftest-colleague-360.png", full_page=True)


def test_mirror_works_without_javascript(no_script_phone: Page) -> None:
    page = no_script_phone
    _start_mirror_no_axe(page)
    for _step in range(3):
        _answer_all(page, "Soms")
        _next(page)
    _answer_all(page, "Nee")
    _next(page)
    expect(page.get_by_test_id("band")).to_be_visible()
    expect(page.get_by_role("button", name="Download als pdf")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()  # needs the script
    _fits(page)


def _start_mirror_no_axe(page: Page) -> None:
    page.goto("/zelftest/mirror/")
    page.get_by_label("Voor mezelf", exact=True).check()
    page.get_by_label("Wanneer was de gebeurtenis?").fill(
        (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
    )
    _submit(page, page.get_by_role("button", name="Begin met de test"))
