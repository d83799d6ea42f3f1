"""Structured check-ins and postvention in a browser (issue 22 §1), with axe and screenshots at
390 and 1280 px in test-artifacts/: a week-4 check-in whose answers lead to a referral, and a
postvention plan after a colleague's suicide as the coordinator and a team member see it."""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from aftercare import services
from aftercare.models import EventType
from organisation.constants import Role
from organisation.tests.factories import PersonFactory
from tests.browser.conftest import check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def aftercare_lists(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the lists again."""
    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(django_apps, None)
    importlib.import_module("aftercare.migrations.0005_postvention_prikpunt_gtpa_templates").load(django_apps, None)


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


@pytest.mark.slow
def test_a_week_four_check_in_with_complaints_leads_to_a_referral(page: Page, organisation: Any) -> None:
    event = services.event_register(
        reporter=organisation.users[Role.LEIDINGGEVENDE],
        occurred_at=timezone.now() - timedelta(days=29),
        kind=EventType.objects.get(code="schietincident"),
        severity="zeer_ernstig",
        people=[organisation.people[Role.MEDEWERKER]],
    )
    plan = event.plans.get()
    services.plan_assign_supporter(
        plan=plan, version=plan.version, supporter=organisation.people[Role.COLLEGIAAL_ONDERSTEUNER], actor=None
    )
    week_four = plan.steps.get(title="Contactmoment week 4")

    log_in(page, organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    page.goto(f"/nazorg/plan/{plan.pk}/")
    form = page.get_by_role("form", name="Contactmoment week 4")
    form.get_by_role("button", name="Afgerond: Contactmoment week 4").click()  # nothing filled in yet
    expect(page.locator(f"#stap-{week_four.pk}-sleep-error")).to_have_text("Kies hoe het hiermee gaat.")
    check_page(page, "aftercare-check-in-errors")

    form = page.get_by_role("form", name="Contactmoment week 4")
    answers = {
        "Slapen": "Zorgelijk",
        "Terugdenken": "Wisselend",
        "Vermijden": "Wisselend",
        "Steun thuis": "Gaat goed",
        "Steun op het werk": "Gaat goed",
        "Alcohol of medicijnen": "Gaat goed",
        "Werken": "Wisselend",
    }
    for question, level in answers.items():
        form.get_by_role("group", name=question).get_by_label(level, exact=True).check()
    form.get_by_label("Ja, deze stap is gedaan").check()
    form.get_by_role("button", name="Afgerond: Contactmoment week 4").click()
    expect(page.get_by_role("status")).to_contain_text("De stap is afgerond.")
    expect(page.get_by_test_id("check-in-outcome")).to_have_text("Klachten houden aan na vier weken: doorverwijzing")
    expect(page.get_by_role("heading", name="Doorverwijzing naar professionele zorg")).to_be_visible()
    check_page(page, "aftercare-check-in-referral")
    log_out(page)

    # The manager sees that the check-in was done, not what was said.
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto(f"/nazorg/plan/{plan.pk}/")
    expect(page.get_by_role("heading", name="Contactmoment week 4")).to_be_visible()
    expect(page.get_by_test_id("check-in-answers")).to_have_count(0)
    check_page(page, "aftercare-check-in-manager")


@pytest.mark.slow
def test_a_postvention_plan_for_the_coordinator_and_a_team_member(page: Page, organisation: Any) -> None:
    manager = organisation.people[Role.LEIDINGGEVENDE]
    team = [organisation.people[Role.MEDEWERKER], PersonFactory(team=organisation.team, manager=manager)]
    event = services.event_register(
        reporter=organisation.users[Role.LEIDINGGEVENDE],
        occurred_at=timezone.now() - timedelta(hours=3),
        kind=EventType.objects.get(code="suicide-collega"),
        severity="zeer_ernstig",
        people=team,
    )
    plan = event.plans.get(person=organisation.people[Role.MEDEWERKER])
    investigation = plan.steps.get(kind="extern_onderzoek")

    log_in(page, organisation.users[Role.COORDINATOR_TCO])
    page.goto(f"/nazorg/plan/{plan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nazorgplan van")
    expect(page.get_by_role("heading", name="Opvang van het team organiseren: samen, op teamniveau")).to_be_visible()
    title = "Extern onderzoek door het psychotraumacentrum aangevraagd"
    form = page.get_by_role("form", name=title)
    form.get_by_label("Datum van de aanvraag bij het psychotraumacentrum").fill(
        timezone.localdate().strftime("%Y-%m-%d")
    )
    form.get_by_label("Ja, deze stap is gedaan").check()
    form.get_by_role("button", name=f"Afgerond: {title}").click()
    expect(page.get_by_role("status")).to_contain_text("De stap is afgerond.")
    expect(page.locator(f"#step-{investigation.pk} ~ [data-testid='step-date']")).to_be_visible()
    check_page(page, "aftercare-postvention-coordinator")
    log_out(page)

    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto(f"/nazorg/plan/{plan.pk}/")
    expect(page.get_by_text("Je kunt praten met de geestelijk verzorger")).to_be_visible()
    expect(
        page.get_by_role("button", name="Nee, dank je: Geestelijk verzorger aanbieden voor afscheid en rituelen")
    ).to_be_visible()
    check_page(page, "aftercare-postvention-team-member")


@pytest.mark.slow
def test_the_beheerder_edits_a_template_and_the_casemanager_sees_their_files(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    page.goto("/nazorg/sjablonen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjablonen voor nazorg")
    check_page(page, "aftercare-editor-list")
    page.get_by_role("link", name="Postventie na suïcide van een collega").click()
    page.locator("#id_name_en").fill("Postvention (colleague's suicide)")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.get_by_role("status")).to_contain_text("Versie 2 is opgeslagen.")
    check_page(page, "aftercare-editor-template")
    page.goto("/nazorg/sjablonen/")
    page.get_by_role("link", name="Reanimatie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Soort gebeurtenis: Reanimatie")
    check_page(page, "aftercare-editor-event-type")
    page.get_by_role("button", name="Uitloggen").click()

    event = services.event_register(
        reporter=organisation.users[Role.LEIDINGGEVENDE],
        occurred_at=timezone.now() - timedelta(hours=1),
        kind=EventType.objects.get(code="bedreiging-feitelijk"),
        severity="ernstig",
        people=[organisation.people[Role.MEDEWERKER]],
        property_damage=True,
    )
    log_in(page, organisation.users[Role.CASEMANAGER])
    page.goto("/nazorg/mijn-dossiers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers geweld tegen politie")
    check_page(page, "aftercare-casework")
    page.get_by_role("link", name=organisation.people[Role.MEDEWERKER].full_name).click()
    expect(page.get_by_test_id("casework-only")).to_be_visible()
    expect(page.get_by_role("heading", name="Contactmoment dag 3")).to_have_count(0)
    assert event.plans.count() == 1
    check_page(page, "aftercare-casework-plan")
