"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

The home-front and former-colleague pages and the leaflet are public: no login, no second factor,
no personal data."""

from __future__ import annotations

from tests.matrix import Case, everyone

ROWS: dict[str, Case] = {
    "homefront:homefront": Case(everyone()),
    "homefront:leaflet": Case(everyone()),
    "homefront:former": Case(everyone()),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set(ROWS)
