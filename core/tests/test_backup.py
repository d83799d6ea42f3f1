"""``manage.py backup`` and ``manage.py restore``: a round trip keeps every table's rows and the
audit trail's append-only guard; a restore never goes into a database that already has tables,
never takes a file that is not a backup of the same engine, and a backup never overwrites."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from core.audit import log_change
from core.backup import Target
from organisation.constants import Role

pytestmark = pytest.mark.slow
#: Backup and restore work on committed data (pg_dump reads it from another connection).
committed_data = pytest.mark.django_db(transaction=True)
REFUSAL = r"is niet leeg\. Zet een backup alleen terug in een lege database"


def _live_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from introspection
            counts[table] = cursor.fetchone()[0]
    return counts


def _contents(execute: Any) -> dict[str, tuple[int, str]]:
    """Per table of the live database: its row count and a digest of every row's values (in a
    fixed order), computed with ``execute(sql) -> rows`` on the live or the restored database."""
    with connection.cursor() as cursor:
        columns = {
            table: [column.name for column in connection.introspection.get_table_description(cursor, table)]
            for table in connection.introspection.table_names(cursor)
        }
    contents = {}
    for table, names in columns.items():
        if connection.vendor == "sqlite":  # each value as SQL text: the same on both connections
            row = " || ',' || ".join(f'quote("{name}")' for name in names)
            rows = sorted(value for (value,) in execute(f'SELECT {row} FROM "{table}"'))  # noqa: S608
            contents[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        else:
            query = (
                f"SELECT count(*), md5(coalesce(string_agg(t::text, chr(10) ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608
            )
            ((count, digest),) = execute(query)
            contents[table] = (count, digest)
    return contents


def _live_rows(sql: str) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TIME ZONE 'UTC'")
        cursor.execute(sql)
        return list(cursor.fetchall())


@pytest.fixture
def restore_target(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """An empty database of the same engine as the test database: its URL and a way to query it."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite3.connect(path)
        return
    db = connection.settings_dict
    name = f"zw_restore_{uuid.uuid4().hex[:10]}"
    admin = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"] or None}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    try:
        yield f"postgres://{auth}{db['HOST']}:{db['PORT']}/{name}", lambda: psycopg.connect(dbname=name, **admin)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@committed_data
def test_a_backup_restores_every_row_and_keeps_the_audit_trail_append_only(
    organisation: Any, tmp_path: Path, restore_target: tuple[str, Any]
) -> None:
    manager = organisation.users[Role.LEIDINGGEVENDE]
    for _ in range(3):
        log_change(actor=manager, obj=organisation.people[Role.MEDEWERKER])
    expected = _contents(_live_rows)
    assert expected["core_auditevent"][0] >= 3
    dump = tmp_path / "zorgwijzer.backup"

    call_command("backup", str(dump))
    url, connect = restore_target
    call_command("restore", str(dump), database_url=url)

    restored = connect()
    try:
        if connection.vendor == "postgresql":
            restored.execute("SET TIME ZONE 'UTC'")
        assert _contents(lambda sql: restored.execute(sql).fetchall()) == expected
        refusals = ["UPDATE core_auditevent SET object_id = 'changed'", "DELETE FROM core_auditevent"]
        if connection.vendor == "postgresql":
            refusals.append("TRUNCATE core_auditevent")
        for statement in refusals:
            with pytest.raises((sqlite3.IntegrityError, psycopg.errors.RestrictViolation), match="append-only"):
                restored.execute(statement)
            restored.rollback()
    finally:
        restored.close()


def test_restoring_into_a_database_that_has_tables_is_refused(organisation: Any, tmp_path: Path) -> None:
    """Outside a transactional test (fast): pg_dump sees the migrated tables, without this test's
    rows. SQLite's online backup of the in-memory test database would wait for the test's open
    transaction, and the refusal comes before the backup's contents matter: any SQLite file does."""
    dump = tmp_path / "zorgwijzer.backup"
    before = _live_counts()
    if connection.vendor == "sqlite":
        sqlite3.connect(dump).execute("CREATE TABLE core_auditevent (id integer)").connection.close()
        # The test database lives in memory; the same refusal for a file that has tables.
        occupied = tmp_path / "occupied.sqlite3"
        sqlite3.connect(occupied).execute("CREATE TABLE something (id integer)").connection.close()
        with pytest.raises(CommandError, match=REFUSAL):
            call_command("restore", str(dump), database_url=f"sqlite:///{occupied}")
        tables = sqlite3.connect(occupied).execute("SELECT name FROM sqlite_master").fetchall()
        assert tables == [("something",)]
    else:
        call_command("backup", str(dump))
        with pytest.raises(CommandError, match=REFUSAL):
            call_command("restore", str(dump))
    assert _live_counts() == before


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "earlier.backup"
    existing.write_bytes(b"an earlier backup")
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("backup", str(existing))
    assert existing.read_bytes() == b"an earlier backup"
    assert not list(tmp_path.glob("*.part"))


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("dit is geen backup")
    with pytest.raises(CommandError, match="geen backup van Zorgwijzer"):
        call_command("restore", str(stray), database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert not (tmp_path / "empty.sqlite3").exists()


def test_a_backup_of_the_other_engine_is_refused(tmp_path: Path) -> None:
    postgres_dump = tmp_path / "pg.backup"
    postgres_dump.write_bytes(b"PGDMP\x01\x0e\x00 rest of a custom-format dump")
    with pytest.raises(CommandError, match="van postgresql"):
        call_command("restore", str(postgres_dump), database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}")


def test_the_target_of_a_postgresql_url_carries_no_password_on_the_command_line() -> None:
    target = Target.from_url("postgres://zorg:geheim@db.example:5433/zorgwijzer")
    assert target.engine == "postgresql"
    assert target.env == {
        "PGHOST": "db.example",
        "PGPORT": "5433",
        "PGUSER": "zorg",
        "PGPASSWORD": "geheim",
        "PGDATABASE": "zorgwijzer",
    }
