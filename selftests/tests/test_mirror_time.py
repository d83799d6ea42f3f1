"""The Mirror's advice depends on the time since the event: the same answers mean "normal
processing" on day 3 and "get help" in week 6. Time is frozen, so "today" is certain."""

from __future__ import annotations

import json
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from selftests.loading import Instrument
from selftests.tests.conftest import with_points

pytestmark = pytest.mark.django_db

EVENT = "2026-11-22"


def _reactions(mirror: Instrument) -> dict[str, str]:
    """Clear reactions (two points on every reaction), no safety signal."""
    return with_points(mirror, {"mi-veiligheid": 0}, default=2)


@pytest.mark.parametrize(
    ("today", "days", "given", "not_given"),
    [
        ("2026-11-25 09:00 +01:00", 3, "vroeg-normale-verwerking", "laat-aanhoudend"),
        ("2027-01-03 09:00 +01:00", 42, "laat-aanhoudend", "vroeg-normale-verwerking"),
    ],
    ids=["day-3", "week-6"],
)
def test_same_answers_normal_processing_on_day_3_referral_in_week_6(
    client: Any, mirror: Instrument, today: str, days: int, given: str, not_given: str
) -> None:
    with time_machine.travel(today, tick=False):
        api = client.post(
            reverse("selftest-score", args=["mirror"]),
            data=json.dumps({"answers": _reactions(mirror), "event_date": EVENT}),
            content_type="application/json",
        )
        page = client.post(
            reverse("selftests:result", args=["mirror"]), {**_reactions(mirror), "modus": "zelf", "datum": EVENT}
        )
    assert api.status_code == 200, api.json()
    assert api.json()["days_since_event"] == days
    advice = [rule["id"] for rule in api.json()["advice"]]
    assert given in advice and not_given not in advice
    assert f'data-advice="{given}"' in page.text
    assert f'data-advice="{not_given}"' not in page.text
    assert f"{days} dagen geleden" in page.text


def test_week_6_referral_names_tco_bedrijfsarts_and_eenheidspsycholoog_with_links(
    client: Any, mirror: Instrument
) -> None:
    with time_machine.travel("2027-01-03 09:00 +01:00", tick=False):
        page = client.post(
            reverse("selftests:result", args=["mirror"]), {**_reactions(mirror), "modus": "zelf", "datum": EVENT}
        )
    for link in (
        reverse("catalogue:provision", args=["team-collegiale-ondersteuning"]),
        reverse("catalogue:experts") + "#expert-bedrijfsarts",
        reverse("catalogue:experts") + "#expert-eenheidspsycholoog",
    ):
        assert f'href="{link}"' in page.text
