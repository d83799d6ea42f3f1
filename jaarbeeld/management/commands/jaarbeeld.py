"""``manage.py jaarbeeld 2022 --pdf``: regenerate an edition as HTML (and PDF), with a progress bar
on stderr and the written paths on stdout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jaarbeeld import document
from jaarbeeld.models import Edition
from organisation.models import Unit

BAR = 30


class Command(BaseCommand):
    help = "Maak een editie van het Sociaal Jaarbeeld opnieuw als HTML en (met --pdf) als PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", type=int)
        parser.add_argument("--pdf", action="store_true", help="Maak ook de PDF.")
        parser.add_argument("--eenheid", default="", help="Code van een eenheid: alleen die eenheid.")
        parser.add_argument("--uitvoer", default="", help="Map voor de bestanden (standaard JAARBEELD_OUTPUT_DIR).")

    def handle(self, *args: Any, **options: Any) -> None:
        edition = Edition.objects.filter(year=options["year"]).first()
        if edition is None:
            raise CommandError(f"Er is geen editie voor {options['year']}.")
        unit = None
        if options["eenheid"]:
            unit = Unit.objects.filter(code=options["eenheid"]).first()
            if unit is None:
                raise CommandError(f"Er is geen eenheid met code {options['eenheid']}.")
        written = document.regenerate(
            edition,
            pdf=options["pdf"],
            unit=unit,
            directory=Path(options["uitvoer"]) if options["uitvoer"] else None,
            progress=self._progress,
        )
        self.stderr.write("")
        self.stdout.write(str(written.html))
        if written.pdf:
            self.stdout.write(str(written.pdf))

    def _progress(self, done: int, total: int, label: str) -> None:
        filled = BAR * done // max(1, total)
        self.stderr.write(f"\r[{'#' * filled}{' ' * (BAR - filled)}] {done}/{total} {label:<40}", ending="")
        self.stderr.flush()
