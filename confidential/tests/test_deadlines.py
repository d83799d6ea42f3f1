"""Service-level deadlines of requests (reminder, escalation; exactly once, with frozen time and a
killed worker), the yearly MCU invitation of heavily loaded teams (exactly once a year) and the
counts a manager may see (only above the anonymity threshold, safe against subtraction)."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django_tasks_db.models import DBTaskResult

from confidential import deadlines, presentation, services, tasks
from confidential.constants import NoticeKind
from confidential.models import HeavyLoadTeam, McuInvitation, Request, RequestNotice
from confidential.tests.factories import at, employee, run_worker
from core.schedule import Every, RecurringJob, enqueue_due
from organisation.constants import Role
from organisation.tests.factories import OrgNodeFactory, RoleAssignmentFactory, UnitFactory

pytestmark = pytest.mark.django_db

SCAN = RecurringJob("confidential.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)
INVITE = RecurringJob("confidential.invite_heavy_teams", tasks.invite_heavy_teams, Every.DAY, hour=7, minute=10)


def _mcu(org: Any) -> Request:
    psychologist = org.people[Role.EENHEIDSPSYCHOLOOG]
    psychologist.email = "psy@example.test"
    psychologist.save()
    manager = org.people[Role.LEIDINGGEVENDE]
    manager.email = "chef@example.test"
    manager.save()
    person = org.people[Role.MEDEWERKER]
    return services.mcu_request(person=person, actor=person.user)


def test_the_reminder_and_escalation_are_sent_once_each_at_their_time_and_never_to_the_manager(
    organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False):
        request = _mcu(organisation)  # due 72 hours later: 26 November 09:00
    with time_machine.travel(at(2026, 11, 25, 8, 0), tick=False):
        assert deadlines.deadline_scan() == deadlines.ScanResult(0, 0)
    with time_machine.travel(at(2026, 11, 25, 9, 30), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert deadlines.deadline_scan() == deadlines.ScanResult(1, 0)
        assert deadlines.deadline_scan() == deadlines.ScanResult(0, 0)
    with time_machine.travel(at(2026, 11, 26, 9, 0), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert deadlines.deadline_scan() == deadlines.ScanResult(0, 1)
        assert deadlines.deadline_scan() == deadlines.ScanResult(0, 0)
    assert set(RequestNotice.objects.filter(request=request).values_list("kind", flat=True)) == {
        NoticeKind.REMINDER,
        NoticeKind.ESCALATION,
    }
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"psy@example.test"}
    assert all(
        "Mental Check Up" not in m.body and str(organisation.people[Role.MEDEWERKER].last_name) not in m.body
        for m in mail.outbox
    )


def test_a_request_planned_in_time_is_not_escalated(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False):
        request = _mcu(organisation)
    with time_machine.travel(at(2026, 11, 24, 9, 0), tick=False):
        services.request_schedule(
            request=request,
            actor=None,
            handler=organisation.people[Role.EENHEIDSPSYCHOLOOG],
            appointment_at=at(2026, 11, 30, 10, 0),
            place="Kamer 1",
        )
    with time_machine.travel(at(2026, 11, 27, 9, 0), tick=False):
        assert deadlines.deadline_scan() == deadlines.ScanResult(0, 0)
        assert not deadlines.notify(request_id=request.pk, kind=NoticeKind.ESCALATION)


def test_deadline_tasks_are_stored_when_the_request_is_made(
    organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False), django_capture_on_commit_callbacks(execute=True):
        request = _mcu(organisation)
    rows = DBTaskResult.objects.filter(task_path__endswith="request_deadline")
    due = {tuple(r.args_kwargs["args"]): r.run_after for r in rows}
    assert due[(request.pk, NoticeKind.ESCALATION)] == request.due_at
    assert due[(request.pk, NoticeKind.REMINDER)] == at(2026, 11, 25, 9, 0)


def test_a_task_that_runs_twice_notifies_once(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False):
        request = _mcu(organisation)
    with time_machine.travel(at(2026, 11, 26, 9, 5), tick=False):
        for _ in range(2):
            tasks.request_deadline.enqueue(request.pk, NoticeKind.ESCALATION.value)
        run_worker()
    assert RequestNotice.objects.filter(request=request, kind=NoticeKind.ESCALATION).count() == 1


def test_a_worker_killed_mid_run_loses_no_deadline_and_sends_nothing_twice(
    organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False), django_capture_on_commit_callbacks(execute=True):
        first = _mcu(organisation)
        other = organisation.people[Role.HR_ANALIST]
        second = services.mcu_request(person=other, actor=other.user)
    with time_machine.travel(at(2026, 11, 26, 9, 5), tick=False):
        DBTaskResult.objects.filter(task_path__endswith="request_deadline").exclude(
            args_kwargs__args=[first.pk, NoticeKind.ESCALATION]
        ).exclude(args_kwargs__args=[second.pk, NoticeKind.ESCALATION]).delete()  # reminders are past
        # Worker 1 claimed the first escalation and was killed (kill -9): the row stays RUNNING.
        DBTaskResult.objects.get(args_kwargs__args=[first.pk, NoticeKind.ESCALATION]).claim("killed-worker")
        # Worker 2 crashes inside the second escalation: its transaction is rolled back.
        with mock.patch("confidential.deadlines._recipients", side_effect=RuntimeError("crash")):
            run_worker()
        assert not RequestNotice.objects.exists()
        # Restart: a fresh worker, plus the hourly safety-net scan.
        run_worker()
        assert enqueue_due(jobs=[SCAN])
        run_worker()
        run_worker()
        assert enqueue_due(jobs=[SCAN]) == []
    with time_machine.travel(at(2026, 11, 26, 10, 5), tick=False):
        enqueue_due(jobs=[SCAN])
        run_worker()
    escalated = RequestNotice.objects.filter(kind=NoticeKind.ESCALATION)
    assert sorted(escalated.values_list("request_id", flat=True)) == sorted([first.pk, second.pk])


def test_an_escalation_of_a_named_vertrouwenspersoon_request_tells_the_employee_they_may_choose_another(
    organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    person = organisation.people[Role.MEDEWERKER]
    person.email = "ik@example.test"
    person.save()
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False):
        request = services.vertrouwenspersoon_request(
            person=person,
            actor=None,
            vertrouwenspersoon=organisation.people[Role.VERTROUWENSPERSOON],
            options=["luisteren"],
        )
    with time_machine.travel(at(2026, 11, 26, 9, 0), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert deadlines.notify(request_id=request.pk, kind=NoticeKind.ESCALATION)
    assert "ik@example.test" in {a for m in mail.outbox for a in m.to}


# --- Heavily loaded teams -------------------------------------------------------------------------


def test_members_of_a_heavy_team_are_invited_exactly_once_a_year(
    organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    HeavyLoadTeam.objects.create(team=organisation.team)
    members = organisation.team.members.count()
    with time_machine.travel(at(2026, 3, 2, 7, 15), tick=False):
        assert enqueue_due(jobs=[INVITE])
        run_worker()
        assert enqueue_due(jobs=[INVITE]) == []
        assert deadlines.invite_heavy_teams() == 0  # a second run the same year sends nothing
    assert McuInvitation.objects.filter(year=2026).count() == members
    with time_machine.travel(at(2026, 9, 1, 7, 15), tick=False):
        enqueue_due(jobs=[INVITE])
        run_worker()
    assert McuInvitation.objects.filter(year=2026).count() == members
    with time_machine.travel(at(2027, 1, 4, 7, 15), tick=False):
        enqueue_due(jobs=[INVITE])
        run_worker()
    assert McuInvitation.objects.filter(year=2027).count() == members


def test_an_invited_employee_sees_the_invitation_and_the_request_records_it(organisation: Any, login_as: Any) -> None:
    HeavyLoadTeam.objects.create(team=organisation.team)
    deadlines.invite_heavy_teams()
    client = login_as(organisation.users[Role.MEDEWERKER])
    assert "uitgenodigd voor een Mental Check Up" in client.get("/waar-kan-ik-terecht/verzoeken/").content.decode()
    client.post("/waar-kan-ik-terecht/verzoeken/mental-check-up/")
    assert Request.objects.get().invited


def _district_with_teams(sizes: dict[str, int]) -> tuple[Any, list[Any]]:
    unit = UnitFactory(code="tellen", name="Tellen")
    district = OrgNodeFactory(unit=unit, name="District", code="DIST", kind="district")
    teams: list[Any] = []
    for name, size in sizes.items():
        team: Any = OrgNodeFactory(unit=unit, parent=district, name=name, code=name.upper())
        for n in range(size):
            employee(team, f"{name}-{n}")
        HeavyLoadTeam.objects.create(team=team)
        teams.append(team)
    manager = employee(teams[0], "chef-tellen")
    RoleAssignmentFactory(user=manager.user, role=Role.LEIDINGGEVENDE, node=district)
    return manager, teams


def test_the_manager_sees_only_counts_above_the_threshold(organisation: Any, login_as: Any) -> None:
    manager, teams = _district_with_teams({"groot": 7, "klein": 2})
    deadlines.invite_heavy_teams()
    small_member = teams[1].members.first()
    services.mcu_request(person=small_member, actor=small_member.user)
    rows, total = presentation.team_counts(teams, McuInvitation.objects.latest("pk").year)
    by_name = {row.name: row for row in rows}
    assert by_name["klein"].invitations is None and by_name["klein"].requests is None
    # Showing both the total and "groot" would give "klein" by subtraction: one of them is hidden.
    assert total is not None
    assert total.invitations is None or by_name["groot"].invitations is None
    assert total.requests is None or by_name["groot"].requests is None
    page = login_as(manager.user).get("/waar-kan-ik-terecht/verzoeken/mijn-teams/").content.decode()
    assert small_member.full_name not in page


def test_no_small_count_can_be_found_by_subtracting_a_team_from_the_total(organisation: Any) -> None:
    """The attacker: total − shown teams = the hidden team. Complementary suppression forbids it."""
    _manager, teams = _district_with_teams({"a": 8, "b": 6, "c": 2})
    deadlines.invite_heavy_teams()
    rows, total = presentation.team_counts(teams, McuInvitation.objects.latest("pk").year)
    assert total is not None
    shown = [row.invitations for row in rows if row.invitations is not None]
    hidden = [row for row in rows if row.invitations is None]
    assert hidden  # team c (2 people) is hidden
    if total.invitations is not None:
        residual = total.invitations - sum(shown)
        assert residual == 0 or residual >= 5
