"""What the pages and the PDF show: cells, server-side SVG bar charts (with a table next to each)
and the dimension pages. Built from selectors; no queries of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from jaarbeeld.constants import Block, Direction, IndicatorMeasure, Nature, ThreadPart
from jaarbeeld.models import BlockItem, Dimension, Edition, Indicator, ThreadItem

CHART_WIDTH = 320
CHART_BAR_AREA = 120
CHART_LABEL = 36


@dataclass(frozen=True)
class Cell:
    """One value as shown: a number, a direction, withheld (too small a group) or unknown."""

    value: Decimal | None = None
    direction: str = ""
    suppressed: bool = False
    nature: str = Nature.FEIT
    interpretation: str = ""
    source: str = ""
    percentage: bool = False

    @property
    def known(self) -> bool:
        return self.value is not None or bool(self.direction)

    @property
    def label(self) -> str:
        if self.suppressed:
            return _("niet getoond (te kleine groep)")
        parts = []
        if self.value is not None:
            text = number_format(self.value, 0 if self.value == self.value.to_integral() else 1)
            parts.append(f"{text}%" if self.percentage else text)
        if self.direction:
            parts.append(str(Direction(self.direction).label).lower())
        return ", ".join(parts) if parts else "–"

    @property
    def nature_label(self) -> str:
        return str(Nature(self.nature).label)


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    x: int
    y: int
    width: int
    height: int
    label_y: int


@dataclass(frozen=True)
class Chart:
    """A vertical bar chart as SVG geometry (attributes only: no inline style, strict CSP)."""

    title: str
    bars: list[Bar]
    width: int
    height: int
    baseline: int
    horizontal: bool = False


def bar_chart(title: str, points: list[tuple[str, Cell]], *, horizontal: bool = False) -> Chart | None:
    """Bars for the points with a number; None when no point has a number. ``horizontal``: one
    row per point with its label on the left (for many units)."""
    numbers = [(label, cell) for label, cell in points if cell.value is not None]
    if not numbers:
        return None
    top = max(cell.value for _label, cell in numbers if cell.value is not None) or Decimal(1)
    if horizontal:
        row, label_width, area = 20, 150, 150
        bars = []
        for index, (label, cell) in enumerate(numbers):
            assert cell.value is not None
            length = max(1, int(area * cell.value / top)) if cell.value else 0
            bars.append(
                Bar(
                    label=label,
                    text=cell.label,
                    x=label_width,
                    y=index * row + 4,
                    width=length,
                    height=row - 6,
                    label_y=index * row + 17,
                )
            )
        return Chart(
            title=title,
            bars=bars,
            width=label_width + area + 60,
            height=len(numbers) * row + 8,
            baseline=label_width,
            horizontal=True,
        )
    slot = max(24, min(80, CHART_WIDTH // max(1, len(numbers))))
    bars = []
    for index, (label, cell) in enumerate(numbers):
        assert cell.value is not None
        height = max(1, int(CHART_BAR_AREA * cell.value / top)) if cell.value else 0
        bars.append(
            Bar(
                label=label,
                text=cell.label,
                x=index * slot + 4,
                y=16 + CHART_BAR_AREA - height,
                width=slot - 8,
                height=height,
                label_y=16 + CHART_BAR_AREA + 16,
            )
        )
    width = max(CHART_WIDTH // 2, len(numbers) * slot)
    return Chart(
        title=title, bars=bars, width=width, height=16 + CHART_BAR_AREA + CHART_LABEL, baseline=16 + CHART_BAR_AREA
    )


@dataclass(frozen=True)
class UnitRow:
    name: str
    cells: list[Cell]


@dataclass(frozen=True)
class IndicatorView:
    """An indicator with its organisation-wide values per year, a chart, and (for one year) the
    values per unit."""

    indicator: Indicator
    years: list[int]
    organisation: list[Cell]
    chart: Chart | None
    unit_rows: list[UnitRow] = field(default_factory=list)
    unit_chart: Chart | None = None
    unit_year: int | None = None
    focus_unit: str = ""

    @property
    def dom_id(self) -> str:
        return f"indicator-{self.indicator.code}"

    @property
    def is_direction_only(self) -> bool:
        return self.indicator.measure == IndicatorMeasure.DIRECTION

    @property
    def has_values(self) -> bool:
        return any(cell.known or cell.suppressed for cell in self.organisation) or bool(self.unit_rows)

    @property
    def year_rows(self) -> list[tuple[int, Cell]]:
        return list(zip(self.years, self.organisation, strict=True))

    @property
    def focus_rows(self) -> list[tuple[int, Cell, Cell]]:
        """With a focus unit: per year the unit's value and the organisation's."""
        if not self.focus_unit or len(self.unit_rows) < 2:
            return []
        return list(zip(self.years, self.unit_rows[0].cells, self.unit_rows[1].cells, strict=True))

    @property
    def notes(self) -> list[tuple[int, Cell]]:
        return [(year, cell) for year, cell in zip(self.years, self.organisation, strict=True) if cell.interpretation]


@dataclass(frozen=True)
class Statement:
    item: BlockItem | ThreadItem
    indicator: IndicatorView | None = None

    @property
    def dom_id(self) -> str:
        return f"{'u' if isinstance(self.item, BlockItem) else 'r'}{self.item.pk}"

    @property
    def is_interpretation(self) -> bool:
        return self.item.nature == Nature.DUIDING


@dataclass(frozen=True)
class BlockView:
    code: str
    title: str
    statements: list[Statement]


@dataclass(frozen=True)
class DimensionPage:
    edition: Edition
    dimension: Dimension
    definition: str
    blocks: list[BlockView]


@dataclass(frozen=True)
class ThreadPartView:
    code: str
    title: str
    statements: list[Statement]


def thread_parts(items: list[ThreadItem]) -> list[ThreadPartView]:
    """The four parts of the rode-draden page, always all four, in their fixed order."""
    return [
        ThreadPartView(
            code=part.value, title=str(part.label), statements=[Statement(i) for i in items if i.part == part]
        )
        for part in ThreadPart
    ]


def blocks(items: list[BlockItem], views: dict[int, IndicatorView]) -> list[BlockView]:
    """Exactly the three fixed blocks, in their order, each with its statements."""
    return [
        BlockView(
            code=block.value,
            title=str(block.label),
            statements=[
                Statement(i, views.get(i.indicator_id) if i.indicator_id else None) for i in items if i.block == block
            ],
        )
        for block in Block
    ]


@dataclass(frozen=True)
class Change:
    where: str
    added: list[str]
    removed: list[str]
    kept: int


@dataclass(frozen=True)
class ValueChange:
    indicator: Indicator
    before: Cell
    after: Cell


@dataclass(frozen=True)
class EditionDiff:
    before: Edition
    after: Edition
    changes: list[Change]
    values: list[ValueChange]

    @property
    def unchanged(self) -> bool:
        return not self.values and not any(change.added or change.removed for change in self.changes)
