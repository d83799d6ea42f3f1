"""Shared fixtures: one persona per role, in one unit and team; and the session clock shift."""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django_otp.plugins.otp_totp.models import TOTPDevice

from access import requires_two_factor
from organisation.constants import CONFIDENTIAL_ROLES, Role
from organisation.tests.factories import (  # noqa: F401 - PASSWORD is shared with the tests
    PASSWORD,
    OrgNodeFactory,
    PersonFactory,
    RoleAssignmentFactory,
    UnitFactory,
    UserFactory,
)

#: Moves "now" for the whole session by this many days (may be negative or fractional), so that a
#: test that silently depends on today's date fails today rather than on some later day
#: (`make suite-shifted`, README.md). Tests that freeze time themselves nest inside it.
CLOCK_SHIFT_VARIABLE = "ZORGWIJZER_TEST_CLOCK_SHIFT_DAYS"

_clock_shift: time_machine.travel | None = None


def _clock_shift_days() -> float:
    raw = os.environ.get(CLOCK_SHIFT_VARIABLE, "").strip()
    try:
        days = float(raw) if raw else 0.0
    except ValueError:
        days = math.nan
    if not math.isfinite(days):
        raise pytest.UsageError(f"{CLOCK_SHIFT_VARIABLE} must be a number of days, not {raw!r}")
    return days


def pytest_configure(config: pytest.Config) -> None:
    """Start the shifted clock before collection, so module-level dates in tests are shifted too.

    The destination is a relative timedelta, not an aware datetime: time-machine would set the
    process's TZ to the datetime's zone and the tests must keep Django's Europe/Amsterdam.
    """
    global _clock_shift
    days = _clock_shift_days()
    if days:
        _clock_shift = time_machine.travel(dt.timedelta(days=days), tick=True)
        _clock_shift.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    global _clock_shift
    if _clock_shift is not None:
        _clock_shift.stop()
        _clock_shift = None


def pytest_report_header(config: pytest.Config) -> str | None:
    if _clock_shift is None:
        return None
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return f"{CLOCK_SHIFT_VARIABLE}={os.environ[CLOCK_SHIFT_VARIABLE]}: the tests run as if it were {now}"


#: Roles scoped to a whole unit; the leidinggevende is scoped to a team; others have no scope.
UNIT_SCOPED = {
    Role.COORDINATOR_TCO,
    Role.COLLEGIAAL_ONDERSTEUNER,
    Role.BEDRIJFSARTS,
    Role.BMW,
    Role.EENHEIDSPSYCHOLOOG,
    Role.CASEMANAGER,
    Role.HR_ANALIST,
    *CONFIDENTIAL_ROLES,
}


@dataclass
class Organisation:
    unit: Any
    team: Any
    other_team: Any
    users: dict[str, Any]
    people: dict[str, Any]


@pytest.fixture
def organisation(db: None) -> Organisation:
    """A unit with two teams and one user per role (plus a plain employee in the other team)."""
    unit = UnitFactory(code="testeenheid", name="Testeenheid")
    team = OrgNodeFactory(unit=unit, name="Team Noord", code="TNOORD")
    other_team = OrgNodeFactory(unit=unit, name="Team Zuid", code="TZUID")
    users: dict[str, Any] = {}
    people: dict[str, Any] = {}
    for role in Role:
        user = UserFactory(username=f"persona-{role.value}")
        people[role.value] = PersonFactory(user=user, team=team, first_name="Persona", last_name=role.label)
        users[role.value] = user
        if role == Role.MEDEWERKER:
            continue
        scope: dict[str, Any] = {}
        if role in UNIT_SCOPED:
            scope = {"unit": unit}
        elif role == Role.LEIDINGGEVENDE:
            scope = {"node": team}
        RoleAssignmentFactory(user=user, role=role, **scope)
    for key, person in people.items():
        if key != Role.LEIDINGGEVENDE:
            person.manager = people[Role.LEIDINGGEVENDE]
            person.save()
    people["outsider"] = PersonFactory(team=other_team, first_name="Buiten", last_name="Team")
    return Organisation(unit=unit, team=team, other_team=other_team, users=users, people=people)


def verified_login(client: Any, user: Any) -> None:
    """Log a user in on the test client, passing the second factor when their role needs it."""
    client.force_login(user)
    if requires_two_factor(user):
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()


@pytest.fixture
def login_as(client: Any) -> Any:
    def _login(user: Any) -> Any:
        verified_login(client, user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _content_after_a_flush(request: pytest.FixtureRequest, django_db_blocker: Any) -> None:
    """A transactional test ends with a flush that empties data-migration content too; with
    several test processes any database test may come next. Load the content again, outside the
    test's own transaction, before a database test that finds it missing (tests/content.py)."""
    if request.node.get_closest_marker("django_db") is None and not {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        return
    from tests import content

    request.getfixturevalue("django_db_setup")  # the test database, never the configured one
    with django_db_blocker.unblock():
        if content.missing():
            content.load()


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Every test starts with an empty cache (cached catalogue pages must not leak between tests)."""
    from django.core.cache import cache

    cache.clear()
