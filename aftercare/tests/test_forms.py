"""The shared event moment field at the end of summer time: the hour that occurs twice is read as
its first occurrence; a time in the hour skipped in spring is still refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from aftercare.forms import RegisterForm
from aftercare.models import EventType
from aftercare.tests.conftest import at
from organisation.constants import Role
from organisation.models import Person

pytestmark = pytest.mark.django_db


def _form(organisation: Any, moment: str) -> RegisterForm:
    employee = organisation.people[Role.MEDEWERKER]
    data = {
        "occurred_at": moment,
        "kind": EventType.objects.get(code="reanimatie").pk,
        "severity": "ernstig",
        "involved": [employee.pk],
    }
    form = RegisterForm(data, people=Person.objects.filter(pk=employee.pk))
    form.is_valid()
    return form


@pytest.mark.parametrize("typed", ["2026-10-25T02:30", "25-10-2026 02:30"])
def test_the_repeated_october_hour_is_its_first_occurrence(organisation: Any, typed: str) -> None:
    with time_machine.travel(at(2026, 10, 25, 4, 0), tick=False):
        form = _form(organisation, typed)
    assert form.errors == {}
    # 02:30 summer time (UTC+2), not 02:30 winter time an hour later.
    assert form.cleaned_data["occurred_at"] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_time_in_the_skipped_spring_hour_is_still_refused(organisation: Any) -> None:
    with time_machine.travel(at(2026, 3, 29, 4, 0), tick=False):
        form = _form(organisation, "2026-03-29T02:30")
    assert "occurred_at" in form.errors


def test_an_ordinary_time_is_unchanged(organisation: Any) -> None:
    with time_machine.travel(at(2026, 10, 25, 4, 0), tick=False):
        form = _form(organisation, "2026-10-25T03:30")
    assert form.cleaned_data["occurred_at"] == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
