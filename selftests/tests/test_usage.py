"""The weekly usage counter: counted in memory without a database write per scoring, flushed in
one write per instrument and week, and exact — across flushes, weeks and concurrent scorings."""

from __future__ import annotations

import datetime
import threading
from decimal import Decimal
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jaarbeeld.sources import selftest_weekly_use
from selftests import services
from selftests.loading import Instrument
from selftests.models import WeeklyUsage
from selftests.tests.conftest import lowest

pytestmark = pytest.mark.django_db

#: A Wednesday in ISO week 2026-W48, and the Sunday and Monday around the next week's start.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEDNESDAY = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=AMSTERDAM)
SUNDAY_NIGHT = datetime.datetime(2026, 11, 29, 23, 59, tzinfo=AMSTERDAM)
MONDAY_MORNING = datetime.datetime(2026, 11, 30, 0, 1, tzinfo=AMSTERDAM)


def _score(client: Any, fitheid: Instrument) -> None:
    response = client.post(
        reverse("selftest-score", args=[fitheid.slug]), {"answers": lowest(fitheid)}, content_type="application/json"
    )
    assert response.status_code == 200


def _counts() -> dict[tuple[str, str], int]:
    return {(row.instrument, row.week): row.count for row in WeeklyUsage.objects.all()}


@pytest.fixture
def buffered(settings: Any) -> None:
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 3600


@pytest.mark.usefixtures("buffered")
@time_machine.travel(WEDNESDAY, tick=False)
def test_a_scoring_writes_nothing_to_the_database_and_counts_add_up_across_flushes(
    client: Any, fitheid: Instrument
) -> None:
    with CaptureQueriesContext(connection) as queries:
        _score(client, fitheid)
    assert not [query for query in queries.captured_queries if "selftests_weeklyusage" in query["sql"]]
    for _ in range(6):
        _score(client, fitheid)
    assert services.pending_usage() == {("mentale-fitheid", "2026-W48"): 7}
    assert not WeeklyUsage.objects.exists()

    assert services.flush_usage() == 7
    assert services.flush_usage() == 0  # nothing is written twice
    for _ in range(5):
        _score(client, fitheid)
    assert services.flush_usage() == 5
    assert _counts() == {("mentale-fitheid", "2026-W48"): 12}
    assert not services.pending_usage()


@pytest.mark.usefixtures("buffered")
def test_counts_go_to_the_week_they_were_made_in_even_when_flushed_in_the_next(
    client: Any, fitheid: Instrument
) -> None:
    with time_machine.travel(SUNDAY_NIGHT, tick=False):
        _score(client, fitheid)
        _score(client, fitheid)
    with time_machine.travel(MONDAY_MORNING, tick=False):
        _score(client, fitheid)
        assert services.flush_usage() == 3
    assert _counts() == {("mentale-fitheid", "2026-W48"): 2, ("mentale-fitheid", "2026-W49"): 1}


def test_concurrent_scorings_and_flushes_lose_and_double_nothing(settings: Any) -> None:
    """Eight threads count while the flush runs again and again: every count is written once."""
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 3600  # the threads never flush; the test's thread does
    threads, per_thread = 8, 2000
    start = threading.Barrier(threads + 1)
    day = datetime.date(2026, 11, 25)

    def count() -> None:
        start.wait()
        for number in range(per_thread):
            services.usage_count(instrument="mirror" if number % 4 == 0 else "mentale-fitheid", day=day)

    workers = [threading.Thread(target=count) for _ in range(threads)]
    for worker in workers:
        worker.start()
    start.wait()
    flushed = 0
    while any(worker.is_alive() for worker in workers):
        flushed += services.flush_usage()
    for worker in workers:
        worker.join()
    flushed += services.flush_usage()

    assert flushed == threads * per_thread
    assert _counts() == {
        ("mentale-fitheid", "2026-W48"): threads * per_thread * 3 // 4,
        ("mirror", "2026-W48"): threads * per_thread // 4,
    }


