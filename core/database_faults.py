"""When the database itself fails (lost, restarted, read-only, full) rather than a request: how to
recognise it, and what to tell the operator of a management command.

A web request gets the 503 page (core.middleware.DatabaseUnavailableMiddleware); a management
command gets one clear line instead of a traceback (``execute_from_command_line``, called by
manage.py). Either way the transaction that was writing is rolled back by the database, so
nothing is left half-written.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from django.core import management
from django.db.utils import InterfaceError, InternalError, OperationalError
from django.utils.translation import gettext as _

#: PostgreSQL's "read_only_sql_transaction": a write on a read-only server or transaction.
READ_ONLY_SQLSTATE = "25006"
#: PostgreSQL's "disk_full".
DISK_FULL_SQLSTATE = "53100"


def is_database_unavailable(error: BaseException | None) -> bool:
    """A failure of the database itself rather than of the request: the server restarted or is
    unreachable, the connection was lost, SQLite's file is read-only or the disk is full, a lock
    was not granted in time. Django raises these as ``OperationalError`` (``InterfaceError`` for a
    connection that was already closed), except SQLite's mistakes in a query or the schema
    (``is_schema_mistake``), which stay server errors. A PostgreSQL server that only allows reading (a standby
    before it is promoted) raises ``InternalError`` with SQLSTATE 25006 for a write."""
    if isinstance(error, InterfaceError):
        return True
    if isinstance(error, OperationalError):
        return not is_schema_mistake(error)
    return isinstance(error, InternalError) and _sqlstate(error) == READ_ONLY_SQLSTATE


#: SQLite raises these mistakes in the query or the schema (a missing migration, a bug) as
#: ``OperationalError`` too; PostgreSQL raises them as ``ProgrammingError``. They are a server
#: error (500) for the operators to fix, not a database that is away for a while (503).
SQLITE_SCHEMA_MISTAKES = (
    "no such table",
    "no such column",
    "no such function",
    "has no column named",
    "ambiguous column name",
    "syntax error",
)


def is_schema_mistake(error: BaseException) -> bool:
    """Whether an ``OperationalError`` is a mistake in the query or schema rather than a failure
    of the database."""
    message = str(error).lower()
    return any(mistake in message for mistake in SQLITE_SCHEMA_MISTAKES)


def database_cause(error: BaseException | None) -> BaseException | None:
    """The database failure behind ``error``: itself, or what it was raised from or while handling
    (Django's session store turns a failed save into ``UpdateError``, for one)."""
    seen = 0
    while error is not None and seen < 8:
        if is_database_unavailable(error):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def _sqlstate(error: BaseException) -> str | None:
    return getattr(error.__cause__, "sqlstate", None)


def operator_message(error: BaseException) -> str:
    """What went wrong and what to do about it, for whoever runs the command; the technical
    cause at the end."""
    text = str(error).strip()
    lowered = text.lower()
    if _sqlstate(error) == READ_ONLY_SQLSTATE or "readonly" in lowered or "read-only" in lowered:
        problem = _(
            "De database is alleen-lezen. Controleer of het databasebestand en de map waarin het staat "
            "beschrijfbaar zijn, of dat de databaseserver geen alleen-lezen-reserve is."
        )
    elif _sqlstate(error) == DISK_FULL_SQLSTATE or "disk is full" in lowered or "no space left" in lowered:
        problem = _("De schijf van de database is vol. Maak ruimte vrij en probeer het opnieuw.")
    else:
        problem = _(
            "De database is niet bereikbaar. Controleer of de database draait en of DATABASE_URL klopt, "
            "en probeer het opnieuw."
        )
    done = _("Wat de opdracht op dat moment schreef, is niet opgeslagen, ook niet voor een deel.")
    first_line = text.splitlines()[0] if text else ""
    return f"{problem} {done} ({type(error).__name__}: {first_line[:300]})"


def execute_from_command_line(argv: Sequence[str] | None = None) -> None:
    """Django's ``execute_from_command_line``; a database failure ends the command with one clear
    message and exit status 1 instead of a traceback (``--traceback`` still shows it)."""
    arguments = list(argv if argv is not None else sys.argv)
    try:
        management.execute_from_command_line(arguments)
    except Exception as error:
        cause = database_cause(error)
        if cause is None or "--traceback" in arguments:
            raise
        sys.stderr.write(operator_message(cause) + "\n")
        sys.exit(1)
