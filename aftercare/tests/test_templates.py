"""The templates of their own (issue 22 §1), with a frozen clock: postvention after a colleague's
suicide, needle-stick and similar incidents (Prikpunt), and violence against employees (GTPA)
with the casemanager's own steps. Escalation and the casemanager's notice exactly once, also
when a worker was killed while it held the task."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from aftercare import deadlines, services, tasks
from aftercare.constants import NoticeKind, StepKind, StepOwner, StepStatus
from aftercare.forms import RegisterForm
from aftercare.models import DeadlineNotice, Event, EventType, Notification, Plan, StatusChange
from aftercare.tests.conftest import at, register, run_worker
from core.schedule import Every, RecurringJob, enqueue_due
from organisation.constants import Role
from organisation.models import Person
from organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SCAN = RecurringJob("aftercare.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)
EVENT = at(2026, 11, 2, 9, 0)


def _team(organisation: Any, size: int = 3) -> list[Person]:
    manager = organisation.people[Role.LEIDINGGEVENDE]
    members = [organisation.people[Role.MEDEWERKER]]
    for number in range(size - 1):
        members.append(PersonFactory(team=organisation.team, manager=manager, first_name=f"Teamlid{number}"))
    return members


def _kinds(plan: Plan) -> list[str]:
    return list(plan.steps.order_by("due_at", "pk").values_list("kind", flat=True))


# --- Postvention ------------------------------------------------------------------------------


def _postvention(organisation: Any) -> list[Plan]:
    with time_machine.travel(EVENT, tick=False):
        return register(
            organisation, people=_team(organisation), when=EVENT, kind=EventType.objects.get(code="suicide-collega")
        )


def test_a_colleague_s_suicide_gives_every_team_member_the_postvention_plan(organisation: Any) -> None:
    plans = _postvention(organisation)
    assert len(plans) == 3
    for plan in plans:
        assert plan.template is not None and plan.template.code == "postventie"
        assert _kinds(plan) == [
            StepKind.TEAM_OPVANG,
            StepKind.INFORM,
            StepKind.SUPPORT_OFFER,
            StepKind.SPIRITUAL_CARE,
            StepKind.CHECK_IN,
            StepKind.INVESTIGATION,
            StepKind.CHECK_IN,
            StepKind.CHECK_IN,
            StepKind.EVALUATION,
            StepKind.CLOSURE,
        ]
        investigation = plan.steps.get(kind=StepKind.INVESTIGATION)
        assert (investigation.owner_role, investigation.due_at) == (StepOwner.COORDINATOR, at(2026, 11, 9, 9, 0))
        assert plan.steps.get(kind=StepKind.TEAM_OPVANG).owner == organisation.people[Role.LEIDINGGEVENDE]


def test_the_team_s_opvang_is_done_once_for_the_whole_team(organisation: Any) -> None:
    plans = _postvention(organisation)
    with time_machine.travel(at(2026, 11, 2, 15, 0), tick=False):
        services.step_complete(
            step=plans[0].steps.get(kind=StepKind.TEAM_OPVANG), actor=organisation.users[Role.LEIDINGGEVENDE]
        )
    for plan in plans:
        step = plan.steps.get(kind=StepKind.TEAM_OPVANG)
        assert step.status == StepStatus.DONE
        assert StatusChange.objects.filter(step=step, to_status=StepStatus.DONE).count() == 1
    assert all(p.steps.get(kind=StepKind.INFORM).status == StepStatus.OPEN for p in plans)


def test_the_external_investigation_needs_its_date_and_is_recorded_in_every_plan(organisation: Any) -> None:
    plans = _postvention(organisation)
    step = plans[1].steps.get(kind=StepKind.INVESTIGATION)
    coordinator = organisation.users[Role.COORDINATOR_TCO]
    with time_machine.travel(at(2026, 11, 4, 10, 0), tick=False):
        with pytest.raises(services.InvalidChoice):
            services.step_complete(step=step, actor=coordinator)
        services.step_complete(step=step, actor=coordinator, action_date=date(2026, 11, 4))
    for plan in plans:
        done = plan.steps.get(kind=StepKind.INVESTIGATION)
        assert (done.status, done.action_date) == (StepStatus.DONE, date(2026, 11, 4))


def test_the_investigation_date_is_asked_at_its_field(organisation: Any, login_as: Any) -> None:
    plans = _postvention(organisation)
    step = plans[0].steps.get(kind=StepKind.INVESTIGATION)
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    with time_machine.travel(at(2026, 11, 4, 10, 0), tick=False):
        page = client.post(reverse("aftercare:step", args=[step.pk]), {"actie": "afronden", "confirm": "on"})
        assert f'id="stap-{step.pk}-action_date-error"' in page.content.decode()
        step.refresh_from_db()
        assert step.status == StepStatus.OPEN
        data = {"actie": "afronden", "confirm": "on", "action_date": "2026-11-04"}
        assert client.post(reverse("aftercare:step", args=[step.pk]), data).status_code == 302
        page = client.get(reverse("aftercare:plan", args=[plans[2].pk])).content.decode()
    assert "Datum: 4 november 2026." in page


def test_the_investigation_is_escalated_exactly_once_at_its_deadline(organisation: Any) -> None:
    (plan, *_) = _postvention(organisation)
    investigation = plan.steps.get(kind=StepKind.INVESTIGATION)
    with time_machine.travel(at(2026, 11, 9, 8, 59), tick=False):
        deadlines.deadline_scan()
    assert not DeadlineNotice.objects.filter(step=investigation, kind=NoticeKind.ESCALATION).exists()
    for minute in (0, 1, 30):
        with time_machine.travel(at(2026, 11, 9, 9, minute), tick=False):
            deadlines.deadline_scan()
            deadlines.notify(step_id=investigation.pk, kind=NoticeKind.ESCALATION)
    escalations = Notification.objects.filter(notice__step=investigation, notice__kind=NoticeKind.ESCALATION)
    assert [n.recipient for n in escalations] == [organisation.people[Role.COORDINATOR_TCO]]


def test_the_spiritual_counsellor_is_an_offer_the_employee_may_decline(organisation: Any) -> None:
    (plan, *_) = _postvention(organisation)
    step = plan.steps.get(kind=StepKind.SPIRITUAL_CARE)
    services.step_decline(step=step, actor=organisation.users[Role.MEDEWERKER])
    step.refresh_from_db()
    assert step.status == StepStatus.DECLINED


def test_nothing_about_the_deceased_can_be_written_at_registration(organisation: Any) -> None:
    kind = EventType.objects.get(code="suicide-collega")
    with pytest.raises(services.InvalidChoice):
        register(organisation, kind=kind, note="Naam van de overleden collega")
    assert not Event.objects.exists()
    people = Person.objects.all()
    form = RegisterForm(
        {
            "occurred_at": "2026-11-02T09:00",
            "kind": str(kind.pk),
            "severity": "zeer_ernstig",
            "involved": [str(organisation.people[Role.MEDEWERKER].pk)],
            "note": "Naam van de overleden collega",
        },
        people=people,
    )
    with time_machine.travel(at(2026, 11, 2, 10, 0), tick=False):
        assert not form.is_valid()
    assert "note" in form.errors


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO])
def test_team_members_plans_never_show_the_deceased_s_data(organisation: Any, login_as: Any, role: str) -> None:
    plans = _postvention(organisation)
    # Even a note written around the form (e.g. in the Django shell) stays off the plan pages.
    Event.objects.filter(pk=plans[0].event_id).update(note="Jan Jansen, overleden")
    client = login_as(organisation.users[role])
    page = client.get(reverse("aftercare:plan", args=[plans[0].pk])).content.decode()
    assert "Suïcide van een collega" in page
    assert "Jan Jansen" not in page


# --- Needle-stick incidents (Prikpunt) -----------------------------------------------------------


def test_a_needle_stick_incident_starts_with_calling_prikpunt_within_hours(organisation: Any) -> None:
    with time_machine.travel(EVENT, tick=False):
        (plan,) = register(organisation, when=EVENT, kind=EventType.objects.get(code="prikaccident"))
    first = plan.steps.order_by("due_at", "pk").first()
    assert first is not None
    assert (first.kind, first.due_at, first.owner_role) == (
        StepKind.PRIKPUNT,
        EVENT + timedelta(hours=2),
        StepOwner.MANAGER,
    )
    assert first.title == "Prikpunt gebeld voor een risico-inschatting"
    assert plan.steps.filter(kind=StepKind.CONTACT).exists()  # the usual aftercare follows


def test_a_prikpunt_call_not_made_in_time_is_escalated_once_even_after_a_killed_worker(organisation: Any) -> None:
    with time_machine.travel(EVENT, tick=False):
        (plan,) = register(organisation, when=EVENT, kind=EventType.objects.get(code="prikaccident"))
    prikpunt = plan.steps.get(kind=StepKind.PRIKPUNT)
    with time_machine.travel(at(2026, 11, 2, 11, 5), tick=False):
        # A worker claimed the escalation and was killed: the row stays RUNNING, never retried.
        claimed = DBTaskResult.objects.filter(
            task_path__endswith="step_deadline", args_kwargs__args=[prikpunt.pk, NoticeKind.ESCALATION]
        ).get()
        claimed.claim("killed-worker")
        run_worker()
        assert not DeadlineNotice.objects.filter(step=prikpunt, kind=NoticeKind.ESCALATION).exists()
    with time_machine.travel(at(2026, 11, 2, 12, 0), tick=False):
        enqueue_due(jobs=[SCAN])
        run_worker()
        deadlines.deadline_scan()
    escalations = Notification.objects.filter(notice__step=prikpunt, notice__kind=NoticeKind.ESCALATION)
    assert [n.recipient for n in escalations] == [organisation.people[Role.COORDINATOR_TCO]]


# --- Violence against employees (GTPA) ----------------------------------------------------------


def _violence(organisation: Any, **kwargs: Any) -> Plan:
    with time_machine.travel(EVENT, tick=False):
        (plan,) = register(
            organisation, when=EVENT, kind=EventType.objects.get(code="mishandeling-eenvoudig"), **kwargs
        )
    return plan


def test_violence_gives_the_manager_the_aangifte_and_the_casemanager_their_own_steps(organisation: Any) -> None:
    plan = _violence(organisation)
    assert plan.event.gtpa_casemanager is True  # always, for violence against police officers
    aangifte = plan.steps.get(kind=StepKind.AANGIFTE)
    assert (aangifte.owner, aangifte.due_at) == (organisation.people[Role.LEIDINGGEVENDE], at(2026, 11, 4, 9, 0))
    casework = plan.steps.filter(owner_role=StepOwner.CASEMANAGER).order_by("due_at")
    assert [s.kind for s in casework] == [StepKind.CASE_FILE, StepKind.DAMAGE_CLAIM]
    assert not plan.steps.filter(kind=StepKind.PROPERTY_DAMAGE).exists()


def test_damage_to_property_adds_the_optional_casemanager_step(organisation: Any) -> None:
    plan = _violence(organisation, property_damage=True)
    step = plan.steps.get(kind=StepKind.PROPERTY_DAMAGE)
    assert (step.owner_role, step.due_at) == (StepOwner.CASEMANAGER, at(2026, 11, 9, 9, 0))


def test_the_aangifte_needs_its_date(organisation: Any) -> None:
    plan = _violence(organisation)
    step = plan.steps.get(kind=StepKind.AANGIFTE)
    manager = organisation.users[Role.LEIDINGGEVENDE]
    with pytest.raises(services.InvalidChoice):
        services.step_complete(step=step, actor=manager)
    services.step_complete(step=step, actor=manager, action_date=date(2026, 11, 3))
    step.refresh_from_db()
    assert (step.status, step.action_date) == (StepStatus.DONE, date(2026, 11, 3))


def test_the_casemanager_is_told_once_even_when_the_task_runs_twice_and_the_scan_runs(organisation: Any) -> None:
    plan = _violence(organisation)
    with time_machine.travel(at(2026, 11, 2, 9, 1), tick=False):
        for step in plan.steps.filter(owner_role=StepOwner.CASEMANAGER):
            tasks.step_deadline.enqueue(step.pk, NoticeKind.NEW_TASK.value)
        run_worker()
        deadlines.deadline_scan()
        run_worker()
    told = Notification.objects.filter(notice__kind=NoticeKind.NEW_TASK)
    assert told.count() == 2  # one per casemanager step
    assert {n.recipient for n in told} == {organisation.people[Role.CASEMANAGER]}


def test_a_killed_worker_does_not_lose_the_casemanager_s_notice(organisation: Any) -> None:
    plan = _violence(organisation)
    case_file = plan.steps.get(kind=StepKind.CASE_FILE)
    with time_machine.travel(at(2026, 11, 2, 9, 1), tick=False):
        claimed = DBTaskResult.objects.filter(
            task_path__endswith="step_deadline", args_kwargs__args=[case_file.pk, NoticeKind.NEW_TASK]
        ).get()
        claimed.claim("killed-worker")
        run_worker()
        assert not DeadlineNotice.objects.filter(step=case_file, kind=NoticeKind.NEW_TASK).exists()
    with time_machine.travel(at(2026, 11, 2, 10, 0), tick=False):
        enqueue_due(jobs=[SCAN])
        run_worker()
    assert Notification.objects.filter(notice__step=case_file, notice__kind=NoticeKind.NEW_TASK).count() == 1


def test_the_casemanager_sees_only_their_part_and_completes_their_steps(organisation: Any, login_as: Any) -> None:
    plan = _violence(organisation)
    services.note_add(plan=plan, actor=organisation.users[Role.COORDINATOR_TCO], text="Geheime notitie")
    client = login_as(organisation.users[Role.CASEMANAGER])
    page = client.get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert 'data-testid="casework-only"' in page
    assert "Dossier aangelegd door de casemanager geweld tegen politie" in page
    assert "Aangifte gedaan en proces-verbaal opgemaakt" in page
    assert "Contactmoment dag 3" not in page and "Geheime notitie" not in page
    assert client.get(reverse("aftercare:plan_pdf", args=[plan.pk])).status_code == 404
    listing = client.get(reverse("aftercare:casework")).content.decode()
    assert organisation.people[Role.MEDEWERKER].full_name in listing
    case_file = plan.steps.get(kind=StepKind.CASE_FILE)
    response = client.post(reverse("aftercare:step", args=[case_file.pk]), {"actie": "afronden", "confirm": "on"})
    assert response.status_code == 302
    case_file.refresh_from_db()
    assert case_file.status == StepStatus.DONE
    contact = plan.steps.get(kind=StepKind.CONTACT)
    assert client.post(reverse("aftercare:step", args=[contact.pk]), {"actie": "afronden"}).status_code == 403


def test_the_manager_cannot_complete_the_casemanager_s_steps(organisation: Any, login_as: Any) -> None:
    plan = _violence(organisation)
    case_file = plan.steps.get(kind=StepKind.CASE_FILE)
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    data = {"actie": "afronden", "confirm": "on"}
    assert client.post(reverse("aftercare:step", args=[case_file.pk]), data).status_code == 403


def test_the_casemanager_does_not_reach_plans_without_violence(organisation: Any, login_as: Any) -> None:
    (plan,) = register(organisation)  # a resuscitation: no casemanager GTPA
    client = login_as(organisation.users[Role.CASEMANAGER])
    assert client.get(reverse("aftercare:plan", args=[plan.pk])).status_code == 404


def test_the_prikpunt_step_shows_the_number_configured_for_the_help_page(organisation: Any, login_as: Any) -> None:
    from unittest import mock

    from catalogue.help_lines import HelpLine, HelpLines

    line = HelpLine(
        name="Prikpunt", label="Prikpunt", number="088-000 00 00", href="tel:0880000000", availability="24/7"
    )
    (plan,) = register(organisation, kind=EventType.objects.get(code="prikaccident"))
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    with mock.patch("aftercare.views.help_lines", return_value=HelpLines(loket=None, tco=None, prikpunt=line)):
        page = client.get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert 'data-testid="prikpunt-line"' in page and 'href="tel:0880000000"' in page
    (other,) = register(organisation, people=[organisation.people["outsider"]])  # no Prikpunt step: no number
    coordinator = login_as(organisation.users[Role.COORDINATOR_TCO])
    with mock.patch("aftercare.views.help_lines") as lookup:
        assert coordinator.get(reverse("aftercare:plan", args=[other.pk])).status_code == 200
    lookup.assert_not_called()
