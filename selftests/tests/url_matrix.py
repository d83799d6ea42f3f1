"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

Every self-test page and endpoint is open to everyone, logged in or not, and to a care-data
role before the second factor: it shows no one's personal data and stores nothing.
"""

from __future__ import annotations

import json

from selftests import loading
from tests.matrix import Case, everyone


def _complete_answers() -> dict[str, str]:
    """A complete, valid set of answers to the Zelftest Mentale Fitheid (lowest risk)."""
    instrument = loading.get("mentale-fitheid")
    assert instrument is not None
    return {item.id: item.scale[0].value for item in instrument.items}


def _slug(org: object) -> dict[str, str]:
    return {"slug": "mentale-fitheid"}


ROWS: dict[str, Case] = {
    "selftests:index": Case(everyone()),
    "selftests:run": Case(everyone(), kwargs=_slug),
    "selftests:result": Case(everyone(), method="post", kwargs=_slug, data=_complete_answers()),
    "selftests:pdf": Case(everyone(), method="post", kwargs=_slug, data=_complete_answers()),
    "selftest-list": Case(everyone()),
    "selftest-detail": Case(everyone(), kwargs=_slug),
    "selftest-score": Case(everyone(), method="post", kwargs=_slug, data={"answers": json.dumps(_complete_answers())}),
    # The old English path of the API: a redirect (308) to /api/v1/zelftests/.
    "api-moved-selftests": Case(everyone(), kwargs=lambda org: {"rest": ""}),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set(ROWS)
