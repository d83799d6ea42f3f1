"""Reading and checking indicator values from other systems (absence, inflow and outflow, PTSS
registrations, …): pure, on ``core.csv_import``. Any invalid row rejects the whole file.

Columns: ``indicator`` (code), ``jaar``, ``eenheid`` (unit code; empty for the whole organisation),
``waarde`` (number, decimal comma or point; may be empty when ``richting`` is given), ``richting``
(toegenomen/afgenomen/gelijk), ``aard`` (feit/duiding, default feit), ``duiding``, ``bron``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core import csv_import
from core.csv_import import RowError
from jaarbeeld.constants import Direction, Nature

REQUIRED = ("indicator", "jaar", "eenheid", "waarde", "bron")
OPTIONAL = ("richting", "aard", "duiding")


@dataclass(frozen=True)
class Record:
    row: int
    indicator_id: int
    year: int
    unit_id: int | None
    value: Decimal | None
    direction: str
    nature: str
    interpretation: str
    source: str


@dataclass
class Checked(csv_import.ErrorList):
    records: list[Record] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _indicator(number: int, code: str, indicators: dict[str, tuple[int, bool]], errors: list[RowError]) -> int | None:
    found = indicators.get(code)
    if found is None:
        errors.append(RowError(number, "indicator", _("Deze indicator bestaat niet.")))
        return None
    if not found[1]:
        errors.append(RowError(number, "indicator", _("Zorgwijzer berekent deze indicator zelf; importeren kan niet.")))
    return found[0]


def _year(number: int, text: str, errors: list[RowError]) -> int:
    try:
        year = int(text)
        if 1990 <= year <= 2100:
            return year
    except ValueError:
        pass
    errors.append(RowError(number, "jaar", _("Vul een jaartal in, bijvoorbeeld 2023.")))
    return 0


def _value(number: int, text: str, errors: list[RowError]) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", "."))
        if value < 0 or value >= Decimal("1e11"):
            raise InvalidOperation
        return value.quantize(Decimal("0.1"))
    except InvalidOperation:
        errors.append(RowError(number, "waarde", _("Vul een getal van 0 of meer in.")))
        return None


def _choices(number: int, values: Mapping[str, str], errors: list[RowError]) -> tuple[str, str]:
    direction = values.get("richting", "")
    if direction and direction not in Direction.values:
        errors.append(RowError(number, "richting", _("Kies toegenomen, afgenomen of gelijk.")))
    if not values["waarde"] and not direction:
        errors.append(RowError(number, "waarde", _("Vul een waarde of een richting in.")))
    nature = values.get("aard", "") or Nature.FEIT
    if nature not in Nature.values:
        errors.append(RowError(number, "aard", _("Kies feit of duiding.")))
    if not values["bron"]:
        errors.append(RowError(number, "bron", _("Vul de bron in.")))
    return direction, nature


def check(data: bytes, *, max_bytes: int, indicators: dict[str, tuple[int, bool]], units: dict[str, int]) -> Checked:
    """``indicators``: code → (id, importable); ``units``: code → id."""
    table = csv_import.read_table(data, max_bytes=max_bytes, required=REQUIRED, optional=OPTIONAL)
    result = Checked(errors=list(table.errors))
    seen: dict[tuple[int, int, int | None], int] = {}
    for row in table.rows:
        values = row.values
        errors: list[RowError] = []
        indicator_id = _indicator(row.row, values["indicator"], indicators, errors)
        year = _year(row.row, values["jaar"], errors)
        unit_id: int | None = None
        if values["eenheid"]:
            unit_id = units.get(values["eenheid"])
            if unit_id is None:
                errors.append(RowError(row.row, "eenheid", _("Deze eenheid bestaat niet.")))
        value = _value(row.row, values["waarde"], errors)
        direction, nature = _choices(row.row, values, errors)
        if indicator_id is not None and year:
            key = (indicator_id, year, unit_id)
            if key in seen:
                message = _("Dezelfde indicator, hetzelfde jaar en dezelfde eenheid staan ook in rij %(row)s.")
                errors.append(RowError(row.row, None, message % {"row": seen[key]}))
            seen[key] = row.row
        if errors or indicator_id is None:
            result.errors.extend(errors)
            continue
        result.records.append(
            Record(
                row=row.row,
                indicator_id=indicator_id,
                year=year,
                unit_id=unit_id,
                value=value,
                direction=direction,
                nature=nature,
                interpretation=values.get("duiding", "")[:2000],
                source=values["bron"][:200],
            )
        )
    return result
