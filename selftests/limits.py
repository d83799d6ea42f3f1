"""A per-client limit on PDF downloads of a self-test result.

Rendering a PDF takes about a second of a web worker and needs no login, so a few clients could
keep every worker busy. Each client may have ``SELFTESTS_PDF_PER_MINUTE`` PDFs in any 60 seconds
(a sliding window: the moments of their recent downloads).

What is kept, and for how long: a cache entry under a salted hash of the client's address (an
HMAC with the SECRET_KEY, so the address cannot be read back or looked up without the key),
holding only the moments of that client's downloads in the last minute. The entry expires one
minute after the last download. Nothing reaches the database or the logs, and nothing links a
download to answers, a person or an account.

With the default local-memory cache each server process counts for itself (a client can reach
the limit once per process); a shared cache (``CACHES``, e.g. Redis) makes it one limit for the
whole site. Two processes can both let a request through at the same moment; the limit is there
to stop exhaustion, not to count exactly.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.clients import client_digest

WINDOW_SECONDS = 60
_KEY_PREFIX = "selftests-pdf"


def _key(request: HttpRequest) -> str:
    return f"{_KEY_PREFIX}:{client_digest(_KEY_PREFIX, request)}"


def pdf_allowed(request: HttpRequest) -> bool:
    """Whether this client may have another PDF now; if so, the download is counted."""
    limit = int(settings.SELFTESTS_PDF_PER_MINUTE)
    if limit <= 0:
        return True
    key, now = _key(request), time.time()
    recent = [moment for moment in cache.get(key, []) if moment > now - WINDOW_SECONDS]
    if len(recent) >= limit:
        return False
    cache.set(key, [*recent, now], timeout=WINDOW_SECONDS)
    return True
