"""Platform-computed indicators: raw counts from ``jaarbeeld.sources``, made safe to show with
``core.anonymity`` (threshold plus complementary suppression over organisation → units).

Pure apart from the reads in ``sources``: ``compute`` returns what may be stored for one indicator
and one closed year; ``jaarbeeld.services.platform_values_freeze`` stores it once, so no two reads
of a year can differ (and be subtracted from each other). Groups are disjoint per year, so a
change between years is shown only when both years are shown (``anonymity.change_may_show``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from core import anonymity
from jaarbeeld import sources
from jaarbeeld.constants import Computation

ORGANISATION = "org"
Key = str | int


@dataclass(frozen=True)
class Computed:
    """One group's figure: ``value`` is None exactly when it is ``suppressed``."""

    value: Decimal | None
    suppressed: bool


def _tree(
    vectors: sources.UnitVectors, unit_ids: list[int]
) -> tuple[dict[Key, tuple[float, ...]], dict[Key, Key | None]]:
    """Vectors per unit (every unit, zeros where none) plus the organisation as their sum
    (including what no unit can be tied to)."""
    width = len(next(iter(vectors.values()))) if vectors else 1
    values: dict[Key, tuple[float, ...]] = {uid: vectors.get(uid, (0.0,) * width) for uid in unit_ids}
    total = [0.0] * width
    for vector in vectors.values():
        for index, number in enumerate(vector):
            total[index] += number
    values[ORGANISATION] = tuple(total)
    parent: dict[Key, Key | None] = {uid: ORGANISATION for uid in unit_ids}
    parent[ORGANISATION] = None
    return values, parent


def safe_figures(
    vectors: sources.UnitVectors, unit_ids: list[int], figure: Callable[[tuple[float, ...]], Decimal]
) -> dict[int | None, Computed]:
    """The organisation (key ``None``) and every unit, with the groups that must not be shown
    withheld: below the threshold, or computable by subtraction (organisation − shown units).
    An empty group shows 0 (it singles no one out)."""
    values, parent = _tree(vectors, unit_ids)
    if values[ORGANISATION][-1] == 0:
        return {}  # nothing recorded in the year (e.g. before the platform was used): no values
    # Only the number of people decides (the last element), as for any group size.
    hidden = anonymity.complementary_suppression({key: int(value[-1]) for key, value in values.items()}, parent)
    result: dict[int | None, Computed] = {}
    for key, value in values.items():
        out_key = None if key == ORGANISATION else int(key)
        if value[-1] == 0:
            # An empty group singles no one out: a count of 0, a share of nothing is unknown.
            result[out_key] = Computed(Decimal(0) if len(value) == 1 else None, False)
        elif key in hidden:
            result[out_key] = Computed(None, True)
        else:
            result[out_key] = Computed(figure(value), False)
    return result


def _count(value: tuple[float, ...]) -> Decimal:
    return Decimal(int(value[-1]))


def _share(value: tuple[float, ...]) -> Decimal:
    return (Decimal(100) * Decimal(value[0]) / Decimal(value[-1])).quantize(Decimal("0.1"))


def compute(computation: str, year: int, unit_ids: list[int]) -> dict[int | None, Computed]:
    """What may be shown of one platform indicator in one (closed) year."""
    if computation == Computation.PLANS_GTPA:
        return safe_figures(sources.plans_by_category(year, "gtpa"), unit_ids, _count)
    if computation == Computation.PLANS_OTHER:
        return safe_figures(sources.plans_by_category(year, "ingrijpend"), unit_ids, _count)
    if computation == Computation.CONTACT_24H:
        return safe_figures(sources.plans_with_step(year, within_24h=True), unit_ids, _share)
    if computation == Computation.REFERRALS:
        return safe_figures(sources.plans_with_step(year, within_24h=False), unit_ids, _share)
    if computation == Computation.BARISTA_INVITATIONS:
        return safe_figures(sources.barista_signals(year, followed_up=False), unit_ids, _count)
    if computation == Computation.BARISTA_FOLLOWED_UP:
        return safe_figures(sources.barista_signals(year, followed_up=True), unit_ids, _share)
    if computation == Computation.MONITOR_RECOVERY:
        # Already decided by the monitor's own suppression; only re-shown, never recomputed.
        published = sources.monitor_recovery(year)
        return {key: Computed(found.share, not found.shown) for key, found in published.items()}
    if computation == Computation.SELFTEST_USE:
        # Counts of fills per week, not of people: the organisation as a whole only.
        weekly = sources.selftest_weekly_use(year)
        return {} if weekly is None else {None: Computed(weekly, False)}
    raise ValueError(f"unknown computation {computation!r}")


def residual_check(
    computed: dict[int | None, Computed], vectors: sources.UnitVectors, unit_ids: list[int]
) -> dict[Key, int]:
    """An auditor's check for tests: groups of people below the threshold that the shown figures
    reveal, directly or by subtraction (empty when safe)."""
    values, parent = _tree(vectors, unit_ids)
    sizes = {key: int(value[-1]) for key, value in values.items()}
    shown = {
        ORGANISATION if key is None else key
        for key, found in computed.items()
        if not found.suppressed and sizes[ORGANISATION if key is None else key] > 0
    }
    suppressed = set(sizes) - shown
    return anonymity.disclosed_small_groups(sizes, parent, suppressed)
