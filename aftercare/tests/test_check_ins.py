"""Structured check-ins (issue 22 §1): the answers of the conversation decide what follows, and
only the assigned supporter and the coordinator see them (each read on record)."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.urls import reverse

from aftercare import retention, services
from aftercare.constants import CheckInOutcome, StepKind, StepOwner, StepStatus
from aftercare.models import CheckIn, Plan, Step
from aftercare.tests.conftest import GOING_WELL, at, register
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

pytestmark = pytest.mark.django_db

EVENT = at(2026, 11, 2, 9, 0)
WORRYING = {**GOING_WELL, "sleep": "zorgelijk"}
MIXED_THREE = {**GOING_WELL, "sleep": "wisselend", "reliving": "wisselend", "work": "wisselend"}


def _plan(organisation: Any) -> Plan:
    with time_machine.travel(EVENT, tick=False):
        (plan,) = register(organisation, when=EVENT)
        return services.plan_assign_supporter(
            plan=plan, version=plan.version, supporter=organisation.people[Role.COLLEGIAAL_ONDERSTEUNER], actor=None
        )


def _check_in(plan: Plan, index: int) -> Step:
    return plan.steps.filter(kind=StepKind.CHECK_IN).order_by("due_at")[index]


def _referrals(plan: Plan) -> list[Step]:
    return list(plan.steps.filter(kind=StepKind.REFERRAL))


def test_a_check_in_with_normal_recovery_continues_the_plan_without_referral(organisation: Any) -> None:
    plan = _plan(organisation)
    day_three = _check_in(plan, 0)
    with time_machine.travel(at(2026, 11, 5, 10, 0), tick=False):
        services.step_complete(
            step=day_three, actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], check_in=GOING_WELL
        )
    assert CheckIn.objects.get(step=day_three).outcome == CheckInOutcome.NORMAL
    assert _referrals(plan) == []
    assert plan.steps.filter(kind=StepKind.CHECK_IN, status=StepStatus.OPEN).count() == 2


@pytest.mark.parametrize("answers", [WORRYING, MIXED_THREE], ids=["one-worrying", "three-mixed"])
def test_complaints_in_the_first_week_ask_for_attention_not_yet_a_referral(organisation: Any, answers: Any) -> None:
    plan = _plan(organisation)
    week_one = _check_in(plan, 1)
    with time_machine.travel(at(2026, 11, 9, 10, 0), tick=False):
        services.step_complete(step=week_one, actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], check_in=answers)
    assert CheckIn.objects.get(step=week_one).outcome == CheckInOutcome.WATCH
    assert _referrals(plan) == []


def test_two_mixed_themes_are_still_a_normal_recovery(organisation: Any) -> None:
    plan = _plan(organisation)
    week_four = _check_in(plan, 2)
    answers = {**GOING_WELL, "sleep": "wisselend", "work": "wisselend"}
    with time_machine.travel(at(2026, 11, 30, 10, 0), tick=False):
        services.step_complete(step=week_four, actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], check_in=answers)
    assert CheckIn.objects.get(step=week_four).outcome == CheckInOutcome.NORMAL
    assert _referrals(plan) == []


def test_complaints_at_week_four_lead_to_the_referral_step_once(organisation: Any) -> None:
    plan = _plan(organisation)
    week_four = _check_in(plan, 2)
    with time_machine.travel(at(2026, 11, 30, 10, 0), tick=False):
        services.step_complete(
            step=week_four, actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], check_in=WORRYING
        )
    assert CheckIn.objects.get(step=week_four).outcome == CheckInOutcome.REFER
    (referral,) = _referrals(plan)
    assert (referral.owner_role, referral.status) == (StepOwner.COORDINATOR, StepStatus.OPEN)
    assert referral.due_at == at(2026, 12, 7, 10, 0)
    plan.refresh_from_db()
    assert plan.complaints_persist is True
    # The evaluation a week later says the same: the open referral is not made twice.
    with time_machine.travel(at(2026, 12, 7, 9, 0), tick=False):
        services.step_complete(
            step=plan.steps.get(kind=StepKind.EVALUATION),
            actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER],
            complaints_persist=True,
        )
    assert len(_referrals(plan)) == 1


def test_a_check_in_without_all_answers_is_refused_at_each_question_and_nothing_is_saved(
    organisation: Any, login_as: Any
) -> None:
    plan = _plan(organisation)
    day_three = _check_in(plan, 0)
    client = login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    with time_machine.travel(at(2026, 11, 5, 10, 0), tick=False):
        data = {"actie": "afronden", "confirm": "on", "sleep": "goed", "work": "onzin"}
        page = client.post(reverse("aftercare:step", args=[day_three.pk]), data).content.decode()
    for theme in ("reliving", "avoidance", "support_home", "support_work", "substances"):
        assert f'id="stap-{day_three.pk}-{theme}-error"' in page
    assert f'id="stap-{day_three.pk}-work-error"' in page  # not one of the levels
    assert "Kies hoe het hiermee gaat." in page
    day_three.refresh_from_db()
    assert day_three.status == StepStatus.OPEN
    assert not CheckIn.objects.exists()


def _completed_week_four(organisation: Any, login_as: Any) -> Plan:
    plan = _plan(organisation)
    week_four = _check_in(plan, 2)
    client = login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    with time_machine.travel(at(2026, 11, 30, 10, 0), tick=False):
        data = {"actie": "afronden", "confirm": "on", **WORRYING}
        response = client.post(reverse("aftercare:step", args=[week_four.pk]), data)
    assert response.status_code == 302
    return plan


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        (Role.COLLEGIAAL_ONDERSTEUNER, True),
        (Role.COORDINATOR_TCO, True),
        (Role.LEIDINGGEVENDE, False),
        (Role.MEDEWERKER, False),
    ],
)
def test_only_the_supporter_and_the_coordinator_see_the_answers_and_their_reads_are_logged(
    organisation: Any, login_as: Any, client: Any, role: str, sees: bool
) -> None:
    plan = _completed_week_four(organisation, login_as)
    client.logout()
    viewer = login_as(organisation.users[role])
    page = viewer.get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert ('data-testid="check-in-answers"' in page) is sees
    assert ("Zorgelijk" in page) is sees
    reads = AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="aftercare.checkin", actor=organisation.users[role]
    )
    assert reads.count() == (1 if sees else 0)
    if sees:
        assert reads.get().subject_employee_number == organisation.people[Role.MEDEWERKER].employee_number
    if role == Role.LEIDINGGEVENDE:  # the manager sees that it was done, nothing more
        assert "Contactmoment week 4" in page and "Afgerond" in page


def test_the_answers_are_erased_with_the_plan_s_personal_data(organisation: Any, settings: Any) -> None:
    settings.AFTERCARE_RETENTION_DAYS = 30
    plan = _plan(organisation)
    with time_machine.travel(at(2026, 11, 5, 10, 0), tick=False):
        services.step_complete(
            step=_check_in(plan, 0), actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], check_in=WORRYING
        )
        services.step_complete(
            step=plan.steps.get(kind=StepKind.CLOSURE),
            actor=organisation.users[Role.COORDINATOR_TCO],
            reason="Vooruit afgerond in de test",
        )
    assert CheckIn.objects.count() == 1
    with time_machine.travel(at(2026, 12, 10, 10, 0), tick=False):
        assert retention.retention_anonymise() == 1
    assert not CheckIn.objects.exists()
