"""Deadline notices that must reach someone, and their e-mail: a fallback when no coordinator
covers the employee, a retry when nobody can be told, an absolute link, and logged mail errors."""

from __future__ import annotations

import logging
import smtplib
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.core import mail

from aftercare import deadlines
from aftercare.constants import NoticeKind, StepKind
from aftercare.models import DeadlineNotice, Notification, Plan
from aftercare.tests.conftest import at, register
from organisation.constants import Role
from organisation.models import RoleAssignment
from organisation.tests.factories import RoleAssignmentFactory

pytestmark = pytest.mark.django_db

AFTER_DEADLINE = at(2026, 11, 27, 9, 0)


def _registered(organisation: Any) -> Plan:
    with time_machine.travel(at(2026, 11, 25, 23, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 25, 23, 0))
    return plan


def _escalate(plan: Plan) -> bool:
    step = plan.steps.get(kind=StepKind.CONTACT)
    with time_machine.travel(AFTER_DEADLINE, tick=False):
        return deadlines.notify(step_id=step.pk, kind=NoticeKind.ESCALATION)


def _log_lines(caplog: Any) -> str:
    return " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)


def test_an_escalation_without_a_coordinator_goes_to_the_functioneel_beheerder(organisation: Any) -> None:
    RoleAssignment.objects.filter(role=Role.COORDINATOR_TCO).delete()
    plan = _registered(organisation)
    assert _escalate(plan)
    recipients = Notification.objects.filter(notice__step__plan=plan).values_list("recipient", flat=True)
    assert list(recipients) == [organisation.people[Role.FUNCTIONEEL_BEHEERDER].pk]


def test_an_escalation_that_reaches_nobody_is_not_recorded_and_the_next_scan_retries(
    organisation: Any, caplog: Any
) -> None:
    RoleAssignment.objects.filter(role__in=[Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER]).delete()
    plan = _registered(organisation)
    caplog.set_level(logging.INFO, logger="zorgwijzer.aftercare")
    assert not _escalate(plan)
    assert not DeadlineNotice.objects.filter(step__plan=plan, kind=NoticeKind.ESCALATION).exists()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and warnings[0].getMessage() == "aftercare notice has no recipients"
    employee = organisation.people[Role.MEDEWERKER]
    for personal in (employee.full_name, str(employee.last_name), employee.employee_number, "Reanimatie"):
        assert personal not in _log_lines(caplog)
    # A coordinator is appointed: the hourly scan now escalates, once.
    RoleAssignmentFactory(user=organisation.users[Role.COORDINATOR_TCO], role=Role.COORDINATOR_TCO, unit=plan.unit)
    with time_machine.travel(at(2026, 11, 27, 10, 0), tick=False):
        assert deadlines.deadline_scan().escalations == 2  # contact and debriefing
        assert deadlines.deadline_scan().escalations == 0
    escalation = Notification.objects.get(notice__step__kind=StepKind.CONTACT, notice__kind=NoticeKind.ESCALATION)
    assert escalation.recipient == organisation.people[Role.COORDINATOR_TCO]


def test_the_e_mail_links_to_the_site_when_zorgwijzer_site_url_is_set(
    organisation: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    coordinator = organisation.people[Role.COORDINATOR_TCO]
    coordinator.email = "coordinator@example.org"
    coordinator.save()
    plan = _registered(organisation)
    settings.ZORGWIJZER_SITE_URL = "https://zorgwijzer.example.nl/"
    with django_capture_on_commit_callbacks(execute=True):
        assert _escalate(plan)
    assert "https://zorgwijzer.example.nl/nazorg/meldingen/" in mail.outbox[0].body
    settings.ZORGWIJZER_SITE_URL = ""
    assert deadlines.notifications_url() == "/nazorg/meldingen/"


def test_a_failing_mail_server_is_logged_without_personal_data(
    organisation: Any, caplog: Any, django_capture_on_commit_callbacks: Any
) -> None:
    coordinator = organisation.people[Role.COORDINATOR_TCO]
    coordinator.email = "coordinator@example.org"
    coordinator.save()
    plan = _registered(organisation)
    caplog.set_level(logging.INFO, logger="zorgwijzer.aftercare")
    failing = mock.patch("aftercare.deadlines.send_mail", side_effect=smtplib.SMTPException("550 coordinator@..."))
    with failing, django_capture_on_commit_callbacks(execute=True):
        assert _escalate(plan)  # the in-app notification stands
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [w.getMessage() for w in warnings] == ["aftercare e-mail not sent"]
    assert warnings[0].__dict__["error"] == "SMTPException"
    assert "coordinator@example.org" not in _log_lines(caplog)
    assert coordinator.full_name not in _log_lines(caplog)
