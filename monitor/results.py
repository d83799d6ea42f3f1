"""Aggregates of a closed campaign per team, node, unit and the organisation, with suppression.

One GROUP BY over ``ScaleScore`` gives count, sum and risk count per team and scale; the tree
(teams → … → unit → organisation) is rolled up in memory, and ``core.anonymity`` decides, once
for the whole organisation, which groups may be shown, which means and which risk counts (see
``compute``). Suppression is decided globally and not per viewer, so no combination of pages shown
to different people reveals more than one page does.

Results exist only for closed campaigns (live figures could be compared day by day), and they are
computed exactly once: ``freeze`` stores the tree, the decisions and the figures in a
``ResultSnapshot`` at the first read after closing (or when closing early, or by the daily job),
and every page, export and API reads only that. A later reorganisation or threshold change can
therefore never produce a second, subtractable version of the same campaign.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple, TypeVar, cast

from django.core.cache import cache
from django.db import IntegrityError, connections, transaction
from django.db.models import Count, Q, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext

from core import anonymity
from monitor import mixing, questionnaire
from monitor.models import Campaign, Invitation, ResultSnapshot, ScaleScore
from organisation.models import OrgNode, Unit

GroupKey = tuple[str, int]
Row = tuple[int, str, int, float | None, int, int]
Rule = tuple[str, bool, float]
ORGANISATION: GroupKey = ("org", 0)
CACHE_SECONDS = 3600
T = TypeVar("T")
K = TypeVar("K")


#: A risk share is shown exactly only when at least this many people are in the risk zone *and*
#: at least this many are outside it, in the group and in every set computable from what is shown
#: (``core.anonymity.risk_safe``). Otherwise 0 % or 100 % would tell every respondent's position
#: (and 1 person would be told apart from 0 by the pattern of what is shown); the page says
#: "minder dan x%" or "meer dan y%" instead, with x = y' the share that this many people would make.
RISK_COUNT_BAND = anonymity.RISK_BAND


class Figure(NamedTuple):
    """One scale for one group; ``None`` where the figure may not be shown. (A named tuple: a
    frozen campaign builds tens of thousands of them, and tuples are made fastest.)

    ``risk_share`` is ``None`` too when it would be too exact (``RISK_COUNT_BAND``); then
    ``risk_below`` ("fewer than") or ``risk_above`` ("more than") holds the bound that is shown,
    or neither when only subtraction from other groups would make it exact. ``mean`` is ``None``
    for a shown group when it would tell something about every member (``anonymity.mean_safe``)."""

    mean: float | None
    risk_share: float | None
    in_risk: bool = False
    risk_below: float | None = None
    risk_above: float | None = None
    #: How many respondents of the group chose "Zeg ik liever niet" on this scale (they have no
    #: score on it); only when at least the threshold did and no subtraction makes a smaller
    #: number exact (``core.anonymity``), else ``None``.
    declined: int | None = None

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
    def mean_label(self) -> str:
        """The mean with one decimal in the page's language, or a dash when it is not shown."""
        return "–" if self.mean is None else number_format(self.mean, 1)

    def as_list(self) -> list[Any]:
        return list(self)

    @classmethod
    def from_list(cls, values: list[Any]) -> Figure:
        # Snapshots frozen before "Zeg ik liever niet" existed have five values.
        mean, share, in_risk, below, above, *rest = values
        declined = int(rest[0]) if rest and rest[0] is not None else None
        return cls(mean, share, bool(in_risk), below, above, declined)

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


def risk_figure(
    mean: float | None, risk_count: int, size: int, in_risk: bool, exact: bool = True, declined: int | None = None
) -> Figure:
    """A shown group's figure, its risk share exact or as a bound (``RISK_COUNT_BAND``).

    ``exact=False``: the exact share would make another group's count computable by subtraction;
    then only a bound that follows from this group's own counts is shown, or none at all."""
    if size == 0:  # everyone chose "Zeg ik liever niet": no score, no share
        return Figure(None, None, False, declined=declined)
    if exact and risk_count >= RISK_COUNT_BAND and size - risk_count >= RISK_COUNT_BAND:
        return Figure(mean, risk_count / size, in_risk, declined=declined)
    percent = math.ceil(100 * RISK_COUNT_BAND / size)
    if risk_count < RISK_COUNT_BAND:
        return Figure(mean, None, in_risk, risk_below=percent / 100, declined=declined)
    if size - risk_count < RISK_COUNT_BAND:
        return Figure(mean, None, in_risk, risk_above=(100 - percent) / 100, declined=declined)
    return Figure(mean, None, in_risk, declined=declined)


@dataclass
class Group:
    """One group's published results; ``figures`` per scale (all ``None`` when not shown)."""

    key: GroupKey
    name: str
    parent: GroupKey | None
    depth: int
    respondents: int
    shown: bool
    figures: dict[str, Figure]

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
    teams: frozenset[int] = frozenset()

    def shown_keys(self) -> set[GroupKey]:
        return {key for key, group in self.groups.items() if group.shown}

    @cached_property
    def positions(self) -> dict[GroupKey, int]:
        """Each group's place in ``order`` (worked out once per results object; they never change)."""
        return {key: number for number, key in enumerate(self.order)}


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


