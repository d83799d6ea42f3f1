"""Reading an uploaded CSV file, the same way for every import (HR export, Barista exposures).

``read_table`` checks what every import checks — size, encoding, delimiter, header, the number
of fields per row — and hands back the rows as column → value with their spreadsheet row number
(the header is row 1). What a value must look like is the app's business: each app has a pure
checker on top of this (``organisation.hr_csv``, ``barista.exposure_csv``). Every failure kind has
one Dutch message here, so the imports cannot drift apart again. Nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _

#: Where the header is, counted like a spreadsheet; data rows start at 2.
HEADER_ROW = 1


@dataclass(frozen=True)
class RowError:
    """One problem, pinned to a row (1 = the header, as in a spreadsheet) and a column when known.

    ``row=None`` is a problem with the file as a whole (size, encoding, header).
    """

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Rij %(row)s, kolom '%(column)s': %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Rij %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


class ErrorList:
    """The error views every import report shares (mixed into ``Table`` and the apps' reports).

    The class using it keeps its problems in ``errors``: file errors (``row is None``) and row errors.
    """

    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def file_errors(self) -> list[RowError]:
        """Errors about the file as a whole (size, encoding, header) rather than one row."""
        return [error for error in self.errors if error.row is None]

    @property
    def row_errors(self) -> list[RowError]:
        return [error for error in self.errors if error.row is not None]


@dataclass(frozen=True)
class Row:
    """One non-empty data row: its number and its values by column name (spaces stripped)."""

    row: int
    values: Mapping[str, str]


@dataclass
class Table(ErrorList):
    """A read file. ``errors`` are file errors (then there are no rows) or rows with the wrong
    number of fields (the other rows are still read, so a page can list every problem)."""

    columns: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    #: Non-empty data rows, including those with the wrong number of fields.
    row_count: int = 0


def read_table(data: bytes, *, max_bytes: int, required: Sequence[str], optional: Sequence[str] | None = None) -> Table:
    """Decode, split and check the header of an uploaded CSV file.

    ``optional=None`` leaves the header open: other columns are ignored (an incident system may
    export more than Barista needs). A sequence closes it: only ``required`` and ``optional``
    columns, each once, so a typo in an optional column is not silently ignored.
    """
    text, error = decode(data, max_bytes=max_bytes)
    if error is not None:
        return Table(errors=[error])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    header = next(reader, None)
    header_errors = check_header(header, required=required, optional=optional)
    if header is None or header_errors:
        return Table(errors=header_errors)
    table = Table(columns=column_names(header))
    try:
        _read_rows(reader, table)
    except csv.Error as error:
        # A broken quote or a field longer than the csv module allows: the rest cannot be read
        # reliably, so the file as a whole is refused (nothing is written).
        line = reader.line_num
        message = _(
            "Het bestand is geen geldige CSV (fout in regel %(line)s). "
            "Kijk de aanhalingstekens in die regel na en sla het bestand opnieuw op als CSV."
        )
        return Table(columns=table.columns, errors=[RowError(None, None, message % {"line": line})])
    return table


def _read_rows(reader: Iterator[list[str]], table: Table) -> None:
    for number, values in enumerate(reader, start=HEADER_ROW + 1):
        if not any(value.strip() for value in values):
            continue  # empty lines (often the last one) are not rows
        table.row_count += 1
        if len(values) != len(table.columns):
            table.errors.append(RowError(number, None, field_count_message(len(values), len(table.columns))))
            continue
        table.rows.append(Row(number, {c: v.strip() for c, v in zip(table.columns, values, strict=True)}))


def decode(data: bytes, *, max_bytes: int) -> tuple[str, RowError | None]:
    """The file as text: UTF-8 with or without a byte order mark (Excel's "CSV UTF-8" writes one)."""
    if len(data) > max_bytes:
        return "", RowError(None, None, size_message(max_bytes))
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        # The line of the first bad byte helps to find a pasted name in another encoding.
        line = data[: error.start].count(b"\n") + 1
        message = _(
            "Het bestand is geen UTF-8-tekst (fout in regel %(line)s). "
            "Sla het op als 'CSV UTF-8' en probeer het opnieuw."
        ) % {"line": line}
        return "", RowError(None, None, message)


def csv_delimiter(text: str) -> str:
    """``;`` (what Dutch spreadsheet programs write) unless the header has more commas."""
    first_line = text.split("\n", 1)[0]
    return "," if first_line.count(",") > first_line.count(";") else ";"


def column_names(header: Sequence[str]) -> list[str]:
    """Header names as the code spells them: lower case, surrounding spaces removed."""
    return [name.strip().lower() for name in header]


def check_header(
    header: Sequence[str] | None, *, required: Sequence[str], optional: Sequence[str] | None = None
) -> list[RowError]:
    """File errors for an empty, unknown, repeated or missing column (see ``read_table``)."""
    if not header or not any(name.strip() for name in header):
        return [RowError(None, None, _("Het bestand is leeg of heeft geen kopregel."))]
    names = column_names(header)
    errors = []
    if optional is not None:
        allowed = {*required, *optional}
        errors += [
            RowError(None, None, _("De kopregel heeft een onbekende kolom '%(column)s'.") % {"column": name})
            for name in names
            if name not in allowed
        ]
        errors += [
            RowError(None, None, _("De kolom '%(column)s' staat meer dan één keer in de kopregel.") % {"column": name})
            for name in sorted({n for n in names if names.count(n) > 1})
        ]
    missing = [name for name in required if name not in names]
    if missing:
        message = _("Deze kolommen ontbreken in de kopregel: %(columns)s.") % {"columns": ", ".join(missing)}
        errors.append(RowError(None, None, message))
    return errors


def field_count_message(found: int, expected: int) -> str:
    return _("Deze rij heeft %(found)s velden, maar de kopregel heeft er %(expected)s.") % {
        "found": found,
        "expected": expected,
    }


def size_message(max_bytes: int) -> str:
    """The one "too large" message, for the reader, the upload forms and the command."""
    megabytes = round(max_bytes / (1024 * 1024), 1)
    limit = number_format(int(megabytes) if megabytes.is_integer() else megabytes)  # "20", "0,5"
    return _("Het bestand is groter dan %(limit)s MB.") % {"limit": limit}


def validate_upload_size(upload: UploadedFile, max_bytes: int) -> None:
    """For a form's ``clean_file``: refuse a large upload before reading it into memory."""
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(size_message(max_bytes), code="too_large")
