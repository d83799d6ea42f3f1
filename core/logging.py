"""Structured logging: one JSON object per line, tagged with the request id.

Log records carry technical facts (path, status, duration, ids). They never carry names,
e-mail addresses, query strings or form content: personal data belongs in the audit trail,
which has access control, not in log files.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

from core.middleware import current_request_id, is_unlogged, route_of


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A ``StreamHandler`` that writes to whatever ``sys.stderr`` is at the moment of writing.

    ``logging.StreamHandler()`` keeps the ``sys.stderr`` of the moment it was made. A test runner
    replaces ``sys.stderr`` per test and closes the old one, so a line logged later by a server
    thread (a browser test's live server) went to a closed file and printed "Logging error" with
    a traceback into the test output. Under gunicorn ``sys.stderr`` never changes; nothing else
    differs."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        """The stream is always the current ``sys.stderr``; ``setStream`` changes nothing."""


class RequestIdFilter(logging.Filter):
    """Tags a record with the request id, also for records Django logs after the response."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = current_request_id() or getattr(request, "request_id", "")
        return True


class RedactRequestFilter(logging.Filter):
    """Django's own request logs ("Not Found: /organisatie/medewerkers/123456/") carry the
    concrete path, which can hold an employee number: replace it with the route pattern, and
    drop the traceback of client errors (a 403 is a decision, not a failure)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if request is not None and is_unlogged(request) and int(getattr(record, "status_code", 500) or 500) < 500:
            # An anonymous view (``unlogged``) gets no line for a refusal either: "someone was
            # turned away from the anonymous line at 03:57:05" is a time stamp as much as a request
            # line. Server errors are still written (route only), since they need fixing.
            return False
        if request is not None and path:
            route = route_of(request)
            if isinstance(record.args, tuple):
                record.args = tuple(route if arg == path else arg for arg in record.args)
            elif isinstance(record.msg, str):
                record.msg = record.msg.replace(path, route)
            record.path = route
            if int(getattr(record, "status_code", 500) or 500) < 500:
                record.exc_info = None
                record.exc_text = None
        return True


class RedactTokensFilter(logging.Filter):
    """Anonymous questionnaire links carry a token in their path. Loggers outside the app's own
    request log (the development server's access lines, Django's "Gone: /…" warnings, a cache-key
    warning) write the raw path: replace every token path segment before the line is written."""

    #: A path segment after a token-bearing prefix (monitor questionnaire links).
    TOKEN_PATH = re.compile(r"(/monitor/vragenlijst/)[^/\s?\"']+")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = self.redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(self.redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True

    @classmethod
    def redact(cls, text: str) -> str:
        return cls.TOKEN_PATH.sub(r"\1<token>", text)


class JsonFormatter(logging.Formatter):
    #: Extra attributes copied from a record into the JSON line when present.
    EXTRA_FIELDS = ("request_id", "status_code", "method", "path", "duration_ms", "task", "event")

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in self.EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value not in (None, ""):
                payload[field] = value
        if record.exc_info and record.exc_info[0] is not None:
            payload["exception"] = record.exc_info[0].__name__
            payload["traceback"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False, default=str)
