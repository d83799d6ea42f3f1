"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them)."""

from __future__ import annotations

from tests.matrix import Case

ROWS: dict[str, Case] = {}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
