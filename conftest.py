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
    _check_redis_for_tests(config)
    config.addinivalue_line(
        "markers", "multiprocess: two server processes share one database and one cache (tests/test_multiprocess.py)"
    )
    days = _clock_shift_days()
    if days:
        _clock_shift = time_machine.travel(dt.timedelta(days=days), tick=True)
        _clock_shift.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    global _clock_shift
    if _clock_shift is not None:
        _clock_shift.stop()
        _clock_shift = None


#: The task, deadline and killed-worker tests (marker ``tasks``; ``make suite-rq`` runs them again
#: with ``REDIS_URL`` set, through the RQ backend and real RQ workers): every test in these files,
#: and any other test whose body names a worker or the task queue.
TASK_TEST_FILES = frozenset(
    {
        "aftercare/tests/test_tasks.py",
        "aftercare/tests/test_worker_kill.py",
        "complaints/tests/test_deadlines.py",
        "complaints/tests/test_worker_kill.py",
        "confidential/tests/test_deadlines.py",
        "confidential/tests/test_worker_kill.py",
        "recognition/tests/test_reminder_worker.py",
        "core/tests/test_schedule.py",
    }
)
TASK_NAMES = frozenset({"run_worker", "enqueue", "enqueue_at", "enqueue_due", "kill_worker_inside", "DBTaskResult"})
#: A test whose body reads or writes the database backend's task rows tests that backend.
DATABASE_BACKEND_NAMES = frozenset({"DBTaskResult"})
#: Files whose task tests are about the database backend: /readyz counts its waiting rows (with
#: RQ it reports the backend and leaves the queue to RQ's tools, core/tests/test_rq_tasks.py).
DATABASE_BACKEND_FILES = frozenset({"core/tests/test_health.py"})


def _redis_urls() -> list[str]:
    return [url for url in (os.environ.get("REDIS_URL", ""), os.environ.get("CACHE_URL", "")) if url]


def _check_redis_for_tests(config: pytest.Config) -> None:
    """The tests empty the Redis database they are given before each test: it must be one of its
    own (not 0, the default of a production Redis), and one test process at a time uses it."""
    from urllib.parse import urlsplit

    for url in _redis_urls():
        database = urlsplit(url).path.strip("/") or "0"
        if database == "0":
            raise pytest.UsageError(
                f"{url}: give the tests a Redis database of their own, e.g. redis://127.0.0.1:6379/15 "
                "(each test empties it)"
            )
    if _redis_urls() and (config.getoption("numprocesses", default=None) or 0):
        raise pytest.UsageError(
            "with REDIS_URL or CACHE_URL the tests share one Redis database: run them in one process "
            "(-p no:xdist, or PYTEST_WORKERS=0 with make; `make suite-rq` does)"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the task tests (``tasks``); with the RQ backend, skip the tests of the database backend."""
    rq = bool(os.environ.get("REDIS_URL"))
    root = config.rootpath
    for item in items:
        function = getattr(item, "function", None)
        names = set(function.__code__.co_names) if function is not None else set()
        path = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else ""
        if path in TASK_TEST_FILES or path.startswith("core/tests/test_rq") or names & TASK_NAMES:
            item.add_marker(pytest.mark.tasks)
        else:
            continue
        if rq and (names & DATABASE_BACKEND_NAMES or path in DATABASE_BACKEND_FILES):
            item.add_marker(
                pytest.mark.skip(
                    reason="about the database task backend's own rows; with REDIS_URL the RQ tests "
                    "(core/tests/test_rq_tasks.py, */tests/test_worker_kill.py) cover the same with real workers"
                )
            )


@pytest.fixture(autouse=True)
def _rq_worker_for_task_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the RQ backend, a task test's ``run_worker`` (the database worker, run inside the
    test's transaction) becomes an RQ worker inside the test's transaction; the killed-worker
    tests' own ``run_worker`` (tests/worker_kill.py) starts real RQ worker processes itself.
    Redis starts empty for each of these tests."""
    if not os.environ.get("REDIS_URL") or request.node.get_closest_marker("tasks") is None:
        return
    import django_rq

    from tests import worker_kill

    django_rq.get_connection("default").flushdb()
    module_worker = getattr(request.module, "run_worker", None)
    if module_worker is not None and module_worker is not worker_kill.run_worker:
        monkeypatch.setattr(request.module, "run_worker", worker_kill.run_worker_in_process)


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
        content.ensure()


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Every test starts with an empty cache (cached catalogue pages must not leak between tests)."""
    from django.core.cache import cache

    cache.clear()
