"""The /api/v1/ endpoints: in the OpenAPI schema, behind a session, read-only."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_openapi_schema_lists_the_organisation_endpoints(client: Any) -> None:
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/eenheden/" in schema["paths"]
    assert "/api/v1/organisatieonderdelen/{code}/" in schema["paths"]


def test_units_api_requires_login(client: Any) -> None:
    assert client.get("/api/v1/eenheden/").status_code == 403


def test_units_api_gives_the_fourteen_units_with_their_2022_strength(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users["medewerker"])
    data = client.get("/api/v1/eenheden/").json()
    units = {unit["code"]: unit for unit in data["results"]}
    assert {"amsterdam", "politieacademie", "lms"} <= set(units)
    amsterdam = units["amsterdam"]["strengths"][0]
    assert (amsterdam["fte_operational"], amsterdam["fte_non_operational"]) == (5396, 236)


def test_api_is_read_only(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users["functioneel_beheerder"])
    response = client.post("/api/v1/eenheden/", {"code": "x", "name": "X"})
    assert response.status_code == 405
