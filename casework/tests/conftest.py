"""Fixtures of the casework tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from casework import services
from casework.models import Case
from casework.tests.factories import flagged_plan
from organisation.constants import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def employee(organisation: Any) -> Any:
    return organisation.people[Role.MEDEWERKER]


@pytest.fixture
def casemanager(organisation: Any) -> Any:
    return organisation.people[Role.CASEMANAGER]


@pytest.fixture
def case(organisation: Any, employee: Any) -> Case:
    """The medewerker persona gave consent; the case went to the casemanager persona."""
    return services.consent_give(plan=flagged_plan(employee), actor=employee.user)
