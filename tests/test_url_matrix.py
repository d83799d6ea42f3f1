"""Every URL pattern × every role (plus an anonymous visitor) has one expected outcome.

Adding a URL without adding it to MATRIX fails ``test_every_url_pattern_is_in_the_matrix``.
Outcomes: OK (the page or action is available), FORBIDDEN (403), NOT_FOUND (404: the record is out
of reach and the answer must not reveal that it exists), LOGIN (redirect to login).

A second test walks every URL as a care-data role that logged in with a password only: everything
outside an explicit list of exempt pages must send them to the second factor first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from aftercare.tests import url_matrix as aftercare_matrix
from barista.tests import url_matrix as barista_matrix
from conftest import Organisation, verified_login
from monitor.tests import url_matrix as monitor_matrix
from organisation.constants import CARE_PROFESSIONAL_ROLES, Role
from selftests.tests import url_matrix as selftests_matrix
from tests.matrix import (
    ANONYMOUS,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    VISITORS,
    Case,
    everyone,
    logged_in,
    only,
    only_found_by,
)

#: Apps that keep their own rows next to their code.
APP_MATRICES = (selftests_matrix, aftercare_matrix, monitor_matrix, barista_matrix)


def unit_code(org: Organisation) -> dict[str, Any]:
    return {"code": org.unit.code}


def node_code(org: Organisation) -> dict[str, Any]:
    return {"code": org.team.code}


def outsider(org: Organisation) -> dict[str, Any]:
    return {"employee_number": org.people["outsider"].employee_number}


def leidinggevende_role(org: Organisation) -> dict[str, Any]:
    return {"pk": org.users[Role.LEIDINGGEVENDE].role_assignments.get().pk}


def theme_item_pk(org: Organisation) -> dict[str, Any]:
    from healththemes.models import ThemeItem

    return {"pk": ThemeItem.objects.get(theme__slug="ptss", slug="wat-is-ptss").pk}


#: Unit-scoped roles reach a person in another team of their unit; a team-scoped manager does not.
PERSON_IN_OTHER_TEAM = only_found_by(Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER, *CARE_PROFESSIONAL_ROLES)

MATRIX: dict[str, Case] = {
    "portal:home": Case(everyone()),
    "portal:help": Case(everyone()),
    "core:healthz": Case(everyone()),
    "portal:audit": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "accounts:login": Case(everyone()),
    "accounts:logout": Case(everyone(), method="post"),
    "accounts:logout_everywhere": Case(logged_in(), method="post"),
    "accounts:profile": Case(logged_in()),
    "accounts:two_factor_setup": Case(logged_in()),
    "accounts:two_factor_verify": Case(logged_in()),
    "organisation:units": Case(logged_in()),
    "organisation:unit": Case(logged_in(), kwargs=unit_code),
    # Written out rather than taken from access, so widening the viewer roles fails here.
    "organisation:people": Case(
        only(Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER, *CARE_PROFESSIONAL_ROLES)
    ),
    "organisation:person": Case(PERSON_IN_OTHER_TEAM, kwargs=outsider),
    "organisation:import": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "organisation:roles": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    # An incomplete grant: the beheerder gets the form back with errors (200), nothing is written.
    "organisation:role_grant": Case(only(Role.FUNCTIONEEL_BEHEERDER), method="post", data={"role": "bmw"}),
    # The beheerder (last of the roles) really revokes; everyone before gets 403, the anonymous visitor after.
    "organisation:role_revoke": Case(only(Role.FUNCTIONEEL_BEHEERDER), method="post", kwargs=leidinggevende_role),
    "set_language": Case(everyone(), method="post", data={"language": "nl", "next": "/"}),
    "api-schema": Case(everyone()),
    "api-root": Case(logged_in(anonymous=FORBIDDEN)),
    "unit-list": Case(logged_in(anonymous=FORBIDDEN)),
    "unit-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=unit_code),
    "orgnode-list": Case(logged_in(anonymous=FORBIDDEN)),
    "orgnode-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=node_code),
    "catalogue:overview": Case(everyone()),
    "figures:overview": Case(everyone()),
    "editor:home": Case(only(Role.INHOUDSBEHEERDER)),
    "editor:edition_create": Case(only(Role.INHOUDSBEHEERDER), method="post"),
    "editor:edition": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"code": "2022-2023"}),
    "editor:edition_publish": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"code": "2022-2023"}),
    "editor:provision_create": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"code": "2022-2023"}),
    "editor:provision_edit": Case(
        only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"code": "2022-2023", "slug": "mediation"}
    ),
    "editor:provision_delete": Case(
        only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"code": "2022-2023", "slug": "mediation"}
    ),
    "finder:start": Case(everyone()),
    "healththemes:index": Case(everyone()),
    "healththemes:theme": Case(everyone(), kwargs=lambda org: {"slug": "ptss"}),
    "healththemes:item": Case(everyone(), kwargs=lambda org: {"slug": "ptss", "item_slug": "wat-is-ptss"}),
    "healththemes:manage": Case(only(Role.INHOUDSBEHEERDER)),
    "healththemes:item_new": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"theme_slug": "slaap"}),
    "healththemes:item_edit": Case(only(Role.INHOUDSBEHEERDER), kwargs=theme_item_pk),
    "editions:index": Case(everyone()),
    "editions:compare": Case(everyone()),
    "editions:detail": Case(everyone(), kwargs=lambda org: {"code": "2022-2023"}),
    "editions:provision": Case(everyone(), kwargs=lambda org: {"code": "2022-2023", "slug": "mediation"}),
    "figure-table-list": Case(everyone()),
    "figure-table-detail": Case(everyone(), kwargs=lambda org: {"code": "verzuim"}),
    "catalogue:offline": Case(everyone()),
    "service-worker": Case(everyone()),
    "manifest": Case(everyone()),
    "catalogue:experts": Case(everyone()),
    "catalogue:provision": Case(everyone(), kwargs=lambda org: {"slug": "mediation"}),
    "provision-list": Case(everyone()),
    "provision-detail": Case(everyone(), kwargs=lambda org: {"slug": "mediation"}),
    "expert-list": Case(everyone()),
    "expert-detail": Case(everyone(), kwargs=lambda org: {"slug": "bedrijfsarts"}),
    "oidc_authentication_init": Case(everyone(), optional=True),
    "oidc_authentication_callback": Case(everyone(), optional=True),
    "oidc_logout": Case(everyone(), method="post", optional=True),
}
for app_matrix in APP_MATRICES:
    assert not set(app_matrix.ROWS) & set(MATRIX), f"{app_matrix.__name__} repeats a URL of the matrix"
    MATRIX.update(app_matrix.ROWS)


def iter_url_names(resolver: URLResolver | None = None, namespace: str = "") -> Iterator[tuple[str, str]]:
    """(qualified name, route) of every pattern in the project's URLconf."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from iter_url_names(entry, inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else "", str(entry.pattern))


