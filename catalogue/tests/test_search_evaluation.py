"""Recall@3 of catalogue search over the evaluation set (catalogue/tests/search_evaluation.py).

The floor sits just under the value measured when the set was written (see docs/search.md):
a change to the search, the synonyms or the content that loses right answers fails here. The
figure is printed (``pytest -s`` or ``-rP``) and in ``make bench``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from catalogue import search, selectors
from catalogue.models import Edition
from catalogue.tests.search_evaluation import EVALUATION, HELD_OUT, recall_at

pytestmark = pytest.mark.django_db

#: Measured on 2026-12-07 (docs/search.md): 83/84 = 0.988 in-sample (the synonyms were extended
#: looking at this set; before that 55/84 = 0.655) and 19/24 = 0.792 on the held-out queries, never
#: tuned on (before 14/24 = 0.583; 20/24 on PostgreSQL, whose typo fallback differs). The floors
#: allow losing about three and one query. Lower them only with a reason written next to them.
RECALL_AT_3_FLOOR = 0.95
HELD_OUT_RECALL_AT_3_FLOOR = 0.75


@pytest.fixture
def edition() -> Edition:
    current = selectors.current_edition()
    assert current is not None
    return current


def test_the_evaluation_set_has_at_least_sixty_distinct_queries_and_none_is_held_out_too() -> None:
    queries = [query for query, _answers in EVALUATION]
    assert len(set(queries)) == len(queries) >= 60
    assert all(answers for _query, answers in (*EVALUATION, *HELD_OUT))
    assert not set(queries) & {query for query, _answers in HELD_OUT}


def test_every_expected_answer_is_a_top_level_provision(edition: Edition) -> None:
    slugs = set(edition.provisions.filter(parent__isnull=True).values_list("slug", flat=True))
    assert {slug for _query, answers in (*EVALUATION, *HELD_OUT) for slug in answers} <= slugs


def _first_slugs(edition: Edition) -> Callable[[str], list[str]]:
    return lambda query: [provision.slug for provision in search.search_provisions(edition, query)]


def test_recall_at_3_over_the_evaluation_set_stays_above_the_floor(edition: Edition) -> None:
    recall = recall_at(3, _first_slugs(edition))
    print(recall.line())
    for query, first in recall.missed:
        print(f"  missed: {query!r} -> {list(first)}")
    assert recall.value >= RECALL_AT_3_FLOOR, recall.missed


def test_recall_at_3_over_the_held_out_queries_stays_above_the_floor(edition: Edition) -> None:
    recall = recall_at(3, _first_slugs(edition), HELD_OUT)
    print(recall.line(label=" held-out"))
    assert recall.value >= HELD_OUT_RECALL_AT_3_FLOOR, recall.missed
