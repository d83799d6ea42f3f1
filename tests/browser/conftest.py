"""Playwright fixtures: Debian's chromium (never a downloaded browser) and an axe-core check."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from tests.browser.crawl import axe_violations

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
_NAVIGATION_RACE = ("reading 'documentElement'", "Execution context was destroyed", "navigation")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


def assert_accessible(page: Page) -> None:
    """axe-core must report zero violations on the page as it is now.

    A click on a link returns once the navigation has started, so the page is loaded first; if
    the document is still being replaced when axe starts (its context destroyed, no document yet),
    axe runs again on the loaded page instead of failing on the harness's race."""
    page.wait_for_load_state("load")
    for attempt in range(3):
        try:
            violations = axe_violations(page, options=None)
            break
        except PlaywrightError as error:
            if attempt == 2 or not any(sign in str(error) for sign in _NAVIGATION_RACE):
                raise
            page.wait_for_load_state("load")
    if violations:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "axe-failure.png"), full_page=True)
    report = "\n".join(
        f"{item['id']} ({item['impact']}): {item['help']} at {[node['target'] for node in item['nodes']][:5]}"
        for item in violations
    )
    assert not violations, f"{page.url}:\n{report}"


def check_page(page: Page, name: str) -> None:
    """axe-core, and screenshots at phone and desktop width in test-artifacts/ (the page must not
    be wider than the phone)."""
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        if width == 390:
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{name} is wider than 390 px"


def totp_now(secret: str) -> str:
    """The current code for a base32 key as shown on the enrolment page."""
    import base64

    key = base64.b32decode(secret.replace(" ", ""))
    return f"{TOTP(key).token():06d}"


def log_in(page: Page, user: Any) -> None:
    """Password, then (for roles that need it) the code of an authenticator enrolled for the test."""
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from playwright.sync_api import expect

    from access import requires_two_factor
    from organisation.tests.factories import PASSWORD

    device = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if requires_two_factor(user):
        expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
        assert_accessible(page)
        page.get_by_label("Code uit je authenticator-app").fill(f"{TOTP(device.bin_key).token():06d}")
        page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
