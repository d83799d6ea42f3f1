"""The one CSV reader every import uses: size, encoding, delimiter, header and rows, each failure
with one Dutch message."""

from __future__ import annotations

import csv

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core import csv_import
from core.csv_import import Row, RowError

REQUIRED = ("nummer", "naam")
OPTIONAL = ("email",)
LIMIT = 1024 * 1024


def read(text: str | bytes, *, optional: tuple[str, ...] | None = OPTIONAL, max_bytes: int = LIMIT) -> csv_import.Table:
    data = text.encode() if isinstance(text, str) else text
    return csv_import.read_table(data, max_bytes=max_bytes, required=REQUIRED, optional=optional)


def test_rows_come_with_their_spreadsheet_number_and_stripped_values() -> None:
    table = read("Nummer ; naam\n1; Sanne \n\n2;Daan\n")
    assert table.columns == ["nummer", "naam"]
    assert table.rows == [Row(2, {"nummer": "1", "naam": "Sanne"}), Row(4, {"nummer": "2", "naam": "Daan"})]
    assert (table.errors, table.row_count) == ([], 2)


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_utf8_with_or_without_byte_order_mark_and_a_comma_delimiter(bom: str) -> None:
    table = read(f'{bom}nummer,naam\n1,"de Vries, Zoë"\n')
    assert table.rows == [Row(2, {"nummer": "1", "naam": "de Vries, Zoë"})]


def test_a_semicolon_wins_a_tie_with_commas() -> None:
    assert csv_import.csv_delimiter("a;b,c\n1,2,3") == ";"
    assert csv_import.csv_delimiter("a,b,c;d\n") == ","
    assert csv_import.csv_delimiter("nummer\n1,2,3") == ";"  # only the header line counts


def test_a_file_over_the_limit_is_refused_in_megabytes() -> None:
    table = read("nummer;naam\n1;" + "x" * 512 * 1024, max_bytes=512 * 1024)
    assert table.errors == [RowError(None, None, "Het bestand is groter dan 0,5 MB.")]
    assert table.rows == []


def test_a_file_that_is_not_utf8_is_refused_with_the_line() -> None:
    table = read("nummer;naam\n1;Sanne\n2;Zoë\n".encode("latin-1"))
    assert table.errors == [
        RowError(
            None,
            None,
            "Het bestand is geen UTF-8-tekst (fout in regel 3). Sla het op als 'CSV UTF-8' en probeer het opnieuw.",
        )
    ]


@pytest.mark.parametrize("text", ["", "\n", " ; \n1;2\n"])
def test_an_empty_file_or_header_is_a_file_error(text: str) -> None:
    assert [str(error) for error in read(text).errors] == ["Het bestand is leeg of heeft geen kopregel."]


def test_missing_columns_are_named_in_one_message() -> None:
    table = read("email\nx@example.org\n")
    assert [str(error) for error in table.errors] == ["Deze kolommen ontbreken in de kopregel: nummer, naam."]


def test_a_closed_header_refuses_unknown_and_repeated_columns() -> None:
    table = read("nummer;naam;naam;emial\n1;a;b;c\n")
    assert [error.message for error in table.errors] == [
        "De kopregel heeft een onbekende kolom 'emial'.",
        "De kolom 'naam' staat meer dan één keer in de kopregel.",
    ]
    assert all(error.row is None for error in table.errors)


def test_an_open_header_ignores_other_columns() -> None:
    table = read("nummer;naam;opmerking\n1;Sanne;x\n", optional=None)
    assert table.errors == []
    assert table.rows[0].values["opmerking"] == "x"


def test_rows_with_the_wrong_number_of_fields_are_row_errors_and_the_rest_is_read() -> None:
    table = read("nummer;naam\n1\n2;Daan\n3;Fenna;extra\n")
    assert [str(error) for error in table.errors] == [
        "Rij 2: Deze rij heeft 1 velden, maar de kopregel heeft er 2.",
        "Rij 4: Deze rij heeft 3 velden, maar de kopregel heeft er 2.",
    ]
    assert table.file_errors == []
    assert [row.row for row in table.rows] == [3]
    assert table.row_count == 3


def test_a_row_error_names_the_row_and_column_when_known() -> None:
    assert str(RowError(5, "naam", "dit veld is verplicht")) == "Rij 5, kolom 'naam': dit veld is verplicht"
    assert str(RowError(5, None, "te kort")) == "Rij 5: te kort"
    assert str(RowError(None, None, "Het bestand is leeg.")) == "Het bestand is leeg."


def test_an_upload_over_the_limit_is_refused_before_reading() -> None:
    upload = SimpleUploadedFile("a.csv", b"x" * (LIMIT + 1))
    csv_import.validate_upload_size(upload, LIMIT + 1)
    with pytest.raises(ValidationError) as raised:
        csv_import.validate_upload_size(upload, LIMIT)
    assert raised.value.code == "too_large"
    assert raised.value.messages == ["Het bestand is groter dan 1 MB."]
    assert csv_import.size_message(20 * 1024 * 1024) == "Het bestand is groter dan 20 MB."


def test_a_broken_csv_is_refused_as_a_whole_with_the_line():
    field = "x" * (csv.field_size_limit() + 1)
    data = f"naam;nummer\nA;1\n{field};2\n".encode()
    table = csv_import.read_table(data, max_bytes=10**9, required=["naam", "nummer"])
    assert [str(e) for e in table.file_errors] == [
        "Het bestand is geen geldige CSV (fout in regel 3). "
        "Kijk de aanhalingstekens in die regel na en sla het bestand opnieuw op als CSV."
    ]


def test_the_size_limit_is_written_the_dutch_way():
    assert str(csv_import.read_table(b"x" * 600_000, max_bytes=512 * 1024, required=["a"]).errors[0]) == (
        "Het bestand is groter dan 0,5 MB."
    )
