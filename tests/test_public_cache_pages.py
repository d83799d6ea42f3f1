"""The home page's anonymous rendering from the whole-page cache (core/anonymous_page.py): fast
for anonymous visitors, while nothing personal of a logged-in user ever reaches the cache or
comes out of it, and no browser or proxy keeps a copy of the page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest
from django.test import Client, override_settings

from catalogue.models import Provision
from conftest import Organisation, verified_login
from core import anonymous_page, public_cache
from organisation.constants import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]
HOME = "/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
ANY_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


@pytest.fixture
def page_cache_on() -> Any:
    cache.clear()
    with override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=60):
        yield
    cache.clear()


def _cached_pages() -> list[bytes]:
    """Every anonymous page in the (local-memory) cache, as stored."""
    keys = [key.split(":", 2)[2] for key in cache._cache if ":public-page:" in key]  # type: ignore[attr-defined]
    return [page.content for page in map(cache.get, keys) if isinstance(page, public_cache.CachedPage)]


def _full_name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


def test_a_second_anonymous_visit_is_answered_without_touching_the_database(
    django_assert_num_queries: Any,
) -> None:
    first = Client().get(HOME)
    assert len(_cached_pages()) == 1
    with django_assert_num_queries(0):
        again = Client().get(HOME)
    assert again.status_code == 200
    assert ANY_TOKEN.sub("", again.content.decode()) == ANY_TOKEN.sub("", first.content.decode())
    assert "Inloggen" in again.content.decode()


def test_every_response_tells_browsers_and_proxies_to_keep_no_copy(organisation: Organisation) -> None:
    anonymous_first, anonymous_again = Client().get(HOME), Client().get(HOME)
    client = Client()
    verified_login(client, organisation.users[Role.LEIDINGGEVENDE])
    for response in (anonymous_first, anonymous_again, client.get(HOME)):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_a_logged_in_user_never_gets_the_anonymous_page(organisation: Organisation) -> None:
    Client().get(HOME)
    user = organisation.users[Role.MEDEWERKER]
    client = Client()
    verified_login(client, user)
    page = client.get(HOME).content.decode()
    assert _full_name(user) in page
    assert 'data-testid="roles"' in page
    assert "Inloggen" not in page


def test_a_logged_in_users_page_never_reaches_the_cache(organisation: Organisation) -> None:
    for role in (Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO):
        client = Client()
        verified_login(client, organisation.users[role])
        assert client.get(HOME).status_code == 200
    assert _cached_pages() == []
    anonymous = Client().get(HOME).content.decode()
    for role in (Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO):
        assert _full_name(organisation.users[role]) not in anonymous
    assert 'data-testid="work"' not in anonymous
    (cached,) = _cached_pages()
    assert b'data-testid="work"' not in cached
    assert b'data-testid="roles"' not in cached


def test_a_user_known_without_a_session_cookie_never_fills_the_cache(organisation: Organisation) -> None:
    """Belt and braces: the decorator stores only the page of a visitor who, after
    authentication, is anonymous, however a user was recognised."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    from portal.views import home

    def rendered_for(user: Any) -> HttpRequest:
        request = RequestFactory().get(HOME)
        request.user = user
        request.session = SessionStore()
        request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
        assert home(request).status_code == 200
        return request

    assert not getattr(rendered_for(organisation.users[Role.MEDEWERKER]), public_cache.ANONYMOUS_RENDERING, False)
    assert getattr(rendered_for(AnonymousUser()), public_cache.ANONYMOUS_RENDERING, False)


def test_the_cached_page_carries_the_headers_of_the_whole_stack() -> None:
    """Served before the later middleware runs, the page keeps what they added when it was made:
    the content security policy, framing, language and Vary headers."""
    first = Client().get(HOME)
    again = Client().get(HOME)
    assert again.context is None  # from the cache
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary", "Permissions-Policy"):
        assert again.headers.get(header) == first.headers.get(header), header
        assert again.headers.get(header), header


