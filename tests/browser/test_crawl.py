"""Every page, every role, both widths: a breadth-first crawl as the anonymous visitor and as each
role, plus every URL of the URL × role matrix that the role may open (pages behind a form or a
token too). Each page has one h1, a title and a language and does not scroll sideways on a phone;
it passes axe (WCAG 2.0/2.1 A and AA) at 390 px unless a page of the same shape did (the same
elements and styling, other names, dates and ids: ``crawl._SHAPE``), and the first page of each
URL pattern passes axe at 1280 px too; two pages of one kind have different
titles. The summary (pages per visitor, violations per rule) is printed.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from playwright.sync_api import Browser

from organisation.constants import Role
from tests import content as content_migrations
from tests.browser.conftest import log_in
from tests.browser.crawl import NOT_FOUND_PATH, PHONE, Report, Seen, crawl, focus_problems, page_problems
from tests.matrix import ANONYMOUS, FORBIDDEN, OK
from tests.test_url_matrix import MATRIX

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.crawl, pytest.mark.django_db(transaction=True)]

#: ``ZW_CRAWL_VISITORS=leidinggevende,anonymous`` narrows a local run to some visitors (CI crawls all).
VISITORS = [
    visitor
    for visitor in [ANONYMOUS, *(role.value for role in Role)]
    if visitor in os.environ.get("ZW_CRAWL_VISITORS", visitor).split(",")
]
#: Pages of the main flows whose keyboard order is checked.
LOGGED_IN_KEYBOARD_PAGES = ["/", "/nazorg/melden/", "/monitor/", "/barista/gebeurtenis/"]
KEYBOARD_PAGES = ["/", "/hulp/", "/zorgwijzer/", "/zorgwijzer/wat-past-bij-mij/", "/zelftest/", "/account/inloggen/"]


@pytest.fixture
def content(db: None) -> None:
    """The content every module starts with, loaded again after an earlier test flushed it."""
    content_migrations.ensure()


def _matrix_urls(organisation: Any) -> dict[str, str]:
    """One URL per GET pattern of the matrix, with ids made by the matrix's own builders."""
    return {
        # A GET with data (an htmx search, a filter) is opened with that data, as the page asks for it.
        name: reverse(name, kwargs=case.kwargs(organisation)) + (f"?{urlencode(case.data)}" if case.data else "")
        for name, case in MATRIX.items()
        if case.method == "get" and not case.optional
    }


#: The visitors are crawled in this many parts, one test each, so that ``pytest -n 2`` (``make test``)
#: spreads them over both cores; every visitor is in exactly one part.
CRAWL_PARTS = 4
#: What the parts run by one test process have run through axe. A shape with a violation is
#: remembered too: the part that saw it fails, and with it the test run.
_SEEN = Seen()


@pytest.mark.parametrize("part", range(CRAWL_PARTS))
def test_every_page_passes_for_every_visitor_at_both_widths(
    browser: Browser, live_server: Any, organisation: Any, content: None, part: int
) -> None:
    urls = _matrix_urls(organisation)
    # Shapes axe has passed are remembered across the parts this process runs: the pages a role
    # shares with other roles are run through axe once, its own pages for each new shape.
    report = Report(seen=_SEEN)
    visitors = VISITORS[part::CRAWL_PARTS]
    for visitor in visitors:
        context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE)
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.goto("/")
        if visitor != ANONYMOUS:
            log_in(page, organisation.users[visitor])
        seeds = ["/", *(url for name, url in urls.items() if MATRIX[name].expect[visitor] == OK)]
        # The error pages too: one the visitor may not open (403), and one that does not exist (404).
        seeds += [url for name, url in urls.items() if MATRIX[name].expect[visitor] == FORBIDDEN][:1]
        seeds.append(NOT_FOUND_PATH)
        crawl(page, visitor, seeds, report, follow_public=visitor == ANONYMOUS)
        context.close()
    print("\n" + report.summary())
    problems = report.problems + report.title_clashes()
    assert not problems, "\n".join(problems)
    assert all(report.pages[visitor] >= (20 if visitor == ANONYMOUS else 2) for visitor in visitors)


def test_the_crawl_parts_cover_every_visitor_once() -> None:
    parts = [VISITORS[part::CRAWL_PARTS] for part in range(CRAWL_PARTS)]
    assert sorted(visitor for part in parts for visitor in part) == sorted(VISITORS)


def test_the_keyboard_reaches_the_skip_link_first_and_sees_every_stop(
    browser: Browser, live_server: Any, organisation: Any, content: None
) -> None:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    problems = []
    for path in KEYBOARD_PAGES:
        page.goto(path)
        problems += [f"{path}: {problem}" for problem in focus_problems(page)]
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    for path in LOGGED_IN_KEYBOARD_PAGES:
        page.goto(path)
        problems += [f"{path}: {problem}" for problem in focus_problems(page, tabs=40)]
    context.close()
    assert not problems, "\n".join(problems)


LONG_COMPOUNDS = [
    "suicidepreventietraining",
    "werkgeversmodules-bedrijfsgezondheidszorg",
    "team-sociale-zekerheid-eigenrisicodragerschap",
    "kadernota-arbeidsomstandigheden",
    "persoonlijke-beschermingsmiddelen",
    "collectief-van-ontwikkelmethodieken",
    "bewustwording-risicos-politiewerk-en-pbm",
    "financiele-ondersteuning-schuldhulpverlening",
]


def test_provisions_with_long_dutch_compounds_fit_a_phone(browser: Browser, live_server: Any, content: None) -> None:
    # The crawl checks a few provisions per visitor; these are the names that overflowed before.
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    problems = []
    for slug in LONG_COMPOUNDS:
        for path in (f"/zorgwijzer/{slug}/", f"/zorgwijzer/edities/2022-2023/{slug}/"):
            assert page.goto(path).status == 200, path  # type: ignore[union-attr]
            problems += [f"{path}: {problem}" for problem in page_problems(page, 390)]
    context.close()
    assert not problems, "\n".join(problems)
