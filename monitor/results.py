"""Aggregates of a closed campaign per team, node, unit and the organisation, with suppression.

One GROUP BY over ``ScaleScore`` gives count, sum and risk count per team and scale; the tree
(teams → … → unit → organisation) is rolled up in memory, and ``core.anonymity`` decides, once
for the whole organisation, which groups may be shown. Suppression is decided globally and not per
viewer, so no combination of pages shown to different people reveals more than one page does.
Results are computed only for closed campaigns (live figures could be compared day by day) and
kept in the cache for an hour.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar, cast

from django.core.cache import cache
from django.db import connections
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext

from core import anonymity
from monitor import questionnaire
from monitor.models import Campaign, ScaleScore
from organisation.models import OrgNode, Unit

GroupKey = tuple[str, int]
Row = tuple[int, str, int, float, int]
Rule = tuple[str, bool, float]
ORGANISATION: GroupKey = ("org", 0)
CACHE_SECONDS = 3600
T = TypeVar("T")


#: A risk share is shown exactly only when at least this many people are in the risk zone *and*
#: at least this many are outside it. Otherwise 0 % or 100 % would tell every respondent's position
#: (and 1 person would be told apart from 0 by the pattern of what is shown); the page says
#: "minder dan x%" or "meer dan y%" instead, with x = y' the share that this many people would make.
RISK_COUNT_BAND = 2


@dataclass(frozen=True)
class Figure:
    """One scale for one group; ``None`` where the figure may not be shown.

    ``risk_share`` is ``None`` too when it would be too exact (``RISK_COUNT_BAND``); then
    ``risk_below`` ("fewer than") or ``risk_above`` ("more than") holds the bound that is shown."""

    mean: float | None
    risk_share: float | None
    in_risk: bool = False
    risk_below: float | None = None
    risk_above: float | None = None

    @property
    def risk_label(self) -> str:
        """The share in the risk zone as the dashboard, the plan and the PDF show it."""
        if self.risk_share is not None:
            percent = round(100 * self.risk_share)
            # A share that is neither 0 nor 1 never reads as "0%" or "100%".
            if percent in (0, 100):
                return _fewer(0.01) if percent == 0 else _more(0.99)
            return f"{percent}%"
        if self.risk_below is not None:
            return _fewer(self.risk_below)
        if self.risk_above is not None:
            return _more(self.risk_above)
        return "–"

    @property
    def risk_export(self) -> str:
        """The same for the CSV export: ``12``, ``<40``, ``>60`` or empty."""
        if self.risk_share is not None:
            return f"{100 * self.risk_share:.0f}"
        if self.risk_below is not None:
            return f"<{round(100 * self.risk_below)}"
        if self.risk_above is not None:
            return f">{round(100 * self.risk_above)}"
        return ""


def _fewer(share: float) -> str:
    return gettext("minder dan %(percent)s%%") % {"percent": round(100 * share)}


def _more(share: float) -> str:
    return gettext("meer dan %(percent)s%%") % {"percent": round(100 * share)}


def risk_figure(mean: float, risk_count: int, size: int, in_risk: bool) -> Figure:
    """A shown group's figure, its risk share exact or as a bound (``RISK_COUNT_BAND``)."""
    if risk_count >= RISK_COUNT_BAND and size - risk_count >= RISK_COUNT_BAND:
        return Figure(mean, risk_count / size, in_risk)
    percent = math.ceil(100 * RISK_COUNT_BAND / size)
    if risk_count < RISK_COUNT_BAND:
        return Figure(mean, None, in_risk, risk_below=percent / 100)
    return Figure(mean, None, in_risk, risk_above=(100 - percent) / 100)


@dataclass
class Group:
    """One group's results. Figures are worked out when read: a page shows a handful of the
    thousands of groups, so building them all up front would cost more than the query."""

    key: GroupKey
    name: str
    parent: GroupKey | None
    depth: int
    respondents: int
    shown: bool
    sums: list[float] = field(default_factory=list, repr=False)
    rules: list[Rule] = field(default_factory=list, repr=False)

    @cached_property
    def figures(self) -> dict[str, Figure]:
        if not self.shown:
            return {slug: Figure(None, None) for slug, _better, _limit in self.rules}
        return _figures(self.sums, self.respondents, self.rules)

    @property
    def kind(self) -> str:
        return self.key[0]

    @property
    def node_id(self) -> int | None:
        return self.key[1] if self.key[0] == "node" else None


@dataclass
class CampaignResults:
    campaign_id: int
    scales: list[str]
    groups: dict[GroupKey, Group]
    order: list[GroupKey]

    def shown_keys(self) -> set[GroupKey]:
        return {key for key, group in self.groups.items() if group.shown}