def test_every_url_pattern_is_in_the_matrix() -> None:
    patterns = list(iter_url_names())
    unnamed = [route for name, route in patterns if not name]
    assert not unnamed, f"URL patterns without a name cannot be checked: {unnamed}"
    names = {name for name, _ in patterns}
    missing = names - set(MATRIX)
    assert not missing, f"add these URLs to the URL × role matrix: {sorted(missing)}"
    stale = {name for name, case in MATRIX.items() if not case.optional} - names
    assert not stale, f"the matrix lists URLs that no longer exist: {sorted(stale)}"


def test_every_matrix_row_covers_every_role_and_the_anonymous_visitor() -> None:
    for name, case in MATRIX.items():
        assert set(case.expect) == set(VISITORS), name


PRESENT = sorted({name for name, _ in iter_url_names()})


def outcome(response: Any) -> str:
    if response.status_code == 403:
        return FORBIDDEN
    if response.status_code == 404:
        return NOT_FOUND
    if response.status_code in (301, 302) and "/account/inloggen/" in response.get("Location", ""):
        return LOGIN
    if response.status_code < 400:
        return OK
    return f"status {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PRESENT)
def test_url_gives_the_expected_outcome_for_every_role(client: Any, organisation: Organisation, name: str) -> None:
    case = MATRIX[name]
    url = reverse(name, kwargs=case.kwargs(organisation))
    results: dict[str, str] = {}
    for visitor in VISITORS:
        client.logout()
        if visitor != ANONYMOUS:
            verified_login(client, organisation.users[visitor])
        response = getattr(client, case.method)(url, data=case.data)
        results[visitor] = outcome(response)
    wrong = {visitor: got for visitor, got in results.items() if got != case.expect[visitor]}
    assert not wrong, f"{name}: expected { ({v: case.expect[v] for v in wrong}) }, got {wrong}"


#: Pages a care-data role may open before passing the second factor. Written out here, not
#: imported from the middleware, so that widening the middleware's exemptions fails this test.
TWO_FACTOR_EXEMPT = {
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
    "accounts:logout",
    "portal:help",
    "core:healthz",
    "set_language",
    # Public content: no one's personal data (access.public_page).
    "catalogue:overview",
    "catalogue:experts",
    "catalogue:provision",
    "catalogue:offline",
    "provision-list",
    "provision-detail",
    "expert-list",
    "expert-detail",
    "service-worker",
    "manifest",
    "figures:overview",
    "figure-table-list",
    "figure-table-detail",
    "finder:start",
    "healththemes:index",
    "healththemes:theme",
    "healththemes:item",
    "editions:index",
    "editions:compare",
    "editions:detail",
    "editions:provision",
}
for app_matrix in APP_MATRICES:
    TWO_FACTOR_EXEMPT |= app_matrix.TWO_FACTOR_EXEMPT


def test_the_two_factor_exemptions_name_existing_urls() -> None:
    stale = TWO_FACTOR_EXEMPT - set(PRESENT)
    assert not stale, f"exempt from the second factor but no longer a URL: {sorted(stale)}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PRESENT)
def test_a_care_data_role_must_pass_the_second_factor_before_any_other_page(
    client: Any, organisation: Organisation, name: str
) -> None:
    case = MATRIX[name]
    url = reverse(name, kwargs=case.kwargs(organisation))
    client.force_login(organisation.users[Role.LEIDINGGEVENDE])  # password only: no OTP device in the session
    response = getattr(client, case.method)(url, data=case.data)
    location = response.get("Location", "") if response.status_code in (301, 302) else ""
    sent_to_second_factor = location.split("?")[0] == reverse("accounts:two_factor_verify")
    if name in TWO_FACTOR_EXEMPT:
        assert not sent_to_second_factor, f"{name} is exempt from the second factor"
    else:
        assert sent_to_second_factor, f"{name} answered {response.status_code} {location!r} before the second factor"