def team_aggregates(campaign_id: int) -> list[Row]:
    """(team, scale, count, sum of scores, count in the risk zone, count with a score) per team and
    scale: one GROUP BY. A row without a score is a respondent who chose "Zeg ik liever niet".

    Built with the ORM, run on a plain cursor: the rows are plain numbers, and Django's per-row
    converters cost as much as the query itself at 40,000 rows."""
    query = (
        ScaleScore.objects.filter(campaign_id=campaign_id)
        .values("team_id", "scale")
        .annotate(n=Count("id"), total=Sum("score"), risk=Count("id", filter=Q(in_risk=True)), scored=Count("score"))
        .values_list("team_id", "scale", "n", "total", "risk", "scored")
        .order_by()
    )
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _team_arrays(rows: list[Row], index: dict[str, int]) -> dict[GroupKey, list[float]]:
    """Per team: sums of scores per scale, then risk counts per scale, then the number with a score
    per scale (the others chose "Zeg ik liever niet"), then the respondent count."""
    width = len(index)
    arrays: dict[GroupKey, list[float]] = {}
    for team_id, slug, count, total, risk, scored in rows:
        position = index.get(slug)
        if position is None:
            continue
        cell = arrays.setdefault(("node", team_id), [0.0] * (3 * width + 1))
        cell[position], cell[width + position] = total or 0.0, risk
        cell[2 * width + position], cell[3 * width] = scored, count
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


def compute(campaign: Campaign) -> CampaignResults:
    """The results of a campaign on today's tree, every disclosure rule applied (``freeze`` stores
    them; nothing else should call this for a closed campaign).

    Every invited team is a group, also when no one answered: a team with 0 responses looks
    exactly like one with 1–4 (both "not shown"), so absence never tells that someone took part.
    Three decisions, each with ``core.anonymity``'s residual rule over the whole tree:
    which groups are shown at all (respondent counts), per scale which shown means may be shown
    (``mean_safe``), and per scale which risk counts may be exact (``risk_safe``).
    """
    selected = questionnaire.load(campaign.questionnaire).selected(campaign.scales)
    index = {scale.slug: number for number, scale in enumerate(selected)}
    rules = [(scale.slug, scale.higher_is_better, scale.risk_threshold) for scale in selected]
    width = len(rules)
    parent_all, names = _tree()
    names[ORGANISATION] = "Politie"
    teams = frozenset(Invitation.objects.filter(campaign=campaign).values_list("team_id", flat=True).distinct())
    arrays = _team_arrays(team_aggregates(campaign.pk), index)
    for team_id in teams:
        arrays.setdefault(("node", team_id), [0.0] * (3 * width + 1))
    parent = _relevant(parent_all, set(arrays))
    depth = {key: _depth(key, parent) for key in parent}
    sums = _roll_up(arrays, parent, depth) if arrays else {ORGANISATION: [0.0] * (3 * width + 1)}
    sizes = {key: int(cell[-1]) for key, cell in sums.items()}
    tree = anonymity.Tree(parent)
    suppressed = anonymity.complementary_suppression(sizes, parent, tree)
    shown = set(sizes) - suppressed
    figures = _published_figures(sums, parent, shown, rules, tree)
    groups = {
        key: Group(key, names.get(key, "?"), parent[key], depth[key], size, key in shown, figures[key])
        for key, size in sizes.items()
    }
    return CampaignResults(campaign.pk, list(index), groups, _tree_order(groups, names), teams)


def _published_figures(
    sums: dict[K, list[float]],
    parent: dict[K, K | None],
    shown: set[K],
    rules: list[Rule],
    tree: anonymity.Tree[K] | None = None,
) -> dict[K, dict[str, Figure]]:
    """Per group and scale the figure that may be published: nothing for a hidden group; for a
    shown one the mean unless ``mean_safe`` forbids it, the risk share exact, as a bound, or not,
    and how many chose "Zeg ik liever niet" when that many may be told.

    ``sums[key]`` holds per scale the sum of scores, then per scale the risk counts, then per scale
    the number of respondents with a score, then the number of respondents. Mean and risk share
    are over the respondents with a score on the scale: "Zeg ik liever niet" counts for neither."""
    width = len(rules)
    tree = tree or anonymity.Tree(parent)
    hidden = Figure(None, None)
    limit_people = anonymity.threshold()

    def declined_safe(value: anonymity.Vector) -> bool:
        return value[-1] == 0 or value[-1] >= limit_people

    figures: dict[K, dict[str, Figure]] = {key: {} for key in sums}
    for position, (slug, better, limit) in enumerate(rules):
        scored = 2 * width + position
        means = {key: (cell[position], cell[scored]) for key, cell in sums.items()}
        risks = {key: (cell[width + position], cell[scored]) for key, cell in sums.items()}
        declines = {key: (cell[-1] - cell[scored],) for key, cell in sums.items()}
        no_mean = anonymity.suppress_unsafe_residuals(means, parent, anonymity.mean_safe, shown, tree)
        no_exact_risk = anonymity.suppress_unsafe_residuals(risks, parent, anonymity.risk_safe, shown, tree)
        no_declined = anonymity.suppress_unsafe_residuals(declines, parent, declined_safe, shown, tree)
        for key, cell in sums.items():
            if key not in shown:
                figures[key][slug] = hidden
                continue
            size = int(cell[scored])
            declined = None if key in no_declined else int(cell[-1] - cell[scored])
            mean = cell[position] / size if size else None
            in_risk = mean is not None and (mean <= limit if better else mean >= limit)
            shown_mean = None if key in no_mean else mean
            figures[key][slug] = risk_figure(
                shown_mean,
                round(cell[width + position]),
                size,
                in_risk and shown_mean is not None,
                exact=key not in no_exact_risk,
                declined=declined,
            )
    return figures


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


