"""The one CSV writer of every export: a text cell a spreadsheet would run as a formula (OWASP
"CSV injection") comes out as plain text; numbers stay numbers."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from django.utils.functional import lazy

from core import csv_export


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("https://example.org","Klik")', '\'=HYPERLINK("https://example.org","Klik")'),
        ("+31 20 123", "'+31 20 123"),
        ("-2+3", "'-2+3"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("+", "'+"),
        ("-", "'-"),
    ],
)
def test_a_text_cell_that_starts_a_formula_gets_a_leading_quote(value: str, safe: str) -> None:
    assert csv_export.neutralise(value) == safe


@pytest.mark.parametrize(
    "value",
    [
        "Oost-Brabant",
        "–",
        "",
        "Team =Noord",
        "-0.3",
        "-0,3",
        "+12",
        "-7",
        "3.45",
        "<40",
        ">60",
        20,
        -0.3,
        Decimal("-1.5"),
        None,
    ],
)
def test_plain_text_and_plain_numbers_pass_unchanged(value: Any) -> None:
    assert csv_export.neutralise(value) == value


def test_a_lazy_translation_is_checked_as_text() -> None:
    formula = lazy(lambda: "=1+1", str)()  # what gettext_lazy returns, without a catalogue entry
    assert csv_export.neutralise(formula) == "'=1+1"


def test_the_writer_neutralises_every_cell_and_uses_a_semicolon() -> None:
    target = io.StringIO()
    csv_export.writer(target).writerow(["=1+1", "@A1", -3, "-0.5", "Team; Zuid"])
    assert list(csv.reader(io.StringIO(target.getvalue()), delimiter=";")) == [
        ["'=1+1", "'@A1", "-3", "-0.5", "Team; Zuid"]
    ]


def test_the_response_is_a_csv_attachment_with_an_optional_byte_order_mark() -> None:
    response, rows = csv_export.csv_response("cijfers.csv", byte_order_mark=True)
    rows.writerow(["=X"])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cijfers.csv"'
    assert response.content.decode() == "\ufeff'=X\r\n"
