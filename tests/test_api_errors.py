"""The error answers of /api/v1/ are the ones its OpenAPI schema declares (issue 23 §4), checked
quickly here; tests/test_api_contract.py fuzzes every operation against the schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi(django_db_blocker: Any) -> dict[str, Any]:
    from drf_spectacular.generators import SchemaGenerator

    with django_db_blocker.unblock():
        schema = SchemaGenerator().get_schema(request=None, public=True)
    return yaml.safe_load(yaml.safe_dump(schema))  # plain dicts, as a client reads them


@pytest.mark.parametrize("path", ["bestaat-niet/", "voorzieningen/a/b/c/", "teams-in-beeld-meldnorm/a%0Ab/"])
def test_an_unknown_api_path_answers_404_in_the_apis_own_form(client: Any, path: str) -> None:
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}


def test_every_error_answer_in_the_schema_has_a_json_body(openapi: dict[str, Any]) -> None:
    missing = [
        f"{method.upper()} {path} {status}"
        for path, operations in openapi["paths"].items()
        for method, operation in operations.items()
        for status, response in operation["responses"].items()
        if status.startswith("4") and "application/json" not in response.get("content", {})
    ]
    assert not missing


def test_an_operation_behind_a_login_declares_403_and_one_with_a_path_parameter_404(openapi: dict[str, Any]) -> None:
    operations = openapi["paths"]["/api/v1/organisatieonderdelen/{code}/"]["get"]["responses"]
    assert {"403", "404"} <= set(operations)
    public = openapi["paths"]["/api/v1/zelftests/"]["get"]["responses"]
    assert "403" not in public  # public and read-only: nobody is refused


def test_a_single_object_is_not_declared_as_a_list(openapi: dict[str, Any]) -> None:
    for path in ("/api/v1/monitor-resultaten/", "/api/v1/mijn-jubileum/"):
        body = openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in body, path


def test_nullable_relations_are_declared_nullable(openapi: dict[str, Any]) -> None:
    schemas = openapi["components"]["schemas"]
    for component, field in (
        ("FigureRow", "unit"),
        ("ContactChannel", "unit"),
        ("OrgNode", "parent"),
        ("BlockItem", "indicator"),
    ):
        assert schemas[component]["properties"][field].get("nullable") is True, (component, field)


def test_an_unreadable_score_request_answers_the_declared_score_error_and_still_flags_a_crisis(client: Any) -> None:
    from selftests import loading

    mirror = loading.get("mirror")
    assert mirror is not None
    safety = {"mi-veiligheid": "ja"}
    flagged = client.post(
        "/api/v1/zelftests/mirror/score/",
        {"answers": safety, "mode": "onbekend", "event_date": "geen datum"},
        content_type="application/json",
    )
    assert flagged.status_code == 400
    assert flagged.json()["crisis"] is True  # a wrong mode or date does not hide a safety answer
    assert {"mode", "event_date"} <= set(flagged.json())
    for body in (json.dumps([1, 2]), json.dumps({"answers": ["niet"]}), "{niet-json"):
        response = client.post("/api/v1/zelftests/mirror/score/", body, content_type="application/json")
        assert response.status_code == 400, body
        assert response.json()["crisis"] is False, body
