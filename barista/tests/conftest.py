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


@pytest.fixture(autouse=True)
def barista_switched_on(request: Any) -> None:
    """Barista runs only where the functioneel beheerder switched it on (issue 22): the test unit
    has it on, as a pilot organisation would. A test about the scope itself asks for ``scope_off``."""
    if request.node.get_closest_marker("django_db") is None or "scope_off" in request.fixturenames:
        return
    from barista.models import Scope

    organisation = request.getfixturevalue("organisation")
    Scope.objects.get_or_create(unit=organisation.unit)


@pytest.fixture
def scope_off() -> None:
    """Barista switched on nowhere (the default of a new installation)."""
