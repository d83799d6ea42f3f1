"""Reading and checking exposure records from an incident system (CSV upload or JSON API); see
docs/barista.md.

Pure, like ``organisation.hr_csv``: ``read_csv`` (on ``core.csv_import``) and ``from_json`` turn
input into rows, ``validate`` checks every row against a ``Reference`` (what the database holds,
loaded by ``barista.services_import``) and returns either records to write or per-row Dutch
errors. A file with any invalid row is rejected as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core import csv_import
from core.csv_import import Row, RowError

EXTERNAL_ID = "extern_id"
EMPLOYEE_NUMBER = "personeelsnummer"
TYPE = "soort"
OCCURRED_AT = "datum_tijd"
COLUMNS = (EXTERNAL_ID, EMPLOYEE_NUMBER, TYPE, OCCURRED_AT)
MAX_ROWS = 50_000
#: The longest external id the database stores.
MAX_EXTERNAL_ID = 80

_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M", "%Y-%m-%d", "%d-%m-%Y")


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


@dataclass(frozen=True)
class Delivered:
    """An exposure imported before, as far as a redelivery is compared with it."""

    person_id: int
    type_id: int
    occurred_at: datetime


@dataclass
class Reference:
    """What the database holds, as far as checking the rows needs to know."""

    #: Events older than this no longer count (``BARISTA_EXPOSURE_RETENTION_DAYS``).
    retention: timedelta
    people: dict[str, int] = field(default_factory=dict)  # employee number → person id
    types: dict[str, int] = field(default_factory=dict)  # active type code → type id
    delivered: dict[str, Delivered] = field(default_factory=dict)  # external id → earlier import


def read_csv(data: bytes, *, max_bytes: int) -> tuple[list[Row], list[RowError]]:
    """Rows of a CSV file; any error (file or row) means no rows. Columns beyond ``COLUMNS`` are
    ignored: an incident system may export more than Barista needs."""
    table = csv_import.read_table(data, max_bytes=max_bytes, required=COLUMNS)
    if table.errors:
        return [], table.errors
    if not table.rows:
        return [], [RowError(None, None, _("Het bestand bevat geen regels met gebeurtenissen."))]
    return table.rows, []


def from_json(items: list[Any]) -> list[Row]:
    """API records (dicts) as rows numbered from 1."""
    return [
        Row(index, {key: str(item.get(key, "") or "").strip() for key in COLUMNS})
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


def count_errors(rows: list[Row]) -> list[RowError]:
    """Checked before the database is asked anything about the rows."""
    if len(rows) > MAX_ROWS:
        return [RowError(None, None, _("Lever hoogstens %(max)s regels tegelijk aan.") % {"max": MAX_ROWS})]
    return []


def validate(rows: list[Row], reference: Reference, now: datetime | None = None) -> Checked:
    """Check every row; a record already imported with the same data is accepted (and skipped
    when written), one with the same external id but other data is an error."""
    now = now or timezone.now()
    checked = Checked()
    seen: dict[str, int] = {}
    for raw in rows:
        errors = _check_row(raw, reference, seen, now)
        if errors:
            checked.errors.extend(errors)
            continue
        record = Record(
            row=raw.row,
            external_id=raw.values[EXTERNAL_ID],
            person_id=reference.people[raw.values[EMPLOYEE_NUMBER]],
            type_id=reference.types[raw.values[TYPE]],
            occurred_at=parse_moment(raw.values[OCCURRED_AT]),  # type: ignore[arg-type]
        )
        previous = reference.delivered.get(record.external_id)
        if previous is not None and previous != Delivered(record.person_id, record.type_id, record.occurred_at):
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


def _check_row(raw: Row, reference: Reference, seen: dict[str, int], now: datetime) -> list[RowError]:
    values, row = raw.values, raw.row
    errors = []
    external_id = values.get(EXTERNAL_ID, "")
    if not external_id:
        errors.append(RowError(row, EXTERNAL_ID, _("Vul een extern id in.")))
    elif len(external_id) > MAX_EXTERNAL_ID:
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
    elif number not in reference.people:
        errors.append(RowError(row, EMPLOYEE_NUMBER, _("Er is geen medewerker met dit personeelsnummer.")))
    errors += _check_type(row, values.get(TYPE, ""), reference.types)
    errors += _check_moment(row, values.get(OCCURRED_AT, ""), now, reference.retention)
    return errors


def _check_type(row: int, code: str, types: Mapping[str, int]) -> list[RowError]:
    if not code:
        return [RowError(row, TYPE, _("Vul de soort gebeurtenis in."))]
    if code not in types:
        message = _("Onbekende soort '%(code)s'. Gebruik een code uit de lijst met soorten.") % {"code": code[:60]}
        return [RowError(row, TYPE, message)]
    return []


def _check_moment(row: int, text: str, now: datetime, retention: timedelta) -> list[RowError]:
    if not text:
        return [RowError(row, OCCURRED_AT, _("Vul de datum en tijd in."))]
    moment = parse_moment(text)
    if moment is None:
        message = _("Geen geldige datum. Gebruik bijvoorbeeld 2026-03-14 22:15 of 14-03-2026 22:15.")
        return [RowError(row, OCCURRED_AT, message)]
    if moment > now + timedelta(hours=1):
        return [RowError(row, OCCURRED_AT, _("Deze datum ligt in de toekomst."))]
    if moment < now - retention:
        return [
            RowError(row, OCCURRED_AT, _("Deze datum is ouder dan de bewaartermijn; zo'n gebeurtenis telt niet meer."))
        ]
    return []
