"""Which aggregate may be shown: the one place that applies the anonymity threshold.

Health and wellbeing figures about a group are shown only when the group is large enough that no
one can be singled out (``ZORGWIJZER_ANONYMITY_THRESHOLD``, default 5, never below 3). Reports,
exports and dashboards ask this module; none of them compares group sizes themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

from django.conf import settings

Key = TypeVar("Key")
#: Totals of a group that add up over the tree; the last element is the number of people.
Vector = tuple[float, ...]


def threshold() -> int:
    """The smallest group whose aggregates may be shown (settings guarantee it is at least 3)."""
    return max(3, int(settings.ZORGWIJZER_ANONYMITY_THRESHOLD))


def may_show(group_size: int) -> bool:
    """Whether a figure about a group of this many people may be shown."""
    return group_size >= threshold()


def suppress_small_groups(sizes: Mapping[Key, int]) -> set[Key]:
    """The keys whose group is below the threshold: their figures must not be shown."""
    return {key for key, size in sizes.items() if not may_show(size)}


# --- Complementary suppression across a tree of groups and across waves --------------------
#
# Groups form a tree (organisation → unit → district → basisteam → team); a group's respondents
# are its own direct members plus those of its children. Showing a parent and some of its
# children lets anyone compute the rest by subtraction (parent − shown children). So beyond the
# threshold, every *residual* must be empty or at least the threshold: for each shown group, its
# size minus the sizes of its nearest shown descendants. Any set computable from shown groups by
# adding and subtracting is a union of residuals and shown leaves, so this rule is sufficient.
# Across waves only a *change* (this wave − previous wave) combines two figures; it is shown only
# when both figures are shown, so it reveals nothing that is not on the screen already.


def _children(parent: Mapping[Key, Key | None]) -> dict[Key, list[Key]]:
    children: dict[Key, list[Key]] = {}
    for key, above in parent.items():
        if above is not None:
            children.setdefault(above, []).append(key)
    return children


def _depth(key: Key, parent: Mapping[Key, Key | None]) -> int:
    depth, seen = 0, {key}
    above = parent.get(key)
    while above is not None and above not in seen:
        seen.add(above)
        depth += 1
        above = parent.get(above)
    return depth


def _nearest_shown_below(key: Key, children: Mapping[Key, list[Key]], shown: set[Key]) -> list[Key]:
    """The shown groups under ``key`` with no shown group between them and ``key``."""
    found: list[Key] = []
    stack = list(children.get(key, ()))
    while stack:
        child = stack.pop()
        if child in shown:
            found.append(child)
        else:
            stack.extend(children.get(child, ()))
    return found


def residual(
    key: Key, sizes: Mapping[Key, int], children: Mapping[Key, list[Key]], shown: set[Key]
) -> tuple[int, list[Key]]:
    """How many respondents of a shown group are in none of its nearest shown descendants."""
    below = _nearest_shown_below(key, children, shown)
    return sizes[key] - sum(sizes[child] for child in below), below


def complementary_suppression(
    sizes: Mapping[Key, int], parent: Mapping[Key, Key | None], tree: Tree[Key] | None = None
) -> set[Key]:
    """The groups whose figures must not be shown: those below the threshold, plus as few others
    as needed so that no residual (parent − shown descendants) is between 1 and the threshold.

    ``sizes`` holds every group's respondent count including its descendants; ``parent`` maps each
    group to the group above it (``None`` for the top). Groups are handled bottom-up; a group whose
    residual is too small first gives up its smallest shown descendant that adds people to the
    residual, and is suppressed itself only when nothing is left to give up.
    """
    limit = threshold()
    vectors: dict[Key, Vector] = {key: (float(size),) for key, size in sizes.items()}

    def large_enough(value: Vector) -> bool:
        return value[-1] == 0 or value[-1] >= limit

    return suppress_unsafe_residuals(vectors, parent, large_enough, tree=tree)


def suppress_unsafe_residuals(
    values: Mapping[Key, Vector],
    parent: Mapping[Key, Key | None],
    safe: Callable[[Vector], bool],
    candidates: set[Key] | None = None,
    tree: Tree[Key] | None = None,
) -> set[Key]:
    """The general form of complementary suppression, for any additive figure.

    ``values`` holds, per group, a vector of totals that add up over the tree (e.g. respondents;
    or people in the risk zone and respondents; or the sum of scores and respondents); its *last*
    element is the number of people. ``safe`` says whether publishing a set of people's totals is
    harmless; it must accept an empty set (last element 0) and be closed under addition (if two
    disjoint sets are safe, so is their union). Then every set an attacker can compute by adding
    and subtracting shown groups is a union of residuals and shown leaves, each safe, so the
    union is safe too. ``candidates`` limits which groups may be shown at all (default: all);
    ``tree`` is ``Tree(parent)`` when the caller decides several figures on one tree.
    Returns the groups whose figure must not be shown.
    """
    tree = tree or Tree(parent)
    shown = {
        key
        for key, value in values.items()
        if value[-1] > 0 and (candidates is None or key in candidates) and safe(value)
    }
    children = tree.children
    for key in tree.bottom_up:
        # A shown group without groups below it is its own residual, safe by the line above.
        if key not in shown or not children.get(key):
            continue
        remainder, below = _vector_residual(key, values, children, shown)
        while not safe(remainder):
            if not below:
                shown.discard(key)
                break
            gains = {child: _vector_residual(child, values, children, shown)[0][-1] for child in below}
            victim = min(below, key=lambda child: (gains[child] == 0, values[child][-1], str(child)))
            shown.discard(victim)
            remainder, below = _vector_residual(key, values, children, shown)
    return set(values) - shown


class Tree(Generic[Key]):
    """The groups below each group and an order with every group before its parent, worked out
    once for a tree on which several figures are decided."""

    def __init__(self, parent: Mapping[Key, Key | None]) -> None:
        self.children = _children(parent)
        depth = {key: _depth(key, parent) for key in parent}
        self.bottom_up = sorted(parent, key=lambda key: -depth[key])


def _vector_residual(
    key: Key, values: Mapping[Key, Vector], children: Mapping[Key, list[Key]], shown: set[Key]
) -> tuple[Vector, list[Key]]:
    below = _nearest_shown_below(key, children, shown)
    remainder = list(values[key])
    for child in below:
        for index, value in enumerate(values[child]):
            remainder[index] -= value
    # Counts are whole numbers, so the people count is exact; a sum of scores may carry float
    # dust, which ``mean_safe`` allows for.
    return tuple(remainder), below


#: A figure about people in a risk zone is exact only when at least this many people are in it
#: *and* at least this many are not: otherwise it tells where every one of them stands.
RISK_BAND = 2


def risk_safe(value: Vector) -> bool:
    """``(in the risk zone, people)``: empty, or at least ``RISK_BAND`` on each side of the line."""
    in_risk, people = value[0], value[-1]
    return people == 0 or (in_risk >= RISK_BAND and people - in_risk >= RISK_BAND)


def mean_safe(value: Vector, low: float = 1.0, high: float = 5.0) -> bool:
    """``(sum of scores, people)`` on a ``low``–``high`` scale: empty, or a sum from which nothing
    follows about any single member. A member's score is at least ``sum − high × (people − 1)``
    and at most ``sum − low × (people − 1)``; both bounds must say no more than the scale itself
    does. So a mean of exactly 5.00 (everyone answered 5) is never shown, nor a mean so close to
    an end that it would bound every member away from the other end."""
    total, people = value[0], value[-1]
    if people == 0:
        return True
    span = high - low
    return people * low + span <= total + 1e-9 and total <= people * high - span + 1e-9


def disclosed_small_groups(
    sizes: Mapping[Key, int], parent: Mapping[Key, Key | None], suppressed: set[Key]
) -> dict[Key, int]:
    """An auditor's check: the residuals of shown groups that single out fewer than the threshold
    (group → size of what can be computed by subtraction). Empty when the suppression is safe."""
    shown = set(sizes) - suppressed
    children = _children(parent)
    found: dict[Key, int] = {}
    for key in shown:
        if sizes[key] < threshold():
            found[key] = sizes[key]
            continue
        remainder, _below = residual(key, sizes, children, shown)
        if 0 < remainder < threshold():
            found[key] = remainder
    return found


def change_may_show(key: Key, shown_now: set[Key], shown_before: set[Key]) -> bool:
    """Whether a group's change since the previous wave may be shown: only when both waves'
    figures are shown themselves, so the change never reveals a suppressed figure
    (previous = current − change)."""
    return key in shown_now and key in shown_before


def roll_up(leaf_values: Mapping[Key, float], parent: Mapping[Key, Key | None]) -> dict[Key, float]:
    """Totals per group: each group's own value plus those of every group below it."""
    totals: dict[Key, float] = dict.fromkeys(parent, 0.0)
    for key, value in leaf_values.items():
        seen: set[Key] = set()
        node: Key | None = key
        while node is not None and node not in seen:
            seen.add(node)
            totals[node] = totals.get(node, 0.0) + value
            node = parent.get(node)
    return totals
