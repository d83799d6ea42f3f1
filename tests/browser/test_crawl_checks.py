"""The crawl's checks fail on a page that breaks them: a deliberately broken page shows that each
check of tests/browser/crawl.py can fail (a check that cannot fail guards nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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


def test_a_page_shaped_like_one_checked_before_is_not_run_through_axe_again(
    blank: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.browser import crawl

    runs: list[str] = []
    real = crawl.axe_violations

    def counted(page: Page, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        runs.append(page.url)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(crawl, "axe_violations", counted)
    report = crawl.Report()

    def show(main: str, *, frame: str = "") -> None:
        blank.set_content(GOOD.replace("<main", frame + "<main").replace("</main>", main + "</main>"))

    form = '<form><input type="hidden" name="csrfmiddlewaretoken" value="{}"></form>'

    def items(names: list[str]) -> str:
        return "<ul>" + "".join(f'<li><a href="/p/{n}/">{name}</a></li>' for n, name in enumerate(names)) + "</ul>"

    show(form.format("token-of-session-one") + items(["Jan", "Piet"]))
    crawl._check(blank, "leidinggevende", "x", "/a/", report)
    assert report.repeats == 0 and len(runs) == 2  # phone and desktop width

    # Another visitor, token, names and number of rows, and another page of the pattern: same shape.
    show(form.format("token-of-session-two") + items(["Ans", "Bo", "Cor"]))
    crawl._check(blank, "bmw", "x", "/b/", report)
    assert report.repeats == 1 and len(runs) == 2

    # A new element in the main, a third page of the pattern: axe runs at phone width and finds
    # what is wrong with it.
    show(items(["Jan"]) + '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    crawl._check(blank, "bmw", "x", "/c/", report)
    assert len(runs) == 3 and [problem.split(" (")[0] for problem in report.problems] == ["bmw /c/: axe image-alt"]
    assert "at 390px" in report.problems[0] and report.seen.wide_patterns == {"x"}  # desktop: once per pattern

    # A main seen before in a frame not seen before (another menu): axe runs.
    show(items(["Jan"]), frame='<nav aria-label="Menu"><a href="/m/">Menu</a></nav>')
    crawl._check(blank, "hr_analist", "x", "/d/", report)
    assert len(runs) == 4 and report.repeats == 1 and sum(report.pages.values()) == 4


def test_assert_accessible_fails_on_a_violation_and_names_the_rule(blank: Page) -> None:
    from tests.browser.conftest import assert_accessible

    blank.set_content(GOOD)
    assert_accessible(blank)
    blank.set_content(BROKEN)
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(blank)
