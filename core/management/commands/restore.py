"""``manage.py restore <file>``: put a backup of ``manage.py backup`` into an empty database.

The target is the configured database, or ``--database-url``. A database that already has
tables is refused: restore into a new, empty database and point the application at it. See
docs/operations.md, "Backups".
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import BackupError, Target, restore


class Command(BaseCommand):
    help = "Restore a backup into an empty database."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="a file written by manage.py backup")
        parser.add_argument(
            "--database-url",
            default="",
            help="restore into this (empty) database instead of the configured one",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["file"]
        try:
            target = (
                Target.from_url(options["database_url"])
                if options["database_url"]
                else Target.from_settings(connection.settings_dict)
            )
            restore(target, source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup {source} teruggezet in {target.name}.")
