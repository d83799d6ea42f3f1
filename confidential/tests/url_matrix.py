"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

"Waar kan ik terecht?" is open to everyone, logged in or not, and to a care-data role before the
second factor: it shows no one's personal data and stores nothing.
"""

from __future__ import annotations

from tests.matrix import Case, everyone

ROWS: dict[str, Case] = {
    "confidential:router": Case(everyone()),
    "confidential:manager_guide": Case(everyone()),
    "confidential-router-list": Case(
        everyone(), data={"gevaar": "nee", "wat": "praten", "over": "collega", "leidinggevende": "ja"}
    ),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set(ROWS)
