"""Periodic check-ups: planned for every team with a chief; an overdue one is escalated to the
head of the parent node exactly once, also when a worker dies half-way; incidents and tensions
always get a follow-up step with a deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from organisation.constants import NodeKind, Role
from organisation.tests.factories import OrgNodeFactory, RoleAssignmentFactory, UserFactory
from teamcare import deadlines, tasks
from teamcare.constants import CheckupStatus
from teamcare.forms import CheckupForm
from teamcare.models import Checkup, Escalation, Incident

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def district(organisation: Any) -> Any:
    node = OrgNodeFactory.create(unit=organisation.unit, kind=NodeKind.DISTRICT, name="District Oost")
    organisation.team.parent = node
    organisation.team.save()
    head = UserFactory.create(username="districtchef")
    RoleAssignmentFactory.create(user=head, role=Role.LEIDINGGEVENDE, node=node)
    return head


@time_machine.travel(START, tick=False)
def test_every_team_with_a_chief_gets_a_check_up_once(organisation: Any, district: Any) -> None:
    assert deadlines.checkup_scan().planned == 1
    assert deadlines.checkup_scan().planned == 0
    checkup = Checkup.objects.get()
    assert checkup.team == organisation.team
    assert checkup.due_on == dt.date(2026, 3, 2) + dt.timedelta(days=90)


def test_an_overdue_check_up_escalates_exactly_once(organisation: Any, district: Any, login_as: Any) -> None:
    with time_machine.travel(START, tick=False):
        deadlines.checkup_scan()
    checkup = Checkup.objects.get()
    with time_machine.travel(START + dt.timedelta(days=90), tick=False):
        assert deadlines.checkup_scan().escalated == 0  # due today: not yet overdue
    with time_machine.travel(START + dt.timedelta(days=91), tick=False):
        assert tasks.scan_checkups.call()["escalated"] == 1
        assert tasks.scan_checkups.call()["escalated"] == 0
    with time_machine.travel(START + dt.timedelta(days=120), tick=False):
        assert deadlines.checkup_scan().escalated == 0
        escalation = Escalation.objects.get()
        assert escalation.checkup == checkup and escalation.node == organisation.team.parent
        page = login_as(district).get(reverse("teamcare:index")).content.decode()
        assert "Check-ups die over tijd zijn" in page and "Team Noord" in page


def test_a_worker_that_dies_half_way_escalates_the_rest_later_and_nothing_twice(
    organisation: Any, district: Any
) -> None:
    second = OrgNodeFactory.create(unit=organisation.unit, parent=organisation.team.parent, name="Team Oost")
    chief = UserFactory.create(username="chef-oost")
    RoleAssignmentFactory.create(user=chief, role=Role.LEIDINGGEVENDE, node=second)
    with time_machine.travel(START, tick=False):
        deadlines.checkup_scan()
    assert Checkup.objects.count() == 2
    real_create = Escalation.objects.create
    calls = {"n": 0}

    def dies_on_second(**kwargs: Any) -> Escalation:
        calls["n"] += 1
        if calls["n"] == 2:
            raise SystemExit("worker killed")  # mid-transaction: this escalation is rolled back
        return real_create(**kwargs)

    with time_machine.travel(START + dt.timedelta(days=95), tick=False):
        with mock.patch.object(Escalation.objects, "create", dies_on_second), pytest.raises(SystemExit):
            deadlines.checkup_scan()
        assert Escalation.objects.count() == 1
        assert deadlines.checkup_scan().escalated == 1  # the restarted worker: the missing one
        assert deadlines.checkup_scan().escalated == 0
    assert Escalation.objects.count() == 2


def test_a_second_escalation_row_is_refused_by_the_database(organisation: Any, district: Any) -> None:
    with time_machine.travel(START, tick=False):
        deadlines.checkup_scan()
    checkup = Checkup.objects.get()
    Escalation.objects.create(checkup=checkup, node=organisation.team.parent, created_at=timezone.now())
    with pytest.raises(IntegrityError):
        Escalation.objects.create(checkup=checkup, node=organisation.team.parent, created_at=timezone.now())


@time_machine.travel(START, tick=False)
def test_holding_a_check_up_plans_the_next_after_the_interval(organisation: Any, district: Any, login_as: Any) -> None:
    deadlines.checkup_scan()
    checkup = Checkup.objects.get()
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.post(
        reverse("teamcare:checkup", args=[checkup.pk]), {"held_on": "2026-03-02", "omgang": "Goed gesprek."}
    )
    assert response.status_code == 302
    checkup.refresh_from_db()
    assert checkup.status == CheckupStatus.GEHOUDEN and checkup.answers["omgang"] == "Goed gesprek."
    assert Checkup.objects.get(status=CheckupStatus.OPEN).due_on == dt.date(2027, 3, 2)


def test_the_check_up_page_of_another_team_is_not_found(organisation: Any, district: Any, login_as: Any) -> None:
    checkup = Checkup.objects.create(team=organisation.other_team, due_on=timezone.localdate())
    assert (
        login_as(organisation.users[Role.LEIDINGGEVENDE])
        .get(reverse("teamcare:checkup", args=[checkup.pk]))
        .status_code
        == 404
    )


def test_an_incident_without_follow_up_step_or_deadline_is_refused_at_the_field(
    organisation: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.post(
        reverse("teamcare:checkups"), {"team": organisation.team.pk, "description": "Spanning na reorganisatie."}
    )
    form = response.context["form"]
    assert form.errors["follow_up"] == ["Iedere gebeurtenis of spanning krijgt een vervolgstap."]
    assert form.errors["follow_up_due"] == ["Kies een datum voor de vervolgstap."]
    assert Incident.objects.count() == 0
    due = (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    data = {"team": organisation.team.pk, "description": "Spanning.", "follow_up": "Teamgesprek", "follow_up_due": due}
    assert client.post(reverse("teamcare:checkups"), data).status_code == 302
    assert Incident.objects.get().follow_up == "Teamgesprek"


def test_a_check_up_held_in_the_future_is_refused_at_the_field() -> None:
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    form = CheckupForm({"held_on": tomorrow})
    assert form.errors["held_on"] == ["Een check-up kan niet in de toekomst gehouden zijn."]
