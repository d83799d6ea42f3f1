"""Who sees a signal, in every direction (docs/barista.md, "Who sees what"): the manager a
deputy stood in for, the deputy, the escalation recipient, a former and a new manager. A
finished signal is a record of a conversation about someone's wellbeing; a manager who arrives
later must not learn what happened before their time."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from barista import services, signalling
from barista.constants import SignalStatus
from barista.models import Absence, Signal
from barista.tests.conftest import NOW
from barista.tests.factories import expose
from conftest import verified_login
from organisation.constants import Role
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)
HIDDEN = (404, False)
SHOWN = (200, True)


def _leidinggevende(organisation: Any, username: str) -> Any:
    """Another leidinggevende in the same team (a valid deputy and a valid new manager)."""
    user = UserFactory(username=username)
    RoleAssignmentFactory(user=user, role=Role.LEIDINGGEVENDE, node=organisation.team)
    return PersonFactory(user=user, team=organisation.team)


def _sees(person: Any, signal: Signal) -> tuple[int, bool]:
    """(status of the invitation page, whether the employee is named in the list) for a person."""
    client = Client()
    verified_login(client, person.user)
    page = client.get(reverse("barista:invitation", args=[signal.pk])).status_code
    listing = client.get(reverse("barista:invitations")).content.decode()
    return page, signal.person.full_name in listing


def _deputy_signal(employee: Any, manager: Any, deputy: Any) -> Signal:
    """The manager is away from 10 June with a deputy; three events make a signal for the deputy."""
    Absence.objects.create(person=manager, starts_on=date(2026, 6, 10), deputy=deputy)
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate([employee.pk], now=NOW)
    return Signal.objects.get(person=employee)


def _move(employee: Any, new_manager: Any) -> None:
    employee.manager = new_manager
    employee.save()


def test_a_new_manager_does_not_see_what_a_deputy_handled_before_their_time(
    frozen: Any, organisation: Any, employee: Any, manager: Any
) -> None:
    deputy = _leidinggevende(organisation, "waarnemer")
    signal = _deputy_signal(employee, manager, deputy)
    services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=deputy.user)
    _move(employee, _leidinggevende(organisation, "nieuwe-leidinggevende"))
    assert _sees(employee.manager, signal) == HIDDEN


def test_who_sees_an_invitation_a_deputy_handles(frozen: Any, organisation: Any, employee: Any, manager: Any) -> None:
    deputy = _leidinggevende(organisation, "waarnemer")
    boss = _leidinggevende(organisation, "baas-van-de-waarnemer")
    deputy.manager = boss
    deputy.save()
    signal = _deputy_signal(employee, manager, deputy)
    assert signal.deputy_for == manager
    signalling.deadline_scan(now=NOW + 15 * DAY)  # the escalation goes to the deputy's manager
    # Open: the deputy it is addressed to and the current direct manager; not the escalation.
    assert _sees(deputy, signal) == SHOWN
    assert _sees(manager, signal) == SHOWN
    assert _sees(boss, signal) == HIDDEN
    services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=deputy.user)
    # Finished: only the manager the deputy stood in for, while still the direct manager.
    assert _sees(manager, signal) == SHOWN
    assert _sees(deputy, signal) == HIDDEN
    assert _sees(boss, signal) == HIDDEN
    newcomer = _leidinggevende(organisation, "nieuwe-leidinggevende")
    _move(employee, newcomer)
    assert _sees(manager, signal) == HIDDEN  # a former manager
    assert _sees(newcomer, signal) == HIDDEN  # a new manager, for what came before them
    assert _sees(deputy, signal) == HIDDEN


def test_a_manager_above_who_stood_in_sees_nothing_after_the_employee_moves(
    frozen: Any, organisation: Any, employee: Any, manager: Any
) -> None:
    above = _leidinggevende(organisation, "hogere-leidinggevende")
    manager.manager = above
    manager.save()
    Absence.objects.create(person=manager, starts_on=date(2026, 6, 10))  # no deputy named
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate([employee.pk], now=NOW)
    signal = Signal.objects.get(person=employee)
    assert (signal.recipient, signal.recipient_is_deputy, signal.deputy_for) == (above, True, manager)
    services.record_outcome(signal=signal, outcome=SignalStatus.WILDE_NIET, actor=above.user)
    assert _sees(manager, signal) == SHOWN
    assert _sees(above, signal) == HIDDEN
    newcomer = _leidinggevende(organisation, "nieuwe-leidinggevende")
    _move(employee, newcomer)
    assert _sees(newcomer, signal) == HIDDEN


def test_a_deputy_who_takes_over_for_the_new_manager_handles_it_for_them(
    frozen: Any, organisation: Any, employee: Any, manager: Any
) -> None:
    deputy = _leidinggevende(organisation, "waarnemer")
    signal = _deputy_signal(employee, manager, deputy)
    newcomer = _leidinggevende(organisation, "nieuwe-leidinggevende")
    Absence.objects.create(person=newcomer, starts_on=date(2026, 6, 14), deputy=deputy)
    _move(employee, newcomer)
    signalling.deadline_scan(now=NOW + DAY)  # same deputy, now standing in for the new manager
    signal.refresh_from_db()
    assert (signal.recipient, signal.deputy_for) == (deputy, newcomer)
    services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=deputy.user)
    assert _sees(newcomer, signal) == SHOWN
    assert _sees(manager, signal) == HIDDEN


def test_a_manager_who_handled_it_themselves_loses_it_when_the_employee_moves(
    frozen: Any, organisation: Any, employee: Any, manager: Any
) -> None:
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate([employee.pk], now=NOW)
    signal = Signal.objects.get(person=employee)
    assert signal.deputy_for is None
    services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=manager.user)
    assert _sees(manager, signal) == SHOWN
    newcomer = _leidinggevende(organisation, "nieuwe-leidinggevende")
    _move(employee, newcomer)
    assert _sees(manager, signal) == HIDDEN
    assert _sees(newcomer, signal) == HIDDEN


@pytest.mark.parametrize("role", [Role.HR_ANALIST, Role.FUNCTIONEEL_BEHEERDER, Role.COORDINATOR_TCO])
def test_roles_without_invitations_never_open_one(
    frozen: Any, organisation: Any, employee: Any, manager: Any, role: str
) -> None:
    deputy = _leidinggevende(organisation, "waarnemer")
    signal = _deputy_signal(employee, manager, deputy)
    client = Client()
    verified_login(client, organisation.users[role])
    assert client.get(reverse("barista:invitation", args=[signal.pk])).status_code == 403
    assert client.get(reverse("barista:invitations")).status_code == 403


def test_the_migration_links_existing_deputy_invitations_only_when_the_data_shows_for_whom(
    frozen: Any, organisation: Any, employee: Any, manager: Any
) -> None:
    import importlib

    from django.apps import apps

    backfill = importlib.import_module("barista.migrations.0004_signal_deputy_for").backfill
    deputy = _leidinggevende(organisation, "waarnemer")
    signal = _deputy_signal(employee, manager, deputy)
    other: Any = PersonFactory(team=organisation.team, manager=manager)
    for days in (3, 2, 1):
        expose(other, NOW - days * DAY)
    signalling.evaluate([other.pk], now=NOW)
    before_their_time = Signal.objects.get(person=other)  # the deputy stood in for someone else
    newcomer = _leidinggevende(organisation, "nieuwe-leidinggevende")
    # Also away that day, but with another deputy: no evidence the deputy stood in for them.
    Absence.objects.create(
        person=newcomer, starts_on=date(2026, 6, 1), deputy=PersonFactory.create(team=organisation.team)
    )
    _move(other, newcomer)
    Signal.objects.update(deputy_for=None)  # as before the migration
    backfill(apps, None)
    signal.refresh_from_db()
    before_their_time.refresh_from_db()
    assert signal.deputy_for == manager
    assert before_their_time.recipient_is_deputy and before_their_time.deputy_for is None