def _tree() -> tuple[dict[GroupKey, GroupKey | None], dict[GroupKey, str]]:
    """Parent and name of every group: organisation, units and organisational nodes."""
    parent: dict[GroupKey, GroupKey | None] = {ORGANISATION: None}
    names: dict[GroupKey, str] = {}
    for pk, name in Unit.objects.values_list("pk", "name"):
        parent[("unit", pk)] = ORGANISATION
        names[("unit", pk)] = name
    for pk, parent_id, unit_id, name in OrgNode.objects.values_list("pk", "parent_id", "unit_id", "name"):
        parent[("node", pk)] = ("node", parent_id) if parent_id else ("unit", unit_id)
        names[("node", pk)] = name
    return parent, names


def _depth(key: GroupKey, parent: dict[GroupKey, GroupKey | None]) -> int:
    depth, above = 0, parent.get(key)
    while above is not None and depth < 50:
        depth, above = depth + 1, parent.get(above)
    return depth


def team_aggregates(campaign_id: int) -> list[tuple[int, str, int, float, int]]:
    """(team, scale, count, sum of scores, count in the risk zone) per team and scale: one GROUP BY.

    Built with the ORM, run on a plain cursor: the rows are plain numbers, and Django's per-row
    converters cost as much as the query itself at 40,000 rows."""
    query = (
        ScaleScore.objects.filter(campaign_id=campaign_id)
        .values("team_id", "scale")
        .annotate(n=Count("id"), total=Sum("score"), risk=Count("id", filter=Q(in_risk=True)))
        .values_list("team_id", "scale", "n", "total", "risk")
        .order_by()
    )
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _team_arrays(rows: list[Row], index: dict[str, int]) -> dict[GroupKey, list[float]]:
    """Per team: sums of scores per scale, then risk counts per scale, then the respondent count."""
    width = len(index)
    arrays: dict[GroupKey, list[float]] = {}
    for team_id, slug, count, total, risk in rows:
        position = index.get(slug)
        if position is None:
            continue
        cell = arrays.setdefault(("node", team_id), [0.0] * (2 * width + 1))
        cell[position], cell[width + position], cell[2 * width] = total, risk, count
    return arrays


def _roll_up(
    arrays: dict[GroupKey, list[float]], parent: dict[GroupKey, GroupKey | None], depth: dict[GroupKey, int]
) -> dict[GroupKey, list[float]]:
    """Every group's array: its own plus its children's, added bottom-up (one addition per group)."""
    size = len(next(iter(arrays.values()), []))
    sums = {key: arrays.get(key, [0.0] * size) for key in parent}
    for key in sorted(parent, key=depth.__getitem__, reverse=True):
        above = parent[key]
        if above is not None:
            sums[above] = [a + b for a, b in zip(sums[above], sums[key], strict=True)]
    return sums


def _figures(cell: list[float], size: int, rules: list[Rule]) -> dict[str, Figure]:
    width = len(rules)
    figures = {}
    for position, (slug, better, limit) in enumerate(rules):
        mean = cell[position] / size
        in_risk = mean <= limit if better else mean >= limit
        figures[slug] = risk_figure(mean, round(cell[width + position]), size, in_risk)
    return figures


def compute(campaign: Campaign) -> CampaignResults:
    """The results of a campaign for every group with respondents, suppression applied.

    The GROUP BY rows fill one array per team; arrays roll up the tree bottom-up, one
    element-wise addition per group; ``core.anonymity`` then decides what may be shown.
    """
    selected = questionnaire.load(campaign.questionnaire).selected(campaign.scales)
    index = {scale.slug: number for number, scale in enumerate(selected)}
    rules = [(scale.slug, scale.higher_is_better, scale.risk_threshold) for scale in selected]
    parent_all, names = _tree()
    names[ORGANISATION] = "Politie"
    arrays = _team_arrays(team_aggregates(campaign.pk), index)
    parent = _relevant(parent_all, set(arrays))
    depth = {key: _depth(key, parent) for key in parent}
    sums = _roll_up(arrays, parent, depth) if arrays else {ORGANISATION: [0.0] * (2 * len(rules) + 1)}
    sizes = {key: int(cell[-1]) for key, cell in sums.items()}
    suppressed = anonymity.complementary_suppression(sizes, parent)
    groups: dict[GroupKey, Group] = {}
    for key, size in sizes.items():
        if size:
            shown = key not in suppressed
            # A hidden group keeps no sums at all, not even in the cache.
            cell = sums[key] if shown else []
            groups[key] = Group(key, names.get(key, "?"), parent[key], depth[key], size, shown, cell, rules)
    return CampaignResults(campaign.pk, list(index), groups, _tree_order(groups, names))


