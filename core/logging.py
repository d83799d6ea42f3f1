"""Structured logging: one JSON object per line, tagged with the request id.

Log records carry technical facts (path, status, duration, ids). They never carry names,
e-mail addresses, query strings or form content: personal data belongs in the audit trail,
which has access control, not in log files.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from core.middleware import current_request_id


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


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
