"""``make bench`` measurements of the selftests app (see bench/scenario.py for the two kinds).

* HTTP: the score API with a complete answer set (JSON in, result out, nothing stored) and the
  first page of a test, each against the bare view;
* in process: scoring throughput of the engine against a trivial sum over the same answers.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bench.scenario import PUBLIC_TARGET, Scenario

_INSTRUMENTS = Path(__file__).resolve().parent.parent / "selftests" / "instruments"


def _lowest_answers(slug: str) -> dict[str, str]:
    """The first option of every item, read straight from the definition (Django is not set up
    when this module is imported)."""
    data: dict[str, Any] = yaml.safe_load((_INSTRUMENTS / f"{slug}.yaml").read_text(encoding="utf-8"))
    scales = data["scales"]
    return {item["id"]: scales[item["scale"]][0]["value"] for page in data["pages"] for item in page["items"]}


_SCORE_BODY = json.dumps({"answers": _lowest_answers("mentale-fitheid")}).encode()
_MIRROR_BODY = json.dumps(
    {"answers": _lowest_answers("mirror"), "mode": "collega", "event_date": "2026-01-05"}
).encode()
_JSON = {"Content-Type": "application/json"}

SCENARIOS: list[Scenario] = [
    Scenario(
        "selftest api POST /api/v1/zelftests/mentale-fitheid/score/",
        "/api/v1/zelftests/mentale-fitheid/score/",
        method="POST",
        body=_SCORE_BODY,
        headers=_JSON,
        target=PUBLIC_TARGET,
    ),
    Scenario(
        "selftest api POST /api/v1/zelftests/mirror/score/ (collega)",
        "/api/v1/zelftests/mirror/score/",
        method="POST",
        body=_MIRROR_BODY,
        headers=_JSON,
        target=PUBLIC_TARGET,
    ),
    Scenario("selftest page /zelftest/", "/zelftest/", target=PUBLIC_TARGET),
    Scenario("selftest page /zelftest/mentale-fitheid/", "/zelftest/mentale-fitheid/", target=PUBLIC_TARGET),
]


def selftest_scoring_in_process(seconds: float = 1.0) -> list[str]:
    """Scores per second of the engine on random complete answer sets, next to a trivial sum of
    the same answers' points (the least any scoring can do), both measured here."""
    import datetime

    from selftests import loading
    from selftests.scoring import Answers, score

    lines = []
    rng = random.Random(5)
    today = datetime.date(2026, 11, 25)
    for instrument in loading.instruments().values():
        sets = [
            Answers(
                {item.id: rng.choice(item.scale).value for item in instrument.items},
                mode=rng.choice(instrument.modes),
                event_date=today - datetime.timedelta(days=rng.randint(0, 90)) if instrument.event_date else None,
                today=today,
            )
            for _ in range(200)
        ]
        points = {item.id: {option.value: option.points for option in item.scale} for item in instrument.items}

        def trivial(answers: Answers, points: dict[str, dict[str, int]] = points) -> int:
            return sum(points[item][value] for item, value in answers.values.items())

        def engine(answers: Answers, instrument: loading.Instrument = instrument) -> object:
            return score(instrument, answers)

        engine_rate = _rate(engine, sets, seconds)
        baseline_rate = _rate(trivial, sets, seconds)
        lines.append(
            f"selftest scoring {instrument.slug} (in process): {engine_rate:.0f} scores/s; "
            f"trivial sum: {baseline_rate:.0f} sums/s; ratio {engine_rate / baseline_rate:.3f}"
        )
    return lines


def _rate(function: Callable[[Any], object], inputs: list[Any], seconds: float) -> float:
    done = 0
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for value in inputs:
            function(value)
        done += len(inputs)
    return done / elapsed


IN_PROCESS: list[Callable[[], list[str]]] = [selftest_scoring_in_process]
