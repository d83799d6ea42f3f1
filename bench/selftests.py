"""``make bench`` measurements of the selftests app (see bench/scenario.py for the two kinds)."""

from __future__ import annotations

from collections.abc import Callable

from bench.scenario import Scenario

SCENARIOS: list[Scenario] = []
IN_PROCESS: list[Callable[[], list[str]]] = []
