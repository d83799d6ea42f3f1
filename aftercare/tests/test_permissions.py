"""Who reaches a plan, its steps and the peer-support notes: every role, by rule and by page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

import access
from aftercare import selectors, services
from aftercare.constants import StepKind
from aftercare.models import Plan
from aftercare.tests.conftest import register
from organisation.constants import Role
from organisation.models import Person
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UnitFactory, UserFactory
from tests.matrix import ROLES

pytestmark = pytest.mark.django_db

SEES_PLAN = {Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.COLLEGIAAL_ONDERSTEUNER, Role.COORDINATOR_TCO}
READS_NOTES = {Role.COLLEGIAAL_ONDERSTEUNER, Role.COORDINATOR_TCO}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_the_plan_and_the_notes_only_by_the_rules(organisation: Any, plan: Plan, role: str) -> None:
    user = organisation.users[role]
    assert access.can_view_plan(user, plan) is (role in SEES_PLAN)
    assert access.can_read_support_notes(user, plan) is (role in READS_NOTES)


@pytest.mark.parametrize("role", sorted(SEES_PLAN))
def test_the_plan_page_shows_notes_only_to_the_supporter_and_the_coordinator(
    organisation: Any, plan: Plan, login_as: Any, role: str
) -> None:
    services.note_add(
        plan=plan, actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], text="Slaapt slecht sinds de inzet."
    )
    response = login_as(organisation.users[role]).get(reverse("aftercare:plan", args=[plan.pk]))
    assert response.status_code == 200
    assert ("Slaapt slecht" in response.content.decode()) is (role in READS_NOTES)


def test_a_supporter_who_is_not_assigned_and_a_coordinator_elsewhere_do_not_reach_the_plan(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    other_supporter: Any = UserFactory()
    PersonFactory(user=other_supporter, team=organisation.team)
    RoleAssignmentFactory(user=other_supporter, role=Role.COLLEGIAAL_ONDERSTEUNER, unit=organisation.unit)
    elsewhere: Any = UserFactory()
    RoleAssignmentFactory(user=elsewhere, role=Role.COORDINATOR_TCO, unit=UnitFactory(code="elders", name="Elders"))
    for user in (other_supporter, elsewhere):
        assert not access.can_view_plan(user, plan)
        assert login_as(user).get(reverse("aftercare:plan", args=[plan.pk])).status_code == 404


def test_steps_are_completed_by_their_owner_role_or_the_coordinator(organisation: Any, plan: Plan) -> None:
    contact = plan.steps.get(kind=StepKind.CONTACT)
    check_in = plan.steps.filter(kind=StepKind.CHECK_IN).first()
    offer = plan.steps.get(kind=StepKind.SUPPORT_OFFER)
    users = organisation.users
    assert access.can_complete_step(users[Role.LEIDINGGEVENDE], contact)
    assert not access.can_complete_step(users[Role.COLLEGIAAL_ONDERSTEUNER], contact)
    assert not access.can_complete_step(users[Role.MEDEWERKER], contact)
    assert access.can_complete_step(users[Role.COLLEGIAAL_ONDERSTEUNER], check_in)
    assert not access.can_complete_step(users[Role.LEIDINGGEVENDE], check_in)
    assert access.can_complete_step(users[Role.COORDINATOR_TCO], check_in)
    assert access.can_decline_step(users[Role.MEDEWERKER], offer)
    assert not access.can_complete_step(users[Role.MEDEWERKER], offer)


def test_a_manager_completes_a_step_by_post_and_the_supporter_is_refused(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    contact = plan.steps.get(kind=StepKind.CONTACT)
    url = reverse("aftercare:step", args=[contact.pk])
    assert (
        login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER]).post(url, {"actie": "afronden"}).status_code == 403
    )
    response = login_as(organisation.users[Role.LEIDINGGEVENDE]).post(url, {"actie": "afronden", "confirm": "on"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == "afgerond"


def test_an_employee_registers_only_themself(organisation: Any) -> None:
    plain = organisation.users[Role.MEDEWERKER]
    reachable = set(Person.objects.filter(access.aftercare_registrable_people_filter(plain)))
    assert reachable == {organisation.people[Role.MEDEWERKER]}
    manager = organisation.users[Role.LEIDINGGEVENDE]
    team = set(Person.objects.filter(access.aftercare_registrable_people_filter(manager)))
    assert organisation.people[Role.MEDEWERKER] in team
    assert organisation.people["outsider"] not in team
    coordinator = organisation.users[Role.COORDINATOR_TCO]
    unit = set(Person.objects.filter(access.aftercare_registrable_people_filter(coordinator)))
    assert organisation.people["outsider"] in unit


def test_the_supporter_is_never_the_manager_nor_involved_and_stays_within_capacity(
    organisation: Any, settings: Any
) -> None:
    supporter = organisation.people[Role.COLLEGIAAL_ONDERSTEUNER]
    (involved_plan, _other) = register(organisation, people=[organisation.people[Role.MEDEWERKER], supporter])
    assert supporter not in selectors.eligible_supporters(involved_plan)
    # The supporter manages the employee: not eligible either.
    outsider = organisation.people["outsider"]
    outsider.manager = supporter
    outsider.save()
    (managed_plan,) = register(organisation, people=[outsider])
    assert supporter not in selectors.eligible_supporters(managed_plan)
    settings.AFTERCARE_SUPPORTER_CAPACITY = 1
    (first,) = register(organisation, people=[organisation.people[Role.BMW]])
    services.plan_assign_supporter(plan=first, version=first.version, supporter=supporter, actor=None)
    (second,) = register(organisation, people=[organisation.people[Role.CASEMANAGER]])
    assert supporter not in selectors.eligible_supporters(second)
    with pytest.raises(services.InvalidChoice):
        services.plan_assign_supporter(plan=second, version=second.version, supporter=supporter, actor=None)
