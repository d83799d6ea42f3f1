"""The Sociaal Jaarbeeld and the Sociale Agenda in a browser: every page passes axe at 390 and
1280 px and is no wider than a phone; an HR-analist writes a block, a HR-adviseur answers the
agenda questions for their unit."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from organisation.constants import Role
from tests.browser.conftest import assert_accessible, check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def content(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the content again."""
    importlib.import_module("jaarbeeld.migrations.0002_edition_2022").load(django_apps, None)
    importlib.import_module("agenda.migrations.0003_sociale_agenda_2023_2027").load(django_apps, None)


def _check(page: Page, name: str) -> None:
    """axe at phone width and at desktop width, screenshots of both, no horizontal overflow."""
    page.set_viewport_size({"width": 390, "height": 900})
    check_page(page, name)  # axe at 390, then screenshots at 390 and 1280
    assert_accessible(page)  # axe again at 1280


def test_an_hr_analist_reads_every_jaarbeeld_page_and_writes_a_block(page: Page, organisation: Any) -> None:
    from jaarbeeld import services

    services.edition_create(year=2023, actor=None)
    log_in(page, organisation.users[Role.HR_ANALIST])
    page.goto("/")
    page.get_by_role("link", name="Sociaal Jaarbeeld").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociaal Jaarbeeld")
    _check(page, "jaarbeeld-index")
    page.get_by_role("link", name="Sociaal Jaarbeeld 2022").click()
    expect(page.locator('[data-testid="thread-part"]')).to_have_count(4)
    _check(page, "jaarbeeld-rode-draden")
    for code in ("fysiek", "mentaal", "moreel", "omgang"):
        page.goto(f"/jaarbeeld/2022/{code}/")
        expect(page.locator('[data-testid="dimension-block"]')).to_have_count(3)
        _check(page, f"jaarbeeld-{code}")
    page.goto("/jaarbeeld/2022/eenheid/?eenheid=testeenheid")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe is het in onze eenheid?")
    _check(page, "jaarbeeld-eenheid")
    page.goto("/jaarbeeld/2022/geschiedenis/")
    expect(page.get_by_test_id("rounds").locator("tbody tr")).to_have_count(27)
    _check(page, "jaarbeeld-historie")
    page.goto("/jaarbeeld/2022/document/")
    _check(page, "jaarbeeld-document")
    page.goto("/jaarbeeld/indicatoren/")
    _check(page, "jaarbeeld-indicatoren")
    page.goto("/jaarbeeld/indicatoren/verzuim-psychisch/")
    _check(page, "jaarbeeld-indicator")
    page.goto("/jaarbeeld/indicatoren/importeren/")
    _check(page, "jaarbeeld-import")
    page.goto("/jaarbeeld/vergelijken/?van=2022&naar=2023")
    _check(page, "jaarbeeld-vergelijken")
    page.goto("/jaarbeeld/2023/bewerken/moreel/beeld/")
    _check(page, "jaarbeeld-bewerken")
    page.get_by_label("Tekst").first.fill("Collega's praten vaker over morele stress.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Collega's praten vaker over morele stress.")).to_be_visible()
    page.goto("/jaarbeeld/2023/bewerken/rode-draden/goed/")
    _check(page, "jaarbeeld-bewerken-rode-draad")
    page.goto("/jaarbeeld/2023/geschiedenis/")
    _check(page, "jaarbeeld-historie-concept")


def test_a_hr_adviseur_reads_the_agenda_and_answers_for_their_unit(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users[Role.HR_ADVISEUR])
    page.goto("/")
    page.get_by_role("link", name="Sociale Agenda").first.click()
    expect(page.get_by_test_id("marker-total")).to_have_text(["17", "4", "5", "7"])
    _check(page, "agenda-overzicht")
    page.goto("/sociale-agenda/acties/16/")
    expect(page.get_by_test_id("owner")).to_have_text("Ketenregisseur i.s.m. eenheden, PA en Dienst HRM")
    _check(page, "agenda-actie")
    page.goto("/sociale-agenda/dekking/")
    _check(page, "agenda-dekking")
    page.goto("/sociale-agenda/eenheden/")
    _check(page, "agenda-eenheden")
    page.get_by_role("link", name="Testeenheid").click()
    _check(page, "agenda-eenheid")
    page.get_by_role("link", name="Antwoorden bewerken").click()
    _check(page, "agenda-eenheid-bewerken")
    page.get_by_label("2.1 ", exact=False).fill("We plannen hersteltijd vooraf in.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("answer")).to_have_text("We plannen hersteltijd vooraf in.")


def test_an_hr_analist_sees_the_progress_form_of_an_action(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users[Role.HR_ANALIST])
    page.goto("/sociale-agenda/acties/6/")
    _check(page, "agenda-actie-bewerken")
    page.get_by_label("Status").select_option("loopt")
    page.get_by_label("Voortgang").fill("De nieuwe versie van de app is uit.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_test_id("updates")).to_contain_text("De nieuwe versie van de app is uit.")
