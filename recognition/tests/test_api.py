"""The recognition API: the pages and the employee's own next jubilee."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from organisation.constants import Role
from recognition.jubilees import add_months

pytestmark = pytest.mark.django_db


def test_the_own_jubilee_endpoint_gives_the_date_and_the_medal(organisation: Any, login_as: Any) -> None:
    me = organisation.people[Role.MEDEWERKER]
    me.service_start_date = add_months(timezone.localdate(), -299)
    me.appointment_type = "vrijwilliger"
    me.save()
    data = login_as(organisation.users[Role.MEDEWERKER]).get("/api/v1/mijn-jubileum/").json()
    assert data["milestone_months"] == 300
    assert data["medal"] == "vrijwilligersmedaille"
    assert data["date"] == add_months(me.service_start_date, 300).isoformat()


def test_the_pages_endpoint_lists_the_latest_editions(organisation: Any, login_as: Any) -> None:
    pages = login_as(organisation.users[Role.MEDEWERKER]).get("/api/v1/erkenning-paginas/").json()
    slugs = {page["slug"] for page in pages}
    assert {"blauw-hart", "tuin-van-bezinning", "roze-in-blauw", "bnmo-centrum"} <= slugs
