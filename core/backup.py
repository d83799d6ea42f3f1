"""Backup and restore of the whole database with the engine's own tools.

* SQLite: the online backup API (``sqlite3.Connection.backup``): a consistent copy while the
  application keeps running, triggers (the audit trail's append-only guard) included.
* PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --single-transaction``: the dump
  holds the schema with its functions and triggers; the restore is one transaction, so a
  failure leaves the target as it was.

Both write to ``<file>.part`` first and rename at the end, so a backup that stops half-way never
looks like a finished one. A restore goes only into an *empty* database (no tables): restoring
over live data would mix two states of the organisation, and for the audit trail that is not
a thing to undo. Credentials go to the PostgreSQL tools in their environment, never on the
command line (where ``ps`` shows them).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext as _

SQLITE_HEADER = b"SQLite format 3\x00"
PG_CUSTOM_HEADER = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that was refused or failed; the message is for the operator."""


@dataclass(frozen=True)
class Target:
    """A database as the backup tools see it."""

    engine: str  # "sqlite" or "postgresql"
    name: str  # SQLite: a file path (or ":memory:"-like); PostgreSQL: the database name
    env: Mapping[str, str]  # PostgreSQL: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE

    @classmethod
    def from_settings(cls, settings_dict: Mapping[str, Any]) -> Target:
        engine = str(settings_dict["ENGINE"])
        name = str(settings_dict["NAME"])
        if engine.endswith("sqlite3"):
            return cls("sqlite", name, {})
        if "postgresql" in engine:
            env = {
                "PGHOST": str(settings_dict.get("HOST") or ""),
                "PGPORT": str(settings_dict.get("PORT") or ""),
                "PGUSER": str(settings_dict.get("USER") or ""),
                "PGPASSWORD": str(settings_dict.get("PASSWORD") or ""),
                "PGDATABASE": name,
            }
            return cls("postgresql", name, {key: value for key, value in env.items() if value})
        raise BackupError(_("Deze database wordt niet ondersteund: %(engine)s.") % {"engine": engine})

    @classmethod
    def from_url(cls, url: str) -> Target:
        try:
            return cls.from_settings(dj_database_url.parse(url))
        except ValueError as error:
            raise BackupError(_("Dit databaseadres klopt niet: %(error)s") % {"error": error}) from error

    def tool_env(self) -> dict[str, str]:
        return {**os.environ, **self.env}


def _is_memory(name: str) -> bool:
    return name == ":memory:" or name.startswith("file:memorydb") or "mode=memory" in name


def _sqlite_source(target: Target) -> sqlite3.Connection:
    """A connection to read from. An in-memory database (the test database) is only reachable
    through the process's own connection."""
    if _is_memory(target.name):
        from django.db import connection

        connection.ensure_connection()
        raw = connection.connection
        assert isinstance(raw, sqlite3.Connection)
        return raw
    if not Path(target.name).is_file():
        raise BackupError(_("Het databasebestand %(name)s bestaat niet.") % {"name": target.name})
    return sqlite3.connect(target.name)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(_("%(tool)s is niet geïnstalleerd; installeer de PostgreSQL-client.") % {"tool": name})
    return found


def _run(command: list[str], target: Target) -> None:
    # The tool comes from shutil.which, the arguments are fixed options and paths (no shell).
    result = subprocess.run(command, env=target.tool_env(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(
            _("%(tool)s is gestopt met een fout: %(error)s")
            % {"tool": Path(command[0]).name, "error": result.stderr.strip()[-500:]}
        )


def backup(target: Target, output: Path) -> None:
    """Write a consistent copy of ``target`` to ``output`` (which must not exist yet)."""
    if output.exists():
        raise BackupError(_("%(file)s bestaat al. Kies een nieuwe bestandsnaam.") % {"file": output})
    part = output.with_name(output.name + ".part")
    part.unlink(missing_ok=True)
    try:
        if target.engine == "sqlite":
            source = _sqlite_source(target)
            destination = sqlite3.connect(part)
            try:
                source.backup(destination)
            finally:
                destination.close()
                if source is not _django_raw_connection():
                    source.close()
        else:
            _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={part}"], target)
        part.replace(output)
    finally:
        part.unlink(missing_ok=True)


def _django_raw_connection() -> Any:
    from django.db import connection

    return connection.connection


def backup_kind(path: Path) -> str:
    """``sqlite`` or ``postgresql``, from the file's first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise BackupError(_("Het backupbestand %(file)s is niet te lezen.") % {"file": path}) from error
    if head.startswith(SQLITE_HEADER):
        return "sqlite"
    if head.startswith(PG_CUSTOM_HEADER):
        return "postgresql"
    raise BackupError(_("%(file)s is geen backup van Zorgwijzer (SQLite of pg_dump custom).") % {"file": path})


def table_count(target: Target) -> int:
    """How many tables the database has (0: empty, a restore may go there)."""
    if target.engine == "sqlite":
        if not _is_memory(target.name) and (not Path(target.name).exists() or Path(target.name).stat().st_size == 0):
            return 0
        source = _sqlite_source(target)
        try:
            query = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            return int(source.execute(query).fetchone()[0])
        finally:
            if source is not _django_raw_connection():
                source.close()
    import psycopg
    from psycopg.conninfo import make_conninfo

    with psycopg.connect(make_conninfo(**_psycopg_kwargs(target))) as connection:
        row = connection.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        ).fetchone()
    return int(row[0]) if row else 0


def _psycopg_kwargs(target: Target) -> dict[str, str]:
    names = {"PGHOST": "host", "PGPORT": "port", "PGUSER": "user", "PGPASSWORD": "password", "PGDATABASE": "dbname"}
    return {names[key]: value for key, value in target.env.items()}


def restore(target: Target, backup_file: Path) -> None:
    """Restore ``backup_file`` into ``target``, which must be an empty database of the same kind."""
    kind = backup_kind(backup_file)
    if kind != target.engine:
        raise BackupError(
            _("Deze backup is van %(kind)s en kan niet in een %(engine)s-database worden teruggezet.")
            % {"kind": kind, "engine": target.engine}
        )
    if table_count(target) > 0:
        raise BackupError(
            _(
                "De database %(name)s is niet leeg. Zet een backup alleen terug in een lege database, "
                "zodat er geen twee toestanden door elkaar raken."
            )
            % {"name": target.name}
        )
    if target.engine == "sqlite":
        if _is_memory(target.name):
            raise BackupError(_("Een backup terugzetten kan alleen in een databasebestand."))
        destination_path = Path(target.name)
        part = destination_path.with_name(destination_path.name + ".part")
        part.unlink(missing_ok=True)
        source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        destination = sqlite3.connect(part)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        part.replace(destination_path)
        return
    _run(
        [
            _tool("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={target.name}",
            str(backup_file),
        ],
        target,
    )
