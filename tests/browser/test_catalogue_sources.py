"""In a browser, at 390 and 1280 px with axe: Prikpunt on Direct hulp as a tappable number, and the
catalogue in English with the editor's translation fields. Screenshots go to test-artifacts/."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from catalogue import corrections, selectors, services
from catalogue.constants import PRIKPUNT, ChannelKind
from catalogue.models import ContactChannel, Provision
from catalogue.tests.factories import concept_edition
from organisation.constants import Role
from tests.browser.conftest import check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition and its correction."""
    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)
    corrections.publish_corrected_edition(lambda name: django_apps.get_model("catalogue", name))


def test_prikpunt_is_one_tap_away_on_direct_hulp(page: Page, catalogue: None) -> None:
    prikpunt = Provision.objects.get(edition=selectors.current_edition(), slug=PRIKPUNT)
    ContactChannel.objects.create(
        provision=prikpunt, kind=ChannelKind.PHONE, label="Prikpunt, voorbeeldnummer", value="0800-0774 000"
    )
    page.goto("/hulp/")
    section = page.get_by_role("region", name="Geprikt, gebeten, bespuugd, gesneden of gekrabd?")
    link = section.get_by_role("link", name="0800-0774 000")
    expect(link).to_have_attribute("href", "tel:08000774000")
    expect(section).to_contain_text("voorbeeldnummer")
    expect(page.get_by_text("Let op: het 24/7 Loket is geen crisisdienst.")).to_be_visible()
    check_page(page, "hulp-prikpunt")


def test_the_editor_translates_a_provision_and_english_visitors_read_it(
    page: Page, catalogue: None, organisation: Any
) -> None:
    editor = organisation.users[Role.INHOUDSBEHEERDER]
    concept = concept_edition(editor)
    log_in(page, editor)
    page.goto(f"/zorgwijzer/beheer/{concept.code}/voorzieningen/mediation/")
    english = page.get_by_role("group", name="Engelse vertaling")
    expect(english).to_be_visible()
    english.get_by_label("samenvatting (Engels)").fill("A mediator helps you and a colleague to talk again.")
    check_page(page, "catalogue-editor-english")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(concept.title)
    mediation = Provision.objects.get(edition=concept, slug="mediation")
    assert mediation.summary_en == "A mediator helps you and a colleague to talk again."
    services.edition_publish(actor=editor, edition=concept)
    page.goto("/zorgwijzer/mediation/")
    page.get_by_role("button", name="English").click()  # the header's language switch
    expect(page.get_by_role("button", name="Nederlands")).to_be_visible()
    expect(page.get_by_text("A mediator helps you and a colleague to talk again.")).to_be_visible()
    check_page(page, "catalogue-provision-english")
