"""The demo receiver is idempotent, and the team list does not ask the database once per person."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisation.constants import Role
from organisation.models import Person
from organisation.tests.factories import PersonFactory
from recognition.receivers import demo_service_dates
from recognition.tests.factories import person_with_jubilee

pytestmark = pytest.mark.django_db


def test_the_demo_dates_are_set_once() -> None:
    for index in range(7):
        PersonFactory(email=f"demo.{index}@demo.zorgwijzer.invalid")
    demo_service_dates(sender=None)
    first = list(Person.objects.order_by("pk").values_list("service_start_date", "appointment_type"))
    assert all(start is not None and kind for start, kind in first)
    demo_service_dates(sender=None)
    assert list(Person.objects.order_by("pk").values_list("service_start_date", "appointment_type")) == first


def _team_page_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("recognition:team")).status_code == 200
    return len(queries)


def test_the_team_list_takes_the_same_number_of_queries_for_more_people(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    on = timezone.localdate() + timedelta(days=40)
    person_with_jubilee(on=on, years=25, appointment_type="ath", team=organisation.team)
    _team_page_queries(client)  # warm up: the first request of a session reads a little more
    few = _team_page_queries(client)
    for kind in ("ath", "politieambtenaar", "vrijwilliger", "ath_boa"):
        person_with_jubilee(on=on, years=12.5, appointment_type=kind, team=organisation.team)
    assert _team_page_queries(client) == few
