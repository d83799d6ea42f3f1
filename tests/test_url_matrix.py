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

from accounts.tests import url_matrix as accounts_matrix
from aftercare.tests import url_matrix as aftercare_matrix
from agenda.tests import url_matrix as agenda_matrix
from barista.tests import url_matrix as barista_matrix
from casework.tests import url_matrix as casework_matrix
from catalogue.tests import url_matrix as catalogue_matrix
from complaints.tests import url_matrix as complaints_matrix
from confidential.tests import url_matrix as confidential_matrix
from conftest import Organisation, verified_login
from core.tests import url_matrix as core_matrix
from figures.tests import url_matrix as figures_matrix
from healththemes.tests import url_matrix as healththemes_matrix
from homefront.tests import url_matrix as homefront_matrix
from integrity.tests import url_matrix as integrity_matrix
from jaarbeeld.tests import url_matrix as jaarbeeld_matrix
from monitor.tests import url_matrix as monitor_matrix
from organisation.constants import Role
from organisation.tests import url_matrix as organisation_matrix
from portal.tests import url_matrix as portal_matrix
from recognition.tests import url_matrix as recognition_matrix
from selftests.tests import url_matrix as selftests_matrix
from teamcare.tests import url_matrix as teamcare_matrix
from tests.matrix import ANONYMOUS, FORBIDDEN, LOGIN, NOT_FOUND, OK, VISITORS, Case

#: Every app keeps its rows next to its code, in ``<app>/tests/url_matrix.py``: a ``ROWS`` dict
#: (URL name → Case) and a ``TWO_FACTOR_EXEMPT`` set of the URL names a care-data role may open
#: before the second factor. core holds the project-wide rows (health check, language, API root).
APP_MATRICES = (
    core_matrix,
    portal_matrix,
    accounts_matrix,
    organisation_matrix,
    catalogue_matrix,
    healththemes_matrix,
    figures_matrix,
    selftests_matrix,
    aftercare_matrix,
    monitor_matrix,
    barista_matrix,
    confidential_matrix,
    complaints_matrix,
    integrity_matrix,
    jaarbeeld_matrix,
    agenda_matrix,
    teamcare_matrix,
    recognition_matrix,
    homefront_matrix,
    casework_matrix,
)

MATRIX: dict[str, Case] = {}
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


def rows_missing(names: set[str]) -> set[str]:
    """The URL names that no app's ``url_matrix.ROWS`` has a row for."""
    return names - set(MATRIX)


def test_a_url_pattern_without_a_row_is_reported() -> None:
    names = {name for name, _ in iter_url_names()}
    assert rows_missing(names | {"catalogue:zonder_rij"}) == rows_missing(names) | {"catalogue:zonder_rij"}


def test_every_url_pattern_is_in_the_matrix() -> None:
    patterns = list(iter_url_names())
    unnamed = [route for name, route in patterns if not name]
    assert not unnamed, f"URL patterns without a name cannot be checked: {unnamed}"
    names = {name for name, _ in patterns}
    missing = rows_missing(names)
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


#: Pages a care-data role may open before passing the second factor. Written out in the apps'
#: url_matrix modules, not imported from the middleware, so that widening the middleware's
#: exemptions fails this test.
TWO_FACTOR_EXEMPT: set[str] = set()
for app_matrix in APP_MATRICES:
    assert set(app_matrix.ROWS) >= app_matrix.TWO_FACTOR_EXEMPT, (
        f"{app_matrix.__name__} exempts a URL it has no row for"
    )
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
