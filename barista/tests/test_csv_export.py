"""The Barista statistics CSV cannot carry a spreadsheet formula in a team name."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from barista import evaluation
from barista.constants import SignalStatus
from barista.models import Signal
from organisation.constants import Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://example.org","Klik")'


def test_a_team_name_that_starts_a_formula_comes_out_as_text(frozen: Any, organisation: Any, login_as: Any) -> None:
    evil: Any = OrgNodeFactory(unit=organisation.unit, name=FORMULA, code="TEVIL")
    rules = evaluation.current_rules()[None]
    for team in (evil, organisation.team):
        for _ in range(6):
            Signal.objects.create(
                person=PersonFactory.create(team=team),
                team=team,
                ruleset=rules,
                reasons=["aantal"],
                created_at=timezone.now() - timedelta(days=10),
                expires_at=timezone.now() + timedelta(days=300),
                status=SignalStatus.GESPREK,
                outcome_at=timezone.now() - timedelta(days=7),
            )
    client = login_as(organisation.users[Role.HR_ANALIST])
    content = client.get(reverse("barista:statistics"), {"formaat": "csv"}).content.decode().lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert ["'" + FORMULA, "Team", "6", "100", "3,0"] in rows
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
