"""The score API reads every form of request the same way, whether it takes the plain JSON path
or the serializer's (selftests/api.py): the same result for the same answers, the same messages
for the same mistakes."""

from __future__ import annotations

import json
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from selftests.loading import Instrument
from selftests.tests.conftest import lowest

pytestmark = pytest.mark.django_db
FIRST = "mf-werkdruk-tijd"


def _post(client: Any, slug: str, body: Any) -> Any:
    return client.post(reverse("selftest-score", args=[slug]), json.dumps(body), content_type="application/json")


@time_machine.travel("2026-11-25 10:00 +01:00", tick=False)
def test_the_same_answers_give_the_same_body_in_every_accepted_form(client: Any, fitheid: Instrument) -> None:
    answers = lowest(fitheid)
    assert next(iter(answers)) == FIRST
    plain = _post(client, fitheid.slug, {"answers": answers})
    assert plain.status_code == 200
    forms = [
        {"answers": json.dumps(answers)},  # the answers as a JSON string (form posts)
        {"answers": {**answers, FIRST: f" {answers[FIRST]} "}},  # spaces around a value are trimmed
        {"answers": answers, "mode": "zelf"},
        {"answers": answers, "unknown": 1},  # an unknown field is ignored
    ]
    for body in forms:
        response = _post(client, fitheid.slug, body)
        assert response.status_code == 200, body
        assert response.json() == plain.json(), body


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"answers": {FIRST: ""}}, {"answers": {FIRST: ["Dit veld mag niet leeg zijn."]}}),
        ({"answers": {FIRST: 1}}, {"answers": {FIRST: ["Kies een van deze antwoorden: nooit, soms, vaak, altijd."]}}),
        ({"mode": "iemand"}, {"mode": ['"iemand" is een ongeldige keuze.']}),
        ({"mode": None}, {"mode": ["Dit veld mag niet leeg zijn."]}),
        ({"answers": [1]}, {"answers": ['Verwachtte een dictionary van items, maar kreeg type "list".']}),
    ],
    ids=["blank", "number", "unknown-mode", "null-mode", "list"],
)
def test_a_mistake_gets_the_serializers_message(client: Any, fitheid: Instrument, change: Any, errors: Any) -> None:
    """A complete answer set with one mistake in it."""
    body: dict[str, Any] = {"answers": lowest(fitheid)}
    for key, value in change.items():
        body[key] = {**body[key], **value} if isinstance(value, dict) else value
    response = _post(client, fitheid.slug, body)
    assert response.status_code == 400
    assert response.json() == {**errors, "crisis": False}


@time_machine.travel("2026-11-25 10:00 +01:00", tick=False)
@pytest.mark.parametrize(
    ("event_date", "status"),
    [("2026-11-05", 200), ("2026-1-5", 200), ("2026-13-05", 400), (20261105, 400)],
)
def test_the_mirror_event_date_is_read_as_the_serializer_reads_it(
    client: Any, mirror: Instrument, event_date: Any, status: int
) -> None:
    response = _post(client, mirror.slug, {"answers": lowest(mirror), "mode": "collega", "event_date": event_date})
    assert response.status_code == status
    if status == 400:
        assert response.json() == {
            "event_date": ["Date heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD."],
            "crisis": False,
        }
