"""The checks every page must pass, and a breadth-first crawler that applies them.

Used by ``tests/browser/test_crawl.py`` (every role, every page type) and by its own test with a
deliberately broken page (``test_crawl_checks.py``), which shows that each check can fail.
"""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, ViewportSize

from access import is_public

#: WCAG 2.0 and 2.1, levels A and AA.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
#: The crawl's tab is a phone; the first page of each URL pattern is checked at desktop width too.
PHONE: ViewportSize = {"width": 390, "height": 900}
DESKTOP_WIDTH = 1280
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
class Seen:
    """What axe has checked: the shapes (``_SHAPE``) of mains and frames at phone width, and the
    URL patterns at desktop width."""

    main_shapes: set[str] = field(default_factory=set)
    frame_shapes: set[str] = field(default_factory=set)
    wide_patterns: set[str] = field(default_factory=set)


@dataclass
class Report:
    """What a crawl saw: pages per visitor, problems per page, titles per URL pattern."""

    pages: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    violations: Counter[str] = field(default_factory=Counter)
    titles: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    #: What axe has seen; one ``Seen`` can be shared by several reports (the crawl's parts).
    seen: Seen = field(default_factory=Seen)
    #: Pages whose main and frame both had a shape axe had checked (not run again).
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
        lines.append(f"shaped like pages checked before (axe not run again): {self.repeats}")
        lines += [f"violation {rule}: {count}" for rule, count in self.violations.most_common()] or ["violations: 0"]
        return "\n".join(lines)


def axe_violations(page: Page, options: dict[str, Any] | None = AXE_OPTIONS) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (``options=None``: axe's default rules, as
    ``assert_accessible`` runs them). axe is put into the page once per document (the library's
    ``Axe.run`` sends the whole script again for every run)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe.axe_script)
    result: dict[str, Any] = page.evaluate(
        "options => axe.run(document, options || {resultTypes: ['violations']})", options
    )
    return list(result["violations"])


def page_problems(page: Page, width: int, report: Report | None = None, *, axe: bool = True) -> list[str]:
    """Every problem of the page as it is now at ``width`` px: axe (WCAG A/AA; ``axe=False`` leaves
    it out), one h1, a title, a language, and at phone width no horizontal scrolling."""
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for violation in axe_violations(page) if axe else []:
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
    """The checks on the page as loaded, at phone width (the crawl's tab is 390 px wide).

    axe runs at phone width unless both parts of the page have a shape axe saw before (``_SHAPE``:
    another id of the pattern, the same page for another role with the same menu shape); at
    desktop width, on the first page of each URL pattern: what changes with the width is the
    layout of the template, the same for every id and visitor. One h1, the title, the language,
    the select options and sideways scrolling are checked on every page."""
    report.pages[visitor] += 1
    report.titles.setdefault((visitor, name), {})[urlsplit(page.url).path] = page.title()
    seen = report.seen
    main, frame = (hashlib.sha256(part.encode()).hexdigest() for part in page.evaluate(_SHAPE))
    new_shape = main not in seen.main_shapes or frame not in seen.frame_shapes
    seen.main_shapes.add(main)
    seen.frame_shapes.add(frame)
    if not new_shape:
        report.repeats += 1
    problems = page_problems(page, PHONE["width"], report, axe=new_shape)
    if name not in seen.wide_patterns:
        seen.wide_patterns.add(name)
        problems += page_problems(page, DESKTOP_WIDTH, report)
        page.set_viewport_size(PHONE)
    report.problems += [f"{visitor} {path}: {problem}" for problem in problems]


#: The shape of a document in two parts, its <main> and the frame around it (header, menu,
#: footer): the elements with their attribute names, the values of the attributes that decide how
#: an element looks or is read (class, style, role, type, lang, scope, ...), and for every other
#: attribute and every text only whether it is empty. A run of siblings of one shape counts once
#: (a list of 3 plans or of 30). What axe reports depends on that shape and the style sheet, not on
#: the names, dates and numbers in the text, the ids of records or the session's CSRF token.
_SHAPE = """() => {
  const VALUE = new Set(['class', 'style', 'role', 'type', 'lang', 'dir', 'scope', 'tabindex', 'hidden',
    'disabled', 'required', 'autocomplete', 'aria-hidden', 'aria-live', 'aria-expanded', 'aria-modal',
    'aria-level', 'aria-sort', 'multiple', 'controls', 'open']);
  const IGNORED = new Set(['aria-current', 'nonce', 'integrity', 'data-testid']);
  const shape = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? 'T' : '';
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes].filter(a => !IGNORED.has(a.name)).map(a =>
      VALUE.has(a.name) ? `${a.name}=${a.value}` : (a.value.trim() ? a.name : `${a.name}=`)).sort().join(' ');
    const children = [];
    for (const child of node.childNodes) {
      const part = shape(child);
      if (part && children[children.length - 1] !== part) children.push(part);
    }
    return `<${node.tagName} ${attributes}>${children.join('')}</>`;
  };
  const frame = document.documentElement.cloneNode(true);
  const main = frame.querySelector('main');
  const inner = main ? shape(main) : '';
  if (main) main.replaceChildren();
  return [inner, shape(frame)];
}"""


def _links(page: Page, origin: str) -> list[str]:
    links = []
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        parts = urlsplit(href)
        if parts.scheme in ("http", "https") and parts.netloc == origin:
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links
