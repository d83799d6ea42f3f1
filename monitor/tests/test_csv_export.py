"""The monitor's CSV export cannot carry a spreadsheet formula in a team or measurement name."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from monitor.tests import factories
from organisation.tests.factories import OrgNodeFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://example.org","Klik")'


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
@time_machine.travel(datetime(2026, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)
def test_a_team_or_campaign_name_that_starts_a_formula_comes_out_as_text(organisation: Any, login_as: Any) -> None:
    evil: Any = OrgNodeFactory(unit=organisation.unit, name=FORMULA, code="TEVIL")
    factories.answered_campaign({organisation.team: 6, evil: 6}, name="@SUM(A1:A9)")
    response = login_as(organisation.users["hr_analist"]).get(reverse("monitor:dashboard_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert any(row[1] == "'" + FORMULA for row in rows)
    assert all(row[0] == "'@SUM(A1:A9)" for row in rows[1:])
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
