"""Reading and checking an HR export (CSV) of employees; the format is described in docs/hr-import.md.

Everything here is pure: ``read_csv`` turns bytes into rows and file/field errors (size, encoding,
delimiter and header are checked by ``core.csv_import``, as for every import), and
``validate_rows`` checks those rows against a ``Reference`` (a snapshot of units, nodes and people
that ``organisation.services`` loads from the database). Planning and writing live in
``organisation.services``; nothing in this module touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from core import csv_import
from core.csv_import import RowError
from organisation.models import AppointmentType

# Column names as they appear in the header (lower case; surrounding spaces and a BOM are ignored).
EMPLOYEE_NUMBER = "personeelsnummer"
FIRST_NAME = "voornaam"
LAST_NAME = "achternaam"
EMAIL = "email"
UNIT = "eenheid"
DISTRICT = "district"
BASISTEAM = "basisteam"
DEPARTMENT = "afdeling"
TEAM = "team"
TEAM_CODE = "teamcode"
MANAGER = "leidinggevende_personeelsnummer"
ACTIVE = "in_dienst"
START_DATE = "datum_in_dienst"
END_DATE = "datum_uit_dienst"
APPOINTMENT = "aanstelling"
ASPIRANT = "aspirant"
GRADUATION_DATE = "datum_diplomering"

REQUIRED_COLUMNS = (EMPLOYEE_NUMBER, FIRST_NAME, LAST_NAME, UNIT, TEAM, TEAM_CODE)
OPTIONAL_COLUMNS = (
    EMAIL,
    DISTRICT,
    BASISTEAM,
    DEPARTMENT,
    MANAGER,
    ACTIVE,
    START_DATE,
    END_DATE,
    APPOINTMENT,
    ASPIRANT,
    GRADUATION_DATE,
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

#: Maximum lengths, equal to the model fields they end up in.
MAX_LENGTHS = {
    EMPLOYEE_NUMBER: 20,
    FIRST_NAME: 80,
    LAST_NAME: 120,
    EMAIL: 254,
    DISTRICT: 160,
    BASISTEAM: 160,
    DEPARTMENT: 160,
    TEAM: 160,
    TEAM_CODE: 40,
    MANAGER: 20,
}

_TRUE = {"ja", "j", "1", "true", "waar", "yes", "y"}
_FALSE = {"nee", "n", "0", "false", "onwaar", "no"}

#: Date columns → the Person field they fill. Dates are written day-month-year or year-month-day.
DATE_COLUMNS = {START_DATE: "service_start_date", END_DATE: "service_end_date", GRADUATION_DATE: "graduation_date"}
_DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y")

#: The values of the ``aanstelling`` column (lower case), as stored on Person.appointment_type.
APPOINTMENT_TYPES = tuple(AppointmentType.values)


@dataclass(frozen=True)
class HrRow:
    """One employee as read from the file. ``None`` means "column absent: leave as it is"."""

    row: int
    employee_number: str
    first_name: str
    last_name: str
    unit: str
    team: str
    team_code: str
    district: str = ""
    basisteam: str = ""
    department: str = ""
    email: str | None = None
    manager_number: str | None = None
    is_active: bool | None = None
    #: False when the file has none of the district/basisteam/afdeling columns: existing teams stay put.
    place_given: bool = True
    service_start_date: date | None = None
    service_end_date: date | None = None
    appointment_type: str = ""
    is_aspirant: bool | None = None
    graduation_date: date | None = None
    #: The Person fields of the service columns that are in the file (absent columns leave the data alone).
    service_given: frozenset[str] = frozenset()

    def levels(self) -> list[tuple[str, str]]:
        """The (kind, name) of the nodes above the team, top first; empty levels are skipped."""
        pairs = [("district", self.district), ("basisteam", self.basisteam), ("afdeling", self.department)]
        return [(kind, name) for kind, name in pairs if name]


@dataclass
class ParsedFile:
    rows: list[HrRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    #: Employee numbers on rows that had errors, so other rows may still name them as manager.
    rejected_numbers: set[str] = field(default_factory=set)
    #: Non-empty data rows in the file, valid or not.
    row_count: int = 0


@dataclass(frozen=True)
class NodeFact:
    pk: int
    unit_id: int
    parent_id: int | None
    kind: str
    name: str
    code: str


@dataclass(frozen=True)
class PersonFact:
    pk: int
    employee_number: str
    first_name: str
    last_name: str
    email: str
    team_id: int | None
    manager_number: str | None
    is_active: bool
    service_start_date: date | None = None
    service_end_date: date | None = None
    appointment_type: str = ""
    is_aspirant: bool | None = None
    graduation_date: date | None = None


@dataclass
class Reference:
    """What the database holds, as far as an import needs to know."""

    units: dict[str, int] = field(default_factory=dict)  # casefolded code or name → unit id
    nodes: list[NodeFact] = field(default_factory=list)
    people: dict[str, PersonFact] = field(default_factory=dict)

    def unit_id(self, text: str) -> int | None:
        return self.units.get(text.strip().casefold())

    def nodes_by_code(self) -> dict[str, NodeFact]:
        return {node.code: node for node in self.nodes}


# --- reading -------------------------------------------------------------------------------


def read_csv(data: bytes, *, max_bytes: int) -> ParsedFile:
    """Decode and parse an HR export. File-level errors have ``row=None``; then no rows are returned."""
    table = csv_import.read_table(data, max_bytes=max_bytes, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    if table.file_errors:
        return ParsedFile(errors=table.errors)
    parsed = ParsedFile(errors=list(table.errors), row_count=table.row_count)
    for raw in table.rows:
        row, errors = _parse_row(raw.row, raw.values)
        parsed.errors.extend(errors)
        if row is not None:
            parsed.rows.append(row)
        else:
            parsed.rejected_numbers.add(raw.values[EMPLOYEE_NUMBER])
    # Rows with the wrong number of fields come first in table.errors; keep the errors in row order.
    parsed.errors.sort(key=lambda error: error.row or 0)
    if not parsed.rows and not parsed.errors:
        parsed.errors.append(RowError(None, None, _("Het bestand bevat geen medewerkers.")))
    parsed.errors.extend(_duplicate_errors(parsed.rows))
    return parsed


def _parse_row(number: int, cells: Mapping[str, str]) -> tuple[HrRow | None, list[RowError]]:
    errors = list(_field_errors(number, cells))
    is_active, active_error = _parse_yes_no(number, ACTIVE, cells.get(ACTIVE), empty=True)
    if active_error:
        errors.append(active_error)
    service, service_errors = _parse_service(number, cells)
    errors.extend(service_errors)
    if errors:
        return None, errors
    return _build_row(number, cells, is_active, service), []


def parse_date(value: str) -> date | None:
    """A date as HR systems write it (31-12-2001, 2001-12-31 or 31/12/2001); None when it is none."""
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _parse_service(number: int, cells: Mapping[str, str]) -> tuple[dict[str, object], list[RowError]]:
    """The service columns present in the file → Person field values; an empty cell clears the value."""
    values: dict[str, object] = {}
    errors: list[RowError] = []
    for column, name in DATE_COLUMNS.items():
        raw = cells.get(column)
        if raw is None:
            continue
        parsed = parse_date(raw) if raw else None
        if raw and parsed is None:
            message = _("'%(value)s' is geen geldige datum; schrijf dag-maand-jaar, bijvoorbeeld 01-09-2001") % {
                "value": raw
            }
            errors.append(RowError(number, column, message))
            continue
        values[name] = parsed
    raw_type = cells.get(APPOINTMENT)
    if raw_type is not None:
        lowered = raw_type.strip().lower()
        if lowered and lowered not in APPOINTMENT_TYPES:
            message = _("onbekende aanstelling '%(value)s'; kies uit %(choices)s") % {
                "value": raw_type,
                "choices": ", ".join(APPOINTMENT_TYPES),
            }
            errors.append(RowError(number, APPOINTMENT, message))
        else:
            values["appointment_type"] = lowered
    if ASPIRANT in cells:
        is_aspirant, aspirant_error = _parse_yes_no(number, ASPIRANT, cells[ASPIRANT], empty=None)
        if aspirant_error:
            errors.append(aspirant_error)
        else:
            values["is_aspirant"] = is_aspirant
    start, end = values.get("service_start_date"), values.get("service_end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors.append(RowError(number, END_DATE, _("de datum uit dienst ligt voor de datum in dienst")))
    return values, errors


def _field_errors(number: int, cells: Mapping[str, str]) -> Iterator[RowError]:
    for column in REQUIRED_COLUMNS:
        if not cells[column]:
            yield RowError(number, column, _("dit veld is verplicht"))
    for column, limit in MAX_LENGTHS.items():
        value = cells.get(column) or ""
        if len(value) > limit:
            yield RowError(number, column, _("langer dan %(limit)s tekens") % {"limit": limit})
    for column in (EMPLOYEE_NUMBER, MANAGER, TEAM_CODE):
        value = cells.get(column) or ""
        if any(character.isspace() for character in value):
            yield RowError(number, column, _("'%(value)s' mag geen spaties bevatten") % {"value": value})
    email = cells.get(EMAIL) or ""
    if email:
        try:
            validate_email(email)
        except ValidationError:
            yield RowError(number, EMAIL, _("'%(value)s' is geen geldig e-mailadres") % {"value": email})
    if cells.get(MANAGER) and cells[MANAGER] == cells[EMPLOYEE_NUMBER]:
        yield RowError(number, MANAGER, _("een medewerker kan niet zijn eigen leidinggevende zijn"))


def _parse_yes_no(
    number: int, column: str, value: str | None, *, empty: bool | None
) -> tuple[bool | None, RowError | None]:
    """A ja/nee cell: ``None`` when the column is absent, ``empty`` for an empty cell (``in_dienst``:
    "ja"; ``aspirant``: not known)."""
    if value is None:
        return None, None
    lowered = value.lower()
    if not lowered:
        return empty, None
    if lowered in _TRUE:
        return True, None
    if lowered in _FALSE:
        return False, None
    return None, RowError(number, column, _("'%(value)s' is geen 'ja' of 'nee'") % {"value": value})


def _build_row(number: int, cells: Mapping[str, str], is_active: bool | None, service: dict[str, object]) -> HrRow:
    return HrRow(
        row=number,
        employee_number=cells[EMPLOYEE_NUMBER],
        first_name=cells[FIRST_NAME],
        last_name=cells[LAST_NAME],
        unit=cells[UNIT],
        team=cells[TEAM],
        team_code=cells[TEAM_CODE],
        district=cells.get(DISTRICT, ""),
        basisteam=cells.get(BASISTEAM, ""),
        department=cells.get(DEPARTMENT, ""),
        email=cells.get(EMAIL),
        manager_number=cells.get(MANAGER),
        is_active=is_active,
        place_given=any(level in cells for level in (DISTRICT, BASISTEAM, DEPARTMENT)),
        service_given=frozenset(service),
        **service,  # type: ignore[arg-type]
    )


def _duplicate_errors(rows: Iterable[HrRow]) -> Iterator[RowError]:
    first_row: dict[str, int] = {}
    for row in rows:
        earlier = first_row.setdefault(row.employee_number, row.row)
        if earlier != row.row:
            message = _("personeelsnummer '%(number)s' staat ook in rij %(earlier)s") % {
                "number": row.employee_number,
                "earlier": earlier,
            }
            yield RowError(row.row, EMPLOYEE_NUMBER, message)


# --- checking against the database ---------------------------------------------------------


def validate_rows(rows: list[HrRow], reference: Reference, *, rejected_numbers: Iterable[str] = ()) -> list[RowError]:
    """Errors that need the database: units, manager numbers, manager cycles and team codes."""
    errors: list[RowError] = []
    known_numbers = set(reference.people) | {row.employee_number for row in rows} | set(rejected_numbers)
    for row in rows:
        if reference.unit_id(row.unit) is None:
            errors.append(RowError(row.row, UNIT, _("onbekende eenheid '%(unit)s'") % {"unit": row.unit}))
        if row.manager_number and row.manager_number not in known_numbers:
            message = _("leidinggevende '%(number)s' staat niet in het bestand en niet in Zorgwijzer") % {
                "number": row.manager_number
            }
            errors.append(RowError(row.row, MANAGER, message))
    errors += _team_code_errors(rows, reference)
    errors += _cycle_errors(rows, reference)
    return sorted(errors, key=lambda error: (error.row or 0, COLUMNS.index(error.column) if error.column else -1))


def _team_place(row: HrRow, reference: Reference) -> tuple[int | None, tuple[str, ...]]:
    return reference.unit_id(row.unit), (row.district, row.basisteam, row.department, row.team)


def _team_code_errors(rows: list[HrRow], reference: Reference) -> Iterator[RowError]:
    """A team code names one team: the same unit and the same place in the tree on every row."""
    first: dict[str, HrRow] = {}
    existing = reference.nodes_by_code()
    for row in rows:
        earlier = first.setdefault(row.team_code, row)
        if _team_place(earlier, reference) != _team_place(row, reference):
            message = _("teamcode '%(code)s' hoort in rij %(earlier)s bij een ander team of een andere plek") % {
                "code": row.team_code,
                "earlier": earlier.row,
            }
            yield RowError(row.row, TEAM_CODE, message)
        node = existing.get(row.team_code)
        unit_id = reference.unit_id(row.unit)
        if node is not None and unit_id is not None and node.unit_id != unit_id:
            message = _("teamcode '%(code)s' hoort in Zorgwijzer bij een andere eenheid") % {"code": row.team_code}
            yield RowError(row.row, TEAM_CODE, message)


def _cycle_errors(rows: list[HrRow], reference: Reference) -> Iterator[RowError]:
    """Managers after the import (file over database) must not form a loop."""
    manager_of = {number: fact.manager_number for number, fact in reference.people.items()}
    manager_of.update({row.employee_number: row.manager_number for row in rows if row.manager_number is not None})
    row_of = {row.employee_number: row.row for row in rows}
    for cycle in _cycles(manager_of, list(row_of)):
        chain = " → ".join([*cycle, cycle[0]])
        message = _("de leidinggevenden vormen een kring: %(chain)s") % {"chain": chain}
        for number in cycle:
            if number in row_of:
                yield RowError(row_of[number], MANAGER, message)


def _cycles(manager_of: dict[str, str | None], starts: list[str]) -> Iterator[list[str]]:
    """Each loop in the manager graph reachable from ``starts``, once (walks every chain once)."""
    done: set[str] = set()
    for start in starts:
        path: list[str] = []
        position: dict[str, int] = {}
        number: str | None = start
        while number and number not in done and number not in position:
            position[number] = len(path)
            path.append(number)
            number = manager_of.get(number)
        if number and number in position:
            yield path[position[number] :]
        done.update(path)
