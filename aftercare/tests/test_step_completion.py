"""Who completes a step, and how (issue 15 §3): only its owner, or the coordinator on the owner's
behalf (on record); a planned step done well before its moment needs a reason; completing asks for
a confirmation with an optional short note; a completion can be undone for a few minutes by the
person who did it, and the history keeps both."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

import access
from aftercare import services, workflow
from aftercare.constants import StepKind, StepStatus
from aftercare.models import Plan, StatusChange
from aftercare.tests.conftest import GOING_WELL, register
from organisation.constants import Role
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_another_manager_of_the_team_may_not_complete_the_owners_step(organisation: Any, plan: Plan) -> None:
    contact = plan.steps.get(kind=StepKind.CONTACT)
    deputy: Any = PersonFactory(team=organisation.team, user=UserFactory())
    RoleAssignmentFactory(user=deputy.user, role=Role.LEIDINGGEVENDE, node=organisation.team)
    assert contact.owner == organisation.people[Role.LEIDINGGEVENDE]
    assert not access.can_complete_step(deputy.user, contact)
    assert access.can_complete_step(organisation.users[Role.LEIDINGGEVENDE], contact)


def test_the_coordinator_completes_a_step_on_behalf_of_its_owner_on_record(organisation: Any, plan: Plan) -> None:
    contact = plan.steps.get(kind=StepKind.CONTACT)
    coordinator = organisation.users[Role.COORDINATOR_TCO]
    assert access.can_complete_step(coordinator, contact)
    services.step_complete(step=contact, actor=coordinator, note="Telefonisch gesproken")
    change = StatusChange.objects.get(step=contact, to_status=StepStatus.DONE)
    assert change.actor == coordinator
    assert change.on_behalf_of == organisation.people[Role.LEIDINGGEVENDE]
    assert change.note == "Telefonisch gesproken"


def test_the_owner_completing_their_own_step_is_not_on_behalf_of_anyone(organisation: Any, plan: Plan) -> None:
    contact = plan.steps.get(kind=StepKind.CONTACT)
    services.step_complete(step=contact, actor=organisation.users[Role.LEIDINGGEVENDE])
    assert StatusChange.objects.get(step=contact, to_status=StepStatus.DONE).on_behalf_of is None


def test_a_check_in_weeks_ahead_needs_a_reason_and_the_reason_is_kept(organisation: Any, plan: Plan) -> None:
    week_four = plan.steps.filter(kind=StepKind.CHECK_IN).order_by("-due_at").first()
    assert week_four is not None and week_four.due_at - timezone.now() > timedelta(days=20)
    supporter = organisation.users[Role.COLLEGIAAL_ONDERSTEUNER]
    with pytest.raises(services.InvalidChoice):
        services.step_complete(step=week_four, actor=supporter)
    week_four.refresh_from_db()
    assert week_four.status == StepStatus.OPEN
    services.step_complete(step=week_four, actor=supporter, reason="Collega gaat lang met verlof", check_in=GOING_WELL)
    assert StatusChange.objects.get(step=week_four, to_status=StepStatus.DONE).note == "Collega gaat lang met verlof"


def test_an_early_check_in_without_a_reason_gets_the_message_at_the_field(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    week_four = plan.steps.filter(kind=StepKind.CHECK_IN).order_by("-due_at").first()
    assert week_four is not None
    client = login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    page = client.post(reverse("aftercare:step", args=[week_four.pk]), {"actie": "afronden", "confirm": "on"})
    content = page.content.decode()
    assert f'id="stap-{week_four.pk}-reason-error"' in content
    assert "Schrijf op waarom je deze stap nu al afrondt." in content
    week_four.refresh_from_db()
    assert week_four.status == StepStatus.OPEN


def test_completing_without_the_confirmation_is_refused_at_the_tick_box(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    contact = plan.steps.get(kind=StepKind.CONTACT)
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    page = client.post(reverse("aftercare:step", args=[contact.pk]), {"actie": "afronden"}).content.decode()
    assert f'id="stap-{contact.pk}-confirm-error"' in page
    contact.refresh_from_db()
    assert contact.status == StepStatus.OPEN


def test_a_note_or_reason_that_is_too_long_gets_the_message_at_its_field(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    week_four = plan.steps.filter(kind=StepKind.CHECK_IN).order_by("-due_at").first()
    assert week_four is not None
    client = login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    data = {"actie": "afronden", "confirm": "on", "reason": "r" * 301, "note": "n" * 201}
    page = client.post(reverse("aftercare:step", args=[week_four.pk]), data).content.decode()
    assert f'id="stap-{week_four.pk}-reason-error"' in page
    assert "Houd het kort: hoogstens 300 tekens." in page
    assert f'id="stap-{week_four.pk}-note-error"' in page
    assert "Houd het kort: hoogstens 200 tekens." in page
    week_four.refresh_from_db()
    assert week_four.status == StepStatus.OPEN


def test_the_completer_undoes_within_the_window_and_the_history_keeps_both(
    organisation: Any, plan: Plan, login_as: Any, settings: Any
) -> None:
    settings.AFTERCARE_UNDO_MINUTES = 10
    contact = plan.steps.get(kind=StepKind.CONTACT)
    manager = organisation.users[Role.LEIDINGGEVENDE]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        services.step_complete(step=contact, actor=manager)
        clock.shift(timedelta(minutes=9))
        assert not services.can_undo(contact, organisation.users[Role.COORDINATOR_TCO])
        response = login_as(manager).post(reverse("aftercare:step_undo", args=[contact.pk]))
        assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.status, contact.completed_at, contact.completed_by) == (StepStatus.OPEN, None, None)
    moves = list(StatusChange.objects.filter(step=contact).values_list("from_status", "to_status"))
    assert moves == [("", StepStatus.OPEN), (StepStatus.OPEN, StepStatus.DONE), (StepStatus.DONE, StepStatus.OPEN)]


def test_undo_after_the_window_is_refused_and_changes_nothing(organisation: Any, plan: Plan, settings: Any) -> None:
    settings.AFTERCARE_UNDO_MINUTES = 10
    contact = plan.steps.get(kind=StepKind.CONTACT)
    manager = organisation.users[Role.LEIDINGGEVENDE]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        services.step_complete(step=contact, actor=manager)
        clock.shift(timedelta(minutes=11))
        with pytest.raises(workflow.TransitionNotAllowed):
            services.step_undo(step=contact, actor=manager)
    contact.refresh_from_db()
    assert contact.status == StepStatus.DONE
    assert not StatusChange.objects.filter(
        step=contact, to_status=StepStatus.OPEN, from_status=StepStatus.DONE
    ).exists()


def test_a_step_that_set_things_in_motion_cannot_be_undone(organisation: Any) -> None:
    (plan,) = register(organisation)  # no supporter assigned yet: the offer step is still open
    offer = plan.steps.get(kind=StepKind.SUPPORT_OFFER)
    coordinator = organisation.users[Role.COORDINATOR_TCO]
    services.step_complete(step=offer, actor=coordinator)
    assert not services.can_undo(offer, coordinator)
    with pytest.raises(workflow.TransitionNotAllowed):
        services.step_undo(step=offer, actor=coordinator)


def test_the_owner_sees_how_to_do_the_step_and_the_employee_does_not(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    url = reverse("aftercare:plan", args=[plan.pk])
    manager_page = login_as(organisation.users[Role.LEIDINGGEVENDE]).get(url).content.decode()
    assert manager_page.count('class="zw-guide"') >= 2  # contact and debriefing
    assert "Wat leg je vast" in manager_page
    employee_page = login_as(organisation.users[Role.MEDEWERKER]).get(url).content.decode()
    assert 'class="zw-guide"' not in employee_page


def test_every_step_kind_of_the_template_has_a_guide() -> None:
    from aftercare import guidance

    missing = {kind for kind in StepKind if kind not in guidance.GUIDES} - {StepKind.HOME_FRONT}
    assert not missing


def test_the_plan_pdf_has_the_steps_and_the_history_but_no_support_notes(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    import io

    from pypdf import PdfReader

    from core.models import AuditAction, AuditEvent

    services.note_add(plan=plan, actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], text="Slaapt slecht")
    contact = plan.steps.get(kind=StepKind.CONTACT)
    services.step_complete(step=contact, actor=organisation.users[Role.COORDINATOR_TCO], note="Gebeld")
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.get(reverse("aftercare:plan_pdf", args=[plan.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert contact.title.split()[0] in text and "Gebeld" in text
    assert "namens" in text  # the coordinator completed the manager's step
    assert "Slaapt slecht" not in text
    assert AuditEvent.objects.filter(action=AuditAction.READ, object_id=str(plan.pk)).exists()


def test_the_employee_reads_their_plan_in_plain_words(organisation: Any, plan: Plan, login_as: Any) -> None:
    page = login_as(organisation.users[Role.MEDEWERKER]).get(reverse("aftercare:plan", args=[plan.pk]))
    content = page.content.decode()
    manager = organisation.people[Role.LEIDINGGEVENDE].full_name
    assert f"Je leidinggevende ({manager}) neemt contact met je op" in content
    assert "Uitvoerder:" not in content


def test_declining_asks_the_employee_once_more_and_says_how_to_ask_again(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    check_in = plan.steps.filter(kind=StepKind.CHECK_IN).order_by("due_at")[0]
    client = login_as(organisation.users[Role.MEDEWERKER])
    url = reverse("aftercare:step", args=[check_in.pk])
    first = client.post(url, {"actie": "afslaan"})
    assert 'data-testid="decline-confirm"' in first.content.decode()
    assert "Ik wil contact" in first.content.decode()
    check_in.refresh_from_db()
    assert check_in.status == StepStatus.OPEN  # nothing happened yet
    assert client.post(url, {"actie": "afslaan", "bevestig": "ja"}).status_code == 302
    check_in.refresh_from_db()
    assert check_in.status == StepStatus.DECLINED
