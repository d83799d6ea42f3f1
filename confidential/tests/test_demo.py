"""The demo data: made through the services, and a second run changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from confidential import demo
from confidential.models import HeavyLoadTeam, Request
from confidential.tests.factories import employee, role_holder
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def test_the_demo_requests_are_made_once(organisation: Any) -> None:
    team = organisation.team
    for role in ("medewerker", "leidinggevende"):
        employee(team, f"demo-{role}")
    role_holder(team, "demo-vertrouwenspersoon", Role.VERTROUWENSPERSOON)
    from organisation.models import Person

    Person.objects.filter(user__username="demo-leidinggevende").update(team=team)
    assert demo.load()
    assert demo.load() == ""
    assert Request.objects.count() == 2 and HeavyLoadTeam.objects.filter(team=team).count() == 1
