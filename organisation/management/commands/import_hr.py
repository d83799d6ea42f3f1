"""``manage.py import_hr FILE [--dry-run]``: import an HR export (see docs/hr-import.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import csv_import
from organisation import services


class Command(BaseCommand):
    help = "Importeert medewerkers en teams uit een HR-export (CSV). Schrijft niets als één rij fout is."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Het CSV-bestand.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args: Any, file: Path, dry_run: bool, **options: Any) -> None:
        data = self._read(file)
        report = services.hr_import_run(data=data, actor=None, dry_run=dry_run)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(
                ngettext(
                    "%(count)s fout gevonden; er is niets opgeslagen.",
                    "%(count)s fouten gevonden; er is niets opgeslagen.",
                    len(report.errors),
                )
                % {"count": len(report.errors)}
            )
        self._summary(report)

    def _read(self, file: Path) -> bytes:
        try:
            # Checked before reading, so a huge file is not loaded into memory first.
            if file.stat().st_size > settings.ORGANISATION_HR_IMPORT_MAX_BYTES:
                raise CommandError(csv_import.size_message(settings.ORGANISATION_HR_IMPORT_MAX_BYTES))
            return file.read_bytes()
        except OSError as error:
            raise CommandError(_("Kan '%(file)s' niet lezen: %(error)s") % {"file": file, "error": error}) from error

    def _summary(self, report: services.HrImportReport) -> None:
        heading = _("Proefimport: er is niets opgeslagen.") if report.dry_run else _("Import voltooid.")
        self.stdout.write(self.style.SUCCESS(heading))
        lines = [
            (_("rijen"), report.rows),
            (_("medewerkers nieuw"), report.people_created),
            (_("medewerkers gewijzigd"), report.people_updated),
            (_("medewerkers ongewijzigd"), report.people_unchanged),
            (_("organisatieonderdelen nieuw"), report.nodes_created),
            (_("teams hernoemd of verplaatst"), report.nodes_updated),
        ]
        for label, count in lines:
            self.stdout.write(f"  {label}: {count}")
