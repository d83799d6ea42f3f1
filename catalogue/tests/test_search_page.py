"""The search box on the catalogue overview: everyday words find help, ranked as the API ranks
them; no match says what to do instead; the query is bounded and shown escaped."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from catalogue import selectors
from catalogue.tests.search_evaluation import MODULES

pytestmark = pytest.mark.django_db


def _page(client: Any, query: str) -> str:
    response = client.get(reverse("catalogue:overview"), {"zoek": query})
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_everyday_words_find_the_provision_first_on_the_overview(client: Any) -> None:
    assert selectors.current_edition() is not None
    page = _page(client, "ik heb kanker")
    first = page.index('<ul class="zw-cards">')
    assert f'href="/zorgwijzer/{MODULES}/"' in page[first : first + 600]
    assert "Gevonden voor ‘ik heb kanker’" in page and "de beste eerst" in page


def test_the_same_ranking_as_the_api(client: Any) -> None:
    page = _page(client, "rugpijn")
    api = client.get("/api/v1/voorzieningen/", {"q": "rugpijn"}).json()
    api_slugs = [row["slug"] for row in (api["results"] if isinstance(api, dict) else api)][:3]
    positions = [page.index(f'href="/zorgwijzer/{slug}/"') for slug in api_slugs]
    assert positions == sorted(positions)


def test_no_match_points_to_the_finder_and_direct_help(client: Any) -> None:
    page = _page(client, "xyzzy qwertyuiop")
    assert "We vonden niets met deze woorden" in page
    assert 'href="/hulp/"' in page and 'href="/zorgwijzer/"' in page


def test_a_query_is_escaped_trimmed_and_bounded(client: Any) -> None:
    page = _page(client, "  <script>alert(1)</script>  " + "a" * 300)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    heading = re.search(r"Gevonden voor ‘([^’]*)’", page)
    # 100 characters at most: the script tag and a space take 26 of them.
    assert heading is not None and heading.group(1).endswith(" " + "a" * 74)


def test_without_a_query_the_overview_shows_every_battery(client: Any) -> None:
    page = _page(client, "   ")
    assert "Gevonden voor" not in page and 'id="battery-' in page
