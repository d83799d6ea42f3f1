"""Who reaches whose record: the scope rules of ``access`` and the people pages built on them.

Each test fails when one rule is loosened: a unit scope leaking to every unit, a node scope that
stops descending the tree, a leidinggevende losing (or widening) the direct-reports clause, the
own-record exception, or a role without an individual view suddenly reaching people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

import access
from access import CARE_DATA_ROLES, can, can_view_person, requires_two_factor, visible_people
from catalogue.help_lines import help_lines
from conftest import Organisation
from organisation.constants import CONFIDENTIAL_ROLES, NodeKind, Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory, RoleAssignmentFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@dataclass
class Tree:
    """Unit A: district → basisteam → team, a sibling basisteam and a second team; unit B: one team."""

    unit: Any
    other_unit: Any
    district: Any
    basisteam: Any
    team: Any
    sibling_basisteam: Any
    second_team: Any
    people: dict[str, Any]


@pytest.fixture
def tree() -> Tree:
    unit, other_unit = UnitFactory(), UnitFactory()
    district = OrgNodeFactory(unit=unit, kind=NodeKind.DISTRICT)
    basisteam = OrgNodeFactory(unit=unit, parent=district, kind=NodeKind.BASISTEAM)
    team = OrgNodeFactory(unit=unit, parent=basisteam)
    sibling_basisteam = OrgNodeFactory(unit=unit, kind=NodeKind.BASISTEAM)
    second_team = OrgNodeFactory(unit=unit)
    other_team = OrgNodeFactory(unit=other_unit)
    people = {
        "in_district": PersonFactory(team=district),
        "in_basisteam": PersonFactory(team=basisteam),
        "in_team": PersonFactory(team=team),
        "in_sibling": PersonFactory(team=sibling_basisteam),
        "in_second_team": PersonFactory(team=second_team),
        "in_other_unit": PersonFactory(team=other_team),
        "report_in_other_unit": PersonFactory(team=other_team),
    }
    return Tree(unit, other_unit, district, basisteam, team, sibling_basisteam, second_team, people)


def user_with(role: str, **scope: Any) -> Any:
    user = UserFactory()
    if role != Role.MEDEWERKER:
        RoleAssignmentFactory(user=user, role=role, **scope)
    return user


def seen(user: Any, tree: Tree) -> set[str]:
    """Which of the tree's people the user reaches."""
    visible = set(visible_people(user).values_list("pk", flat=True))
    return {key for key, person in tree.people.items() if person.pk in visible}


@pytest.mark.parametrize("role", [Role.BEDRIJFSARTS, Role.COORDINATOR_TCO])
def test_a_unit_scoped_role_reaches_every_team_of_its_unit_and_no_other_unit(tree: Tree, role: str) -> None:
    user = user_with(role, unit=tree.unit)
    assert seen(user, tree) == {"in_district", "in_basisteam", "in_team", "in_sibling", "in_second_team"}


def test_a_node_scoped_assignment_reaches_the_whole_subtree_but_not_a_sibling_node(tree: Tree) -> None:
    user = user_with(Role.BMW, node=tree.district)
    # in_team is two levels below the district: the tree must be walked all the way down.
    assert seen(user, tree) == {"in_district", "in_basisteam", "in_team"}


def test_a_leidinggevende_reaches_their_nodes_and_direct_reports_elsewhere_but_not_the_rest_of_that_unit(
    tree: Tree,
) -> None:
    user = user_with(Role.LEIDINGGEVENDE, node=tree.basisteam)
    manager = PersonFactory(team=tree.basisteam, user=user)
    report = tree.people["report_in_other_unit"]
    report.manager = manager
    report.save()
    assert seen(user, tree) == {"in_basisteam", "in_team", "report_in_other_unit"}
    assert can_view_person(user, report)
    assert not can_view_person(user, tree.people["in_other_unit"])


def test_a_leidinggevende_without_a_record_of_their_own_reaches_only_their_nodes(tree: Tree) -> None:
    user = user_with(Role.LEIDINGGEVENDE, node=tree.team)
    assert seen(user, tree) == {"in_team"}


def test_everyone_opens_their_own_record_but_a_medewerker_no_colleagues(tree: Tree) -> None:
    user = user_with(Role.MEDEWERKER)
    own: Any = PersonFactory(team=tree.team, user=user)
    assert can_view_person(user, own)
    assert not can_view_person(user, tree.people["in_team"])
    assert seen(user, tree) == set()


@pytest.mark.parametrize(
    "role", [Role.HR_ANALIST, Role.INHOUDSBEHEERDER, Role.COLLEGIAAL_ONDERSTEUNER, *sorted(CONFIDENTIAL_ROLES)]
)
def test_roles_without_an_individual_view_reach_nobody_but_themselves(tree: Tree, role: str) -> None:
    user = user_with(role, unit=tree.unit)
    own: Any = PersonFactory(team=tree.team, user=user)
    assert seen(user, tree) == set()
    assert not can_view_person(user, tree.people["in_team"])
    assert can_view_person(user, own)


def test_the_functioneel_beheerder_reaches_everyone(tree: Tree) -> None:
    user = user_with(Role.FUNCTIONEEL_BEHEERDER)
    assert seen(user, tree) == set(tree.people)


