"""Checking exposure records from an incident system (CSV upload or JSON API); see docs/barista.md.

Pure reading and checking: ``read_csv`` and ``from_json`` turn input into raw rows, ``validate``
checks every row against the database (one query per table) and returns either records to write
or per-row Dutch errors. A file with any invalid row is rejected as a whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from barista.constants import Source
from barista.models import Exposure, ExposureType
from organisation.hr_import import RowError, csv_delimiter
from organisation.models import Person

EXTERNAL_ID = "extern_id"
EMPLOYEE_NUMBER = "personeelsnummer"
TYPE = "soort"
OCCURRED_AT = "datum_tijd"
COLUMNS = (EXTERNAL_ID, EMPLOYEE_NUMBER, TYPE, OCCURRED_AT)
MAX_ROWS = 50_000

_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M", "%Y-%m-%d", "%d-%m-%Y")


@dataclass(frozen=True)
class RawRow:
    row: int
    values: Mapping[str, str]


@dataclass(frozen=True)
class Record:
    """A checked record, ready to write."""

    row: int
    external_id: str
    person_id: int
    type_id: int
    occurred_at: datetime


@dataclass
class Checked:
    records: list[Record] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_csv(data: bytes, *, max_bytes: int) -> tuple[list[RawRow], list[RowError]]:
    """Rows of a CSV file (UTF-8, ``;`` or ``,``); file-level errors have ``row=None``."""
    if len(data) > max_bytes:
        limit = f"{max_bytes / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
        return [], [RowError(None, None, _("Het bestand is groter dan %(limit)s MB.") % {"limit": limit})]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(None, None, _("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'."))]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    header = next(reader, None)
    columns = [name.strip().lower() for name in header or []]
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        return [], [
            RowError(
                None,
                None,
                _("Deze kolommen ontbreken in de eerste regel: %(columns)s.") % {"columns": ", ".join(missing)},
            )
        ]
    rows, errors = [], []
    for number, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(columns):
            message = _("Deze rij heeft %(found)s velden, de kopregel %(expected)s.") % {
                "found": len(values),
                "expected": len(columns),
            }
            errors.append(RowError(number, None, message))
            continue
        rows.append(RawRow(number, {c: v.strip() for c, v in zip(columns, values, strict=True)}))
    if errors:
        return [], errors
    if not rows:
        return [], [RowError(None, None, _("Het bestand bevat geen regels met gebeurtenissen."))]
    return rows, []


def from_json(items: list[Any]) -> list[RawRow]:
    """API records (dicts) as rows numbered from 1."""
    return [
        RawRow(index, {key: str(item.get(key, "") or "").strip() for key in COLUMNS})
        for index, item in enumerate(items, start=1)
    ]


def parse_moment(text: str) -> datetime | None:
    """A date with or without time; ISO 8601 with an offset is accepted as well."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
        for pattern in _FORMATS:
            try:
                moment = datetime.strptime(text, pattern)
                break
            except ValueError:
                continue
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_current_timezone())
    return moment


def validate(rows: list[RawRow], now: datetime | None = None) -> Checked:
    """Check every row; a record already imported with the same data is accepted (and skipped
    when written), one with the same external id but other data is an error."""
    now = now or timezone.now()
    checked = Checked()
    if len(rows) > MAX_ROWS:
        checked.errors.append(
            RowError(None, None, _("Lever hoogstens %(max)s regels tegelijk aan.") % {"max": MAX_ROWS})
        )
        return checked
    numbers = {r.values.get(EMPLOYEE_NUMBER, "") for r in rows}
    people = dict(Person.objects.filter(employee_number__in=numbers).values_list("employee_number", "pk"))
    types = dict(ExposureType.objects.filter(is_active=True).values_list("code", "pk"))
    external_ids = [r.values.get(EXTERNAL_ID, "") for r in rows]
    known = {
        e.external_id: e
        for e in Exposure.objects.filter(source=Source.IMPORT, external_id__in=external_ids).only(
            "external_id", "person_id", "type_id", "occurred_at"
        )
    }
    seen: dict[str, int] = {}
    for raw in rows:
        errors = _check_row(raw, people, types, seen, now)
        if errors:
            checked.errors.extend(errors)
            continue
        record = Record(
            row=raw.row,
            external_id=raw.values[EXTERNAL_ID],
            person_id=people[raw.values[EMPLOYEE_NUMBER]],
            type_id=types[raw.values[TYPE]],
            occurred_at=parse_moment(raw.values[OCCURRED_AT]),  # type: ignore[arg-type]
        )
        previous = known.get(record.external_id)
        if previous is not None and (
            previous.person_id,
            previous.type_id,
            previous.occurred_at,
        ) != (record.person_id, record.type_id, record.occurred_at):
            checked.errors.append(
                RowError(
                    raw.row,
                    EXTERNAL_ID,
                    _(
                        "Dit extern id is al eerder aangeleverd met andere gegevens. "
                        "Een aangeleverde gebeurtenis wordt niet overschreven."
                    ),
                )
            )
            continue
        checked.records.append(record)
    if checked.errors:
        checked.records = []
    return checked


def _check_row(
    raw: RawRow, people: Mapping[str, int], types: Mapping[str, int], seen: dict[str, int], now: datetime
) -> list[RowError]:
    values, row = raw.values, raw.row
    errors = []
    external_id = values.get(EXTERNAL_ID, "")
    if not external_id:
        errors.append(RowError(row, EXTERNAL_ID, _("Vul een extern id in.")))
    elif len(external_id) > 80:
        errors.append(RowError(row, EXTERNAL_ID, _("Het extern id is langer dan 80 tekens.")))
    elif external_id in seen:
        errors.append(
            RowError(row, EXTERNAL_ID, _("Dit extern id staat ook al op rij %(row)s.") % {"row": seen[external_id]})
        )
    else:
        seen[external_id] = row
    number = values.get(EMPLOYEE_NUMBER, "")
    if not number:
        errors.append(RowError(row, EMPLOYEE_NUMBER, _("Vul een personeelsnummer in.")))
    elif number not in people:
        errors.append(RowError(row, EMPLOYEE_NUMBER, _("Er is geen medewerker met dit personeelsnummer.")))
    errors += _check_type(row, values.get(TYPE, ""), types)
    errors += _check_moment(row, values.get(OCCURRED_AT, ""), now)
    return errors


def _check_type(row: int, code: str, types: Mapping[str, int]) -> list[RowError]:
    if not code:
        return [RowError(row, TYPE, _("Vul de soort gebeurtenis in."))]
    if code not in types:
        message = _("Onbekende soort '%(code)s'. Gebruik een code uit de lijst met soorten.") % {"code": code[:60]}
        return [RowError(row, TYPE, message)]
    return []


def _check_moment(row: int, text: str, now: datetime) -> list[RowError]:
    if not text:
        return [RowError(row, OCCURRED_AT, _("Vul de datum en tijd in."))]
    moment = parse_moment(text)
    if moment is None:
        message = _("Geen geldige datum. Gebruik bijvoorbeeld 2026-03-14 22:15 of 14-03-2026 22:15.")
        return [RowError(row, OCCURRED_AT, message)]
    if moment > now + timedelta(hours=1):
        return [RowError(row, OCCURRED_AT, _("Deze datum ligt in de toekomst."))]
    from barista.services import exposure_retention

    if moment < now - exposure_retention():
        return [
            RowError(row, OCCURRED_AT, _("Deze datum is ouder dan de bewaartermijn; zo'n gebeurtenis telt niet meer."))
        ]
    return []
