"""The checks every page must pass, and a breadth-first crawler that applies them.

Used by ``tests/browser/test_crawl.py`` (every role, every page type) and by its own test with a
deliberately broken page (``test_crawl_checks.py``), which shows that each check can fail.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from access import is_public

#: WCAG 2.0 and 2.1, levels A and AA.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
WIDTHS = (1280, 390)
#: Instances of one URL pattern checked per visitor: the template is the same for all of them.
MAX_PER_PATTERN = 3
#: Never followed: they end the session or change state on a plain GET.
SKIPPED_NAMES = frozenset({"accounts:logout", "accounts:logout_everywhere", "set_language"})
#: A path that exists nowhere: the crawl checks the 404 page through it.
NOT_FOUND_PATH = "/bestaat-niet/"
SKIPPED_PREFIXES = ("/api/", "/static/", "/i18n/", "/sw.js", "/manifest.webmanifest", "/oidc/")

#: Consecutive tab stops on one element that count as a keyboard trap.
TRAP_STOPS = 9

_axe = Axe()


@dataclass
class Report:
    """What a crawl saw: pages per visitor, problems per page, titles per URL pattern."""

    pages: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    violations: Counter[str] = field(default_factory=Counter)
    titles: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    #: Fingerprints of the documents already checked: the same markup (another visitor with the same
    #: menu, another id of one pattern that renders alike) gives the same results, so it is checked once.
    checked: set[str] = field(default_factory=set)
    repeats: int = 0

    def title_clashes(self) -> list[str]:
        """Two pages of one pattern (other ids) that a visitor cannot tell apart by their title."""
        clashes = []
        for (visitor, name), by_path in self.titles.items():
            seen: dict[str, str] = {}
            for path, title in sorted(by_path.items()):
                if title in seen:
                    clashes.append(f"{visitor} {name}: {seen[title]} and {path} are both titled {title!r}")
                seen.setdefault(title, path)
        return clashes

    def summary(self) -> str:
        lines = [f"{visitor}: {count} pages" for visitor, count in sorted(self.pages.items())]
        lines.append(f"identical to a page checked before (not checked again): {self.repeats}")
        lines += [f"violation {rule}: {count}" for rule, count in self.violations.most_common()] or ["violations: 0"]
        return "\n".join(lines)


def page_problems(page: Page, width: int, report: Report | None = None) -> list[str]:
    """Every problem of the page as it is now at ``width`` px: axe (WCAG A/AA), one h1, a title,
    a language, and at phone width no horizontal scrolling."""
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for violation in _axe.run(page, options=AXE_OPTIONS).response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        problems.append(f"axe {violation['id']} ({violation['impact']}) at {width}px: {targets}")
        if report is not None:
            report.violations[violation["id"]] += 1
    facts = page.evaluate(
        """() => ({h1: document.querySelectorAll('h1').length, title: document.title.trim(),
                   dashes: [...document.querySelectorAll('option')].some(o => o.textContent.trim() === '---------'),
                   lang: document.documentElement.lang, scroll: document.documentElement.scrollWidth})"""
    )
    if facts["h1"] != 1:
        problems.append(f"{facts['h1']} h1 elements instead of one")
    if not facts["title"]:
        problems.append("no <title>")
    if not facts["lang"]:
        problems.append("no lang on <html>")
    if facts["dashes"]:
        problems.append('a select offers "---------" instead of words')
    if width <= 400 and facts["scroll"] > width:
        widest = page.evaluate(
            """(width) => [...document.querySelectorAll('body *')]
                 .filter(el => !el.closest('.zw-table-wrapper, .utrecht-skip-link')
                   && (el.getBoundingClientRect().right > width + 1
                       || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'))
                 .slice(-3).map(el => el.outerHTML.slice(0, 120))""",
            width,
        )
        problems.append(f"wider than the screen at {width}px: {facts['scroll']}px, by {widest}")
    return problems


def focus_problems(page: Page, tabs: int = 25) -> list[str]:
    """Keyboard: the skip link is the first tab stop, every stop shows where the focus is, and the
    focus moves on (no trap)."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    problems, stops = [], []
    for number in range(tabs):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            """() => { const el = document.activeElement;
                 if (!el || el === document.body) return null;
                 const s = getComputedStyle(el);
                 const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                 return {id: el.outerHTML.slice(0, 80), key: [...document.querySelectorAll('*')].indexOf(el),
                         skip: el.classList.contains('utrecht-skip-link'),
                         visible: outline || s.boxShadow !== 'none'}; }"""
        )
        if stop is None:
            break  # past the last stop, back to the document: not trapped
        if number == 0 and not stop["skip"]:
            problems.append(f"the first tab stop is not the skip link but {stop['id']}")
        if not stop["visible"]:
            problems.append(f"no visible focus on {stop['id']}")
        stops.append(stop["key"])
        # A date-time field keeps the focus for its parts (day, month, year, hours, minutes, the
        # calendar button); more stops than that on one element is a trap.
        if len(stops) >= TRAP_STOPS and len(set(stops[-TRAP_STOPS:])) == 1:
            problems.append(f"keyboard trap on {stop['id']}")
            break
    return problems


def _url_name(path: str) -> tuple[str, bool] | None:
    """(URL name, public view) of a path, or None for what the crawl does not follow."""
    if path.startswith(SKIPPED_PREFIXES):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return ("404", True) if path == NOT_FOUND_PATH else None
    if match.view_name in SKIPPED_NAMES:
        return None
    return match.view_name, is_public(match.func)


def crawl(
    page: Page,
    visitor: str,
    seeds: Iterable[str],
    report: Report,
    *,
    follow_public: bool,
) -> None:
    """Visit the seeds and every same-origin link found, breadth-first; check each HTML page.

    ``follow_public=False`` (logged-in visitors) leaves public pages to the anonymous crawl: they
    show the same content to everyone; seeds are always visited.
    """
    origin = urlsplit(page.url or "http://x/").netloc
    queue = deque((url, True) for url in seeds)
    seen: set[str] = set()
    per_pattern: Counter[str] = Counter()
    while queue:
        url, is_seed = queue.popleft()
        path = urldefrag(url)[0]
        target = None if path in seen else _url_name(urlsplit(path).path)
        seen.add(path)
        if target is None:
            continue
        name, public = target
        if (public and not follow_public and not is_seed) or per_pattern[name] >= MAX_PER_PATTERN:
            continue
        if not _open_page(page, path):
            continue
        per_pattern[name] += 1
        _check(page, visitor, name, path, report)
        queue.extend((link, False) for link in _links(page, origin))


def _open_page(page: Page, path: str) -> bool:
    """Go to ``path``; False for what is not a whole HTML page (a download, JSON, an htmx part)."""
    try:
        response = page.goto(path)
    except PlaywrightError as error:  # a CSV or PDF download is not a page
        if "Download is starting" in str(error):
            return False
        raise
    if response is None or "text/html" not in (response.headers.get("content-type") or ""):
        return False
    # An htmx fragment (e.g. search results) is checked inside its page.
    return response.text().lstrip().lower().startswith("<!doctype html")


def _check(page: Page, visitor: str, name: str, path: str, report: Report) -> None:
    report.pages[visitor] += 1
    report.titles.setdefault((visitor, name), {})[urlsplit(page.url).path] = page.title()
    fingerprint = _fingerprint(page)
    if fingerprint in report.checked:
        report.repeats += 1
        return
    report.checked.add(fingerprint)
    for width in WIDTHS:
        report.problems += [f"{visitor} {path}: {problem}" for problem in page_problems(page, width, report)]


#: What differs between two renderings of the same markup: the CSRF token of the session (in forms
#: and in the htmx header on <body>).
_SESSION_VALUES = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]*"')


def _fingerprint(page: Page) -> str:
    """A hash of the document as the browser holds it, without the session's CSRF token."""
    markup = _SESSION_VALUES.sub(r'\1"', page.content())
    return hashlib.sha256(markup.encode()).hexdigest()


def _links(page: Page, origin: str) -> list[str]:
    links = []
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        parts = urlsplit(href)
        if parts.scheme in ("http", "https") and parts.netloc == origin:
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links
