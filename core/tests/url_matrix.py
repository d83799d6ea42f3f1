"""The project-wide rows of the URL × role matrix (tests/test_url_matrix.py merges them): the
health checks (liveness and readiness), the language switch and the API's root, schema and
unknown paths (zorgwijzer/urls.py, zorgwijzer/api_urls.py)."""

from __future__ import annotations

from tests.matrix import FORBIDDEN, NOT_FOUND, VISITORS, Case, everyone, logged_in

ROWS: dict[str, Case] = {
    "core:healthz": Case(everyone()),
    "core:readyz": Case(everyone()),
    "set_language": Case(everyone(), method="post", data={"language": "nl", "next": "/"}),
    "api-schema": Case(everyone()),
    "api-root": Case(logged_in(anonymous=FORBIDDEN)),
    # Any other path under /api/v1/: a JSON 404 for everyone (zorgwijzer/api_urls.py).
    "api-not-found": Case(dict.fromkeys(VISITORS, NOT_FOUND), kwargs=lambda org: {"rest": "bestaat-niet/"}),
}

#: URL names that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {"core:healthz", "set_language", "api-not-found"}
