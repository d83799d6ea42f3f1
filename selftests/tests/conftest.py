"""Fixtures and helpers of the self-test tests."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from selftests import loading, services
from selftests.loading import Instrument

EXAMPLE_DIR = Path(__file__).resolve().parent / "instruments"


@pytest.fixture(autouse=True)
def _no_usage_counts_from_other_tests() -> Iterator[None]:
    """The usage counter buffers in process memory: each test starts and ends with it empty."""
    services.discard_pending_usage()
    yield
    services.discard_pending_usage()


def lowest(instrument: Instrument) -> dict[str, str]:
    """For every item the answer with the fewest points (the zeden module stays closed)."""
    return {item.id: min(item.scale, key=lambda option: option.points).value for item in instrument.items}


def highest(instrument: Instrument) -> dict[str, str]:
    """For every item the answer with the most points; on a tie the last option ("ja" opens the module)."""
    return {item.id: max(reversed(item.scale), key=lambda option: option.points).value for item in instrument.items}


def with_points(instrument: Instrument, points: dict[str, int], default: int = 0) -> dict[str, str]:
    """Answers giving each item the requested points (or the nearest lower option)."""
    values = {}
    for item in instrument.items:
        wanted = points.get(item.id, default)
        fitting = [option for option in item.scale if option.points <= wanted] or list(item.scale)
        values[item.id] = max(fitting, key=lambda option: option.points).value
    return values


def page_post(values: dict[str, str], **extra: str) -> dict[str, str]:
    return {**values, **extra}


@pytest.fixture
def example_instrument(settings: Any) -> Iterator[Instrument]:
    """The example licensed instrument, dropped in as an organisation would."""
    settings.SELFTESTS_DEFINITION_DIRS = [str(EXAMPLE_DIR)]
    instrument = loading.get("voorbeeld-licentie")
    assert instrument is not None
    yield instrument


@pytest.fixture
def fitheid() -> Instrument:
    instrument = loading.get("mentale-fitheid")
    assert instrument is not None
    return instrument


@pytest.fixture
def mirror() -> Instrument:
    instrument = loading.get("mirror")
    assert instrument is not None
    return instrument


TODAY = datetime.date(2026, 11, 25)
