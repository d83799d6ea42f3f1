"""Django's ``flush``, made to work with the append-only audit trail.

``flush`` empties every table. On SQLite it does so with ``DELETE FROM``, which the audit
trigger (core/migrations/0002_audit_append_only.py) refuses, so this command opens a purge
window for exactly the flush's own transaction. Test runners (pytest-django's transactional
tests and ``live_server``) call ``flush`` between tests, so they keep working on both databases.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management import CommandError
from django.core.management.commands.flush import Command as DjangoFlushCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

MARKER_TABLE = "zorgwijzer_audit_purge"


@contextmanager
def audit_purge_window(*, using: str = DEFAULT_DB_ALIAS, reason: str) -> Iterator[None]:
    """Allow deleting audit events inside this block, and only inside it.

    The marker row lives in the block's own transaction: it is removed before commit and rolled
    back on error, and other transactions never see it. UPDATE stays refused. Meant for
    ``flush`` and for a deliberate, audited retention purge, never for ordinary code.
    """
    connection = connections[using]
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            installed = MARKER_TABLE in connection.introspection.table_names(cursor)
            if installed:  # absent only when the audit triggers are not installed either
                cursor.execute(f"INSERT INTO {MARKER_TABLE} (reason) VALUES (%s)", [reason[:200]])  # noqa: S608
        yield
        if installed:
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {MARKER_TABLE}")  # noqa: S608


def _is_disposable(alias: str) -> bool:
    """A test database (Django prefixes them with ``test_``; SQLite tests run in memory)."""
    name = str(connections[alias].settings_dict.get("NAME") or "")
    return name.startswith(TEST_DATABASE_PREFIX) or "memorydb" in name or name == ":memory:"


class Command(DjangoFlushCommand):
    def handle(self, **options: Any) -> None:
        if not (settings.DEBUG or _is_disposable(options["database"])):
            raise CommandError(
                "flush is refused on this database: it would also empty the audit trail. "
                "It only runs with DEBUG on or on a test database."
            )
        with audit_purge_window(using=options["database"], reason="manage.py flush"):
            super().handle(**options)
