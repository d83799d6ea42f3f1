"""The inhoudsbeheerder prepares and publishes a new edition of the Zorgwijzer in the browser:
copy, an edit with a validation error and its fix, a preview, publishing, and 'wat is er nieuw'."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Browser, Page, expect

from access import requires_two_factor
from catalogue.constants import EditionStatus
from catalogue.models import Edition, Provision
from organisation.constants import Role
from organisation.tests.factories import PASSWORD
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    """As the shared fixture, but without the service worker: its precache requests can arrive
    without the session's CSRF cookie and set a new one, which makes a later form POST fail."""
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}, service_workers="block"
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    content = importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023")
    content.load(django_apps, None)


def log_in(page: Page, user: Any) -> None:
    assert not requires_two_factor(user), "the inhoudsbeheerder sees no care data: a password is enough"
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_the_inhoudsbeheerder_prepares_previews_and_publishes_a_new_edition(
    page: Page, organisation: Any, catalogue: Any
) -> None:
    log_in(page, organisation.users[Role.INHOUDSBEHEERDER])
    page.goto("/zorgwijzer/beheer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer van de Zorgwijzer")
    assert_accessible(page)

    page.get_by_label("Code").fill("2023-2024")
    page.get_by_label("Titel").fill("Zorgwijzer 2023/2024")
    page.get_by_role("button", name="Nieuwe editie maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorgwijzer 2023/2024")
    assert_accessible(page)

    page.get_by_role("link", name="Mediation", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mediation bewerken")
    assert_accessible(page)
    page.get_by_label("Zo begin je", exact=True).fill("")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Vul in hoe iemand begint").first).to_be_visible()
    expect(page.get_by_label("Zo begin je", exact=True)).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.get_by_label("Zo begin je", exact=True).fill("Bel het VGW-team van je eenheid en vraag naar mediation.")
    page.get_by_label("Samenvatting", exact=True).fill(
        "Een neutrale mediator helpt jullie een conflict samen op te lossen."
    )
    channel = page.get_by_role("group", name="Kanaal 1")
    channel.get_by_label("Soort").select_option(label="Telefoon")
    channel.get_by_label("Naam").fill("Mediation Politie")
    channel.get_by_label("Gegevens").fill("bel het secretariaat")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Een telefoonnummer bestaat uit cijfers").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Kanaal 1").get_by_label("Gegevens").fill("0800-0113")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("link", name="0800-0113")).to_be_visible()
    expect(page.get_by_text("Voorbeeld: nog niet opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Wie weet ervan?")).to_be_visible()
    assert_accessible(page)
    concept = Edition.objects.get(code="2023-2024")
    assert "VGW-team" not in Provision.objects.get(edition=concept, slug="mediation").how_to_start

    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Mediation is opgeslagen.")).to_be_visible()
    assert Provision.objects.get(edition=concept, slug="mediation").channels.get().value == "0800-0113"
    page.get_by_role("link", name="Editie publiceren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorgwijzer 2023/2024 publiceren?")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, publiceren").click()
    expect(page.get_by_text("Zorgwijzer 2023/2024 is gepubliceerd.")).to_be_visible()
    assert_accessible(page)
    concept.refresh_from_db()
    assert concept.status == EditionStatus.GEPUBLICEERD

    page.goto("/zorgwijzer/edities/vergelijk/")
    # From the current edition (2022/2023, or its corrected version when that was loaded) to the new one.
    expect(page.get_by_role("heading", name="naar Zorgwijzer 2023/2024")).to_contain_text("Van Zorgwijzer 2022/2023")
    expect(page.get_by_role("listitem").filter(has_text="Mediation")).to_contain_text("samenvatting, zo begin je")
    assert_accessible(page)

    page.goto("/zorgwijzer/edities/2022-2023/")
    expect(page.get_by_text("Je leest een eerdere editie")).to_be_visible()
    assert_accessible(page)
