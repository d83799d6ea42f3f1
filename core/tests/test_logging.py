"""Every request leaves one JSON log line with its request id, route pattern and status, and no
personal data; the request id is echoed to the client and reused from a sane reverse proxy."""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest
from django.conf import settings

from core.logging import JsonFormatter, RedactRequestFilter, RequestIdFilter
from organisation.constants import Role


def _json_lines(logger_name: str):
    """The JSON lines a logger writes, formatted and filtered exactly as in production."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    handler.addFilter(RedactRequestFilter())
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    previous_level = logger.level
    logger.setLevel(logging.INFO)

    def lines() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    logger.removeHandler(handler)
    logger.setLevel(previous_level)


@pytest.fixture
def request_log():
    yield from _json_lines("zorgwijzer.request")


@pytest.fixture
def django_request_log():
    yield from _json_lines("django.request")


def test_production_logging_writes_json_lines_with_request_ids():
    config: dict = settings.LOGGING
    handler = config["handlers"]["console"]
    assert config["formatters"][handler["formatter"]]["()"] == "core.logging.JsonFormatter"
    assert "request_id" in handler["filters"]
    assert "redact_request" in handler["filters"]


@pytest.mark.django_db
def test_a_request_produces_one_json_line_with_request_id_route_and_status(client, request_log):
    response = client.get("/hulp/")

    [line] = request_log()
    assert line["message"] == "request"
    assert line["request_id"] == response["X-Request-ID"]
    assert len(line["request_id"]) == 32
    assert line["path"] == "/hulp/"
    assert line["method"] == "GET"
    assert line["status_code"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["level"] == "info"


def test_the_log_has_the_route_pattern_not_the_employee_number(organisation, login_as, request_log):
    employee = organisation.people[Role.MEDEWERKER]
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])

    client.get(f"/organisatie/medewerkers/{employee.employee_number}/?zoek=geheim")
    client.get("/organisatie/medewerkers/999999/")

    lines = request_log()
    assert [line["status_code"] for line in lines] == [200, 404]
    assert {line["path"] for line in lines} == {"/organisatie/medewerkers/<str:employee_number>/"}
    raw = json.dumps(lines)
    for secret in (employee.employee_number, "999999", "geheim", employee.last_name, "persona-"):
        assert str(secret) not in raw


@pytest.mark.django_db
def test_a_sane_incoming_request_id_is_reused(client, request_log):
    response = client.get("/hulp/", HTTP_X_REQUEST_ID="proxy-3f2a9c.01_ab")

    assert response["X-Request-ID"] == "proxy-3f2a9c.01_ab"
    assert request_log()[0]["request_id"] == "proxy-3f2a9c.01_ab"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming",
    ["short", "x" * 65, "abc def ghi jkl", "<script>alert(1)</script>", "id\r\nSet-Cookie: a=b", "naïve-request-id"],
)
def test_an_insane_incoming_request_id_is_replaced(client, request_log, incoming):
    response = client.get("/hulp/", HTTP_X_REQUEST_ID=incoming)

    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32
    assert request_log()[0]["request_id"] == response["X-Request-ID"]


@pytest.mark.django_db
def test_each_request_gets_its_own_id(client, request_log):
    first = client.get("/hulp/")["X-Request-ID"]
    second = client.get("/hulp/")["X-Request-ID"]
    assert first != second


@pytest.mark.django_db
def test_django_error_logs_carry_the_route_not_the_employee_number_and_keep_the_request_id(
    client, django_request_log, login_as, organisation
):
    client = login_as(organisation.users["medewerker"])
    number = organisation.people["outsider"].employee_number
    response = client.get(f"/organisatie/medewerkers/{number}/")
    assert response.status_code in (403, 404)

    lines = django_request_log()
    assert lines, "Django logs refused and missing pages"
    for line in lines:
        assert number not in json.dumps(line)
        assert "<str:employee_number>" in line["message"]
        assert line["request_id"] == response["X-Request-ID"]
        assert "traceback" not in line


@pytest.mark.django_db
def test_an_anonymous_view_gets_no_django_log_line_for_a_refusal(client, django_request_log, settings):
    # The anonymous line's receipt page is ``unlogged``; a refusal (here the site's scrypt budget
    # is used up) must not leave a time-stamped line either.
    settings.CONFIDENTIAL_LINE_UNLOCKS_PER_MINUTE = 1
    client.post("/waar-kan-ik-terecht/anoniem/lezen/", {"receipt": "AAAA BBBB CCCC DDDD EEEE FFFF"})
    refused = client.post("/waar-kan-ik-terecht/anoniem/lezen/", {"receipt": "AAAA BBBB CCCC DDDD EEEE FFFF"})
    assert refused.status_code == 429
    assert django_request_log() == []
    # A page that is not anonymous still logs its refusals.
    client.get("/bestaat-niet/")
    assert [line["status_code"] for line in django_request_log()] == [404]


def test_a_line_logged_after_stderr_was_swapped_and_closed_goes_to_the_new_stderr(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A browser test's live server logs from its own thread after the test runner closed the
    # stderr of the test before; that printed "Logging error" with a traceback.
    from core.logging import StderrHandler

    handler = StderrHandler()
    logging_config: Any = settings.LOGGING
    assert logging_config["handlers"]["console"]["class"] == "core.logging.StderrHandler"
    old, new = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", old)
    record = logging.LogRecord("zorgwijzer.request", logging.INFO, __file__, 1, "request", (), None)
    handler.emit(record)
    old.close()
    monkeypatch.setattr("sys.stderr", new)
    handler.handleError = lambda record: pytest.fail("the handler wrote to a closed stream")  # type: ignore[method-assign]
    handler.emit(record)
    assert new.getvalue() == "request\n"
