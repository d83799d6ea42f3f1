"""The /api/v1/ endpoints: in the OpenAPI schema, behind a session, read-only."""

from __future__ import annotations

import json
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


# --- One language: Dutch paths, the old English ones redirect ------------------------------------


def test_the_schema_lists_the_dutch_paths_and_none_of_the_old_english_ones(client: Any) -> None:
    paths = set(client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()["paths"])
    assert {
        "/api/v1/voorzieningen/",
        "/api/v1/voorzieningen/{slug}/",
        "/api/v1/deskundigen/",
        "/api/v1/deskundigen/{slug}/",
        "/api/v1/zelftests/",
        "/api/v1/zelftests/{slug}/",
        "/api/v1/zelftests/{slug}/score/",
    } <= paths
    old = ("/api/v1/provisions/", "/api/v1/experts/", "/api/v1/selftests/")
    assert not [path for path in paths if path.startswith(old)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/api/v1/provisions/", "/api/v1/voorzieningen/"),
        ("/api/v1/provisions/mediation/", "/api/v1/voorzieningen/mediation/"),
        ("/api/v1/experts/", "/api/v1/deskundigen/"),
        ("/api/v1/experts/bedrijfsarts/", "/api/v1/deskundigen/bedrijfsarts/"),
        ("/api/v1/selftests/", "/api/v1/zelftests/"),
        ("/api/v1/selftests/mirror/", "/api/v1/zelftests/mirror/"),
    ],
)
def test_an_old_path_redirects_permanently_to_its_dutch_successor(client: Any, old: str, new: str) -> None:
    response = client.get(old)
    assert response.status_code == 308
    assert response["Location"] == new
    followed = client.get(old, follow=True)
    assert followed.status_code == 200
    assert followed.json() == client.get(new).json()


def test_the_redirect_keeps_the_query_string(client: Any) -> None:
    response = client.get("/api/v1/provisions/", {"battery": "herstellen", "q": "slapen"})
    assert response.status_code == 308
    assert response["Location"] == "/api/v1/voorzieningen/?battery=herstellen&q=slapen"


def test_a_post_to_an_old_path_keeps_its_method_and_body(client: Any) -> None:
    from selftests import loading

    instrument = loading.get("mentale-fitheid")
    assert instrument is not None
    body = json.dumps({"answers": {item.id: item.scale[0].value for item in instrument.items}})
    old = "/api/v1/selftests/mentale-fitheid/score/"
    response = client.post(old, body, content_type="application/json")
    assert response.status_code == 308
    assert response["Location"] == "/api/v1/zelftests/mentale-fitheid/score/"
    followed = client.post(old, body, content_type="application/json", follow=True)
    assert followed.status_code == 200
    assert followed.json()["instrument"] == "mentale-fitheid"
