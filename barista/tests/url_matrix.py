"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

The invitation row uses one signal about the plain medewerker persona, whose manager is the
leidinggevende persona: only that manager reaches it.
"""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import FORBIDDEN, VISITORS, Case, logged_in, only

#: How tests/test_url_matrix.py names a 401 (the API's answer to a request without a valid API token).
UNAUTHORIZED = "status 401"


def matrix_signal(org: Organisation) -> Any:
    from barista.tests.factories import signal_for

    return signal_for(org.people[Role.MEDEWERKER])


ROWS: dict[str, Case] = {
    "barista:invitations": Case(only(Role.LEIDINGGEVENDE)),
    "barista:invitation": Case(only(Role.LEIDINGGEVENDE), kwargs=lambda org: {"pk": matrix_signal(org).pk}),
    "barista:own": Case(logged_in()),
    "barista:exposure_add": Case(only(Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER)),
    "barista:absences": Case(only(Role.LEIDINGGEVENDE, Role.FUNCTIONEEL_BEHEERDER)),
    "barista:absence": Case(
        only(Role.LEIDINGGEVENDE, Role.FUNCTIONEEL_BEHEERDER),
        kwargs=lambda org: {"pk": _absence(org).pk},
    ),
    "barista:import": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "barista:scope": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "barista:rules": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "barista:rules_edit": Case(only(Role.FUNCTIONEEL_BEHEERDER), kwargs=lambda org: {"code": "organisatie"}),
    "barista:types": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "barista:type_add": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "barista:type_edit": Case(only(Role.FUNCTIONEEL_BEHEERDER), kwargs=lambda org: {"pk": _type_pk()}),
    "barista:statistics": Case(only(Role.HR_ANALIST)),
    # Only for systems with an API token (accounts.token_auth): every session, a beheerder's too, gets 401.
    "barista-import-list": Case(dict.fromkeys(VISITORS, UNAUTHORIZED)),
    "barista-own-list": Case(logged_in(anonymous=FORBIDDEN)),
    "barista-statistics-list": Case(only(Role.HR_ANALIST, anonymous=FORBIDDEN)),
}


def _absence(org: Organisation) -> Any:
    import datetime as dt

    from barista.models import Absence

    return Absence.objects.get_or_create(person=org.people[Role.MEDEWERKER], starts_on=dt.date(2026, 1, 5))[0]


def _type_pk() -> int:
    from barista.models import ExposureType

    return ExposureType.objects.get(code="reanimatie").pk


#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