@time_machine.travel(WEDNESDAY, tick=False)
def test_the_scoring_that_finds_the_oldest_count_due_flushes_the_buffer(
    client: Any, fitheid: Instrument, settings: Any
) -> None:
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 60
    clock = [1000.0]
    with mock.patch.object(services.time, "monotonic", side_effect=lambda: clock[0]):
        _score(client, fitheid)
        clock[0] += 59
        _score(client, fitheid)
        assert not WeeklyUsage.objects.exists()
        clock[0] += 1  # the first count is 60 s old
        _score(client, fitheid)
    assert _counts() == {("mentale-fitheid", "2026-W48"): 3}
    assert not services.pending_usage()


@time_machine.travel(WEDNESDAY, tick=False)
def test_zero_seconds_writes_every_scoring_at_once(client: Any, fitheid: Instrument, settings: Any) -> None:
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 0
    _score(client, fitheid)
    assert _counts() == {("mentale-fitheid", "2026-W48"): 1}
    _score(client, fitheid)
    assert _counts() == {("mentale-fitheid", "2026-W48"): 2}


def test_a_failed_write_keeps_the_counts_for_the_next_flush(settings: Any) -> None:
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 3600
    day = datetime.date(2026, 11, 25)
    for _ in range(3):
        services.usage_count(instrument="mirror", day=day)
    with mock.patch.object(services, "_add", side_effect=OperationalError("database is locked")):
        assert services.flush_usage() == 0
    services.usage_count(instrument="mirror", day=day)
    assert services.flush_usage() == 4
    assert _counts() == {("mirror", "2026-W48"): 4}


def test_a_flush_adds_to_a_row_another_process_wrote(settings: Any) -> None:
    """Every web process flushes its own buffer into the same row: the counts add up."""
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 3600
    WeeklyUsage.objects.create(instrument="mirror", week="2026-W48", count=40)  # another process's flush
    for _ in range(2):
        services.usage_count(instrument="mirror", day=datetime.date(2026, 11, 26))
    assert services.flush_usage() == 2
    assert _counts() == {("mirror", "2026-W48"): 42}


def test_the_exit_flush_writes_only_to_the_database_it_counted_against(settings: Any) -> None:
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 3600
    services.usage_count(instrument="mirror", day=datetime.date(2026, 11, 26))
    services._flush_at_exit()
    assert _counts() == {("mirror", "2026-W48"): 1}

    services.usage_count(instrument="mirror", day=datetime.date(2026, 11, 26))
    with mock.patch.object(services, "_counted_in", "another-database"):
        services._flush_at_exit()  # a test run after its test database is gone
    assert not services.pending_usage()
    assert _counts() == {("mirror", "2026-W48"): 1}


def test_switched_off_counts_nothing(settings: Any) -> None:
    settings.SELFTESTS_USAGE_STATS = False
    services.usage_count(instrument="mirror")
    assert not services.pending_usage()
    assert services.flush_usage() == 0


@pytest.mark.usefixtures("buffered")
def test_the_year_overview_shows_the_flushed_weekly_totals(client: Any, fitheid: Instrument) -> None:
    """The only place the counts are shown (the jaarbeeld's average per week) adds them up exactly."""
    with time_machine.travel(SUNDAY_NIGHT, tick=False):
        for _ in range(3):
            _score(client, fitheid)
    with time_machine.travel(MONDAY_MORNING, tick=False):
        _score(client, fitheid)
    services.flush_usage()
    assert selftest_weekly_use(2026) == Decimal("2.0")  # (3 + 1) scorings over 2 weeks


def test_the_buffer_holds_instrument_week_and_a_number_only(settings: Any) -> None:
    settings.SELFTESTS_USAGE_FLUSH_SECONDS = 3600
    services.usage_count(instrument="mirror", day=datetime.date(2026, 11, 26))
    assert services.pending_usage() == {("mirror", "2026-W48"): 1}
