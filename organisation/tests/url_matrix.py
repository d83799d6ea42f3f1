"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them): the pages
under /organisatie/ and the organisation API."""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import CARE_PROFESSIONAL_ROLES, Role
from tests.matrix import FORBIDDEN, Case, logged_in, only, only_found_by


def unit_code(org: Organisation) -> dict[str, Any]:
    return {"code": org.unit.code}


def node_code(org: Organisation) -> dict[str, Any]:
    return {"code": org.team.code}


def outsider(org: Organisation) -> dict[str, Any]:
    return {"employee_number": org.people["outsider"].employee_number}


def leidinggevende_role(org: Organisation) -> dict[str, Any]:
    return {"pk": org.users[Role.LEIDINGGEVENDE].role_assignments.get().pk}


#: Unit-scoped roles reach a person in another team of their unit; a team-scoped manager does not.
PERSON_IN_OTHER_TEAM = only_found_by(Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER, *CARE_PROFESSIONAL_ROLES)

ROWS: dict[str, Case] = {
    "organisation:units": Case(logged_in()),
    "organisation:unit": Case(logged_in(), kwargs=unit_code),
    # Written out rather than taken from access, so widening the viewer roles fails here.
    "organisation:people": Case(
        only(Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER, *CARE_PROFESSIONAL_ROLES)
    ),
    "organisation:person": Case(PERSON_IN_OTHER_TEAM, kwargs=outsider),
    "organisation:import": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    # A confirmation that matches no check: the beheerder gets the page with the refusal, nothing is written.
    "organisation:import_confirm": Case(
        only(Role.FUNCTIONEEL_BEHEERDER), method="post", data={"token": "onbekend", "checksum": "0" * 64}
    ),
    "organisation:roles": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "organisation:role_picker": Case(
        only(Role.FUNCTIONEEL_BEHEERDER), data={"soort": "persoon", "persoon_zoek": "persona"}
    ),
    # An incomplete grant: the beheerder gets the form back with errors (200), nothing is written.
    "organisation:role_grant": Case(only(Role.FUNCTIONEEL_BEHEERDER), method="post", data={"role": "bmw"}),
    # The beheerder (last of the roles) really revokes; everyone before gets 403, the anonymous visitor after.
    "organisation:role_revoke": Case(only(Role.FUNCTIONEEL_BEHEERDER), method="post", kwargs=leidinggevende_role),
    "unit-list": Case(logged_in(anonymous=FORBIDDEN)),
    "unit-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=unit_code),
    "orgnode-list": Case(logged_in(anonymous=FORBIDDEN)),
    "orgnode-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=node_code),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
