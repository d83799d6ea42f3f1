"""Fixtures of the Barista tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisation.constants import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: The frozen "now" of the rule tests.
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def employee(organisation: Any) -> Any:
    return organisation.people[Role.MEDEWERKER]


@pytest.fixture
def manager(organisation: Any) -> Any:
    return organisation.people[Role.LEIDINGGEVENDE]
