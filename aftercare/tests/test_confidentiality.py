"""Who sees where a referral went, and the audit trail of the list pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import access
from aftercare import deadlines, services
from aftercare.constants import NoticeKind, StepKind
from aftercare.models import Plan
from aftercare.tests.conftest import at, register
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from tests.matrix import ROLES

pytestmark = pytest.mark.django_db

SEES_TARGET = {Role.MEDEWERKER, Role.COLLEGIAAL_ONDERSTEUNER, Role.COORDINATOR_TCO}


def _referred(organisation: Any, plan: Plan) -> None:
    coordinator = organisation.users[Role.COORDINATOR_TCO]
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.EVALUATION),
        actor=coordinator,
        complaints_persist=True,
    )
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.REFERRAL),
        actor=coordinator,
        referral_target="zorglijn_ptss",
        referral_date=at(2026, 12, 31, 0).date(),
    )


@pytest.mark.parametrize("role", ROLES)
def test_only_the_employee_the_supporter_and_the_coordinator_may_see_the_referral_target(
    organisation: Any, plan: Plan, role: str
) -> None:
    assert access.can_see_referral_target(organisation.users[role], plan) is (role in SEES_TARGET)


@pytest.mark.parametrize(
    "role", [Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.COLLEGIAAL_ONDERSTEUNER, Role.COORDINATOR_TCO]
)
def test_the_manager_sees_that_a_referral_was_made_not_where_to(
    organisation: Any, plan: Plan, login_as: Any, role: str
) -> None:
    _referred(organisation, plan)
    page = login_as(organisation.users[role]).get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    if role in SEES_TARGET:
        assert "Doorverwezen naar Zorglijn PTSS, 31 december 2026." in page
    else:
        assert "Zorglijn PTSS" not in page and "PTSS" not in page
        assert "Doorverwezen, 31 december 2026." in page


def _list_reads() -> Any:
    return AuditEvent.objects.filter(action=AuditAction.READ, object_type="aftercare.plan")


@pytest.mark.parametrize(
    ("role", "url"),
    [
        (Role.LEIDINGGEVENDE, "aftercare:team"),
        (Role.COORDINATOR_TCO, "aftercare:coordination"),
        (Role.COLLEGIAAL_ONDERSTEUNER, "aftercare:cases"),
        (Role.MEDEWERKER, "aftercare:my_plans"),
    ],
)
def test_a_list_page_writes_one_read_per_plan_it_shows(
    organisation: Any, plan: Plan, login_as: Any, role: str, url: str
) -> None:
    client = login_as(organisation.users[role])
    client.get(reverse(url))
    reads = _list_reads()
    assert reads.count() == 1
    read = reads.get()
    assert read.object_id == str(plan.pk)
    assert read.subject_employee_number == organisation.people[Role.MEDEWERKER].employee_number
    assert read.actor == organisation.users[role]


def test_list_reads_do_not_grow_the_number_of_queries(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    register(organisation)
    client.get(reverse("aftercare:team"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("aftercare:team"))
    register(organisation, people=[organisation.people[r] for r in (Role.BMW, Role.HR_ANALIST, Role.CASEMANAGER)])
    with CaptureQueriesContext(connection) as four:
        client.get(reverse("aftercare:team"))
    assert len(four.captured_queries) == len(one.captured_queries)
    assert _list_reads().count() == 1 + 1 + 4


@pytest.mark.time_machine(at(2026, 11, 25, 12, 0), tick=False)  # the plan fixture is made on this day too
def test_the_notifications_page_writes_a_read_per_plan_it_points_to(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    a_month_later = at(2026, 12, 25, 12, 0)  # contact and debriefing are overdue
    deadlines.notify(step_id=plan.steps.get(kind=StepKind.CONTACT).pk, kind=NoticeKind.ESCALATION, now=a_month_later)
    deadlines.notify(step_id=plan.steps.get(kind=StepKind.DEBRIEFING).pk, kind=NoticeKind.ESCALATION, now=a_month_later)
    page = login_as(organisation.users[Role.COORDINATOR_TCO]).get(reverse("aftercare:notifications")).content.decode()
    assert page.count(reverse("aftercare:plan", args=[plan.pk])) == 2
    read = _list_reads().get()  # two notices, one plan
    assert read.subject_employee_number == organisation.people[Role.MEDEWERKER].employee_number
