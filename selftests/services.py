"""Writes of the self-tests: only the anonymous weekly counter (answers are never written)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from selftests.models import WeeklyUsage


def iso_week(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def usage_count(*, instrument: str, day: datetime.date | None = None) -> None:
    """Add one completion to the instrument's counter of this ISO week, atomically.

    Switched off with ``SELFTESTS_USAGE_STATS = False``.
    """
    if not settings.SELFTESTS_USAGE_STATS:
        return
    week = iso_week(day or timezone.localdate())
    rows = WeeklyUsage.objects.filter(instrument=instrument, week=week)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            WeeklyUsage.objects.create(instrument=instrument, week=week, count=1)
    except IntegrityError:  # created by a parallel request in the meantime
        rows.update(count=F("count") + 1)
