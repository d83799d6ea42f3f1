"""Steps after review: a re-offer is never due in the past, no manager of the employee becomes
their supporter, step errors are shown at their field, and a closed plan takes no more requests."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.urls import reverse

from aftercare import selectors, services, workflow
from aftercare.constants import StepKind, StepStatus
from aftercare.models import Plan
from aftercare.tests.conftest import at, register
from organisation.constants import Role
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_late_decline_is_offered_again_at_the_next_check_in_that_is_still_ahead(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    offer = plan.steps.get(kind=StepKind.SUPPORT_OFFER)
    # Declined on day 4: the day-3 check-in (28 November 23:00) is overdue but still open.
    with time_machine.travel(at(2026, 11, 29, 12, 0), tick=False):
        services.step_decline(step=offer, actor=organisation.users[Role.MEDEWERKER])
    again = plan.steps.get(kind=StepKind.SUPPORT_OFFER, status=StepStatus.OPEN)
    assert again.due_at == at(2026, 12, 2, 23, 0)  # the week-1 check-in


def _supporter(organisation: Any, **leads: Any) -> Any:
    user: Any = UserFactory()
    person = PersonFactory(user=user, team=organisation.other_team)
    RoleAssignmentFactory(user=user, role=Role.COLLEGIAAL_ONDERSTEUNER, unit=organisation.unit)
    if leads:
        RoleAssignmentFactory(user=user, role=Role.LEIDINGGEVENDE, **leads)
    return person


def test_no_one_who_leads_the_employees_team_is_a_supporter_candidate(organisation: Any) -> None:
    from organisation.models import OrgNode

    (plan,) = register(organisation)
    department = OrgNode.objects.create(unit=organisation.unit, code="AFD", name="Afdeling", kind="afdeling")
    organisation.team.parent = department
    organisation.team.save()
    plan = Plan.objects.get(pk=plan.pk)
    leads_team = _supporter(organisation, node=organisation.team)
    leads_department = _supporter(organisation, node=department)
    leads_unit = _supporter(organisation, unit=organisation.unit)
    leads_elsewhere = _supporter(organisation, node=organisation.other_team)
    plain = _supporter(organisation)
    candidates = selectors.eligible_supporters(plan)
    assert leads_team not in candidates and leads_department not in candidates and leads_unit not in candidates
    assert leads_elsewhere in candidates and plain in candidates
    with pytest.raises(services.InvalidChoice):
        services.plan_assign_supporter(plan=plan, version=plan.version, supporter=leads_team, actor=None)


def _referral(organisation: Any, plan: Plan) -> Any:
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.EVALUATION),
        actor=organisation.users[Role.COORDINATOR_TCO],
        complaints_persist=True,
    )
    return plan.steps.get(kind=StepKind.REFERRAL)


def test_referral_errors_are_shown_in_dutch_at_their_fields(organisation: Any, plan: Plan, login_as: Any) -> None:
    referral = _referral(organisation, plan)
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    url = reverse("aftercare:step", args=[referral.pk])
    response = client.post(url, {"actie": "afronden", "referral_target": "", "referral_date": "31-02-2026"})
    page = response.content.decode()
    assert response.status_code == 200
    date_error = f"stap-{referral.pk}-referral_date-error"
    target_error = f"stap-{referral.pk}-referral_target-error"
    assert f'id="{date_error}"' in page and "Vul een geldige datum in." in page
    assert f'aria-describedby="{date_error}"' in page
    assert f'id="{target_error}"' in page and "Kies naar wie is doorverwezen." in page
    assert f'aria-describedby="{target_error}"' in page
    assert 'value="31-02-2026"' in page  # what was typed stays in the field
    referral.refresh_from_db()
    assert referral.status == StepStatus.OPEN
    response = client.post(
        url,
        {
            "actie": "afronden",
            "referral_target": "huisarts",
            "referral_date": "2026-12-31",
            "confirm": "on",
            "reason": "Al gebeld",
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.referral_target) == (StepStatus.DONE, "huisarts")


def test_an_evaluation_without_an_answer_gets_the_message_at_the_question(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    evaluation = plan.steps.get(kind=StepKind.EVALUATION)
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    page = client.post(
        reverse("aftercare:step", args=[evaluation.pk]),
        {"actie": "afronden", "confirm": "on", "reason": "Vooruit afgerond in de test"},
    ).content.decode()
    assert f'id="stap-{evaluation.pk}-complaints_persist-error"' in page
    assert "Geef aan of er nog stressklachten zijn." in page
    evaluation.refresh_from_db()
    assert evaluation.status == StepStatus.OPEN
    client.post(
        reverse("aftercare:step", args=[evaluation.pk]),
        {"actie": "afronden", "complaints_persist": "nee", "confirm": "on", "reason": "Vooruit afgerond in de test"},
    )
    evaluation.refresh_from_db()
    assert evaluation.status == StepStatus.DONE
    assert not plan.steps.filter(kind=StepKind.REFERRAL).exists()


def test_a_closed_plan_takes_no_contact_request_nor_home_front_consent(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.CLOSURE),
        actor=organisation.users[Role.COORDINATOR_TCO],
    )
    steps = plan.steps.count()
    client = login_as(organisation.users[Role.MEDEWERKER])
    url = reverse("aftercare:plan_own", args=[plan.pk])
    for action in ("contact", "thuisfront"):
        response = client.post(url, {"actie": action}, follow=True)
        assert "Dit nazorgplan is afgesloten: je kunt hier geen contact of thuisfront meer aanvragen." in (
            response.content.decode()
        )
    assert plan.steps.count() == steps
    plan.refresh_from_db()
    assert plan.home_front_consent is False
    with pytest.raises(workflow.TransitionNotAllowed):
        services.plan_request_contact(plan=plan, actor=organisation.users[Role.MEDEWERKER])


def test_declining_the_home_front_step_withdraws_the_consent(organisation: Any, plan: Plan, login_as: Any) -> None:
    employee = organisation.users[Role.MEDEWERKER]
    step = services.plan_home_front_consent(plan=plan, actor=employee)
    plan.refresh_from_db()
    assert plan.home_front_consent is True
    services.step_decline(step=step, actor=employee)
    plan.refresh_from_db()
    assert plan.home_front_consent is False
    page = login_as(employee).get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert "niet betrekken (geen toestemming)" in page and "Ja, betrek mijn thuisfront" in page
    services.plan_home_front_consent(plan=plan, actor=employee)  # they may consent again later
    assert plan.steps.filter(kind=StepKind.HOME_FRONT, status=StepStatus.OPEN).count() == 1