def test_the_care_data_roles_are_exactly_these() -> None:
    # Written out: moving a role in or out of the second-factor group is a security decision.
    assert {
        Role.LEIDINGGEVENDE,
        Role.COLLEGIAAL_ONDERSTEUNER,
        Role.COORDINATOR_TCO,
        Role.FUNCTIONEEL_BEHEERDER,
        Role.BEDRIJFSARTS,
        Role.BMW,
        Role.EENHEIDSPSYCHOLOOG,
        Role.CASEMANAGER,
        Role.HR_ADVISEUR,
        Role.VERTROUWENSPERSOON,
        Role.MEDIATOR,
        Role.KLACHTCOORDINATOR,
        Role.KLACHTBEHANDELAAR,
        Role.KLACHTCOMMISSIE,
        Role.VIK_PREVENTIE,
        Role.VIK_INTEGRITEIT,
    } == CARE_DATA_ROLES


@pytest.mark.parametrize("role", list(Role))
def test_a_second_factor_is_required_exactly_for_the_care_data_roles(role: Role) -> None:
    assert requires_two_factor(user_with(role)) is (role in CARE_DATA_ROLES)


def test_no_second_factor_is_asked_of_an_anonymous_visitor() -> None:
    assert not requires_two_factor(AnonymousUser())


def test_can_refuses_unknown_actions_even_to_the_functioneel_beheerder() -> None:
    user = user_with(Role.FUNCTIONEEL_BEHEERDER)
    assert can(user, "audit.view")
    assert not can(user, "audit.delete")
    assert not can(user, "")


@pytest.mark.parametrize("action", ["organisation.view", "people.view", "audit.view"])
def test_can_refuses_every_action_to_an_anonymous_visitor(action: str) -> None:
    assert not can(AnonymousUser(), action)


def test_an_anonymous_visitor_reaches_nobody(tree: Tree) -> None:
    assert not visible_people(AnonymousUser()).exists()


# The people pages -----------------------------------------------------------------------------

PEOPLE_URL = "/organisatie/medewerkers/"


def listed(client: Any) -> set[str]:
    response = client.get(PEOPLE_URL)
    assert response.status_code == 200
    return {person.employee_number for person in response.context["page"].object_list}


def test_the_people_list_shows_each_role_only_the_people_in_its_scope(
    client: Any, login_as: Any, organisation: Organisation
) -> None:
    manager = organisation.people[Role.LEIDINGGEVENDE]
    elsewhere = OrgNodeFactory()  # another unit
    report_elsewhere = PersonFactory(team=elsewhere, manager=manager)
    stranger = PersonFactory(team=elsewhere)
    personas = {person.employee_number for key, person in organisation.people.items() if key != "outsider"}
    outsider = organisation.people["outsider"].employee_number  # other team, same unit

    login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert listed(client) == personas | {report_elsewhere.employee_number}

    client.logout()
    login_as(organisation.users[Role.BEDRIJFSARTS])
    assert listed(client) == personas | {outsider}
    assert stranger.employee_number not in listed(client)


#: Session, user, OTP device, account security, role assignments, one per level of the manager's
#: node tree (one here), their own person record, the count and the page: never one per person.
PEOPLE_LIST_QUERIES = 9


@pytest.mark.parametrize("extra", [5, 30])
def test_the_people_list_query_count_does_not_grow_with_the_number_of_people(
    client: Any, login_as: Any, organisation: Organisation, django_assert_max_num_queries: Any, extra: int
) -> None:
    manager = organisation.people[Role.LEIDINGGEVENDE]
    for _ in range(extra):
        PersonFactory(team=OrgNodeFactory(), manager=manager)  # each in their own team and unit
    login_as(organisation.users[Role.LEIDINGGEVENDE])
    help_lines()  # the header's help numbers are site-wide, cached for a minute: not a per-page query
    with django_assert_max_num_queries(PEOPLE_LIST_QUERIES):
        response = client.get(PEOPLE_URL)
    assert response.context["page"].paginator.count >= extra


def test_a_person_out_of_reach_is_not_found_exactly_like_a_number_that_does_not_exist(
    client: Any, login_as: Any, organisation: Organisation
) -> None:
    login_as(organisation.users[Role.MEDEWERKER])
    colleague = organisation.people[Role.BEDRIJFSARTS].employee_number
    assert client.get(reverse("organisation:person", args=[colleague])).status_code == 404
    assert client.get(reverse("organisation:person", args=["999999999"])).status_code == 404
    own = organisation.people[Role.MEDEWERKER].employee_number
    assert client.get(reverse("organisation:person", args=[own])).status_code == 200


def test_the_functioneel_beheerder_opens_any_record(client: Any, login_as: Any, organisation: Organisation) -> None:
    login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    stranger = PersonFactory(team=OrgNodeFactory())
    assert client.get(reverse("organisation:person", args=[stranger.employee_number])).status_code == 200


@pytest.mark.parametrize("name", ["organisation:people", "organisation:person"])
def test_people_pages_are_never_cached(client: Any, login_as: Any, organisation: Organisation, name: str) -> None:
    login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    args = [organisation.people["outsider"].employee_number] if name == "organisation:person" else []
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_people_list_answers_htmx_with_rows_but_a_history_restore_with_the_whole_page(
    client: Any, login_as: Any, organisation: Organisation
) -> None:
    login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    partial = client.get(PEOPLE_URL, headers={"HX-Request": "true"})
    assert "HX-Request" in partial["Vary"]
    assert b"<html" not in partial.content
    restore = client.get(PEOPLE_URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert b"<html" in restore.content


def test_an_app_cannot_claim_a_capability_another_already_has():
    from access.base import register_actions

    with pytest.raises(ValueError, match=r"aftercare\.own"):
        register_actions({"aftercare.own": frozenset()})
    assert access.ACTIONS["aftercare.own"]  # the original rule stays


def test_importing_the_package_brings_every_apps_capabilities():
    assert {"aftercare.register", "monitor.dashboard", "barista.statistics", "audit.view"} <= set(access.ACTIONS)
