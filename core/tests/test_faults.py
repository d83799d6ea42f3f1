"""A database that refuses to write (a read-only SQLite file, a read-only PostgreSQL server) or
has no room left (a full disk): a clean 503 page in Dutch, one log line for the operator, and
nothing half-written (core.middleware.DatabaseUnavailableMiddleware).

The faults are made for real on the test's own connection: SQLite's ``PRAGMA query_only`` gives
the same SQLITE_READONLY error as a read-only file (and works as root, who ignores file modes),
``PRAGMA max_page_count`` makes the database full (SQLITE_FULL, as a full disk does), and
PostgreSQL's ``transaction_read_only`` gives the error a read-only standby gives. A server restart
is in ``test_faults_restart.py``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import DatabaseError, OperationalError, connection, connections, transaction
from django.db.models import Model
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from confidential.models import Request
from conftest import verified_login
from core.database_faults import execute_from_command_line, operator_message
from core.models import AuditEvent
from organisation.constants import Role
from organisation.models import RoleAssignment

pytestmark = pytest.mark.django_db

TRACE_MARKERS = ("Traceback", "OperationalError", "InternalError", 'File "', "sqlite", "psycopg")


def _read_only_now() -> None:
    """From this statement on, the connection may not write (until the test ends)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:  # allowed inside a transaction; rolled back with it
            cursor.execute("SET LOCAL transaction_read_only = on")


@pytest.fixture
def writable_again() -> Iterator[None]:
    """Undoes the read-only switch before the test's end checks its links: SQLite's pragma is
    switched off; PostgreSQL's, which a transaction cannot switch off once it has run a query, is
    taken back with a savepoint made before the test."""
    savepoint = transaction.savepoint() if connection.vendor == "postgresql" else None
    yield
    if savepoint is not None:
        transaction.savepoint_rollback(savepoint)
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")


@contextmanager
def _read_only_after_first_row(model: type[Model] = Request) -> Iterator[None]:
    """The database turns read-only right after a new row of ``model`` is written, before the rest
    of the same write (its audit event): a write interrupted halfway."""

    def turn_read_only(sender: Any, created: bool, **kwargs: Any) -> None:
        if created:
            _read_only_now()

    post_save.connect(turn_read_only, sender=model, dispatch_uid="test_faults.read_only")
    try:
        yield
    finally:
        post_save.disconnect(sender=model, dispatch_uid="test_faults.read_only")


def _employee_client(organisation: Any) -> Client:
    client = Client(raise_request_exception=False)
    verified_login(client, organisation.users[Role.MEDEWERKER])
    return client


def _assert_clean_503(response: Any) -> str:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Zorgwijzer is even niet bereikbaar" in html
    assert "Dan is dat niet gebeurd, ook niet voor een deel." in html
    assert response["X-Request-ID"] in html  # the code for the service desk
    for marker in TRACE_MARKERS:
        assert marker not in html
    return html


def _database_log_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "zorgwijzer.database"]


def test_a_write_cut_off_halfway_by_a_read_only_database_leaves_nothing_and_shows_a_503(
    organisation: Any, writable_again: None, caplog: pytest.LogCaptureFixture
) -> None:
    client = _employee_client(organisation)
    audit_before = AuditEvent.objects.count()
    caplog.set_level(logging.ERROR, logger="zorgwijzer.database")

    with _read_only_after_first_row():
        response = client.post(reverse("confidential:mcu"), {"message": "Graag een gesprek."})

    _assert_clean_503(response)
    (line,) = _database_log_lines(caplog)
    assert "database unavailable" in line.getMessage()
    assert ("readonly" in line.getMessage()) if connection.vendor == "sqlite" else ("read-only" in line.getMessage())
    assert line.path == "/waar-kan-ik-terecht/verzoeken/mental-check-up/"  # type: ignore[attr-defined]
    # The request row was written before the fault; the transaction took it back with the rest.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    assert not Request.objects.exists()
    assert AuditEvent.objects.count() == audit_before


def test_a_read_only_database_answers_a_logged_in_page_with_a_503_in_the_chosen_language(
    organisation: Any, writable_again: None, caplog: pytest.LogCaptureFixture
) -> None:
    """Reading a page writes for a logged-in user now and then (the session's last activity, at
    most once a minute): that write fails in the session middleware, outside the view, and still
    becomes the clean 503."""
    client = _employee_client(organisation)
    client.cookies["django_language"] = "en"
    caplog.set_level(logging.ERROR, logger="zorgwijzer.database")
    _read_only_now()

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        response = client.get(reverse("confidential:requests"))

    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="en"' in html
    for marker in TRACE_MARKERS:
        assert marker not in html
    assert _database_log_lines(caplog)


def test_the_api_answers_a_read_only_database_with_a_json_503(
    organisation: Any, writable_again: None, caplog: pytest.LogCaptureFixture
) -> None:
    client = _employee_client(organisation)
    _read_only_now()

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        response = client.get(reverse("api-schema"))  # the session write fails

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body == {
        "detail": "Zorgwijzer is even niet bereikbaar door een storing. Probeer het over een paar minuten opnieuw."
    }


