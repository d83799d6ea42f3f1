"""The crawl's checks fail on a page that breaks them: a deliberately broken page shows that each
check of tests/browser/crawl.py can fail (a check that cannot fail guards nothing)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.crawl import focus_problems, page_problems

pytestmark = [pytest.mark.browser, pytest.mark.once]

GOOD = """<!DOCTYPE html><html lang="nl"><head><title>Goed</title>
<style>a:focus-visible { outline: 3px solid #000; }</style></head>
<body><a class="utrecht-skip-link" href="#inhoud">Naar de inhoud</a>
<main id="inhoud"><h1>Een kop</h1><p>Tekst met <a href="/x">een link</a>.</p></main></body></html>"""

BROKEN = """<!DOCTYPE html><html><head><title></title>
<style>a:focus, button:focus { outline: none; }</style></head>
<body><main><h2>Geen h1</h2><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<div style="width: 600px">Te breed voor een telefoon</div>
<select><option value="">---------</option></select>
<button style="color:#777;background:#888">Knop</button><a href="/y">link</a></main></body></html>"""


@pytest.fixture
def blank(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_a_clean_page_passes_every_check(blank: Page) -> None:
    blank.set_content(GOOD)
    assert page_problems(blank, 1280) == []
    assert page_problems(blank, 390) == []
    assert focus_problems(blank) == []


def test_a_broken_page_fails_every_check(blank: Page) -> None:
    blank.set_content(BROKEN)
    problems = "\n".join(page_problems(blank, 390))
    for expected in (
        "axe image-alt",
        "axe html-has-lang",
        "axe document-title",
        "axe color-contrast",
        "0 h1 elements",
        "no <title>",
        "no lang",
        "wider than the screen at 390px",
        'offers "---------"',
    ):
        assert expected in problems, expected
    keyboard = "\n".join(focus_problems(blank))
    assert "the first tab stop is not the skip link" in keyboard
    assert "no visible focus" in keyboard


def test_a_keyboard_trap_is_found(blank: Page) -> None:
    blank.set_content(
        GOOD.replace(
            "</main>",
            "<input id='trap' aria-label='val'><script>document.getElementById('trap').addEventListener("
            "'keydown', e => { if (e.key === 'Tab') e.preventDefault(); });</script></main>",
        )
    )
    assert any("keyboard trap" in problem for problem in focus_problems(blank))


def test_the_same_markup_is_checked_once_and_other_markup_again(blank: Page) -> None:
    from tests.browser.crawl import Report, _check

    report = Report()
    form = '<form><input type="hidden" name="csrfmiddlewaretoken" value="{}"></form>'
    blank.set_content(GOOD.replace("</main>", form.format("token-of-session-one") + "</main>"))
    _check(blank, "leidinggevende", "x", "/a/", report)
    blank.set_content(GOOD.replace("</main>", form.format("token-of-session-two") + "</main>"))
    _check(blank, "bmw", "x", "/a/", report)  # same page for another visitor: only the token differs
    assert (len(report.checked), report.repeats) == (1, 1)
    blank.set_content(GOOD.replace("Een kop", "Een andere kop"))
    _check(blank, "bmw", "x", "/b/", report)
    assert (len(report.checked), report.repeats) == (2, 1)
    assert sum(report.pages.values()) == 3 and not report.problems
