"""The score API's body built as plain data (``presentation.score_response``) is exactly what
``ScoreResultSerializer`` makes of the result: same fields, same values, same types — for every
instrument, both ways of filling in, every band and a safety answer."""

from __future__ import annotations

import datetime
import random
from typing import Any
from unittest import mock

import pytest
from django.utils import translation
from rest_framework.views import APIView

from selftests import loading, presentation
from selftests.api import ScoreResultSerializer
from selftests.scoring import Answers, score
from selftests.tests.conftest import highest, lowest

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 25)


def _answer_sets(instrument: loading.Instrument) -> list[Answers]:
    rng = random.Random(instrument.slug)
    chosen = [lowest(instrument), highest(instrument)]
    chosen += [{item.id: rng.choice(item.scale).value for item in instrument.items} for _ in range(30)]
    event = TODAY - datetime.timedelta(days=10) if instrument.event_date else None
    return [Answers(values, mode=mode, event_date=event, today=TODAY) for values in chosen for mode in instrument.modes]


def _as_serializer_makes_it(result: Any) -> dict[str, Any]:
    """What the API answered before: the presentation's context through the serializer."""
    context = presentation.result_context(result)
    body = {**context, "instrument": result.instrument.slug, "version": result.instrument.version}
    return dict(ScoreResultSerializer(body).data)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_plain_body_equals_the_serializers_for_every_instrument_mode_and_band(language: str) -> None:
    seen_bands, seen_crisis = set(), set()
    with translation.override(language):
        for instrument in loading.instruments().values():
            for answers in _answer_sets(instrument):
                result = score(instrument, answers)
                plain = presentation.score_response(result)
                assert plain == _as_serializer_makes_it(result)
                assert list(plain) == list(ScoreResultSerializer().fields)  # also the order of the fields
                seen_bands.add((instrument.slug, result.band.id))
                seen_crisis.add(result.crisis)
    assert len({band for _, band in seen_bands}) >= 3  # several bands were compared
    assert seen_crisis == {True, False}  # with and without a safety answer


def test_the_plain_body_holds_only_json_types() -> None:
    instrument = loading.get("mentale-fitheid")
    assert instrument is not None
    body = presentation.score_response(score(instrument, Answers(highest(instrument), mode="zelf", today=TODAY)))

    def check(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                assert type(key) is str
                check(item)
        elif isinstance(value, list):
            for item in value:
                check(item)
        else:
            assert value is None or type(value) in (str, int, bool), (value, type(value))

    check(body)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_fast_path_answers_exactly_as_drf_does(client: Any, language: str) -> None:
    """A plain JSON request is answered without DRF's machinery (``SelfTestViewSet.dispatch``);
    one that asks for JSON among other types goes DRF's way. Both must give the same bytes, status
    and headers, for every instrument and both ways of filling in."""
    import json

    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for instrument in loading.instruments().values():
        for mode in instrument.modes:
            payload: dict[str, Any] = {"answers": highest(instrument), "mode": mode}
            if instrument.event_date:
                payload["event_date"] = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
            url = f"/api/v1/zelftests/{instrument.slug}/score/"
            with mock.patch.object(APIView, "initial", side_effect=AssertionError("took DRF's way")):
                fast = client.post(url, json.dumps(payload), content_type="application/json")
            drf = client.post(
                url,
                json.dumps(payload),
                content_type="application/json",
                headers={"Accept": "application/json, text/plain"},
            )
            assert fast.status_code == drf.status_code == 200
            assert fast.content == drf.content
            for header in ("Content-Type", "Vary", "Allow", "Content-Language"):
                assert fast.headers.get(header) == drf.headers.get(header), header


def test_a_request_the_fast_path_cannot_score_gets_drfs_messages(client: Any) -> None:
    import json

    instrument = loading.get("mentale-fitheid")
    assert instrument is not None
    url = f"/api/v1/zelftests/{instrument.slug}/score/"
    missing = client.post(url, json.dumps({"answers": {}}), content_type="application/json")
    assert missing.status_code == 400 and missing.json()["answers"]
    unreadable = client.post(url, "{niet", content_type="application/json")
    assert unreadable.status_code == 400 and unreadable.json()["non_field_errors"]
    unknown = client.post(
        "/api/v1/zelftests/bestaat-niet/score/", json.dumps({"answers": {}}), content_type="application/json"
    )
    assert unknown.status_code == 404
