"""Reads of the jaarbeeld app, shared by pages, the PDF command, the API and the bench."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from jaarbeeld import sources
from jaarbeeld.constants import Block, IndicatorMeasure, SourceKind, ThreadPart
from jaarbeeld.models import (
    BlockItem,
    Dimension,
    DimensionDefinition,
    Edition,
    Indicator,
    IndicatorValue,
    ThreadItem,
)
from jaarbeeld.presentation import (
    Cell,
    Change,
    DimensionPage,
    EditionDiff,
    IndicatorView,
    UnitRow,
    ValueChange,
    bar_chart,
    blocks,
)
from organisation.models import Unit


def editions() -> QuerySet[Edition]:
    return Edition.objects.order_by("-year")


def edition(year: int) -> Edition:
    return get_object_or_404(Edition, year=year)


def dimensions() -> list[Dimension]:
    return list(Dimension.objects.order_by("position"))


def dimension(code: str) -> Dimension:
    return get_object_or_404(Dimension, code=code)


def definition_for(found: Dimension, year: int) -> str:
    """The newest version of the dimension's definition valid in the year."""
    text = (
        DimensionDefinition.objects.filter(dimension=found, valid_from__lte=year)
        .order_by("-version")
        .values_list("text", flat=True)
        .first()
    )
    return text or ""


def indicators() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("dimension").order_by("dimension__position", "position", "code")


def indicator(code: str) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("dimension"), code=code)


def _cell(value: IndicatorValue, percentage: bool) -> Cell:
    return Cell(
        value=value.value,
        direction=value.direction,
        suppressed=value.suppressed,
        nature=value.nature,
        interpretation=value.interpretation,
        source=value.source,
        percentage=percentage,
    )


def _stored_values(chosen: list[Indicator], upto_year: int | None) -> dict[int, list[IndicatorValue]]:
    stored: dict[int, list[IndicatorValue]] = defaultdict(list)
    values = IndicatorValue.objects.filter(indicator__in=chosen).select_related("unit")
    if upto_year is not None:
        values = values.filter(year__lte=upto_year)
    for value in values:
        stored[value.indicator_id].append(value)
    return stored


def _split(
    found: Indicator, values: list[IndicatorValue], upto_year: int | None
) -> tuple[dict[int, Cell], dict[int, dict[str, Cell]]]:
    """Organisation cells per year (stored, or from Feiten en cijfers) and unit cells per year."""
    percentage = found.measure == IndicatorMeasure.PERCENTAGE
    org: dict[int, Cell] = {}
    per_unit: dict[int, dict[str, Cell]] = defaultdict(dict)
    for value in values:
        if value.unit_id is None:
            org[value.year] = _cell(value, percentage)
        else:
            per_unit[value.year][value.unit.name if value.unit else ""] = _cell(value, percentage)
    if found.source_kind == SourceKind.FIGURES and found.figure_table:
        for year, number in sources.figure_values(found.figure_table, found.figure_label).items():
            if upto_year is None or year <= upto_year:
                org.setdefault(year, Cell(value=number, source=found.source, percentage=percentage))
    return org, per_unit


def _focused(found: Indicator, org: dict[int, Cell], per_unit: dict[int, dict[str, Cell]], unit: Unit) -> IndicatorView:
    years = sorted(set(org) | {y for y, cells in per_unit.items() if unit.name in cells})
    unit_cells = [per_unit[y].get(unit.name, Cell()) for y in years]
    org_cells = [org.get(y, Cell()) for y in years]
    return IndicatorView(
        indicator=found,
        years=years,
        organisation=org_cells,
        chart=bar_chart(found.name, [(str(y), c) for y, c in zip(years, unit_cells, strict=True)]),
        unit_rows=[UnitRow(name=unit.name, cells=unit_cells), UnitRow(name=_("Hele organisatie"), cells=org_cells)],
        focus_unit=unit.name,
    )


def _overall(found: Indicator, org: dict[int, Cell], per_unit: dict[int, dict[str, Cell]]) -> IndicatorView:
    years = sorted(org)
    cells = [org[y] for y in years]
    unit_year = max(per_unit) if per_unit else None
    unit_rows = (
        [UnitRow(name=name, cells=[cell]) for name, cell in sorted(per_unit[unit_year].items())]
        if unit_year is not None
        else []
    )
    return IndicatorView(
        indicator=found,
        years=years,
        organisation=cells,
        chart=bar_chart(found.name, [(str(y), c) for y, c in zip(years, cells, strict=True)]),
        unit_rows=unit_rows,
        unit_chart=bar_chart(found.name, [(row.name, row.cells[0]) for row in unit_rows], horizontal=True)
        if unit_rows
        else None,
        unit_year=unit_year,
    )


