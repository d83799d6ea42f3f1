"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

Rows use the agenda of the data migration and the fixture's unit "testeenheid", in which the
leidinggevende (via Team Noord) and the HR-adviseur hold their roles."""

from __future__ import annotations

from organisation.constants import Role
from tests.matrix import FORBIDDEN, Case, logged_in, only

ROWS: dict[str, Case] = {
    "agenda:overview": Case(logged_in()),
    "agenda:action": Case(logged_in(), kwargs=lambda org: {"number": 16}),
    "agenda:action_progress": Case(
        only(Role.HR_ANALIST),
        method="post",
        kwargs=lambda org: {"number": 5},
        data={"status": "loopt", "note": "Gestart."},
    ),
    "agenda:coverage": Case(logged_in()),
    "agenda:units": Case(logged_in()),
    "agenda:unit": Case(logged_in(), kwargs=lambda org: {"code": org.unit.code}),
    "agenda:unit_edit": Case(only(Role.LEIDINGGEVENDE, Role.HR_ADVISEUR), kwargs=lambda org: {"code": org.unit.code}),
    "agenda-priority-list": Case(logged_in(anonymous=FORBIDDEN)),
    "agenda-priority-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=lambda org: {"number": 2}),
    "agenda-action-list": Case(logged_in(anonymous=FORBIDDEN)),
    "agenda-action-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=lambda org: {"number": 16}),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
