"""Reads of the stored figures, shaped for the page and reports: one row per label, one column per year."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Subquery

from figures.constants import Measure
from figures.models import FigureRow, FigureTable
from organisation.models import UnitStrength


@dataclass
class LabelRow:
    """One label of a table with its value per year (None where the source gives none)."""

    label: str
    order: int
    is_total: bool
    values: list[Decimal | None] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    difference: Decimal | None = None


@dataclass
class YearTable:
    table: FigureTable
    years: list[int]
    rows: list[LabelRow]
    totals: list[LabelRow]

    @property
    def is_percentage(self) -> bool:
        return self.table.measure == Measure.PERCENTAGE

    @property
    def number_format(self) -> str:
        """The ``floatformat`` argument: the measure's decimals, with thousands grouped ("g")."""
        return f"{self.table.decimals}g"

    @property
    def compared(self) -> tuple[int, int] | None:
        """The two most recent years, when the table has at least two."""
        return (self.years[-2], self.years[-1]) if len(self.years) >= 2 else None

    @property
    def notes(self) -> list[tuple[str, int, str]]:
        return [(row.label, year, note) for row in self.rows + self.totals for year, note in row.notes]


def figure_tables() -> QuerySet[FigureTable]:
    return FigureTable.objects.prefetch_related(
        Prefetch("rows", queryset=FigureRow.objects.select_related("unit").order_by("order", "label", "year"))
    ).order_by("order", "code")


def year_table(table: FigureTable) -> YearTable:
    """Pivot a table's rows (prefetched) into label × year, with the difference between the last two years."""
    stored: list[FigureRow] = list(table.rows.all())
    years = sorted({row.year for row in stored})
    by_label: dict[str, LabelRow] = {}
    values: dict[tuple[str, int], Decimal] = {}
    for row in stored:
        by_label.setdefault(row.label, LabelRow(label=row.label, order=row.order, is_total=row.is_total))
        values[(row.label, row.year)] = row.value
        if row.note:
            by_label[row.label].notes.append((row.year, row.note))
    for label_row in by_label.values():
        label_row.values = [values.get((label_row.label, year)) for year in years]
        previous, last = label_row.values[-2:] if len(years) >= 2 else (None, None)
        if previous is not None and last is not None:
            label_row.difference = last - previous
    rows = [row for row in by_label.values() if not row.is_total]
    if table.ranked and years:
        rows.sort(key=lambda row: (-(row.values[-1] or Decimal(-1)), row.order, row.label))
    totals = [row for row in by_label.values() if row.is_total]
    return YearTable(table=table, years=years, rows=rows, totals=totals)


def year_tables() -> dict[str, YearTable]:
    """Every stored table, keyed on its code, in two queries."""
    return {table.code: year_table(table) for table in figure_tables()}


def latest_unit_strengths() -> list[UnitStrength]:
    """The fte per unit on the most recent reference date (§2.1), in one query."""
    latest = UnitStrength.objects.order_by("-reference_date").values("reference_date")[:1]
    strengths = UnitStrength.objects.filter(reference_date=Subquery(latest)).select_related("unit")
    return list(strengths.order_by("unit__name"))


def unit_strength_totals(strengths: list[UnitStrength]) -> dict[str, int]:
    operational = sum(fact.fte_operational for fact in strengths)
    non_operational = sum(fact.fte_non_operational for fact in strengths)
    return {"operational": operational, "non_operational": non_operational, "total": operational + non_operational}