def indicator_views(
    chosen: list[Indicator], *, upto_year: int | None = None, unit: Unit | None = None
) -> dict[int, IndicatorView]:
    """For each indicator: organisation values per year (up to ``upto_year``), a chart, and the
    values per unit in the last year (or, with ``unit``, that unit's values per year). One
    query plus one per Feiten-en-cijfers indicator."""
    if not chosen:
        return {}
    stored = _stored_values(chosen, upto_year)
    views: dict[int, IndicatorView] = {}
    for found in chosen:
        org, per_unit = _split(found, stored.get(found.pk, []), upto_year)
        views[found.pk] = _focused(found, org, per_unit, unit) if unit is not None else _overall(found, org, per_unit)
    return views


def dimension_pages(found: Edition, *, unit: Unit | None = None) -> list[DimensionPage]:
    """The four dimension pages of an edition, each with exactly the three blocks."""
    items = list(BlockItem.objects.filter(edition=found).select_related("indicator__dimension"))
    chosen = {item.indicator_id: item.indicator for item in items if item.indicator is not None}
    views = indicator_views([i for i in chosen.values() if i is not None], upto_year=found.year, unit=unit)
    definitions = _definitions(found.year)
    return [
        DimensionPage(
            edition=found,
            dimension=dim,
            definition=definitions.get(dim.pk, ""),
            blocks=blocks([i for i in items if i.dimension_id == dim.pk], views),
        )
        for dim in dimensions()
    ]


def _definitions(year: int) -> dict[int, str]:
    """``definition_for`` of every dimension in one query: dimension id → text."""
    found: dict[int, str] = {}
    rows = DimensionDefinition.objects.filter(valid_from__lte=year).order_by("dimension_id", "-version")
    for dimension_id, text in rows.values_list("dimension_id", "text"):
        found.setdefault(dimension_id, text)
    return found


def dimension_page(found: Edition, dim: Dimension, *, unit: Unit | None = None) -> DimensionPage:
    items = list(BlockItem.objects.filter(edition=found, dimension=dim).select_related("indicator__dimension"))
    chosen = [i.indicator for i in items if i.indicator is not None]
    views = indicator_views(list({i.pk: i for i in chosen}.values()), upto_year=found.year, unit=unit)
    return DimensionPage(
        edition=found, dimension=dim, definition=definition_for(dim, found.year), blocks=blocks(items, views)
    )


def thread_items(found: Edition) -> list[ThreadItem]:
    return list(ThreadItem.objects.filter(edition=found))


def units() -> list[Unit]:
    return list(Unit.objects.order_by("name"))


def edition_diff(before: Edition, after: Edition) -> EditionDiff:
    """What changed in the picture: statements added and removed per part and block, and
    organisation-wide indicator values of the two years that differ."""
    changes: list[Change] = []
    old_threads: dict[str, list[str]] = defaultdict(list)
    new_threads: dict[str, list[str]] = defaultdict(list)
    for thread in ThreadItem.objects.filter(edition__in=[before, after]):
        (old_threads if thread.edition_id == before.pk else new_threads)[thread.part].append(thread.text)
    for part in ThreadPart:
        changes.append(_change(str(part.label), old_threads[part], new_threads[part]))
    old_blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    new_blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in BlockItem.objects.filter(edition__in=[before, after]).select_related("dimension"):
        target = old_blocks if item.edition_id == before.pk else new_blocks
        target[(item.dimension.code, item.block)].append(item.text)
    for dim in dimensions():
        for block in Block:
            where = f"{dim.get_code_display()}: {block.label}"
            changes.append(_change(where, old_blocks[(dim.code, block)], new_blocks[(dim.code, block)]))
    every = list(indicators())
    views_before = indicator_views(every, upto_year=before.year)
    views_after = indicator_views(every, upto_year=after.year)
    values = []
    for pk, view in views_after.items():
        old = views_before.get(pk)
        old_cell = _year_cell(old, before.year) if old else Cell()
        new_cell = _year_cell(view, after.year)
        if old_cell.label != new_cell.label:
            values.append(ValueChange(indicator=view.indicator, before=old_cell, after=new_cell))
    return EditionDiff(before=before, after=after, changes=changes, values=values)


def _year_cell(view: IndicatorView, year: int) -> Cell:
    for found, cell in zip(view.years, view.organisation, strict=True):
        if found == year:
            return cell
    return Cell(percentage=view.indicator.measure == IndicatorMeasure.PERCENTAGE)


def _change(where: str, old: list[str], new: list[str]) -> Change:
    old_set, new_set = set(old), set(new)
    return Change(
        where=where,
        added=[text for text in new if text not in old_set],
        removed=[text for text in old if text not in new_set],
        kept=len(old_set & new_set),
    )
