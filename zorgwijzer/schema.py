"""The error answers of /api/v1/, declared once for every operation of the OpenAPI schema.

DRF answers a refused, unknown or invalid request the same way on every endpoint: 403 when the
caller is not logged in or may not see it (or, logged in with a session, sends an unsafe request
without the CSRF token), 404 for an unknown object or page, 400 for a parameter or body it cannot
accept. Declaring those on every view would repeat the same three lines forty times and be
forgotten on the forty-first, so this post-processing hook adds them to each operation that can
give them, from what the schema already says about it:

- 403 when the operation needs a login (its ``security`` has no empty alternative), or takes a
  body and may be called with a session;
- 404 when the path has a parameter, or the list is paginated (``?page=`` past the end);
- 400 when the operation takes a body or query parameters other than ``page``.

Responses that a view declares itself (``extend_schema(responses=…)``) are kept as they are; a
declared error response without a body gets the shared body schema.

``SingleObjectSchema`` is for a ViewSet whose ``list`` answers one object (the caller's own
summary), which drf-spectacular would otherwise declare as an array.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema

#: Body of 403, 404 and 405 (and a 400 for a request body that cannot be read): DRF's ``detail``.
ERROR = "Foutmelding"
#: Body of a 400 for invalid parameters or fields: per field its messages (a nested field: an
#: object of the same form), ``non_field_errors`` for the request as a whole, or ``detail``.
VALIDATION_ERROR = "Validatiefout"

SCHEMAS: dict[str, dict[str, Any]] = {
    ERROR: {
        "type": "object",
        "description": "Waarom het verzoek is geweigerd.",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    VALIDATION_ERROR: {
        "type": "object",
        "description": "Per parameter of veld de meldingen; non_field_errors voor het verzoek als geheel.",
        "additionalProperties": {
            "anyOf": [
                {"type": "array", "items": {"type": "string"}},
                {"type": "object"},
                {"type": "string"},
            ]
        },
    },
}

DESCRIPTIONS = {
    "400": "Ongeldige parameter of ongeldig veld.",
    "403": "Niet ingelogd, geen toegang, of een sessie zonder CSRF-token.",
    "404": "Niet gevonden.",
}

UNSAFE_METHODS = {"post", "put", "patch", "delete"}


def _content(name: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}


def _error_statuses(method: str, operation: dict[str, Any]) -> set[str]:
    """The error statuses this operation can answer with."""
    security = operation.get("security", [])
    anonymous = {} in security
    with_session = any(requirement for requirement in security)
    parameters = operation.get("parameters", [])
    query = {parameter["name"] for parameter in parameters if parameter.get("in") == "query"}
    has_body = "requestBody" in operation
    statuses: set[str] = set()
    if has_body or query - {"page"}:
        statuses.add("400")
    if not anonymous or (method in UNSAFE_METHODS and with_session):
        statuses.add("403")
    if "page" in query or any(parameter.get("in") == "path" for parameter in parameters):
        statuses.add("404")
    return statuses


def error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular post-processing hook (``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in SCHEMAS.items():
        schemas.setdefault(name, schema)
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for status in _error_statuses(method, operation):
                responses.setdefault(status, {"description": DESCRIPTIONS[status]})
            for status, declared in responses.items():  # the view's own error answers too
                if status.startswith("4"):
                    declared.setdefault("content", _content(VALIDATION_ERROR if status == "400" else ERROR))
    return result


class SingleObjectSchema(AutoSchema):
    """Schema of a ViewSet whose ``list`` answers one object, not a list of them: drf-spectacular
    takes every ``list`` action for a list (``schema = SingleObjectSchema()`` on the ViewSet)."""

    def _is_list_view(self, serializer: Any = None) -> bool:
        return False