def test_a_management_command_on_a_read_only_database_says_so_in_one_line_and_writes_nothing(
    organisation: Any, writable_again: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grant makes an account, the role and two audit events; the database turns read-only
    after the role row. The command ends with one clear line (no traceback) and none of it stays."""
    # The command runs inside the test's transaction: keep it open when the command ends.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    person = organisation.people["outsider"]
    assert person.user_id is None
    users_before, audit_before = get_user_model().objects.count(), AuditEvent.objects.count()
    argv = ["manage.py", "assign_role", person.employee_number, Role.BEDRIJFSARTS, "--unit", organisation.unit.code]

    with _read_only_after_first_row(RoleAssignment), pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(argv)

    assert exit_status.value.code == 1
    errors = capsys.readouterr().err.strip()
    assert errors.startswith("De database is alleen-lezen.")
    assert "is niet opgeslagen, ook niet voor een deel" in errors
    assert "Traceback" not in errors and len(errors.splitlines()) == 1
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    person.refresh_from_db()
    assert person.user_id is None
    assert not RoleAssignment.objects.filter(user__username=person.employee_number).exists()
    assert get_user_model().objects.count() == users_before
    assert AuditEvent.objects.count() == audit_before


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (OperationalError("database or disk is full"), "De schijf van de database is vol."),
        (OperationalError("attempt to write a readonly database"), "De database is alleen-lezen."),
        (OperationalError('connection to server at "db" (10.0.0.5), port 5432 failed'), "niet bereikbaar"),
    ],
)
def test_the_operator_is_told_what_failed_and_what_to_do(error: Exception, problem: str) -> None:
    message = operator_message(error)
    assert problem in message
    assert message.endswith(f"(OperationalError: {error})")


@pytest.fixture
def full_database() -> Iterator[Any]:
    """Makes the database full on demand; afterwards it may grow again and the ballast is gone."""
    try:
        yield _fill_the_database
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA max_page_count = 4294967294")
            cursor.execute("DROP TABLE IF EXISTS test_faults_ballast")


# Outside a test transaction: SQLite may roll a whole transaction back on SQLITE_FULL.
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="a full disk is simulated with SQLite's max_page_count")
def test_a_full_sqlite_database_shows_a_503_and_writes_nothing(
    organisation: Any, full_database: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = _employee_client(organisation)
    client.get(reverse("confidential:mcu"))  # the session is written while there is room
    audit_before = AuditEvent.objects.count()
    caplog.set_level(logging.ERROR, logger="zorgwijzer.database")
    full_database()

    # 2,000 three-byte characters do not fit in any page: the row needs new (overflow) pages.
    response = client.post(reverse("confidential:mcu"), {"message": "€" * 2000})

    _assert_clean_503(response)
    (line,) = _database_log_lines(caplog)
    assert "database or disk is full" in line.getMessage()
    assert not Request.objects.exists()
    assert AuditEvent.objects.count() == audit_before


def _fill_the_database() -> None:
    """No page may be added any more and none is free: what a full disk is to SQLite."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE test_faults_ballast (data BLOB)")
        cursor.execute("PRAGMA page_count")
        (pages,) = cursor.fetchone()
        cursor.execute(f"PRAGMA max_page_count = {pages}")
    # Take up the free pages (left by earlier deletes), one page per statement, until refused.
    for _ in range(100_000):
        try:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO test_faults_ballast VALUES (zeroblob(3000))")
        except DatabaseError as error:
            assert "full" in str(error)
            return
    raise AssertionError("the database never became full")


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (OperationalError("database is locked"), True),
        (OperationalError("disk I/O error"), True),
        (OperationalError("attempt to write a readonly database"), True),
        (OperationalError("server closed the connection unexpectedly"), True),
        (OperationalError("no such table: aftercare_plan"), False),
        (OperationalError("no such column: aftercare_plan.nieuw"), False),
        (OperationalError("table aftercare_plan has no column named nieuw"), False),
        (OperationalError('near "FROM": syntax error'), False),
    ],
)
def test_only_a_failing_database_counts_as_unavailable_not_a_mistake_in_the_schema(
    error: Exception, unavailable: bool
) -> None:
    """A missing migration or a bad query on SQLite is a server error (500) for the operators,
    not a 503 page that tells the visitor to try again later."""
    from core.database_faults import is_database_unavailable

    assert is_database_unavailable(error) is unavailable


@pytest.mark.django_db
@pytest.mark.parametrize(("message", "status"), [("no such table: nergens", 500), ("database is locked", 503)])
def test_a_mistake_in_the_schema_gives_the_server_error_page_not_the_503(message: str, status: int) -> None:
    from unittest import mock

    from django.test import Client

    client = Client(raise_request_exception=False)
    with mock.patch("portal.views.work_for", side_effect=OperationalError(message)):
        response = client.get("/")
    assert response.status_code == status
