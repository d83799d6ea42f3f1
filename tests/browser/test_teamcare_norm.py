"""The reporting norm and the quarterly summary in a browser, at 390 and 1280 px with axe: the
chief sets the team's norm (a bad list is refused at the field), changes it, and a team member
reads the norm, its history and the summary with the small counts hidden. Time is frozen in the
second quarter of 2026; screenshots go to test-artifacts/."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
import time_machine
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from organisation.constants import Role
from teamcare import feedback
from teamcare.periods import Period
from teamcare.tests.test_norm import IN_Q1, _plans
from tests.browser.conftest import assert_accessible, check_page, log_in
from tests.browser.test_aftercare import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IN_Q2 = dt.datetime(2026, 5, 6, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def reference_data(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the event types."""
    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(django_apps, None)


def check(page: Page, name: str) -> None:
    """axe at 390 px and at 1280 px; screenshots at both widths."""
    page.set_viewport_size({"width": 390, "height": 900})
    check_page(page, f"teamcare-{name}")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)


@pytest.mark.slow
def test_the_chief_sets_the_norm_and_the_team_reads_it_with_the_summary(
    page: Page, reference_data: None, organisation: Any
) -> None:
    team = organisation.team
    _plans(team, events=2, plans=6, steps=5, when=IN_Q1)
    with time_machine.travel(IN_Q2, tick=True):
        feedback.freeze(Period(2026, 1))
        log_in(page, organisation.users[Role.LEIDINGGEVENDE])
        page.goto("/teams-in-beeld/meldnorm/")
        check(page, "meldnormen")
        page.get_by_role("link", name=team.name).click()
        expect(page.get_by_test_id("norm-empty")).to_be_visible()
        page.get_by_role("link", name="Meldnorm aanpassen").click()
        field = page.get_by_label("Wat meldt dit team altijd?")
        field.fill("Geweld tegen een collega\ngeweld tegen een collega")
        page.get_by_role("button", name="Opslaan").click()
        expect(page.locator("#id_items-error")).to_contain_text("staat er twee keer in")
        check(page, "meldnorm-fout")
        page.get_by_label("Wat meldt dit team altijd?").fill("Geweld tegen een collega\nBedreiging via sociale media")
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_test_id("norm-items")).to_contain_text("Bedreiging via sociale media")
        page.get_by_role("link", name="Meldnorm aanpassen").click()
        page.get_by_label("Wat meldt dit team altijd?").fill("Geweld tegen een collega\nPrikincident")
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_test_id("norm-history")).to_contain_text("Bedreiging via sociale media")
        log_out(page)

        log_in(page, organisation.users[Role.MEDEWERKER])
        page.goto(f"/teams-in-beeld/meldnorm/team/{team.pk}/")
        expect(page.get_by_test_id("norm-items")).to_contain_text("Prikincident")
        expect(page.get_by_role("link", name="Meldnorm aanpassen")).to_have_count(0)
        table = page.get_by_test_id("feedback")
        expect(table).to_contain_text("1e kwartaal 2026")
        expect(table).to_contain_text("minder dan 5")  # two events: hidden
        expect(table).to_contain_text("6")
        check(page, "meldnorm")
