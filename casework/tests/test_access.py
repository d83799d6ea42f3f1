"""Who reaches a recognition case: the employee (read-only) and the assigned casemanager; everyone
else gets 404. Every read is in the audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from casework.models import Case
from casework.tests.factories import flagged_plan, unassigned_case
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

OUTSIDERS = (Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.HR_ADVISEUR, Role.FUNCTIONEEL_BEHEERDER, Role.BEDRIJFSARTS)


def _reads(case: Case) -> int:
    return AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="casework.case", object_id=str(case.pk)
    ).count()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_the_manager_coordinator_hr_and_others_do_not_find_the_case(
    organisation: Any, case: Case, login_as: Any, role: str
) -> None:
    client = login_as(organisation.users[role])
    assert client.get(reverse("casework:case", args=[case.pk])).status_code == 404
    assert client.get(reverse("casework:my_case", args=[case.pk])).status_code == 404
    assert client.get(f"/api/v1/mijn-beroepsrisicozaken/{case.pk}/").status_code == 404


def test_another_casemanager_of_the_unit_does_not_find_an_assigned_case(
    organisation: Any, case: Case, login_as: Any
) -> None:
    other = UserFactory()
    PersonFactory(user=other, team=organisation.team)
    RoleAssignmentFactory(user=other, role=Role.CASEMANAGER, unit=organisation.unit)
    client = login_as(other)
    assert client.get(reverse("casework:case", args=[case.pk])).status_code == 404
    assert case.person.full_name not in client.get(reverse("casework:cases")).content.decode()


def test_the_employee_has_a_read_only_page_and_not_the_casemanager_page(case: Case, login_as: Any) -> None:
    client = login_as(case.person.user)
    assert client.get(reverse("casework:my_case", args=[case.pk])).status_code == 200
    assert client.get(reverse("casework:case", args=[case.pk])).status_code == 404


def test_every_read_of_a_case_is_audit_logged(case: Case, login_as: Any) -> None:
    login_as(case.person.user).get(reverse("casework:my_case", args=[case.pk]))
    assert _reads(case) == 1
    casemanager_client = login_as(case.casemanager.user)  # type: ignore[union-attr]
    casemanager_client.get(reverse("casework:case", args=[case.pk]))
    casemanager_client.get(reverse("casework:cases"))
    casemanager_client.get("/api/v1/beroepsrisicozaken/")
    casemanager_client.get(f"/api/v1/beroepsrisicozaken/{case.pk}/")
    assert _reads(case) == 5
    event = AuditEvent.objects.filter(object_type="casework.case").latest("pk")
    assert event.subject_employee_number == case.person.employee_number


def test_the_casemanager_list_costs_the_same_few_queries_for_many_cases(
    organisation: Any, employee: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    from casework import services

    for _ in range(6):
        services.consent_give(plan=flagged_plan(employee), actor=employee.user)
    client = login_as(organisation.users[Role.CASEMANAGER])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("casework:cases"))
    assert response.content.decode().count(reverse("casework:case", args=[Case.objects.first().pk])) == 1  # type: ignore[union-attr]
    assert len(response.context["cases"]) == 6


def test_a_case_without_casemanager_can_be_taken_by_a_casemanager_of_the_unit_only(
    organisation: Any, employee: Any, login_as: Any
) -> None:
    case = unassigned_case(employee)
    elsewhere = UserFactory()
    RoleAssignmentFactory(user=elsewhere, role=Role.CASEMANAGER, unit=UnitFactory())
    for user in (elsewhere, organisation.users[Role.COORDINATOR_TCO]):
        assert login_as(user).post(reverse("casework:case_claim", args=[case.pk])).status_code == 404
    response = login_as(organisation.users[Role.CASEMANAGER]).post(reverse("casework:case_claim", args=[case.pk]))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.casemanager == organisation.people[Role.CASEMANAGER]


def test_the_api_gives_the_employee_their_own_cases_only(organisation: Any, case: Case, login_as: Any) -> None:
    data = login_as(case.person.user).get("/api/v1/mijn-beroepsrisicozaken/").json()
    assert [row["id"] for row in data] == [case.pk]
    assert data[0]["stage"] == "melding" and data[0]["history"][0]["to_stage"] == "melding"
    other = login_as(organisation.users[Role.BMW]).get("/api/v1/mijn-beroepsrisicozaken/").json()
    assert other == []


def test_the_home_page_asks_for_a_casemanagers_lists_only_from_a_casemanager(
    organisation: Any, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casework import presentation, selectors

    asked = []
    real = selectors.managed_cases

    def managed_cases(user: Any) -> Any:
        asked.append(user)
        return real(user)

    monkeypatch.setattr(selectors, "managed_cases", managed_cases)
    presentation.waiting_for(organisation.users[Role.MEDEWERKER])
    assert asked == []
    casemanager = case.casemanager.user  # type: ignore[union-attr]
    items = presentation.waiting_for(casemanager)
    assert asked == [casemanager]
    assert [item.detail for item in items if not item.own] == [case.person.full_name]
