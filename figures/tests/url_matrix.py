"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

The facts and figures are aggregate, published numbers: open to everyone, logged in or not, and
to a care-data role before the second factor.
"""

from __future__ import annotations

from tests.matrix import Case, everyone

ROWS: dict[str, Case] = {
    "figures:overview": Case(everyone()),
    "figure-table-list": Case(everyone()),
    "figure-table-detail": Case(everyone(), kwargs=lambda org: {"code": "verzuim"}),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set(ROWS)
