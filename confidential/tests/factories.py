"""Builders of the confidential tests: people in units, pool members, requests."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.management import call_command

from organisation.constants import Role
from organisation.tests.factories import (
    OrgNodeFactory,
    PersonFactory,
    RoleAssignmentFactory,
    UnitFactory,
    UserFactory,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def unit_with_team(code: str) -> Any:
    """A unit and one team in it."""
    unit = UnitFactory(code=code, name=f"Eenheid {code}")
    return OrgNodeFactory(unit=unit, name=f"Team {code}", code=f"T-{code}")


def employee(team: Any, name: str, *, email: str = "") -> Any:
    return PersonFactory(user=UserFactory(username=name), team=team, first_name=name, last_name="Test", email=email)


def role_holder(team: Any, name: str, role: str, *, email: str = "") -> Any:
    """A person in ``team`` holding ``role`` for the team's unit."""
    person = employee(team, name, email=email)
    RoleAssignmentFactory(user=person.user, role=role, unit=team.unit)
    return person


def mediator(team: Any, name: str) -> Any:
    return role_holder(team, name, Role.MEDIATOR)


def run_worker() -> None:
    """What `manage.py db_worker --batch` does, inside the test's transaction."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