def cache_key(campaign: Campaign) -> str:
    """The cache key of a campaign's frozen results; also a part of the key of anything made from
    them alone (the dashboard's figures)."""
    return _key("results", campaign)


def _key(kind: str, campaign: Campaign) -> str:
    # created_at tells a recreated campaign with a reused id apart (tests, restored backups). No
    # threshold in the key: a frozen campaign keeps the threshold it was frozen with.
    return f"monitor:{kind}:v3:{campaign.pk}:{campaign.created_at.timestamp()}"


def for_campaign(campaign: Campaign) -> CampaignResults | None:
    """The frozen results of a closed campaign (frozen now if this is the first read after it
    closed); ``None`` while it is open."""
    if not campaign.is_closed():
        return None
    return _remembered(cache_key(campaign), lambda: freeze(campaign))


def invited_teams(campaign: Campaign) -> frozenset[int]:
    """The teams a campaign reached (to offer a closed one only to people who may see one of them)."""
    if not campaign.is_closed():
        return frozenset(Invitation.objects.filter(campaign=campaign).values_list("team_id", flat=True).distinct())
    found = for_campaign(campaign)
    return found.teams if found else frozenset()


def freeze(campaign: Campaign) -> CampaignResults:
    """The campaign's stored results, made and stored first if there are none yet.

    Making them mixes the last waiting responses in (``mixing.mix_for_closing``) and computes the
    results on today's tree, in one transaction that holds the campaign row, so two processes
    freezing at once store one snapshot (the unique key settles a race on SQLite)."""
    stored = _stored(campaign.pk)
    if stored is not None:
        return stored
    try:
        with transaction.atomic():
            Campaign.objects.select_for_update().filter(pk=campaign.pk).exists()
            stored = _stored(campaign.pk)
            if stored is not None:
                return stored
            mixing.mix_for_closing(campaign)
            found = compute(campaign)
            ResultSnapshot.objects.create(campaign=campaign, threshold=anonymity.threshold(), data=_dump(found))
    except IntegrityError:
        # Another process stored its snapshot first: publish that one, never a second version.
        again = _stored(campaign.pk)
        if again is None:
            raise
        return again
    # Read back what was stored, so the first reader sees exactly what every later reader sees.
    frozen = _stored(campaign.pk)
    assert frozen is not None  # stored just above
    return frozen


def _stored(campaign_id: int) -> CampaignResults | None:
    data = ResultSnapshot.objects.filter(campaign_id=campaign_id).values_list("data", flat=True).first()
    return None if data is None else _load(campaign_id, data)


def _dump(found: CampaignResults) -> dict[str, Any]:
    """Plain JSON: keys as ``[kind, id]``, figures as lists; floats round-trip exactly."""
    return {
        "scales": found.scales,
        "teams": sorted(found.teams),
        "order": [list(key) for key in found.order],
        "groups": [
            {
                "key": list(key),
                "name": group.name,
                "parent": list(group.parent) if group.parent else None,
                "depth": group.depth,
                "respondents": group.respondents,
                "shown": group.shown,
                "figures": {slug: figure.as_list() for slug, figure in group.figures.items()},
            }
            for key, group in found.groups.items()
        ],
    }


def _load(campaign_id: int, data: dict[str, Any]) -> CampaignResults:
    groups: dict[GroupKey, Group] = {}
    for item in data["groups"]:
        key: GroupKey = (item["key"][0], int(item["key"][1]))
        above = item["parent"]
        groups[key] = Group(
            key=key,
            name=item["name"],
            parent=(above[0], int(above[1])) if above else None,
            depth=int(item["depth"]),
            respondents=int(item["respondents"]),
            shown=bool(item["shown"]),
            figures={slug: Figure.from_list(values) for slug, values in item["figures"].items()},
        )
    order: list[GroupKey] = [(kind, int(pk)) for kind, pk in data["order"]]
    return CampaignResults(campaign_id, list(data["scales"]), groups, order, frozenset(data["teams"]))


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
