"""Catalogue pages and API: public, only the published edition, confidentiality up front."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from catalogue import selectors
from catalogue.constants import EditionStatus
from catalogue.corrections import corrected_code
from catalogue.models import Edition, Provision

pytestmark = pytest.mark.django_db


def test_overview_lists_provisions_per_battery_without_login(client: Any) -> None:
    page = client.get(reverse("catalogue:overview")).content.decode()
    assert "Zorglijn PTSS" in page and "Mediation" in page
    herstellen = client.get(reverse("catalogue:overview"), {"batterij": "herstellen"}).content.decode()
    assert "Zorglijn PTSS" in herstellen and "Kadernota" not in herstellen


def test_overview_ignores_an_unknown_battery(client: Any) -> None:
    page = client.get(reverse("catalogue:overview"), {"batterij": "onzin"}).content.decode()
    assert "Zorglijn PTSS" in page and "Kadernota" in page


def test_detail_page_shows_who_gets_to_know_before_anything_else(client: Any) -> None:
    provision = Provision.objects.get(slug="team-collegiale-ondersteuning", edition=selectors.current_edition())
    page = client.get(reverse("catalogue:provision", args=[provision.slug])).content.decode()
    assert page.index("Wie weet ervan?") < page.index("Wat is het?")
    assert provision.get_access_route_display() in page


def test_unknown_provision_is_404(client: Any) -> None:
    assert client.get(reverse("catalogue:provision", args=["bestaat-niet"])).status_code == 404


def test_a_concept_edition_is_not_shown_to_visitors(client: Any) -> None:
    Edition.objects.create(code="2099-2100", title="Zorgwijzer 2099/2100", status=EditionStatus.CONCEPT)
    current = selectors.current_edition()
    assert current is not None and current.code == corrected_code("2022-2023")


def test_expert_page_lists_both_teams(client: Any) -> None:
    page = client.get(reverse("catalogue:experts")).content.decode()
    assert "Bedrijfsarts" in page and "Kerndeskundigenteam" in page


def test_api_filters_by_battery_and_answers_bad_filters_with_400(client: Any) -> None:
    response = client.get("/api/v1/voorzieningen/", {"battery": "herstellen", "page_size": 100})
    assert response.status_code == 200
    slugs = {item["slug"] for item in response.json()["results"]}
    assert "zorglijn-ptss" in slugs and "arbocatalogus" not in slugs
    bad = client.get("/api/v1/voorzieningen/", {"battery": "genezen"})
    assert bad.status_code == 400 and "battery" in bad.json()


def test_api_detail_includes_sub_provisions(client: Any) -> None:
    data = client.get("/api/v1/voorzieningen/fit-at-np/").json()
    assert {"fit-online", "fit-max"} <= {sub["slug"] for sub in data["sub_provisions"]}
    assert client.get("/api/v1/voorzieningen/fit-online/").status_code == 200


def test_api_is_in_the_openapi_schema(client: Any) -> None:
    paths = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    assert {"/api/v1/voorzieningen/", "/api/v1/voorzieningen/{slug}/", "/api/v1/deskundigen/"} <= set(paths)
    names = {parameter["name"] for parameter in paths["/api/v1/voorzieningen/"]["get"]["parameters"]}
    assert {"battery", "theme", "audience", "access_route", "q"} <= names


def test_overview_query_count_does_not_grow_with_the_catalogue(client: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(10):
        client.get(reverse("catalogue:overview"))


def test_overview_cards_are_cached_per_edition_and_served_without_queries_for_provisions(
    client: Any, django_assert_max_num_queries: Any
) -> None:
    client.get(reverse("catalogue:overview"))
    edition = selectors.current_edition()
    assert edition is not None
    # A published edition never changes, so a second request reuses the rendered cards.
    with django_assert_max_num_queries(3):
        page = client.get(reverse("catalogue:overview")).content.decode()
    assert "Zorglijn PTSS" in page
