"""The page shell: Dutch first, language switch, help link, error pages, security headers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_are_dutch_even_when_the_browser_asks_for_english(client: Any) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl"' in response.content.decode()


def test_language_switch_remembers_english(client: Any) -> None:
    response = client.post(reverse("set_language"), {"language": "en", "next": "/hulp/"})
    assert response.status_code == 302
    page = client.get("/hulp/").content.decode()
    assert '<html lang="en"' in page
    assert "Help now" in page


def test_every_page_has_a_skip_link_and_the_direct_help_link(client: Any) -> None:
    page = client.get("/").content.decode()
    assert 'href="#inhoud"' in page and 'id="inhoud"' in page
    assert 'href="/hulp/"' in page


def test_help_page_lists_emergency_numbers_and_says_the_loket_is_not_a_crisis_service(client: Any) -> None:
    page = client.get("/hulp/").content.decode()
    assert 'href="tel:112"' in page
    assert 'href="tel:08000113"' in page and "0800-0113" in page
    assert "24/7 Loket Politie" in page
    assert "geen crisisdienst" in page


def test_without_a_published_loket_number_the_help_page_says_where_to_find_it(client: Any) -> None:
    page = client.get("/hulp/").content.decode()
    assert 'data-testid="loket-number"' not in page and 'data-testid="header-loket"' not in page
    assert "intranet" in page


def test_unknown_page_gets_the_dutch_404_page(client: Any) -> None:
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_forbidden_page_is_dutch(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users["medewerker"])
    response = client.get(reverse("portal:audit"))
    assert response.status_code == 403
    assert "Je hebt geen toegang tot deze pagina" in response.content.decode()


def test_server_error_page_is_dutch_and_needs_no_context() -> None:
    from core.views import error_500

    response = error_500(None)  # type: ignore[arg-type]
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "0800-0113" in response.content.decode()


def test_strict_content_security_policy_and_no_inline_scripts_or_styles(client: Any) -> None:
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    page = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "inline script found"
    assert "<style" not in page and ' style="' not in page
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Request-ID"]


def test_static_assets_come_from_the_app_not_a_cdn(client: Any) -> None:
    page = client.get("/").content.decode()
    assert "/static/vendor/utrecht/component-library.css" in page
    assert "/static/vendor/htmx/htmx.min.js" in page
    assert not re.search(r'(src|href)="https?://', page)


def test_units_page_shows_every_unit_and_the_2022_total_in_a_fixed_number_of_queries(
    login_as: Any, organisation: Any, django_assert_max_num_queries: Any
) -> None:
    client = login_as(organisation.users["medewerker"])
    with django_assert_max_num_queries(10):
        page = client.get(reverse("organisation:units")).content.decode()
    assert "Zeeland-West-Brabant" in page and "Politieacademie" in page
    assert "63.163" in page  # 51.224 operational + 11.939 non-operational fte
