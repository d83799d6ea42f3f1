"""Retention erases who did what on an old plan: the actors of its status history, and the
audit row of the anonymisation itself names nobody."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from aftercare import retention, services
from aftercare.constants import PlanStatus, StepKind
from aftercare.models import Plan, StatusChange
from aftercare.tests.conftest import at
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def _closed_and_anonymised(organisation: Any, plan: Plan, settings: Any) -> Plan:
    settings.AFTERCARE_RETENTION_DAYS = 30
    with time_machine.travel(at(2026, 11, 25, 12, 0), tick=False):
        services.step_decline(  # the offer was done when the supporter was assigned; a check-in is declined
            step=plan.steps.filter(kind=StepKind.CHECK_IN).order_by("due_at")[0],
            actor=organisation.users[Role.MEDEWERKER],
        )
        services.step_complete(
            reason="Vooruit afgerond in de test",
            step=plan.steps.get(kind=StepKind.CLOSURE),
            actor=organisation.users[Role.COORDINATOR_TCO],
        )
    assert StatusChange.objects.filter(plan=plan, actor=organisation.users[Role.MEDEWERKER]).exists()
    with time_machine.travel(at(2026, 12, 26, 12, 0), tick=False):
        assert retention.retention_anonymise() == 1
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ANONYMISED
    return plan


def test_the_status_history_of_an_anonymised_plan_names_no_one(organisation: Any, plan: Plan, settings: Any) -> None:
    plan = _closed_and_anonymised(organisation, plan, settings)
    history = StatusChange.objects.filter(plan=plan)
    assert history.count() > 10  # what happened and when stays
    assert not history.filter(actor__isnull=False).exists()
    assert not plan.steps.filter(completed_by__isnull=False).exists()
    assert not plan.steps.filter(owner__isnull=False).exists()


def test_the_audit_row_of_the_anonymisation_does_not_identify_the_employee(
    organisation: Any, plan: Plan, settings: Any
) -> None:
    plan = _closed_and_anonymised(organisation, plan, settings)
    row = AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_type="aftercare.plan", object_id=str(plan.pk)
    ).latest("pk")
    assert "person" in row.fields
    assert row.subject_employee_number == ""
    assert row.actor is None and row.actor_username == ""
