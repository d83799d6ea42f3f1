"""The project-wide rows of the URL × role matrix (tests/test_url_matrix.py merges them): the
health check, the language switch and the API's root and schema (zorgwijzer/urls.py)."""

from __future__ import annotations

from tests.matrix import FORBIDDEN, Case, everyone, logged_in

ROWS: dict[str, Case] = {
    "core:healthz": Case(everyone()),
    "set_language": Case(everyone(), method="post", data={"language": "nl", "next": "/"}),
    "api-schema": Case(everyone()),
    "api-root": Case(logged_in(anonymous=FORBIDDEN)),
}

#: URL names that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {"core:healthz", "set_language"}
