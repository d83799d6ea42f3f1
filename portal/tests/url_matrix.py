"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them)."""

from __future__ import annotations

from organisation.constants import Role
from tests.matrix import Case, everyone, only

ROWS: dict[str, Case] = {
    "portal:home": Case(everyone()),
    "portal:help": Case(everyone()),
    "portal:audit": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {"portal:help"}
