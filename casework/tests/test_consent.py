"""Consent: no case without the employee's recorded consent; withdrawal stops the case and takes it
away from the casemanager (docs/casework.md, "Consent")."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.constants import Stage
from casework.models import Case, CaseStep
from casework.tests.conftest import at
from casework.tests.factories import flagged_plan
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def test_a_flagged_event_makes_no_case_until_the_employee_consents(
    organisation: Any, employee: Any, login_as: Any
) -> None:
    flagged_plan(employee)
    assert not Case.objects.exists()
    page = login_as(employee.user).get(reverse("casework:own")).content.decode()
    assert 'data-testid="consent-plans"' in page
    assert not Case.objects.exists(), "opening the page is not consent"


def test_consent_without_the_tick_makes_no_case(organisation: Any, employee: Any, login_as: Any) -> None:
    plan = flagged_plan(employee)
    response = login_as(employee.user).post(reverse("casework:consent_give", args=[plan.pk]), {}, follow=True)
    assert "Vink aan dat je toestemming geeft." in response.content.decode()
    assert not Case.objects.exists()


def test_consent_is_recorded_with_its_moment_and_goes_to_the_casemanager(
    organisation: Any, employee: Any, casemanager: Any, login_as: Any
) -> None:
    plan = flagged_plan(employee)
    with time_machine.travel(at(2026, 3, 2, 9, 15), tick=False):
        response = login_as(employee.user).post(reverse("casework:consent_give", args=[plan.pk]), {"agree": "on"})
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("casework:my_case", args=[case.pk])
    assert case.consent_given_at == at(2026, 3, 2, 9, 15)
    assert case.casemanager == casemanager and case.stage == Stage.MELDING
    (first,) = CaseStep.objects.filter(case=case)
    assert first.to_stage == Stage.MELDING and first.happened_on.isoformat() == "2026-03-02"


def test_nobody_else_can_consent_for_the_employee(organisation: Any, employee: Any) -> None:
    plan = flagged_plan(employee)
    for role in (Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.CASEMANAGER, Role.HR_ADVISEUR):
        with pytest.raises(ValidationError):
            services.consent_give(plan=plan, actor=organisation.users[role])
    assert not Case.objects.exists()


def test_an_event_without_the_flag_cannot_start_a_case(organisation: Any, employee: Any, login_as: Any) -> None:
    plan = flagged_plan(employee, beroepsrisico="")
    response = login_as(employee.user).post(reverse("casework:consent_give", args=[plan.pk]), {"agree": "on"})
    assert response.status_code == 404
    with pytest.raises(ValidationError):
        services.consent_give(plan=plan, actor=employee.user)
    assert not Case.objects.exists()


def test_consenting_twice_keeps_one_running_case(organisation: Any, employee: Any) -> None:
    plan = flagged_plan(employee)
    services.consent_give(plan=plan, actor=employee.user)
    with pytest.raises(ValidationError):
        services.consent_give(plan=plan, actor=employee.user)
    assert Case.objects.count() == 1


def test_withdrawal_stops_the_case_and_the_casemanager_no_longer_finds_it(
    organisation: Any, employee: Any, casemanager: Any, login_as: Any, client: Any
) -> None:
    with time_machine.travel(at(2026, 3, 2, 9, 15), tick=False):
        case = services.consent_give(plan=flagged_plan(employee), actor=employee.user)
    with time_machine.travel(at(2026, 4, 1, 16, 0), tick=False):
        login_as(employee.user).post(reverse("casework:consent_withdraw", args=[case.pk]))
    case.refresh_from_db()
    assert case.stage == Stage.INGETROKKEN
    assert case.consent_withdrawn_at == at(2026, 4, 1, 16, 0) and case.closed_at == case.consent_withdrawn_at
    assert list(CaseStep.objects.filter(case=case).order_by("pk").values_list("to_stage", flat=True)) == [
        Stage.MELDING,
        Stage.INGETROKKEN,
    ]
    # The employee still reads their own history; the casemanager does not reach the case any more.
    assert login_as(employee.user).get(reverse("casework:my_case", args=[case.pk])).status_code == 200
    client.logout()
    manager_client = login_as(casemanager.user)
    assert manager_client.get(reverse("casework:case", args=[case.pk])).status_code == 404
    assert case.person.full_name not in manager_client.get(reverse("casework:cases")).content.decode()
    with pytest.raises(ValidationError):
        services.case_advance(
            case=case,
            to_stage=Stage.REGISTRATIE,
            happened_on=timezone.localdate(case.consent_given_at),
            rationale="x",
            actor=casemanager.user,
        )


def test_after_withdrawal_new_consent_starts_a_new_case(organisation: Any, case: Case, employee: Any) -> None:
    services.consent_withdraw(case=case, actor=employee.user)
    assert case.plan is not None
    again = services.consent_give(plan=case.plan, actor=employee.user)
    assert again.pk != case.pk and again.stage == Stage.MELDING


def test_only_the_employee_withdraws(organisation: Any, case: Case, login_as: Any) -> None:
    for role in (Role.CASEMANAGER, Role.LEIDINGGEVENDE):
        with pytest.raises(ValidationError):
            services.consent_withdraw(case=case, actor=organisation.users[role])
        assert (
            login_as(organisation.users[role]).post(reverse("casework:consent_withdraw", args=[case.pk])).status_code
            == 404
        )
    case.refresh_from_db()
    assert case.consent_withdrawn_at is None and case.stage == Stage.MELDING


def test_a_unit_without_a_casemanager_leaves_the_case_for_one_to_take(organisation: Any, employee: Any) -> None:
    from organisation.models import RoleAssignment

    RoleAssignment.objects.filter(role=Role.CASEMANAGER).delete()
    case = services.consent_give(plan=flagged_plan(employee), actor=employee.user)
    assert case.casemanager is None


def test_each_flagged_event_has_its_own_consent_box(organisation: Any, employee: Any, login_as: Any) -> None:
    first, second = flagged_plan(employee), flagged_plan(employee, days_ago=3)
    page = login_as(employee.user).get(reverse("casework:own")).content.decode()
    assert f'id="id_agree_{first.pk}"' in page and f'id="id_agree_{second.pk}"' in page
