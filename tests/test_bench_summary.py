"""``make bench`` sums up each optional bench (bench/run.py ``OPTIONAL_BENCHES``) by its rows' ``ok``:
every bench's rows must say whether they passed (the load test's rows did not, and the whole bench
stopped with an AttributeError after the load test, before PostgreSQL was measured)."""

from __future__ import annotations

import argparse
import importlib
import types

import pytest

from bench import run


@pytest.mark.parametrize("name", run.OPTIONAL_BENCHES)
def test_every_optional_bench_row_says_whether_it_passed(name: str) -> None:
    module = importlib.import_module(f"bench.{name}")
    assert isinstance(getattr(module.Row, "ok", None), property) or "ok" in module.Row._fields


def test_the_load_tests_rows_pass_without_failures_only() -> None:
    from bench.load import Row

    assert Row("total", 100, 0, 10.0, 5.0, 9.0).ok
    assert not Row("total", 100, 1, 10.0, 5.0, 9.0).ok


def test_the_summary_row_of_an_optional_bench_fails_when_one_of_its_rows_failed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bench.load import Row

    fake = types.SimpleNamespace(run=lambda url: [Row("a", 1, 0, 1.0, 1.0, 1.0), Row("b", 1, 2, 1.0, 1.0, 1.0)])
    monkeypatch.setattr(run, "OPTIONAL_BENCHES", ("load",))
    monkeypatch.setattr(importlib, "import_module", lambda name: fake)
    (summary,) = run.optional_benches(argparse.Namespace(targets=False, only=""), None)
    assert summary.name == "bench/load.py (2 rows, see its table)" and not summary.ok
