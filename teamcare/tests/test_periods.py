"""The quarter of the signal view and its API: the right format, not in the future, not before
the HR history starts (at most ten years back); a bad choice gets a Dutch message at the field and
nothing is computed or logged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import AuditEvent
from organisation.constants import Role
from organisation.tests.factories import PersonFactory
from teamcare import periods, selectors
from teamcare.models import Membership
from teamcare.periods import Period

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 5, 12, 10, 0, tzinfo=dt.UTC)  # 2026-K2


def _history_from(day: dt.date, team: Any) -> None:
    Membership.objects.create(person=PersonFactory.create(team=team), team=team, started_on=day, initial=True)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("2026-K2", None),
        ("2024-K3", None),
        (" 2025-K1 ", None),
        ("2026-Q2", "format"),
        ("2026-K5", "format"),
        ("26-K1", "format"),
        ("2026K2", "format"),
        ("x" * 500, "format"),
        ("2026-K3", "future"),
        ("2031-K1", "future"),
        ("2024-K2", "too_early"),
        ("1900-K1", "too_early"),
    ],
)
def test_validate_accepts_only_a_quarter_within_the_bounds(code: str, error: str | None) -> None:
    first, last = Period(2024, 3), Period(2026, 2)
    if error is None:
        assert first <= periods.validate(code, first=first, last=last) <= last
    else:
        with pytest.raises(ValidationError) as caught:
            periods.validate(code, first=first, last=last)
        assert caught.value.code == error


@pytest.mark.parametrize(
    ("history", "first"),
    [
        (None, Period(2024, 3)),  # no history: the last eight quarters
        (dt.date(2025, 8, 1), Period(2024, 3)),  # short history: still the last eight quarters
        (dt.date(2021, 2, 10), Period(2021, 1)),  # from the quarter the history starts
        (dt.date(2001, 1, 1), Period(2016, 3)),  # never more than ten years back
    ],
)
@time_machine.travel(NOW, tick=False)
def test_the_oldest_quarter_is_where_the_history_starts_within_ten_years(
    organisation: Any, history: dt.date | None, first: Period
) -> None:
    if history is not None:
        _history_from(history, organisation.team)
    assert selectors.signal_period_bounds() == (first, Period(2026, 2))


@time_machine.travel(NOW, tick=False)
def test_the_page_refuses_a_future_quarter_at_the_field_and_logs_nothing(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    response = client.get(reverse("teamcare:signals"), {"periode": "2026-K4"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "2026-K4 ligt in de toekomst. Kies 2026-K2 of een eerder kwartaal." in html
    assert 'aria-invalid="true"' in html
    assert "<table" not in html
    assert not AuditEvent.objects.filter(object_type="teamcare.signals").exists()


@time_machine.travel(NOW, tick=False)
def test_the_team_page_refuses_a_malformed_quarter(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    url = reverse("teamcare:team_signals", args=[organisation.other_team.pk])
    response = client.get(url, {"periode": "K2-2026"})
    assert response.status_code == 400
    assert "bijvoorbeeld 2026-K2" in response.content.decode()
    assert client.get(url, {"periode": "2026-K1"}).status_code == 200


@time_machine.travel(NOW, tick=False)
def test_the_page_offers_the_quarters_from_the_history_start_to_today(organisation: Any, login_as: Any) -> None:
    _history_from(dt.date(2023, 11, 5), organisation.team)
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    form = client.get(reverse("teamcare:signals")).context["form"]
    codes = [code for code, _label in form.fields["periode"].widget.choices]
    assert codes[0] == "2026-K2" and codes[-1] == "2023-K4" and len(codes) == 11


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2027-K1", "2027-K1 ligt in de toekomst. Kies 2026-K2 of een eerder kwartaal."),
        ("2020-K1", "Van vóór 2024-K3 zijn geen gegevens. Kies 2024-K3 of een later kwartaal."),
        ("volgend-kwartaal", "Vul een kwartaal in als jaar-K en het nummer van het kwartaal, bijvoorbeeld 2026-K2."),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_the_api_answers_400_with_a_dutch_message_at_the_field(
    organisation: Any, login_as: Any, code: str, message: str
) -> None:
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    response = client.get("/api/v1/teams-in-beeld-signalen/", {"periode": code})
    assert response.status_code == 400
    assert response.json() == {"periode": [message]}
    assert not AuditEvent.objects.filter(object_type="teamcare.signals").exists()


@time_machine.travel(NOW, tick=False)
def test_the_api_answers_for_a_valid_quarter_and_by_default_for_this_quarter(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    assert client.get("/api/v1/teams-in-beeld-signalen/", {"periode": "2025-K4"}).status_code == 200
    assert client.get("/api/v1/teams-in-beeld-signalen/").status_code == 200
    assert list(
        AuditEvent.objects.filter(object_type="teamcare.signals").order_by("pk").values_list("object_id", flat=True)
    ) == ["2025-K4", "2026-K2"]
