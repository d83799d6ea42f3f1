from __future__ import annotations

import itertools

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from core import anonymity


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_group_of_four_is_suppressed_and_a_group_of_five_is_shown() -> None:
    assert not anonymity.may_show(4)
    assert anonymity.may_show(5)
    assert anonymity.suppress_small_groups({"a": 4, "b": 5, "c": 0}) == {"a", "c"}


@pytest.mark.parametrize("configured", [0, 1, 2])
def test_the_threshold_is_never_below_three(configured: int) -> None:
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=configured):
        assert anonymity.threshold() == 3
        assert not anonymity.may_show(2)


# --- Complementary suppression (monitor dashboard) -----------------------------------------


def _tree(direct: dict[str, int], parent: dict[str, str | None]) -> dict[str, int]:
    return {key: int(total) for key, total in anonymity.roll_up(direct, parent).items()}


UNIT_TREE: dict[str, str | None] = {"org": None, "unit": "org", "a": "unit", "b": "unit", "c": "unit"}


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_small_team_cannot_be_computed_as_its_unit_minus_the_teams_that_are_shown() -> None:
    sizes = _tree({"a": 10, "b": 10, "c": 2}, UNIT_TREE)
    suppressed = anonymity.complementary_suppression(sizes, UNIT_TREE)
    assert "c" in suppressed
    # Unit (22) − a (10) − b (10) would give team c's 2 answers: one more team must go.
    assert {"a", "b"} & suppressed
    assert anonymity.disclosed_small_groups(sizes, UNIT_TREE, suppressed) == {}
    assert "unit" not in suppressed and "org" not in suppressed


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_people_attached_directly_to_a_unit_count_as_a_hidden_group() -> None:
    # Three respondents belong to the unit itself, not to a team: unit − a − b singles them out.
    sizes = _tree({"unit": 3, "a": 6, "b": 7}, UNIT_TREE)
    suppressed = anonymity.complementary_suppression(sizes, UNIT_TREE)
    assert suppressed & {"a", "b"}
    assert anonymity.disclosed_small_groups(sizes, UNIT_TREE, suppressed) == {}


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_naive_threshold_alone_would_leak_by_subtraction() -> None:
    sizes = _tree({"a": 10, "b": 10, "c": 2}, UNIT_TREE)
    naive = anonymity.suppress_small_groups(sizes)
    assert anonymity.disclosed_small_groups(sizes, UNIT_TREE, naive) == {"unit": 2}


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_suppressed_subtree_does_not_leak_through_the_level_above() -> None:
    parent: dict[str, str | None] = {"org": None, "u1": "org", "u2": "org", "a": "u1", "b": "u1", "x": "u2"}
    # Unit u2 has one team of 4 (suppressed, and so is u2); org − u1 would give it away.
    sizes = _tree({"a": 8, "b": 9, "x": 4}, parent)
    suppressed = anonymity.complementary_suppression(sizes, parent)
    assert {"x", "u2"} <= suppressed
    assert anonymity.disclosed_small_groups(sizes, parent, suppressed) == {}


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_nothing_extra_is_suppressed_when_every_group_is_large_enough() -> None:
    sizes = _tree({"a": 5, "b": 6, "c": 7}, UNIT_TREE)
    assert anonymity.complementary_suppression(sizes, UNIT_TREE) == set()


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_change_since_the_previous_wave_needs_both_waves_to_be_shown() -> None:
    # Wave 1: team c had 3 respondents (suppressed); wave 2: 6 (shown). Showing the change would
    # reveal wave 1's figure as (wave 2 − change).
    before = anonymity.complementary_suppression(_tree({"a": 9, "b": 9, "c": 3}, UNIT_TREE), UNIT_TREE)
    now = anonymity.complementary_suppression(_tree({"a": 9, "b": 9, "c": 6}, UNIT_TREE), UNIT_TREE)
    shown_before, shown_now = set(UNIT_TREE) - before, set(UNIT_TREE) - now
    assert "c" in shown_now and "c" not in shown_before
    assert not anonymity.change_may_show("c", shown_now, shown_before)
    assert anonymity.change_may_show("unit", shown_now, shown_before)


@st.composite
def trees(draw: st.DrawFn) -> tuple[dict[str, int], dict[str, str | None]]:
    count = draw(st.integers(min_value=1, max_value=25))
    parent: dict[str, str | None] = {"n0": None}
    for index in range(1, count):
        parent[f"n{index}"] = f"n{draw(st.integers(min_value=0, max_value=index - 1))}"
    # Most groups have no direct members (like districts); leaves are small teams.
    direct = {key: draw(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 8, 12])) for key in parent}
    return _tree(direct, parent), parent


@settings(max_examples=300, deadline=None)
@given(tree=trees(), limit=st.integers(min_value=3, max_value=7))
def test_no_suppressed_group_can_be_derived_by_subtraction_in_any_tree(
    tree: tuple[dict[str, int], dict[str, str | None]], limit: int
) -> None:
    sizes, parent = tree
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=limit):
        suppressed = anonymity.complementary_suppression(sizes, parent)
        assert anonymity.suppress_small_groups(sizes) <= suppressed
        assert anonymity.disclosed_small_groups(sizes, parent, suppressed) == {}


@settings(max_examples=200, deadline=None)
@given(tree=trees(), limit=st.integers(min_value=3, max_value=7))
def test_a_subtraction_attack_over_every_pair_of_shown_groups_finds_nothing(
    tree: tuple[dict[str, int], dict[str, str | None]], limit: int
) -> None:
    """Brute force from the attacker's side: a shown group minus any set of shown disjoint groups
    inside it never leaves between 1 and the threshold respondents."""
    sizes, parent = tree
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=limit):
        suppressed: set[str] = anonymity.complementary_suppression(sizes, parent)
        shown = set(sizes) - suppressed
        for top in shown:
            inside = [k for k in shown if k != top and top in _ancestors(k, parent)]
            # The largest disjoint family of shown groups inside: the nearest ones.
            nearest = [k for k in inside if not any(a in inside for a in _ancestors(k, parent))]
            for size in range(len(nearest) + 1):
                for subset in itertools.islice(itertools.combinations(nearest, size), 200):
                    remaining = sizes[top] - sum(sizes[k] for k in subset)
                    assert remaining == 0 or remaining >= limit, (top, subset, remaining)


def _ancestors(key: str, parent: dict[str, str | None]) -> list[str]:
    found: list[str] = []
    above = parent.get(key)
    while above is not None:
        found.append(above)
        above = parent.get(above)
    return found


@settings(max_examples=200, deadline=None)
@given(before=trees(), growth=st.lists(st.integers(min_value=-3, max_value=3), min_size=25, max_size=25))
def test_across_waves_a_change_is_only_shown_where_both_figures_are_shown(
    before: tuple[dict[str, int], dict[str, str | None]], growth: list[int]
) -> None:
    sizes_before, parent = before
    keys = list(parent)
    direct_now = {
        key: max(0, sizes_before[key] - sum(sizes_before[c] for c in keys if parent[c] == key) + g)
        for key, g in zip(keys, growth, strict=False)
    }
    sizes_now = _tree(direct_now, parent)
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5):
        hidden_before: set[str] = anonymity.complementary_suppression(sizes_before, parent)
        hidden_now: set[str] = anonymity.complementary_suppression(sizes_now, parent)
        shown_before, shown_now = set(parent) - hidden_before, set(parent) - hidden_now
        for key in parent:
            if anonymity.change_may_show(key, shown_now, shown_before):
                assert sizes_before[key] >= 5 and sizes_now[key] >= 5
                assert key in shown_before and key in shown_now
