"""``make bench`` line for search quality: recall@3 over the evaluation set of
catalogue/tests/search_evaluation.py (in-sample and held-out), on the bench database.

Only the provisions of the loaded edition count: the bench adds "bench-voorziening-*" rows to
measure speed, and those must not push real answers out of the first three.
"""

from __future__ import annotations


def search_recall_at_3() -> list[str]:
    from catalogue import search, selectors
    from catalogue.models import Provision
    from catalogue.tests.search_evaluation import EVALUATION, HELD_OUT, recall_at

    edition = selectors.current_edition()
    within = Provision.objects.filter(edition=edition, parent__isnull=True).exclude(slug__startswith="bench-")

    def first(query: str) -> list[str]:
        return [provision.slug for provision in search.search_provisions(edition, query, within=within)]

    return [recall_at(3, first, EVALUATION).line(), recall_at(3, first, HELD_OUT).line(label=" held-out")]


IN_PROCESS = [search_recall_at_3]
