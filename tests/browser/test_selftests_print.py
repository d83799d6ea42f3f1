"""A self-test result can always be kept without the server's PDF: printed, the page shows the
result and nothing of the site around it; when the PDF limit is reached, the page says so in
Dutch, keeps the result on screen, and the notice itself is not printed."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_selftests import _next, _submit, catalogue  # noqa: F401 - fixture

# The print layout of a result that is stored nowhere: the same on every database engine.
pytestmark = [pytest.mark.browser, pytest.mark.once, pytest.mark.django_db(transaction=True)]


def _answer_first(page: Page) -> None:
    fieldsets = page.locator("form fieldset")
    for index in range(fieldsets.count()):
        fieldsets.nth(index).locator("input[type=radio]").first.check()


def _result(page: Page) -> None:
    page.goto("/zelftest/mentale-fitheid/")
    _submit(page, page.get_by_role("button", name="Begin met de test"))
    while page.get_by_role("button", name="Bekijk je uitslag").count() == 0:
        _answer_first(page)
        _next(page)
    _answer_first(page)
    _submit(page, page.get_by_role("button", name="Bekijk je uitslag"))
    expect(page.get_by_test_id("band")).to_be_visible()


def _printed(page: Page) -> None:
    page.emulate_media(media="print")
    expect(page.get_by_test_id("band")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Je uitslag")
    for chrome in (".zw-header", ".zw-nav", ".zw-footer"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.get_by_role("button", name="Download als pdf")).to_be_hidden()
    page.emulate_media(media="screen")


def test_the_result_prints_without_the_site_around_it(page: Page, catalogue: None) -> None:  # noqa: F811
    _result(page)
    _printed(page)


def test_over_the_pdf_limit_the_result_stays_on_screen_to_print(
    page: Page,
    catalogue: None,  # noqa: F811
    settings: Any,
) -> None:
    settings.SELFTESTS_PDF_PER_MINUTE = 1
    _result(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als pdf").click()
    assert download.value.suggested_filename == "zelftest-mentale-fitheid.pdf"
    _submit(page, page.get_by_role("button", name="Download als pdf"))
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("Probeer het over een minuut opnieuw")
    expect(notice).to_contain_text("printfunctie van je browser")
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(notice).to_be_hidden()
    page.emulate_media(media="screen")
    _printed(page)
