"""The one CSV writer of every export (aftercare, Barista, the weerbaarheidsmonitor).

Names in an export come from people (a team, unit or measurement name), and a spreadsheet runs
a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
(OWASP "CSV injection": a link that sends the sheet elsewhere, or a command on old Excel). Such a
text cell gets a leading single quote, which spreadsheets show as text and do not compute.

What is not escaped, on purpose: numbers (``int``, ``float``, ``Decimal``), and text that is a
plain decimal number (``-0.3``, ``-0,3``, ``+12``), which a spreadsheet reads as that number and
nothing else; quoting them would turn a numeric column into text. Everything else that starts
with one of those characters is escaped, also ``-2+3``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.utils.functional import Promise

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

#: What a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: A number and nothing else: an optional sign, digits, optionally a decimal point or comma.
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")

#: Dutch spreadsheets expect a semicolon (the comma is the decimal separator).
DELIMITER = ";"


def neutralise(value: Any) -> Any:
    """The cell as it may be written: a text cell a spreadsheet would run gets a leading quote."""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return f"'{value}"


class SafeWriter:
    """A ``csv.writer`` that neutralises every cell."""

    def __init__(self, target: SupportsWrite[str]) -> None:
        self._writer = csv.writer(target, delimiter=DELIMITER)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(target: SupportsWrite[str]) -> SafeWriter:
    return SafeWriter(target)


def csv_response(filename: str, *, byte_order_mark: bool = False) -> tuple[HttpResponse, SafeWriter]:
    """A CSV download and the writer to fill it. ``byte_order_mark`` makes Excel read UTF-8."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if byte_order_mark:
        response.write("\ufeff")
    return response, SafeWriter(response)