def _relevant(parent: dict[GroupKey, GroupKey | None], teams: set[GroupKey]) -> dict[GroupKey, GroupKey | None]:
    """The part of the tree above the teams with respondents (the rest has no one to count)."""
    kept: dict[GroupKey, GroupKey | None] = {ORGANISATION: None}
    for team in teams:
        key: GroupKey | None = team
        while key is not None and key not in kept:
            kept[key] = parent.get(key, ORGANISATION)
            key = kept[key]
    return kept


def _tree_order(groups: dict[GroupKey, Group], names: dict[GroupKey, str]) -> list[GroupKey]:
    children: dict[GroupKey | None, list[GroupKey]] = {}
    for key, group in groups.items():
        children.setdefault(group.parent, []).append(key)
    order: list[GroupKey] = []
    stack = sorted(children.get(None, []), key=lambda k: names.get(k, ""), reverse=True)
    while stack:
        key = stack.pop()
        order.append(key)
        stack.extend(sorted(children.get(key, []), key=lambda k: names.get(k, ""), reverse=True))
    return order


def _remembered(key: str, make: Callable[[], T]) -> T:
    """A value that never changes once a campaign closed: kept in this process for a minute
    (unpickling thousands of groups costs more than a page) and in the shared cache for an hour."""
    remembered = _MEMO.get(key)
    if remembered is not None and time.monotonic() - remembered[0] < MEMO_SECONDS:
        return cast(T, remembered[1])
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, CACHE_SECONDS)
    _MEMO[key] = (time.monotonic(), value)
    return cast(T, value)


def _key(kind: str, campaign: Campaign) -> str:
    # created_at tells a recreated campaign with a reused id apart (tests, restored backups).
    return f"monitor:{kind}:v2:{campaign.pk}:{campaign.created_at.timestamp()}:{anonymity.threshold()}"


def for_campaign(campaign: Campaign) -> CampaignResults | None:
    """The (cached) results of a closed campaign; ``None`` while it is open."""
    if not campaign.is_closed():
        return None
    return _remembered(_key("results", campaign), lambda: compute(campaign))


def invited_teams(campaign: Campaign) -> frozenset[int]:
    """The teams a closed campaign reached (to offer it only to people who may see one of them)."""
    from monitor.models import Invitation

    def make() -> frozenset[int]:
        return frozenset(Invitation.objects.filter(campaign=campaign).values_list("team_id", flat=True).distinct())

    if not campaign.is_closed():
        return make()
    return _remembered(_key("teams", campaign), make)


MEMO_SECONDS = 60
_MEMO: dict[str, tuple[float, object]] = {}


@dataclass(frozen=True)
class Comparison:
    """A group's figure next to the organisation and the previous wave."""

    slug: str
    name: str
    higher_is_better: bool
    figure: Figure
    organisation: Figure | None
    previous: Figure | None
    change: float | None
    respondents: int = 0

    @property
    def trend(self) -> str:
        """ "better", "worse" or "same" (a change under 0.1 on the 1–5 scale), "" without a change."""
        if self.change is None:
            return ""
        if abs(self.change) < 0.1:
            return "same"
        return "better" if (self.change > 0) == self.higher_is_better else "worse"

    @property
    def bar(self) -> float:
        """The mean as a share of the 1–5 scale, for the bar chart (0–100)."""
        return 0.0 if self.figure.mean is None else round(100 * self.figure.mean / 5, 1)

    @property
    def organisation_bar(self) -> float:
        mean = self.organisation.mean if self.organisation else None
        return 0.0 if mean is None else round(100 * mean / 5, 1)


def compare(
    results: CampaignResults, key: GroupKey, campaign: Campaign, previous: CampaignResults | None
) -> list[Comparison]:
    """Per scale: the group's figure, the organisation's, the previous wave's and the change,
    the change only where both waves may be shown (``core.anonymity.change_may_show``)."""
    definition = questionnaire.load(campaign.questionnaire)
    group = results.groups[key]
    organisation = results.groups.get(ORGANISATION)
    before = previous.groups.get(key) if previous else None
    may_change = previous is not None and anonymity.change_may_show(key, results.shown_keys(), previous.shown_keys())
    rows = []
    for slug in results.scales:
        scale = definition.scale(slug)
        figure = group.figures[slug]
        old = before.figures.get(slug) if before else None
        change = None
        if may_change and old is not None and old.mean is not None and figure.mean is not None:
            change = figure.mean - old.mean
        rows.append(
            Comparison(
                slug=slug,
                name=scale.name,
                higher_is_better=scale.higher_is_better,
                figure=figure,
                organisation=organisation.figures.get(slug) if organisation else None,
                previous=old if before is not None and before.shown else None,
                change=change,
                respondents=group.respondents,
            )
        )
    return rows
