"""Barista's manual entry shares the event moment field with aftercare: the hour that occurs
twice when summer time ends is read as its first occurrence; the skipped spring hour is refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from barista.forms import ExposureForm
from barista.models import ExposureType
from barista.tests.conftest import AMSTERDAM
from organisation.models import Person

pytestmark = pytest.mark.django_db


def _form(employee: Any, moment: str) -> ExposureForm:
    data = {"person": employee.pk, "type": ExposureType.objects.get(code="reanimatie").pk, "occurred_at": moment}
    form = ExposureForm(data, people=Person.objects.filter(pk=employee.pk))
    form.is_valid()
    return form


@pytest.mark.parametrize("typed", ["2026-10-25T02:30", "25-10-2026 02:30"])
def test_the_repeated_october_hour_is_its_first_occurrence(employee: Any, typed: str) -> None:
    with time_machine.travel(datetime(2026, 10, 25, 4, 0, tzinfo=AMSTERDAM), tick=False):
        form = _form(employee, typed)
    assert form.errors == {}
    assert form.cleaned_data["occurred_at"] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_time_in_the_skipped_spring_hour_is_still_refused(employee: Any) -> None:
    with time_machine.travel(datetime(2026, 3, 29, 4, 0, tzinfo=AMSTERDAM), tick=False):
        form = _form(employee, "2026-03-29T02:30")
    assert "occurred_at" in form.errors
