"""Test builders of the recognition app."""

from __future__ import annotations

from datetime import date
from typing import Any

from organisation.tests.factories import PersonFactory
from recognition.jubilees import add_months


def person_with_jubilee(*, on: date, years: float, appointment_type: str, **kwargs: Any) -> Any:
    """A person whose ``years`` jubilee (12.5, 25 or 40) falls on ``on``."""
    return PersonFactory(
        service_start_date=add_months(on, -int(years * 12)), appointment_type=appointment_type, **kwargs
    )
