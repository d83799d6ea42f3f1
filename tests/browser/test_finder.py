"""The finder "Wat past bij mij?" on a phone: from the questions to how to start, in four taps.

How interactions are counted: one interaction is one click or tap on a control (a radio button,
a button, a link). Opening the finder's address is where the journey starts and is not counted;
scrolling and reading are not interactions. Every question has a preselected answer
("Weet ik niet", "Maakt niet uit", "Voor mezelf"), so one answer is enough to get results.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
MAX_INTERACTIONS = 4


@pytest.fixture
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    content = importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023")
    content.load(django_apps, None)


class Visitor:
    """Counts each click or tap, as the acceptance criterion counts interactions."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.interactions = 0

    def tap(self, target: Locator) -> None:
        self.interactions += 1
        target.click()


@pytest.fixture
def no_script_page(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE, java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _results(page: Page) -> Locator:
    return page.get_by_test_id("finder-results")


def _assert_at_how_to_start(page: Page) -> None:
    """The result link opens the detail page at "Wie weet ervan?", with "Zo begin je" (how to
    reach the provision) right under it, both on screen without scrolling."""
    expect(page.get_by_role("heading", name="Wie weet ervan?")).to_be_in_viewport()
    expect(page.get_by_role("heading", name="Zo begin je")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_two_answers_and_one_tap_reach_how_to_start(page: Page, catalogue: Any) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/zorgwijzer/wat-past-bij-mij/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat past bij mij?")
    assert_accessible(page)
    visitor = Visitor(page)

    visitor.tap(page.get_by_label("Niet goed, ik heb klachten en wil herstellen"))
    expect(_results(page)).to_be_visible()  # htmx: no submit needed
    visitor.tap(page.get_by_label("Ik wil anoniem blijven"))
    first = _results(page).get_by_role("listitem").first
    expect(first).to_contain_text("Anoniem: niemand weet dat jij dit gebruikt.")
    expect(first).to_contain_text("Past bij: je wilt herstellen")
    assert "hoe=herstellen" in page.url and "privacy=anoniem" in page.url  # shareable, pushed by htmx
    assert_accessible(page)

    visitor.tap(first.get_by_role("link"))
    _assert_at_how_to_start(page)
    assert visitor.interactions == 3 <= MAX_INTERACTIONS  # two answers, one link
    assert_accessible(page)


def test_the_pushed_url_shows_the_same_results_when_shared(page: Page, catalogue: Any) -> None:
    page.goto("/zorgwijzer/wat-past-bij-mij/")
    page.get_by_label("Voor mijn gezin of familie (thuisfront)").click()
    expect(_results(page).get_by_role("listitem").first).to_contain_text("Ook voor je thuisfront")
    shown = _results(page).get_by_role("heading", level=3).all_inner_texts()
    page.goto(page.url)
    assert _results(page).get_by_role("heading", level=3).all_inner_texts() == shown


def test_when_it_goes_badly_direct_help_is_shown_first(page: Page, catalogue: Any) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/zorgwijzer/wat-past-bij-mij/")
    page.get_by_label("Het gaat slecht, ik heb nu hulp nodig").click()
    hint = page.locator("#finder-urgent")
    expect(hint.get_by_role("link", name="Direct hulp")).to_be_visible()
    expect(page.get_by_test_id("finder-urgent").get_by_role("link", name="Direct hulp")).to_be_visible()
    assert_accessible(page)


def test_without_javascript_the_form_still_shows_results(no_script_page: Page, catalogue: Any) -> None:
    page = no_script_page
    page.goto("/zorgwijzer/wat-past-bij-mij/")
    visitor = Visitor(page)
    visitor.tap(page.get_by_label("Niet goed, ik heb klachten en wil herstellen"))
    expect(_results(page)).to_have_count(0)  # nothing happens until the form is sent
    visitor.tap(page.get_by_role("button", name="Toon wat bij mij past"))
    expect(_results(page)).to_be_visible()
    assert "hoe=herstellen" in page.url
    expect(page.get_by_role("heading", name="Dit past bij jou")).to_be_in_viewport()
    # No axe run here: axe-core is JavaScript. The same pages are checked in the tests above.
    visitor.tap(_results(page).get_by_role("listitem").first.get_by_role("link"))
    _assert_at_how_to_start(page)
    assert visitor.interactions == 3 <= MAX_INTERACTIONS  # one answer, the button, one link


def test_an_invalid_shared_link_shows_a_dutch_message_at_the_question(page: Page, catalogue: Any) -> None:
    page.goto("/zorgwijzer/wat-past-bij-mij/?hoe=genezen")
    group = page.get_by_role("group", name="Hoe gaat het nu met je?")
    expect(group).to_contain_text("Kies een van de antwoorden hieronder.")
    assert_accessible(page)