def test_the_session_is_the_only_way_a_page_knows_its_user() -> None:
    """The middleware serves the anonymous page before authentication, to requests without a
    session cookie. That is safe only while the session is the only thing that logs a page's
    user in: no middleware or backend that reads a header, a certificate or the remote user."""
    assert "django.contrib.auth.middleware.AuthenticationMiddleware" in settings.MIDDLEWARE
    assert not [name for name in settings.MIDDLEWARE if "RemoteUser" in name]
    assert not [name for name in settings.AUTHENTICATION_BACKENDS if "RemoteUser" in name]


def test_a_request_with_other_credentials_is_not_served_the_anonymous_page() -> None:
    Client().get(HOME)
    response = Client().get(HOME, headers={"Authorization": "Bearer zw_iets"})
    assert response.context is not None  # rendered by the view


def test_a_visitor_with_a_messages_cookie_gets_the_page_rendered_for_them() -> None:
    Client().get(HOME)  # fills the cache
    visitor = Client()
    request = HttpRequest()
    storage = CookieStorage(request)
    storage.add(message_levels.INFO, "Je bent uitgelogd.")
    response_for_cookie = Client().get(HOME)
    storage.update(response_for_cookie)
    visitor.cookies["messages"] = response_for_cookie.cookies["messages"].value
    page = visitor.get(HOME)
    assert page.context is not None  # rendered by the view, not taken from the cache
    assert "Je bent uitgelogd." in page.content.decode()


def test_each_visitor_gets_a_token_for_their_own_csrf_cookie() -> None:
    Client().get(HOME)
    one, other = Client(), Client()
    first, second = one.get(HOME), other.get(HOME)
    assert settings.CSRF_COOKIE_NAME in first.cookies
    tokens = [TOKEN.search(page.content.decode()) for page in (first, second)]
    assert all(tokens)
    assert tokens[0].group(1) != tokens[1].group(1)  # type: ignore[union-attr]


def test_english_and_dutch_are_kept_apart() -> None:
    Client().get(HOME)
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = english.get(HOME)
    assert page.headers["Content-Language"] == "en"
    assert 'lang="en"' in page.content.decode()
    assert Client().get(HOME).headers["Content-Language"] == "nl"


def test_a_change_to_public_content_empties_the_cache() -> None:
    first = Client().get(HOME)
    assert first.context is not None
    assert Client().get(HOME).context is None  # from the cache
    provision = Provision.objects.first()
    assert provision is not None
    provision.save()  # a public content change bumps the content version
    assert Client().get(HOME).context is not None


@override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=0)
def test_the_cache_can_be_switched_off() -> None:
    Client().get(HOME)
    assert Client().get(HOME).context is not None
    assert _cached_pages() == []


def test_htmx_requests_are_not_taken_from_the_cache() -> None:
    Client().get(HOME)
    partial = Client().get(HOME, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert partial.context is not None


def test_a_query_string_is_neither_cached_nor_served_from_the_cache() -> None:
    """The home page ignores the query string: caching each variant would let anyone fill the
    shared cache (pushing out sessions and rate limits) with ``/?n=1…N``."""
    for number in range(3):
        assert Client().get(HOME, {"n": number}).context is not None
    assert _cached_pages() == []
    Client().get(HOME)
    assert Client().get(HOME, {"n": 1}).context is not None


def test_a_page_whose_view_wrote_to_the_session_or_messages_is_not_kept() -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    request = RequestFactory().get(HOME)
    request.user = AnonymousUser()
    request.session = SessionStore()
    assert anonymous_page._nothing_personal_added(request)
    request.session["visited"] = True
    assert not anonymous_page._nothing_personal_added(request)

    request = RequestFactory().get(HOME)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    assert anonymous_page._nothing_personal_added(request)
    request._messages.add(message_levels.INFO, "Alleen voor deze bezoeker")  # type: ignore[attr-defined]
    assert not anonymous_page._nothing_personal_added(request)
