"""The facts & figures page shows section 2 of the Zorgwijzer 2022/2023 from stored data, exactly
as published, to every visitor; the data migration can run again without changing anything.
"""

from __future__ import annotations

import importlib
import re
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework.test import APIRequestFactory

from catalogue.help_lines import help_lines
from figures import selectors
from figures.api import FigureTableViewSet
from figures.models import FigureRow, FigureTable

pytestmark = pytest.mark.django_db

section_2 = importlib.import_module("figures.migrations.0002_section_2")

VIOLENCE_BY_2022_COUNT = [
    ("Belediging", "5.826", "6.035", "+209"),
    ("Wederspannigheid", "2.673", "2.815", "+142"),
    ("Bedreiging woordelijk", "1.035", "1.081", "+46"),
    ("Mishandeling (eenvoudig)", "396", "472", "+76"),
    ("Wederspannigheid met letsel ten gevolge", "382", "366", "-16"),
    ("Belediging - spugen", "371", "326", "-45"),
    ("Bedreiging feitelijk (voorwerp)", "368", "299", "-69"),
    ("Openlijk geweld", "448", "245", "-203"),
    ("Poging zware mishandeling", "244", "206", "-38"),
    ("Poging tot doodslag", "231", "170", "-61"),
]


def cells(html: str, table_id: str) -> list[list[str]]:
    """The text of every cell of one table on the page, row by row."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S)
    assert table, f"no table {table_id} on the page"
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0), re.S)
    strip = re.compile(r"<[^>]+>")
    return [
        [strip.sub("", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in rows
    ]


def row_for(table: list[list[str]], label: str) -> list[str]:
    return next(row for row in table if row and row[0] == label)


@pytest.fixture
def page(client: Any) -> str:
    response = client.get(reverse("figures:overview"))
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_page_is_public_for_an_anonymous_visitor(client: Any) -> None:
    response = client.get("/zorgwijzer/feiten/")
    assert response.status_code == 200
    assert "<h1" in response.content.decode() and "Feiten en cijfers" in response.content.decode()


def test_fte_per_unit_comes_from_the_unit_strength_of_31_december_2022_with_totals(page: str) -> None:
    table = cells(page, "sterkte-tabel")
    assert row_for(table, "Amsterdam") == ["Amsterdam", "5.396", "236", "5.632"]
    assert row_for(table, "PDC/Staf KL") == ["PDC/Staf KL", "165", "8.125", "8.290"]
    assert row_for(table, "Ondersteunende Dienst Politieacademie")[1:3] == ["35", "1.259"]
    # 14 units; the totals are the sums of the published figures.
    assert row_for(table, "Totaal politie") == ["Totaal politie", "51.224", "11.939", "63.163"]
    assert "31 december 2022" in page


def test_absence_shows_2022_as_published_and_the_rise_in_percentage_points(page: str) -> None:
    table = cells(page, "verzuim-tabel")
    assert table[0][1:3] == ["2021", "2022"]
    assert row_for(table, "Verzuimpercentage (12-maandsgemiddelde)")[1:] == ["5,6%", "6,7%", "+1,1"]
    assert "procentpunt" in table[0][3]
    assert "1,1 procentpunt hoger" in page  # the derivation of 2021 is stated, not hidden


def test_occupational_risk_reports_match_the_source_and_their_total(page: str) -> None:
    table = cells(page, "beroepsrisico-tabel")
    assert row_for(table, "Beroepsincident")[1:] == ["160", "186", "+26"]
    assert row_for(table, "Beroepsziekte (excl. PTSS)")[1:] == ["97", "88", "-9"]
    assert row_for(table, "Beroepsziekte PTSS")[1:] == ["284", "374", "+90"]
    assert row_for(table, "Dienstongeval")[1:] == ["3.501", "3.560", "+59"]
    assert row_for(table, "Totaal")[1:] == ["4.042", "4.208", "+166"]
    assert "Zorgwijzer 2022/2023, §2.3" in page


def test_the_stored_report_totals_are_the_sum_of_the_dossiers() -> None:
    reports = selectors.year_tables()["beroepsrisico-meldingen"]
    for index, year in enumerate(reports.years):
        total = reports.totals[0].values[index]
        assert total == sum(row.values[index] or 0 for row in reports.rows), year


def test_the_ten_forms_of_violence_appear_ordered_by_their_2022_count(page: str) -> None:
    table = cells(page, "geweld-tabel")
    body = [row for row in table[1:] if row[0] != "Alle vormen van geweld samen"]
    assert [tuple(row) for row in body] == VIOLENCE_BY_2022_COUNT
    assert row_for(table, "Alle vormen van geweld samen")[1:] == ["–", "12.837", "–"]


def test_every_table_has_a_caption_and_a_source(page: str) -> None:
    assert page.count("<caption") == 4
    assert page.count('role="region"') == 4
    for section in ("2.1", "2.2", "2.3", "2.4"):
        assert f"Zorgwijzer 2022/2023, §{section}" in page


def test_running_the_data_migration_again_changes_nothing() -> None:
    before = sorted(FigureRow.objects.values_list("table__code", "label", "year", "value", "is_total", "order"))
    tables_before = FigureTable.objects.count()
    section_2.load_section_2(django_apps, None)
    section_2.load_section_2(django_apps, None)
    after = sorted(FigureRow.objects.values_list("table__code", "label", "year", "value", "is_total", "order"))
    assert after == before and FigureTable.objects.count() == tables_before == 3
    assert len(before) == 2 + 10 + 21  # absence 2 years, reports 5 × 2, violence 10 × 2 + one total


def test_the_data_migration_repairs_a_changed_number() -> None:
    row = FigureRow.objects.get(table__code="verzuim", year=2022)
    row.value = Decimal("9.9")
    row.save()
    section_2.load_section_2(django_apps, None)
    row.refresh_from_db()
    assert row.value == Decimal("6.7")


def test_a_label_has_one_number_per_year() -> None:
    table = FigureTable.objects.get(code="verzuim")
    with pytest.raises(IntegrityError), transaction.atomic():
        FigureRow.objects.create(table=table, label="Verzuimpercentage (12-maandsgemiddelde)", year=2022, value=1)


def test_a_new_year_gets_its_own_column_and_the_difference_moves_along(client: Any) -> None:
    table = FigureTable.objects.get(code="geweld-top-10")
    FigureRow.objects.create(table=table, label="Poging tot doodslag", order=10, year=2023, value=Decimal("7000"))
    violence = cells(client.get(reverse("figures:overview")).content.decode(), "geweld-tabel")
    assert violence[0][1:4] == ["2021", "2022", "2023"]
    assert "Verschil 2023 met 2022" in violence[0][4]
    assert violence[1] == ["Poging tot doodslag", "231", "170", "7.000", "+6.830"]
    assert row_for(violence, "Belediging")[3:] == ["–", "–"]


def test_the_query_count_does_not_grow_with_the_number_of_rows(client: Any, django_assert_max_num_queries: Any) -> None:
    table = FigureTable.objects.get(code="beroepsrisico-meldingen")
    for year in range(2010, 2020):
        FigureRow.objects.create(table=table, label="Beroepsincident", order=1, year=year, value=year)
    help_lines()  # the header's help numbers are site-wide, cached for a minute: not a per-page query
    with django_assert_max_num_queries(3):
        assert client.get(reverse("figures:overview")).status_code == 200


def test_the_page_still_renders_when_nothing_is_stored(client: Any) -> None:
    FigureTable.objects.all().delete()
    response = client.get(reverse("figures:overview"))
    assert response.status_code == 200 and "<h1" in response.content.decode()


def test_the_api_lists_the_tables_with_their_numbers_without_login() -> None:
    view = FigureTableViewSet.as_view({"get": "retrieve"})
    response = view(APIRequestFactory().get("/api/v1/cijfers/verzuim/"), code="verzuim")
    assert response.status_code == 200
    assert response.data["source"] == "Zorgwijzer 2022/2023, §2.2"
    assert {(row["year"], row["value"]) for row in response.data["rows"]} == {(2021, "5.6"), (2022, "6.7")}
    listing = FigureTableViewSet.as_view({"get": "list"})(APIRequestFactory().get("/api/v1/cijfers/"))
    assert listing.status_code == 200
    assert [table["code"] for table in listing.data["results"]] == [
        "verzuim",
        "beroepsrisico-meldingen",
        "geweld-top-10",
    ]
