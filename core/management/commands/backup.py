"""``manage.py backup <file>``: a consistent copy of the whole database (core/backup.py).

SQLite through its online backup API, PostgreSQL through ``pg_dump --format=custom``; the
application may keep running. The file must not exist yet. See docs/operations.md, "Backups".
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import BackupError, Target, backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database to a new file."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="the backup file to write (must not exist)")

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["file"]
        try:
            backup(Target.from_settings(connection.settings_dict), output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup geschreven naar {output} ({output.stat().st_size} bytes).")
