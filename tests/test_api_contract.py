"""The /api/v1/ endpoints keep the contract of their OpenAPI schema (issue 23 §4).

Schemathesis reads ``/api/v1/schema/`` and sends generated requests (valid and invalid) to every
operation through Django's WSGI application in this process, on the test database with the demo
data loaded: once anonymously and once logged in with a verified second factor. Every response
must be free of server errors and must match the schema: a documented status code, a documented
content type and a body that validates against its schema.

The logged-in run uses the demo manager (a role that needs the second factor), who for this test
also holds the roles that open the endpoints a manager may not see (case manager, TCO
coordinator, VIK, complaints coordinator, HR analyst), so that every endpoint answers with data
and not only with 403. A detail path's parameter is half of the time one of the values its list
shows, so the detail endpoints answer 200 as well as 404.

The run is bounded (a fixed number of examples per operation, no shrinking) and derandomised
with a fixed seed, so it sends the same requests on every run. Unsafe requests carry the session's
CSRF token; they write only inside the test's own transaction. ``-m contract`` selects the test.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_started
from django.db import close_old_connections
from django.test import Client

from conftest import verified_login
from selftests import services

pytestmark = [pytest.mark.contract, pytest.mark.slow, pytest.mark.django_db]  # about 30 s of CPU

#: Generated requests per operation in the fuzzing phase; the example and coverage phases add
#: their own deterministic cases (boundary values, missing and wrong-typed parameters).
MAX_EXAMPLES = 15
SEED = 23

#: The checks this contract holds the API to.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)

#: The logged-in persona, and the roles (of the demo account of that role, with its scope) it
#: holds on top for this test.
PERSONA = "leidinggevende"
EXTRA_ROLES = ("casemanager", "coordinator_tco", "vik_integriteit", "klachtcoordinator", "hr_analist")

#: At most this many known values per detail path (from the first page of its list).
KNOWN_VALUES = 40
#: Lists whose items name their detail path's parameter differently.
ITEM_KEYS = {"teams-in-beeld-meldnorm": "team_id"}


@dataclass(frozen=True)
class Known:
    """The values of a detail path's parameter that its list endpoint shows."""

    parameter: str
    values: list[str | int]


def contract_config(known: dict[str, Known]) -> schemathesis.Config:
    """Bounded, deterministic, the contract's checks only; a detail path's parameter is one of the
    values its list shows half of the time (so a detail answers 200 as well as 404)."""
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "no-shrink": True, "database": "none"},
            "phases": {"stateful": {"enabled": False}},
            "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
            "dictionaries": {path: {"values": found.values} for path, found in known.items()},
            "operations": [
                {
                    "include-path": path,
                    "parameters": {f"path.{found.parameter}": {"dictionary": path, "probability": 0.5}},
                }
                for path, found in known.items()
            ],
        }
    )


@dataclass(frozen=True)
class Login:
    cookies: dict[str, str]
    headers: dict[str, str]


class _TestWSGIHandler(WSGIHandler):
    """Django's WSGI handler without closing the connection at the start of each request, as
    Django's own test client does: the connection is the test's, inside its transaction."""

    def __call__(self, environ: Any, start_response: Any) -> Any:
        request_started.disconnect(close_old_connections)
        try:
            return super().__call__(environ, start_response)
        finally:
            request_started.connect(close_old_connections)


@pytest.fixture
def demo(settings: Any, tmp_path: Any) -> None:
    settings.DEBUG, settings.DEMO_MODE, settings.VAR_DIR = True, False, tmp_path
    call_command("demo", stdout=io.StringIO())
    settings.DEBUG = False


@pytest.fixture(params=["anoniem", PERSONA])
def api_schema(request: pytest.FixtureRequest, demo: None, client: Client, settings: Any) -> Iterator[Any]:
    # schemathesis 4.32 renames the running item through ``Node._nodeid`` to report each operation,
    # an attribute pytest 9.2 no longer has; give it one (it only affects the names in the report).
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    login = _logged_in(client, settings) if request.param == PERSONA else None
    config = contract_config(_known_values(client))
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", _TestWSGIHandler(), config=config)
    if login is not None:
        provider = _session_auth(login)
        schema.auth()(provider)
        probe = schema["/api/v1/beroepsrisicozaken/"]["GET"].Case()
        provider().set(probe, login, None)
        assert probe.call().status_code == 200, "schemathesis' requests do not carry the session"
    yield schema
    services.discard_pending_usage()  # a scored self-test counts in process memory, not in the database


def _logged_in(client: Client, settings: Any) -> Login:
    """The cookies and header of a session of the persona, second factor passed, with the extra roles."""
    from django.contrib.auth import get_user_model

    from organisation.models import RoleAssignment

    user = get_user_model().objects.get(username=f"demo-{PERSONA}")
    for role in EXTRA_ROLES:
        for held in RoleAssignment.objects.filter(user__username=f"demo-{role}", role=role):
            RoleAssignment.objects.get_or_create(user=user, role=role, unit=held.unit, node=held.node)
    verified_login(client, user)
    assert client.get("/api/v1/beroepsrisicozaken/").status_code == 200, "the persona is not logged in"
    csrf = secrets.token_hex(16)  # a 32-character secret: the cookie and the header must match
    return Login(
        cookies={
            settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
            settings.CSRF_COOKIE_NAME: csrf,
        },
        headers={"X-CSRFToken": csrf},
    )


def _session_auth(login: Login) -> type:
    """A schemathesis auth provider that sends every request with this session. The cookies go in
    ``case.cookies``: Werkzeug's test client, which sends the requests, replaces a ``Cookie``
    header with the cookies of its own jar."""

    class SessionAuth:
        def get(self, case: schemathesis.Case, context: Any) -> Login:
            return login

        def set(self, case: schemathesis.Case, data: Login, context: Any) -> None:
            case.cookies = {**(case.cookies or {}), **data.cookies}
            case.headers.update(data.headers)

    return SessionAuth


def _known_values(client: Client) -> dict[str, Known]:
    """Per detail path of /api/v1/ (the object and its actions), the values of its path parameter
    that its list shows this client."""
    from zorgwijzer.api_urls import router

    known: dict[str, Known] = {}
    for prefix, viewset, _basename in router.registry:
        if not hasattr(viewset, "retrieve"):
            continue
        # drf-spectacular names the path parameter of a ``pk`` lookup ``id`` (SCHEMA_COERCE_PATH_PK).
        field = getattr(viewset, "lookup_field", "pk")
        name = "id" if field == "pk" else field
        values = _listed(client, prefix, ITEM_KEYS.get(prefix, name))
        if not values:
            continue
        # An integer id may be declared as a string with a pattern: offer both forms; the generator
        # takes those that fit the declared schema.
        found = Known(name, sorted({*values, *map(str, values)}, key=lambda value: (str(value), type(value).__name__)))
        known[f"/api/v1/{prefix}/{{{name}}}/"] = found
        for action in viewset.get_extra_actions():
            if getattr(action, "detail", False):
                known[f"/api/v1/{prefix}/{{{name}}}/{getattr(action, 'url_path', '')}/"] = found
    return known


def _listed(client: Client, prefix: str, key: str) -> list[str | int]:
    response = client.get(f"/api/v1/{prefix}/")
    data = response.json() if response.status_code == 200 else []
    items = data.get("results", []) if isinstance(data, dict) else data
    return [item[key] for item in items[:KNOWN_VALUES] if isinstance(item, dict) and key in item]


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_every_operation_keeps_its_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()
