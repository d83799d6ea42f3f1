"""Teams in beeld as people use it: the head of a district sees a team on which three signals
coincide, with the reasons; the team's chief writes a logbook note, walks the action route and
fills in the checklists; the HR adviser plans a values dialogue. axe at 390 and 1280 px."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from organisation.constants import NodeKind, Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory, RoleAssignmentFactory, UserFactory
from teamcare.tests.factories import FacilitatorFactory, absence, leaders
from tests.browser.conftest import assert_accessible, check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def catalogue(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the edition again."""
    import importlib

    from django.apps import apps as django_apps

    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)


def check(page: Page, name: str) -> None:
    """axe at phone width, then at desktop width (check_page also screenshots both)."""
    page.set_viewport_size({"width": 390, "height": 900})
    check_page(page, f"teamcare-{name}")
    assert_accessible(page)


@pytest.fixture
def district_head(organisation: Any) -> Any:
    node = OrgNodeFactory.create(unit=organisation.unit, kind=NodeKind.DISTRICT, name="District Oost")
    organisation.team.parent = node
    organisation.team.save()
    head = UserFactory.create(username="districtchef")
    PersonFactory.create(user=head, team=node, first_name="Dana", last_name="Districtchef")
    RoleAssignmentFactory.create(user=head, role=Role.LEIDINGGEVENDE, node=node)
    return head


def _three_signals(team: Any) -> None:
    from monitor import results
    from monitor.tests.factories import answered_campaign

    absence(team, percentage="9.5")
    leaders(team, [600, 300, 100])
    other = OrgNodeFactory.create(unit=team.unit, name="Team Vergelijk")
    results.freeze(answered_campaign({team: 6, other: 6}, value_of=lambda node, i: (1 + i % 3) if node == team else 4))


@pytest.mark.slow
def test_the_district_head_sees_the_team_with_three_reasons(page: Page, organisation: Any, district_head: Any) -> None:
    _three_signals(organisation.team)
    log_in(page, district_head)
    page.goto("/teams-in-beeld/signalen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Teams met samenvallende signalen")
    check(page, "signals")
    page.get_by_role("link", name="Team Noord").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalen van Team Noord")
    expect(page.get_by_test_id("reasons").locator("li")).to_have_count(3)
    check(page, "team-signals")


@pytest.mark.slow
def test_the_chief_keeps_a_private_logbook_walks_the_route_and_fills_in_the_checklist(
    page: Page, organisation: Any
) -> None:
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/teams-in-beeld/")
    check(page, "index")
    page.goto("/teams-in-beeld/logboek/")
    page.get_by_label("Wat valt je op?").fill("Toch raar: bij de overdracht zei niemand iets.")
    page.get_by_role("button", name="Bewaren").click()
    check(page, "notes")
    page.get_by_role("link", name="Logboek, Team Noord").click()
    expect(page.get_by_test_id("note-text")).to_contain_text("Toch raar")
    check(page, "note")
    page.goto("/teams-in-beeld/route/")
    page.get_by_label("Zorg over een leidinggevende").check()
    page.get_by_label("Waar gaat het over?").fill("Collega-chef")
    page.get_by_role("button", name="Route beginnen").click()
    page.get_by_label("Aantekening").first.fill("Twee keer gezien.")
    check(page, "route")
    page.get_by_role("button", name="Bewaren").click()
    page.goto("/teams-in-beeld/signalenlijst/")
    check(page, "checklist")
    for label in (
        "Leidinggevenden wisselen snel, ook in de afgelopen jaren",
        "Het verzuim is hoog en mensen melden zich vaak ziek",
        "Er wordt veel niet gezegd; je voelt een onderstroom",
    ):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    expect(page.get_by_test_id("checklist-result")).to_contain_text("3 van 12")
    expect(page.get_by_role("link", name="Experts Veilig en Gezond Werken Teams")).to_be_visible()
    check(page, "checklist-result")
    page.goto("/teams-in-beeld/check-up/")
    check(page, "checkups")


@pytest.mark.slow
def test_the_hr_adviser_plans_a_values_dialogue(page: Page, organisation: Any) -> None:
    from teamcare.models import Dialogue

    dialogue = Dialogue.objects.create(
        requested_by=organisation.users[Role.LEIDINGGEVENDE],
        team=organisation.other_team,
        kind="waardenvol",
        level="collectief",
        goals=["leren", "kennen"],
    )
    members = [PersonFactory.create(team=organisation.other_team, first_name="Lid", last_name=str(n)) for n in range(3)]
    pool = [
        FacilitatorFactory.create(
            person=PersonFactory.create(team=organisation.team, first_name="Begeleider", last_name=str(n))
        )
        for n in range(2)
    ]
    log_in(page, organisation.users[Role.HR_ADVISEUR])
    page.goto(f"/teams-in-beeld/gesprekken/{dialogue.pk}/")
    check(page, "dialogue")
    when = timezone.localtime() + dt.timedelta(days=10)
    page.get_by_label("Datum en tijd").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Plaats").fill("Bureau Zuid")
    for person in members:
        page.get_by_label(person.full_name, exact=True).check()
    for facilitator in pool:
        page.get_by_label(facilitator.person.full_name, exact=False).check()
    page.get_by_role("button", name="Bevestigen en uitnodigen").click()
    expect(page.get_by_test_id("dialogue-status")).to_have_text("Gepland en uitgenodigd")
    check(page, "dialogue-planned")
    page.goto("/teams-in-beeld/procesbegeleiders/")
    check(page, "facilitators")
    page.goto("/teams-in-beeld/gesprekken/aanvragen/")
    check(page, "dialogue-request")
