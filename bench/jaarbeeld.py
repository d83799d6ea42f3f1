"""``make bench`` measurements of the Sociaal Jaarbeeld (see bench/scenario.py for the two kinds).

Data (generated once per bench database): 14 units and, for every indicator that is imported or
computed, a value for the organisation and each unit in each of five years (2018-2022), so every
indicator block of the edition has a five-year trend chart, a table and a 14-unit breakdown.

``jaarbeeld_pdf_regeneration``: regenerating the 2022 edition as a tagged PDF (HTML from the
database, then WeasyPrint), next to WeasyPrint rendering a plain page with the same amount of
text in the same run; medians of a few rounds and their ratio. The ratio shows what the charts,
tables and queries add on top of the PDF engine itself.

``jaarbeeld_indicator_page``: the page of one indicator (five years, 14 units, chart and tables),
one request at a time; p50 and p95 over 100 requests. The HTTP scenario adds queueing on top.
"""

from __future__ import annotations

import re
import statistics
import time
from decimal import Decimal

from bench.scenario import Scenario

UNITS = 14
YEARS = range(2018, 2023)
ROUNDS = 3
REQUESTS = 100
INDICATOR = "nazorg-contact-24u"


def _p(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _bench_data() -> None:
    from jaarbeeld.constants import SourceKind
    from jaarbeeld.models import Indicator, IndicatorValue
    from organisation.models import Unit

    units = [
        Unit.objects.get_or_create(
            code=f"bench-j{n}", defaults={"name": f"Bench-eenheid {n:02d}", "kind": "regionaal"}
        )[0]
        for n in range(UNITS)
    ]
    if IndicatorValue.objects.filter(unit__code="bench-j0").exists():
        return
    rows = []
    for index, indicator in enumerate(Indicator.objects.exclude(source_kind=SourceKind.FIGURES)):
        for year in YEARS:
            IndicatorValue.objects.filter(indicator=indicator, year=year, unit=None).delete()
            rows.append(
                IndicatorValue(
                    indicator=indicator, year=year, unit=None, value=Decimal(40 + index + year % 7), source="bench"
                )
            )
            for n, unit in enumerate(units):
                rows.append(
                    IndicatorValue(
                        indicator=indicator,
                        year=year,
                        unit=unit,
                        value=None if (n + year) % 9 == 0 else Decimal(10 + (n * 7 + year) % 50),
                        suppressed=(n + year) % 9 == 0,
                        source="bench",
                    )
                )
    IndicatorValue.objects.bulk_create(rows)


def jaarbeeld_pdf_regeneration() -> list[str]:
    from django.conf import settings
    from weasyprint import HTML

    from jaarbeeld import document
    from jaarbeeld.models import Edition

    _bench_data()
    edition = Edition.objects.get(year=2022)
    spent, html_spent, pages = [], [], 0
    html = ""
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        html = document.render_html(edition)
        html_spent.append(time.perf_counter() - t0)
        # What document.render_pdf does, in two steps to count the pages.
        laid_out = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
        laid_out.write_pdf(pdf_tags=True)
        spent.append(time.perf_counter() - t0)
        pages = len(laid_out.pages)
    text = re.sub(r"<[^>]+>", " ", html)
    words = re.sub(r"\s+", " ", text).strip()
    paragraphs = "".join(f"<p>{words[i : i + 600]}</p>" for i in range(0, len(words), 600))
    plain = f"<html lang='nl'><body>{paragraphs}</body></html>"
    baseline = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        HTML(string=plain).write_pdf(pdf_tags=True)
        baseline.append(time.perf_counter() - t0)
    ours, bare = statistics.median(spent), statistics.median(baseline)
    return [
        f"jaarbeeld PDF 2022 ({len(YEARS)} years x {UNITS} units, {pages} pages, {len(words)} characters of text): "
        f"median {1000 * ours:.0f} ms (of which HTML {1000 * statistics.median(html_spent):.0f} ms); "
        f"WeasyPrint plain page of the same text {1000 * bare:.0f} ms; ratio {ours / bare:.2f}"
    ]


def _login() -> dict[str, str]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from organisation.models import RoleAssignment

    _bench_data()
    user, _ = get_user_model().objects.get_or_create(username="bench-jaarbeeld-analist")
    RoleAssignment.objects.get_or_create(user=user, role="hr_analist")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"}


def jaarbeeld_indicator_page() -> list[str]:
    from django.test import Client

    headers = _login()
    client = Client(HTTP_HOST="127.0.0.1")
    name, _, value = headers["Cookie"].partition("=")
    client.cookies[name] = value
    path = f"/jaarbeeld/indicatoren/{INDICATOR}/"
    assert client.get(path).status_code == 200
    spent = []
    for _ in range(REQUESTS):
        t0 = time.perf_counter()
        assert client.get(path).status_code == 200
        spent.append(time.perf_counter() - t0)
    return [
        f"jaarbeeld indicator page ({len(YEARS)} years x {UNITS} units, one request at a time): "
        f"p50 {1000 * _p(spent, 0.5):.0f} ms, p95 {1000 * _p(spent, 0.95):.0f} ms"
    ]


IN_PROCESS = [jaarbeeld_pdf_regeneration, jaarbeeld_indicator_page]

SCENARIOS: list[Scenario] = [
    Scenario(
        f"jaarbeeld indicator page /jaarbeeld/indicatoren/{INDICATOR}/ (5 years x 14 units)",
        f"/jaarbeeld/indicatoren/{INDICATOR}/",
        prepare=_login,
    ),
]
