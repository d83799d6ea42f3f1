"""The whole-page cache of public pages (core/public_cache.py): fast for anonymous visitors,
never shared with a logged-in user, never sharing a CSRF token, never stale in this process."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from catalogue.models import Provision
from conftest import Organisation, verified_login
from organisation.constants import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]
CATALOGUE = "/zorgwijzer/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture
def page_cache_on() -> Any:
    with override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=60):
        yield


def test_a_second_anonymous_visit_is_answered_without_touching_the_database(
    client: Client, django_assert_num_queries: Any
) -> None:
    first = client.get(CATALOGUE)
    with django_assert_num_queries(0):
        again = Client().get(CATALOGUE)
    assert again.status_code == 200
    assert again.content.replace(b"\n", b"").count(b"Mediation") == first.content.replace(b"\n", b"").count(
        b"Mediation"
    )


def test_each_visitor_gets_a_token_for_their_own_csrf_cookie_and_can_switch_language() -> None:
    Client().get(CATALOGUE)  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(CATALOGUE)
    token = TOKEN.search(page.content.decode()).group(1)  # type: ignore[union-attr]
    assert settings.CSRF_COOKIE_NAME in page.cookies, "a visitor without a CSRF cookie gets one"
    other = Client().get(CATALOGUE)
    assert TOKEN.search(other.content.decode()).group(1) != token  # type: ignore[union-attr]
    switched = visitor.post(
        reverse("set_language"), {"language": "en", "next": CATALOGUE, "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302
    assert b"Zorgwijzer" in visitor.get(CATALOGUE).content
    assert visitor.get(CATALOGUE).headers["Content-Language"] == "en"


def test_a_logged_in_user_never_gets_the_anonymous_page(client: Client, organisation: Organisation) -> None:
    Client().get(CATALOGUE)
    verified_login(client, organisation.users[Role.MEDEWERKER])
    page = client.get(CATALOGUE)
    assert "Uitloggen" in page.content.decode()


def test_english_and_dutch_are_kept_apart() -> None:
    Client().get(CATALOGUE)
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = english.get(CATALOGUE)
    assert page.headers["Content-Language"] == "en"
    assert 'lang="en"' in page.content.decode()


def test_publishing_a_new_edition_shows_at_the_next_visit(organisation: Organisation) -> None:
    from catalogue import selectors, services

    editor = organisation.users[Role.INHOUDSBEHEERDER]
    Client().get(CATALOGUE)
    published = selectors.current_edition()
    assert published is not None
    concept = services.edition_create_from(
        actor=editor, source=published, code="2023-2024", title="Zorgwijzer 2023/2024"
    )
    Provision.objects.filter(edition=concept, slug="mediation").update(name="Bemiddeling bij conflicten")
    assert "Bemiddeling bij conflicten" not in Client().get(CATALOGUE).content.decode()  # still a concept
    services.edition_publish(actor=editor, edition=concept)
    assert "Bemiddeling bij conflicten" in Client().get(CATALOGUE).content.decode()


def test_htmx_requests_and_pages_behind_a_login_are_not_taken_from_the_cache(django_assert_num_queries: Any) -> None:
    Client().get(CATALOGUE)
    partial = Client().get(CATALOGUE, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert partial.wsgi_request.resolver_match is not None  # reached the view
    first = Client().get("/organisatie/")
    assert first.status_code == 302
    second = Client().get("/organisatie/")
    assert second.status_code == 302


@override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=0)
def test_the_cache_can_be_switched_off(django_assert_max_num_queries: Any) -> None:
    Client().get(CATALOGUE)
    response = Client().get(CATALOGUE)
    assert response.context is not None  # rendered by the view again


@override_settings(ALLOWED_HOSTS=["zorgwijzer.example", "zorg.example"])
def test_a_page_kept_for_one_host_name_is_not_served_for_another() -> None:
    """The site can answer on several names (ALLOWED_HOSTS); links and forms in a page can carry
    its host, so each name has its own pages. The port is not part of it: every web process
    behind the proxy shares them."""
    first = Client(HTTP_HOST="zorgwijzer.example").get(CATALOGUE)
    assert first.context is not None
    assert Client(HTTP_HOST="zorgwijzer.example:8443").get(CATALOGUE).context is None  # from the cache
    assert Client(HTTP_HOST="zorg.example").get(CATALOGUE).context is not None  # its own rendering
    assert Client(HTTP_HOST="niet-toegestaan.example").get(CATALOGUE).status_code == 400
