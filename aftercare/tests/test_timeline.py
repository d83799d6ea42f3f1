"""The aftercare timeline with a frozen clock: deadlines, reminders, escalation exactly once,
a declined offer re-offered at the next check-in, and a referral only when complaints persist."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail

from aftercare import deadlines, services
from aftercare.constants import NoticeKind, PlanStatus, StepKind, StepStatus
from aftercare.models import DeadlineNotice, Notification, Plan, StatusChange, Step
from aftercare.tests.conftest import at, register, run_worker
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def contact_step(plan: Plan) -> Step:
    return plan.steps.get(kind=StepKind.CONTACT)


def test_an_event_registered_at_2300_gets_a_contact_deadline_24_hours_later(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    step = contact_step(plan)
    assert step.due_at == at(2026, 11, 26, 23, 0)
    assert step.owner == organisation.people[Role.LEIDINGGEVENDE]
    assert plan.steps.get(kind=StepKind.DEBRIEFING).due_at == at(2026, 11, 26, 23, 0)
    check_ins = list(plan.steps.filter(kind=StepKind.CHECK_IN).values_list("due_at", flat=True))
    assert check_ins == [at(2026, 11, 28, 23, 0), at(2026, 12, 2, 23, 0), at(2026, 12, 23, 23, 0)]


def test_the_manager_is_reminded_before_the_deadline_and_the_coordinator_gets_one_escalation(
    organisation: Any,
) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    step = contact_step(plan)
    with time_machine.travel(at(2026, 11, 26, 18, 59), tick=False):
        deadlines.deadline_scan()
    assert not DeadlineNotice.objects.filter(step=step).exists()
    with time_machine.travel(at(2026, 11, 26, 19, 0), tick=False):
        deadlines.deadline_scan()
    reminder = Notification.objects.get(notice__step=step, notice__kind=NoticeKind.REMINDER)
    assert reminder.recipient == organisation.people[Role.LEIDINGGEVENDE]
    with time_machine.travel(at(2026, 11, 26, 22, 59), tick=False):
        deadlines.deadline_scan()
    assert not DeadlineNotice.objects.filter(step=step, kind=NoticeKind.ESCALATION).exists()
    for minute in (0, 1, 30):  # the scan and the step's own task both run, several times
        with time_machine.travel(at(2026, 11, 26, 23, minute), tick=False):
            deadlines.deadline_scan()
            deadlines.notify(step_id=step.pk, kind=NoticeKind.ESCALATION)
    escalations = Notification.objects.filter(notice__step=step, notice__kind=NoticeKind.ESCALATION)
    assert [n.recipient for n in escalations] == [organisation.people[Role.COORDINATOR_TCO]]


def test_a_contact_made_in_time_is_never_escalated(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    with time_machine.travel(at(2026, 11, 26, 9, 0), tick=False):
        services.step_complete(
            reason="Vooruit afgerond in de test", step=contact_step(plan), actor=organisation.users[Role.LEIDINGGEVENDE]
        )
    with time_machine.travel(at(2026, 11, 27, 9, 0), tick=False):
        deadlines.deadline_scan()
    assert not DeadlineNotice.objects.filter(step=contact_step(plan)).exists()


def test_the_scheduled_deadline_tasks_escalate_once_through_the_worker(
    organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    coordinator = organisation.people[Role.COORDINATOR_TCO]
    coordinator.email = "coordinator@example.org"
    coordinator.save()
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    with time_machine.travel(at(2026, 11, 26, 22, 0), tick=False):
        run_worker()  # the reminders of the 24-hour steps are due; the escalations are not
    step = contact_step(plan)
    assert DeadlineNotice.objects.filter(step=step, kind=NoticeKind.REMINDER).count() == 1
    assert not DeadlineNotice.objects.filter(step=step, kind=NoticeKind.ESCALATION).exists()
    mail.outbox.clear()
    with time_machine.travel(at(2026, 11, 26, 23, 1), tick=False), django_capture_on_commit_callbacks(execute=True):
        run_worker()
        run_worker()
        deadlines.deadline_scan()
    escalated = DeadlineNotice.objects.filter(step__plan=plan, kind=NoticeKind.ESCALATION)
    assert set(escalated.values_list("step__kind", flat=True)) == {StepKind.CONTACT, StepKind.DEBRIEFING}
    assert len(mail.outbox) == 2 == escalated.count()
    assert all(m.to == ["coordinator@example.org"] for m in mail.outbox)
    assert "Reanimatie" not in mail.outbox[0].body  # the e-mail says nothing about the event


def test_a_declined_offer_is_recorded_and_offered_again_at_the_next_check_in(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    offer = plan.steps.get(kind=StepKind.SUPPORT_OFFER)
    with time_machine.travel(at(2026, 11, 26, 12, 0), tick=False):
        services.step_decline(step=offer, actor=organisation.users[Role.MEDEWERKER])
    offer.refresh_from_db()
    assert offer.status == StepStatus.DECLINED
    plan.refresh_from_db()
    assert plan.support_accepted is False
    assert StatusChange.objects.filter(step=offer, to_status=StepStatus.DECLINED).exists()
    again = plan.steps.filter(kind=StepKind.SUPPORT_OFFER, status=StepStatus.OPEN).get()
    first_check_in = plan.steps.filter(kind=StepKind.CHECK_IN).order_by("due_at").first()
    assert first_check_in is not None
    assert again.due_at == first_check_in.due_at == at(2026, 11, 28, 23, 0)
    with time_machine.travel(at(2026, 11, 28, 12, 0), tick=False):
        services.step_complete(
            reason="Vooruit afgerond in de test", step=again, actor=organisation.users[Role.COORDINATOR_TCO]
        )
    plan.refresh_from_db()
    assert plan.support_accepted is True


@pytest.mark.parametrize(("complaints", "referrals"), [(True, 1), (False, 0)])
def test_the_evaluation_creates_a_referral_only_when_complaints_persist(
    organisation: Any, complaints: bool, referrals: int
) -> None:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    evaluation = plan.steps.get(kind=StepKind.EVALUATION)
    assert evaluation.due_at == at(2026, 11, 25, 23, 0) + timedelta(weeks=5)
    with time_machine.travel(at(2026, 12, 30, 10, 0), tick=False):
        services.step_complete(
            reason="Vooruit afgerond in de test",
            step=evaluation,
            actor=organisation.users[Role.COORDINATOR_TCO],
            complaints_persist=complaints,
        )
    assert plan.steps.filter(kind=StepKind.REFERRAL).count() == referrals


def test_a_referral_records_only_the_target_and_the_date(organisation: Any) -> None:
    (plan,) = register(organisation)
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.EVALUATION),
        actor=organisation.users[Role.COORDINATOR_TCO],
        complaints_persist=True,
    )
    referral = plan.steps.get(kind=StepKind.REFERRAL)
    with pytest.raises(services.InvalidChoice):
        services.step_complete(
            reason="Vooruit afgerond in de test", step=referral, actor=organisation.users[Role.COORDINATOR_TCO]
        )
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=referral,
        actor=organisation.users[Role.COORDINATOR_TCO],
        referral_target="zorglijn_ptss",
        referral_date=at(2026, 12, 31, 0).date(),
    )
    referral.refresh_from_db()
    assert (referral.referral_target, str(referral.referral_date)) == ("zorglijn_ptss", "2026-12-31")


def test_closing_cancels_open_steps_and_stops_deadlines(organisation: Any) -> None:
    (plan,) = register(organisation)
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.CLOSURE),
        actor=organisation.users[Role.COORDINATOR_TCO],
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED
    assert not plan.steps.filter(status=StepStatus.OPEN).exists()
    with time_machine.travel(at(2027, 6, 1, 12, 0), tick=False):
        assert deadlines.deadline_scan() == deadlines.ScanResult(reminders=0, escalations=0)


def test_a_finished_step_cannot_be_finished_again(organisation: Any) -> None:
    from aftercare.workflow import TransitionNotAllowed

    (plan,) = register(organisation)
    step = contact_step(plan)
    services.step_complete(
        reason="Vooruit afgerond in de test", step=step, actor=organisation.users[Role.LEIDINGGEVENDE]
    )
    with pytest.raises(TransitionNotAllowed):
        services.step_complete(
            reason="Vooruit afgerond in de test", step=step, actor=organisation.users[Role.COORDINATOR_TCO]
        )
    assert StatusChange.objects.filter(step=step).count() == 2  # open, done: append-only


@pytest.mark.parametrize(("severity", "personal"), [("licht", False), ("ernstig", True), ("zeer_ernstig", True)])
def test_a_serious_event_asks_for_a_personal_debriefing_conversation(
    organisation: Any, severity: str, personal: bool
) -> None:
    (plan,) = register(organisation, severity=severity)
    assert ("persoonlijk gesprek" in plan.steps.get(kind=StepKind.DEBRIEFING).title) is personal
