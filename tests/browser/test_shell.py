"""Every demo role logs in through the browser, sees its own navigation, switches language and
logs out. axe-core must report zero violations on the login pages, the home page and the English
page; the pages behind the menu are checked by the crawl, for every role (tests/browser/test_crawl.py).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import Page, expect

from access import ACTIONS, AUTHENTICATED, requires_two_factor
from organisation.constants import Role
from tests.browser.conftest import assert_accessible, totp_now

pytestmark = [pytest.mark.browser, pytest.mark.once, pytest.mark.django_db(transaction=True)]

NAV_BY_ACTION = {
    "people.view": "Medewerkers",
    "organisation.import": "HR-import",
    "roles.manage": "Rollen",
    "audit.view": "Audittrail",
    "api_tokens.manage": "API-tokens",
    "content.manage": "Beheer Zorgwijzer",
    "aftercare.own": "Mijn nazorg",
    "aftercare.team": "Nazorg in mijn team",
    "aftercare.cases": "Mijn ondersteuning",
    "aftercare.coordinate": "Coördinatie opvang en nazorg",
    "aftercare.casework": "Mijn dossiers nazorg",
    "aftercare.templates": "Sjablonen nazorg",
    "monitor.dashboard": "Weerbaarheid",
    "monitor.campaigns": "Metingen",
    "monitor.plans": "Plannen van Aanpak",
    "barista.invitations": "Barista-uitnodigingen",
    "barista.own": "Mijn Barista-signalen",
    "barista.exposures": "Barista: gebeurtenis vastleggen",
    "barista.manage": "Barista-beheer",
    "barista.statistics": "Barista-cijfers",
    "confidential.request": "Mijn verzoeken",
    "confidential.inbox": "Postvak verzoeken",
    "confidential.vertrouwenspersoon": "Anonieme meldingen",
    "complaints.own": "Mijn klachten",
    "complaints.list": "Klachten ongewenst gedrag",
    "complaints.statistics": "Cijfers klachten",
    "integrity.facilitate": "Dilemmasessies",
    "integrity.triage": "VIK-triage",
    "jaarbeeld.read": "Sociaal Jaarbeeld",
    "agenda.read": "Sociale Agenda",
    "teamcare.use": "Teams in beeld",
    "teamcare.evaluate": "Mijn waardengesprekken",
    "recognition.view": "Waardering",
    "recognition.team": "Jubilea in mijn team",
    "casework.own": "Beroepsrisico en buddy",
    "casework.cases": "Zaken beroepsrisico",
    "casework.buddies": "Buddypoules",
}
#: Actions with more than one menu item.
EXTRA_NAV_BY_ACTION = {"content.manage": "Thema's beheren"}


def expected_navigation(role: str) -> set[str]:
    items = {"Home", "Zorgwijzer", "Gezond werken", "Zelftests", "Feiten en cijfers", "Waar kan ik terecht?"}
    items |= {"Integriteit", "Thuisfront"}
    items |= {"Organisatie", "Mijn account"}
    for mapping in (NAV_BY_ACTION, EXTRA_NAV_BY_ACTION):
        for action, label in mapping.items():
            if role in ACTIONS[action] or AUTHENTICATED in ACTIONS[action]:
                items.add(label)
    return items


@pytest.fixture
def demo_password(settings: Any, tmp_path: Any) -> str:
    """Load the demo organisation as `make run` does and return the printed demo password."""
    settings.DEBUG, settings.DEMO_MODE, settings.VAR_DIR = True, True, tmp_path
    # Transactional tests flush the database, data migrations included: put the units back.
    units_migration = importlib.import_module("organisation.migrations.0002_units")
    units_migration.create_units(django_apps, None)
    # Logging in and the menu need the organisation and the accounts, not the modules' example data.
    call_command("demo", "--organisation-only", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    return (tmp_path / "demo-password.txt").read_text().strip()


def log_in(page: Page, username: str, password: str, user: Any) -> None:
    page.goto("/account/inloggen/")
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if requires_two_factor(user):
        expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
        assert_accessible(page)
        secret = page.get_by_test_id("totp-secret").inner_text()
        page.get_by_label("Code uit je authenticator-app").fill(totp_now(secret))
        page.get_by_role("button", name="Bevestigen").click()


@pytest.mark.slow
@pytest.mark.parametrize("role", [role.value for role in Role])
def test_each_demo_role_logs_in_sees_its_navigation_switches_language_and_logs_out(
    page: Page, demo_password: str, role: str
) -> None:
    user = get_user_model().objects.get(username=f"demo-{role}")
    log_in(page, user.username, demo_password, user)

    expect(page.get_by_test_id("roles")).to_be_visible()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    labels = set(nav.get_by_role("link").all_inner_texts())
    assert labels == expected_navigation(role)
    expect(page.get_by_role("link", name="Direct hulp").first).to_be_visible()
    assert_accessible(page)

    for label in sorted(labels - {"Home"}):
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=label, exact=True).click()
        expect(page.locator("h1")).to_be_visible()
        assert page.locator("h1").inner_text() not in {
            "Je hebt geen toegang tot deze pagina",
            "Deze pagina bestaat niet",
        }
        # axe: the crawl checks every page of every role's menu (tests/browser/test_crawl.py).

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen").first).to_be_visible()
    page.goto("/account/")
    expect(page).to_have_url(re.compile(r".*/account/inloggen/\?next=/account/$"))


def test_direct_help_page_is_reachable_without_login_and_on_a_small_screen(page: Page, db: None) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    page.get_by_role("link", name="Direct hulp").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Direct hulp")
    expect(page.get_by_role("link", name="112").first).to_be_visible()
    expect(page.get_by_role("link", name="0800-0113")).to_be_visible()
    expect(page.get_by_text("geen crisisdienst").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the page scrolls sideways at 360 px"
    assert_accessible(page)
