"""Query budgets of the hot pages (issue 23 §1): a page's number of queries may not grow with its list.

For every page a logged-in user opens daily (the pages of bench/loggedin.py) and the main list
page of the other roles, the test fills the page's list with 2 rows, counts the queries of a
request, adds 4 more rows (3 × as many) and counts again: the counts must be equal (an N+1 query
adds one query per row), and within the page's budget (so a new query per request is a conscious
change of the budget). Each page must show more of the rows it was given after the growth
(``marker`` counted in the HTML), so a builder that silently makes no visible row cannot pass
unnoticed. Built on the ``organisation`` personas of the root conftest (one user per role, in one
unit and team).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisation.constants import Role
from organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)


def _colleague(org: Any) -> Any:
    """A new member of the persona team, managed by the leidinggevende persona."""
    number = next(_numbers)
    return PersonFactory(
        team=org.team, manager=org.people[Role.LEIDINGGEVENDE], first_name="Rij", last_name=f"Regel{number:03d}"
    )


# --- Builders: each adds ``count`` rows to one page's list ------------------------------------


def _register(org: Any, people: list[Any]) -> None:
    """One event made by the real registration (violence against the employee: the casemanager's
    files too), a plan per person, each with the supporter persona assigned."""
    from aftercare import services
    from aftercare.models import EventType

    event = services.event_register(
        reporter=org.users[Role.COORDINATOR_TCO],
        occurred_at=timezone.now() - dt.timedelta(hours=next(_numbers) % 90 + 1),
        kind=EventType.objects.get(code="belediging"),
        severity="ernstig",
        people=people,
    )
    supporter = org.people[Role.COLLEGIAAL_ONDERSTEUNER]
    for plan in event.plans.all():
        services.plan_assign_supporter(plan=plan, version=plan.version, supporter=supporter, actor=None)


def _plans(org: Any, count: int) -> None:
    """``count`` new colleagues involved in one event: a plan each."""
    _register(org, [_colleague(org) for _ in range(count)])


def _own_plans(org: Any, count: int) -> None:
    """Plans of the medewerker persona, one event each."""
    for _ in range(count):
        _register(org, [org.people[Role.MEDEWERKER]])


def _signals(org: Any, count: int) -> None:
    """Open Barista invitations to the leidinggevende persona (their team's members)."""
    from barista.tests.factories import signal_for

    for _ in range(count):
        signal_for(_colleague(org))


def _own_exposures(org: Any, count: int) -> None:
    """Events in the medewerker persona's own Barista overview (Barista switched on in the unit)."""
    from barista.models import Scope
    from barista.tests.factories import expose

    Scope.objects.get_or_create(unit=org.unit)
    for _ in range(count):
        expose(org.people[Role.MEDEWERKER], timezone.now() - dt.timedelta(days=next(_numbers) % 300 + 1))


def _complaints(org: Any, count: int) -> None:
    """Complaints filed by the medewerker persona, each with its handler assigned."""
    from complaints.tests.factories import complaint

    for _ in range(count):
        complaint(org, received_on=timezone.localdate() - dt.timedelta(days=next(_numbers) % 60))


def _cases(org: Any, count: int) -> None:
    """Beroepsrisico cases waiting for a casemanager of the unit."""
    from casework.tests.factories import unassigned_case

    for _ in range(count):
        unassigned_case(_colleague(org))


def _buddies(org: Any, count: int) -> None:
    from casework.tests.factories import buddy, match

    for _ in range(count):
        match(buddy(_colleague(org)), _colleague(org))


def _confidential_requests(org: Any, count: int) -> None:
    """Requests to the vertrouwenspersoon persona, from new colleagues."""
    from confidential import services
    from confidential.constants import SupportOption

    for _ in range(count):
        person = _colleague(org)
        services.vertrouwenspersoon_request(
            person=person,
            actor=None,
            vertrouwenspersoon=org.people[Role.VERTROUWENSPERSOON],
            options=[SupportOption.LISTEN],
        )


def _audit_rows(org: Any, count: int) -> None:
    from core import audit
    from core.models import AuditAction

    for _ in range(count):
        person = _colleague(org)
        audit.record(action=AuditAction.READ, actor=org.users[Role.COORDINATOR_TCO], obj=person, person=person)


def _provisions(org: Any, count: int) -> None:
    """Provisions of the current edition; its rendered overview is cached per edition, so the
    test switches that cache off (``fresh``) to count the rendering itself."""
    from catalogue import selectors
    from catalogue.models import Provision

    edition = selectors.current_edition()
    assert edition is not None  # the catalogue's data migration publishes one
    for _ in range(count):
        number = next(_numbers)
        Provision.objects.create(
            edition=edition,
            slug=f"budget-voorziening-{number}",
            name=f"Budgetvoorziening {number}",
            summary="Een voorziening om het aantal queries te tellen.",
            description="Alleen voor de test.",
            how_to_start="Neem contact op.",
            access_route="zelf_aanvragen",
            confidentiality="vertrouwelijk",
            herstellen=True,
        )


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    role: str
    grow: Callable[[Any, int], None]
    budget: int
    marker: str = "Rij Regel"  # appears once per row the builder made
    fresh: bool = False  # count with the page's per-edition fragment cache switched off


PAGES = [
    # Logged-in hot pages (bench/loggedin.py).
    Page("home employee", "/", Role.MEDEWERKER, _own_plans, 20, marker='href="/nazorg/plan/'),
    Page("home manager", "/", Role.LEIDINGGEVENDE, _plans, 22),
    Page(
        "catalogue logged in",
        "/zorgwijzer/",
        Role.MEDEWERKER,
        _provisions,
        14,
        marker="Budgetvoorziening",
        fresh=True,
    ),
    Page("aftercare own", "/nazorg/", Role.MEDEWERKER, _own_plans, 12, marker='href="/nazorg/plan/'),
    Page("aftercare team", "/nazorg/mijn-team/", Role.LEIDINGGEVENDE, _plans, 12),
    Page("aftercare cases", "/nazorg/mijn-ondersteuning/", Role.COLLEGIAAL_ONDERSTEUNER, _plans, 12),
    Page("aftercare casework", "/nazorg/mijn-dossiers/", Role.CASEMANAGER, _plans, 12),
    Page("aftercare coordination", "/nazorg/coordinatie/", Role.COORDINATOR_TCO, _plans, 16),
    Page("barista invitations", "/barista/", Role.LEIDINGGEVENDE, _signals, 14),
    Page("barista own", "/barista/mijn-signalen/", Role.MEDEWERKER, _own_exposures, 12, marker='zw-muted">('),
    Page("complaints list", "/klachten/", Role.KLACHTCOORDINATOR, _complaints, 14, marker="/klachten/"),
    Page("complaints own", "/klachten/mijn/", Role.MEDEWERKER, _complaints, 12, marker="/klachten/mijn/"),
    Page("casework cases", "/beroepsrisico/zaken/", Role.CASEMANAGER, _cases, 12),
    Page("casework buddies", "/buddys/", Role.COORDINATOR_TCO, _buddies, 14),
    Page(
        "confidential inbox",
        "/waar-kan-ik-terecht/verzoeken/postvak/",
        Role.VERTROUWENSPERSOON,
        _confidential_requests,
        12,
    ),
    Page("audit trail", "/beheer/audittrail/", Role.FUNCTIONEEL_BEHEERDER, _audit_rows, 12),
]


def _count(client: Any, url: str) -> tuple[int, str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    return len(queries), response.content.decode(), [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_a_page_takes_as_many_queries_for_6_rows_as_for_2(
    page: Page, organisation: Any, login_as: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.AFTERCARE_SUPPORTER_CAPACITY = 100  # one supporter persona takes every case
    if page.fresh:
        from catalogue import views

        monkeypatch.setattr(views, "OVERVIEW_CACHE_SECONDS", 0)
    page.grow(organisation, 2)
    client = login_as(organisation.users[page.role])
    _count(client, page.url)  # warm-up: the first request of a session reads a little more
    few, few_html, few_statements = _count(client, page.url)
    page.grow(organisation, 4)
    _count(client, page.url)  # again: new content moves the version of the cached help numbers on
    many, many_html, statements = _count(client, page.url)
    if page.marker:
        assert many_html.count(page.marker) > few_html.count(page.marker), "the new rows are not on the page"
    listing = "\n".join(statements)
    before = "\n".join(few_statements)
    assert many == few, f"{page.name}: {few} queries for 2 rows:\n{before}\n\n{many} for 6 (an N+1?):\n{listing}"
    assert many <= page.budget, f"{page.name}: {many} queries, budget {page.budget}:\n{listing}"
