"""Rendering a result as PDF takes about a second of server time and needs no login, so it is
limited per client: the n+1-th download within a minute is refused with a Dutch page that keeps
the result on screen to print, a minute later it works again, and another client is not
affected. The limiter keeps no address: only a salted hash, for one minute."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from selftests import limits
from selftests.loading import Instrument
from selftests.tests.conftest import lowest
from selftests.tests.test_no_storage import cache_text

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
ONE_ADDRESS, OTHER_ADDRESS = "198.51.100.7", "203.0.113.42"


@pytest.fixture
def traveller() -> Iterator[Any]:
    with time_machine.travel(START, tick=False) as moving:
        yield moving


@pytest.fixture(autouse=True)
def fast_pdf(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """The rendering itself is not under test here; it takes a second per document."""
    monkeypatch.setattr("weasyprint.HTML.write_pdf", lambda self, *args, **kwargs: b"%PDF-1.7 test")
    settings.SELFTESTS_PDF_PER_MINUTE = 3


def _pdf(client: Any, fitheid: Instrument, address: str = ONE_ADDRESS) -> Any:
    return client.post(reverse("selftests:pdf", args=[fitheid.slug]), lowest(fitheid), REMOTE_ADDR=address)


def test_the_download_after_the_limit_is_refused_until_a_minute_has_passed(
    client: Any, fitheid: Instrument, traveller: Any
) -> None:
    assert [_pdf(client, fitheid).status_code for _ in range(3)] == [200, 200, 200]
    traveller.shift(dt.timedelta(seconds=59))
    refused = _pdf(client, fitheid)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Probeer het over een minuut opnieuw" in refused.text
    assert "printfunctie van je browser" in refused.text
    assert refused.context["result"] is not None  # the result itself stays on screen, to print
    traveller.shift(dt.timedelta(seconds=2))  # the first three downloads are now over a minute old
    assert _pdf(client, fitheid).content.startswith(b"%PDF")


def test_another_client_is_not_affected(client: Any, fitheid: Instrument, traveller: Any) -> None:
    for _ in range(3):
        _pdf(client, fitheid)
    assert _pdf(client, fitheid).status_code == 429
    assert _pdf(client, fitheid, OTHER_ADDRESS).status_code == 200


def test_the_limiter_keeps_no_address_and_forgets_after_the_window(
    client: Any, fitheid: Instrument, traveller: Any
) -> None:
    _pdf(client, fitheid)
    stored = cache_text()
    assert "selftests-pdf" in stored and ONE_ADDRESS not in stored
    key = limits._key(RequestFactory().post("/", REMOTE_ADDR=ONE_ADDRESS))
    assert cache.get(key) == [START.timestamp()]  # the moment of the download, nothing else
    traveller.shift(dt.timedelta(seconds=61))
    assert cache.get(key) is None


def test_behind_the_proxy_the_address_the_proxy_added_counts(
    client: Any, fitheid: Instrument, traveller: Any, settings: Any
) -> None:
    settings.BEHIND_PROXY = True
    proxy = "10.0.0.2"
    for _ in range(3):
        client.post(
            reverse("selftests:pdf", args=[fitheid.slug]),
            lowest(fitheid),
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ONE_ADDRESS}",
        )
    # A visitor who forges the first X-Forwarded-For entry is still the client the proxy saw.
    forged = client.post(
        reverse("selftests:pdf", args=[fitheid.slug]),
        lowest(fitheid),
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=f"9.9.9.9, {ONE_ADDRESS}",
    )
    assert forged.status_code == 429
    other = client.post(
        reverse("selftests:pdf", args=[fitheid.slug]),
        lowest(fitheid),
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=OTHER_ADDRESS,
    )
    assert other.status_code == 200


def test_without_a_limit_every_download_is_made(client: Any, fitheid: Instrument, settings: Any) -> None:
    settings.SELFTESTS_PDF_PER_MINUTE = 0
    assert {_pdf(client, fitheid).status_code for _ in range(5)} == {200}
