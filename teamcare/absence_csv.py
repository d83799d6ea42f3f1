"""Reading the absence file: one row per team and quarter (pure: no database writes).

Columns: ``teamcode``, ``periode`` (``2026-K2``), ``verzuimpercentage`` (0–100) and
``meldingsfrequentie`` (reports per person per year). A comma or a point as decimal sign.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.csv_import import ErrorList, RowError, read_table
from teamcare import periods

REQUIRED = ("teamcode", "periode", "verzuimpercentage", "meldingsfrequentie")


@dataclass(frozen=True)
class AbsenceRow:
    row: int
    team_code: str
    period: str
    percentage: Decimal
    frequency: Decimal


@dataclass
class AbsenceFile(ErrorList):
    rows: list[AbsenceRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _number(value: str) -> Decimal | None:
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def read(data: bytes, *, max_bytes: int, team_codes: set[str]) -> AbsenceFile:
    """Check every row; ``team_codes`` are the codes of the teams that exist."""
    table = read_table(data, max_bytes=max_bytes, required=REQUIRED, optional=())
    found = AbsenceFile(errors=list(table.errors))
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        values = row.values
        code = values["teamcode"]
        period = periods.parse(values["periode"])
        percentage = _number(values["verzuimpercentage"])
        frequency = _number(values["meldingsfrequentie"])
        errors = []
        if code not in team_codes:
            errors.append(RowError(row.row, "teamcode", _("Dit team bestaat niet in Zorgwijzer.")))
        if period is None:
            errors.append(
                RowError(row.row, "periode", _("Schrijf de periode als jaar-kwartaal, bijvoorbeeld 2026-K2."))
            )
        if percentage is None or not 0 <= percentage <= 100:
            errors.append(RowError(row.row, "verzuimpercentage", _("Vul een getal van 0 tot en met 100 in.")))
        if frequency is None or not 0 <= frequency <= 100:
            errors.append(RowError(row.row, "meldingsfrequentie", _("Vul een getal van 0 tot en met 100 in.")))
        if period is not None:
            key = (code, period.code)
            if key in seen:
                message = _("Dit team en deze periode staan ook al in rij %(row)s.") % {"row": seen[key]}
                errors.append(RowError(row.row, None, message))
            seen.setdefault(key, row.row)
        if errors or period is None or percentage is None or frequency is None:
            found.errors.extend(errors)
            continue
        found.rows.append(AbsenceRow(row.row, code, period.code, round(percentage, 2), round(frequency, 2)))
    return found
