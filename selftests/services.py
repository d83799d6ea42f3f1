"""Writes of the self-tests: only the anonymous weekly counter (answers are never written).

A scoring does not write to the database. It adds one to a counter in this process's memory,
per instrument and ISO week; the counts reach ``WeeklyUsage`` in one ``UPDATE`` per instrument
and week when the process flushes them:

* from the scoring that finds the oldest unflushed count ``SELFTESTS_USAGE_FLUSH_SECONDS`` old
  (default 60; 0 writes every scoring at once, as before 2026-12);
* when the process exits (``atexit``: a deploy, gunicorn's ``max_requests``, a graceful stop).

So a scoring never waits for a database write lock, and no row is hot: each process writes a
row at most once a minute. A flush adds exactly what it took out of the buffer (the buffer is
swapped under a lock, counts that arrive meanwhile wait for the next flush; a failed write puts
the counts back). Only a killed process (SIGKILL, out of memory) loses its unflushed counts —
at most a minute of scorings. The buffer holds instrument, week and a number: nothing of a person,
no time of day (docs/selftests.md, "Privacy"; docs/decisions.md).
"""

from __future__ import annotations

import atexit
import datetime
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, IntegrityError, InterfaceError, connection, transaction
from django.db.models import F
from django.utils import timezone

from selftests.models import WeeklyUsage

logger = logging.getLogger(__name__)

_lock = threading.Lock()
#: (instrument, ISO week) → scorings not yet in the database.
_pending: Counter[tuple[str, str]] = Counter()
#: ``time.monotonic()`` of the oldest count in ``_pending`` (None: nothing pending).
_pending_since: float | None = None
#: The database the pending counts were made against; the exit flush writes only there.
_counted_in: str | None = None


def iso_week(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def usage_count(*, instrument: str, day: datetime.date | None = None) -> None:
    """Count one completion of the instrument in this ISO week; flush the buffer when it is due.

    Switched off with ``SELFTESTS_USAGE_STATS = False``.
    """
    global _pending_since, _counted_in
    if not settings.SELFTESTS_USAGE_STATS:
        return
    week = iso_week(day or timezone.localdate())
    now = time.monotonic()
    with _lock:
        _pending[(instrument, week)] += 1
        if _pending_since is None:
            _pending_since = now
            _counted_in = str(connection.settings_dict["NAME"])
        due = now - _pending_since >= settings.SELFTESTS_USAGE_FLUSH_SECONDS
    if due:
        flush_usage()


def pending_usage() -> dict[tuple[str, str], int]:
    """The counts of this process that are not in the database yet (for tests and the bench)."""
    with _lock:
        return dict(_pending)


def flush_usage() -> int:
    """Add this process's buffered counts to ``WeeklyUsage``; return how many scorings were written.

    On a database error the counts go back into the buffer (the next flush tries again) and the
    error is logged, not raised: the visitor's result does not depend on the statistics.
    """
    global _pending_since
    with _lock:
        taken = +_pending  # a copy without zero counts
        _pending.clear()
        _pending_since = None
    if not taken:
        return 0
    try:
        with transaction.atomic():
            for (instrument, week), count in sorted(taken.items()):
                _add(instrument, week, count)
    except (DatabaseError, InterfaceError):
        with _lock:
            _pending.update(taken)
            if _pending_since is None:
                _pending_since = time.monotonic()
        logger.exception("self-test usage counts not written; kept for the next flush")
        return 0
    return sum(taken.values())


def _add(instrument: str, week: str, count: int) -> None:
    rows = WeeklyUsage.objects.filter(instrument=instrument, week=week)
    if rows.update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            WeeklyUsage.objects.create(instrument=instrument, week=week, count=count)
    except IntegrityError:  # created by another process in the meantime
        rows.update(count=F("count") + count)


def discard_pending_usage() -> None:
    """Forget the buffered counts (tests: a test's scorings must not reach another test's database)."""
    global _pending_since
    with _lock:
        _pending.clear()
        _pending_since = None


def _flush_at_exit() -> None:
    """A stopping process writes what it counted, to the database it counted against (a test run
    has switched back from its test database by now: its counts are dropped)."""
    if _counted_in is not None and _counted_in != str(connection.settings_dict["NAME"]):
        discard_pending_usage()
        return
    try:
        flush_usage()
    except Exception:
        logger.exception("self-test usage counts not written at exit")


atexit.register(_flush_at_exit)
