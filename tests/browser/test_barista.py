"""Barista as people use it: the functioneel beheerder imports three events for one employee,
Barista invites the manager at once, the manager opens the invitation and records the outcome
in one click, the employee sees the signal and the rules. Also the rule preview and the
statistics page. axe-core checks every page; screenshots at 390 and 1280 px go to test-artifacts/."""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any, cast

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from barista.constants import SignalStatus
from barista.models import Signal
from organisation.constants import Role
from tests.browser.conftest import check_page
from tests.browser.test_aftercare import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def reference_data(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load what Barista needs."""
    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(django_apps, None)
    importlib.import_module("barista.migrations.0002_types_rules_backfill").forwards(django_apps, None)
    importlib.import_module("organisation.migrations.0002_units").create_units(django_apps, None)
    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)


@pytest.fixture(autouse=True)
def pilot_scope(organisation: Any) -> None:
    """Barista runs only where the functioneel beheerder switched it on (issue 22 §2): the test unit."""
    from barista.models import Scope

    Scope.objects.get_or_create(unit=organisation.unit)


def check(page: Page, name: str) -> None:
    check_page(page, f"barista-{name}")


@pytest.mark.slow
def test_an_imported_exposure_invites_the_manager_who_records_the_outcome(page: Page, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    now = timezone.localtime()
    rows = [
        f"GTPA-{n};{employee.employee_number};{code};{(now - timedelta(days=days)):%Y-%m-%d %H:%M}"
        for n, (code, days) in enumerate([("belediging", 12), ("bedreiging-woordelijk", 5), ("openlijk-geweld", 1)])
    ]
    data = ("extern_id;personeelsnummer;soort;datum_tijd\n" + "\n".join(rows) + "\n").encode()

    log_in(page, organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    page.goto("/barista/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebeurtenissen importeren")
    page.get_by_role("button", name="Inlezen").click()  # no file: the message is at the field
    expect(page.get_by_text("Kies een bestand.")).to_be_visible()
    check(page, "import-fout")
    page.get_by_label("Bestand met gebeurtenissen (CSV)").set_input_files(
        files=cast(Any, [{"name": "gtpa.csv", "mimeType": "text/csv", "buffer": data}])
    )
    page.get_by_role("button", name="Inlezen").click()
    expect(page.get_by_text("Ingelezen: 3 nieuwe gebeurtenissen")).to_be_visible()
    check(page, "import")
    page.goto(f"/barista/regels/{organisation.unit.code}/")
    page.get_by_label("Aantal gebeurtenissen").fill("2")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("heading", name="Voorbeeld")).to_be_visible()
    check(page, "regels-voorbeeld")
    for path, heading, name in (
        ("/barista/regels/", "Barista-regels per eenheid", "regels"),
        ("/barista/soorten/", "Soorten gebeurtenissen en impactgewichten", "soorten"),
        ("/barista/soorten/nieuw/", "Soort toevoegen", "soort-nieuw"),
        ("/barista/gebeurtenis/", "Gebeurtenis vastleggen voor Barista", "gebeurtenis"),
        ("/barista/afwezigheid/", "Afwezigheid en waarnemer", "afwezigheid"),
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check(page, name)
    page.goto("/barista/soorten/nieuw/")
    page.get_by_role("button", name="Opslaan").click()  # nothing filled in: messages at the fields
    expect(page.get_by_text("Vul een naam in.").last).to_be_visible()
    check(page, "soort-fouten")
    log_out(page)

    signal = Signal.objects.get(person=employee)
    assert signal.status == SignalStatus.OPEN

    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/barista/")
    link = page.get_by_role("link", name=f"Tijd voor een bakkie met {employee.full_name}")
    check(page, "uitnodigingen")
    link.click()
    expect(page.get_by_role("heading", name="Zo voer je het gesprek")).to_be_visible()
    expect(page.get_by_text("Openlijk geweld")).to_be_visible()
    check(page, "uitnodiging")
    page.get_by_role("button", name="Doorverwezen naar deze voorziening").click()
    expect(page.get_by_text("Kies naar welke voorziening je hebt doorverwezen.", exact=True)).to_be_visible()
    check(page, "uitnodiging-fout")
    page.get_by_role("button", name="Gesprek gevoerd").click()
    expect(page.get_by_text("De uitkomst is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("table", name="Afgeronde uitnodigingen")).to_contain_text("Gesprek gevoerd")
    check(page, "afgerond")
    log_out(page)

    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/barista/mijn-signalen/")
    expect(page.get_by_text("Status: Gesprek gevoerd")).to_be_visible()
    expect(page.get_by_role("heading", name="De regels die voor mij gelden")).to_be_visible()
    check(page, "mijn-signalen")
    log_out(page)

    log_in(page, organisation.users[Role.HR_ANALIST])
    page.goto("/barista/cijfers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Barista-cijfers per team")
    check(page, "cijfers")
