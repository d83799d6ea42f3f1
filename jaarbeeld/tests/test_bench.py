"""bench/jaarbeeld.py runs and prints its ratio and percentiles (with fewer rounds than make bench)."""

from __future__ import annotations

from typing import Any

import pytest

import bench.jaarbeeld as jaarbeeld_bench

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_bench_prints_the_pdf_ratio_and_the_indicator_page_p95(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.ALLOWED_HOSTS = ["127.0.0.1"]  # the bench's own host
    monkeypatch.setattr(jaarbeeld_bench, "ROUNDS", 1)
    monkeypatch.setattr(jaarbeeld_bench, "REQUESTS", 3)
    pdf_line = jaarbeeld_bench.jaarbeeld_pdf_regeneration()[0]
    page_line = jaarbeeld_bench.jaarbeeld_indicator_page()[0]
    print(pdf_line, page_line, sep="\n")
    assert "ratio" in pdf_line and "5 years x 14 units" in pdf_line
    assert "p95" in page_line
