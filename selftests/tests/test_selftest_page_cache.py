"""(Goes with the selftests/views.py patch.) The first page of a self-test comes from the page
cache for anonymous visitors; a page that carries answers (every POST) is never cached."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from selftests.loading import Instrument
from selftests.tests.conftest import lowest, page_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on() -> Any:
    cache.clear()
    with override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=60):
        yield
    cache.clear()


def test_the_first_page_comes_from_the_cache(fitheid: Instrument, django_assert_num_queries: Any) -> None:
    url = reverse("selftests:run", args=[fitheid.slug])
    assert Client().get(url).context is not None
    with django_assert_num_queries(0):
        again = Client().get(url)
    assert again.status_code == 200
    assert again.context is None  # served before the view


def test_a_page_with_answers_is_never_cached(fitheid: Instrument) -> None:
    url = reverse("selftests:run", args=[fitheid.slug])
    response = Client().post(url, page_post(lowest(fitheid)))
    assert "no-store" in response["Cache-Control"]
    result = Client().post(reverse("selftests:result", args=[fitheid.slug]), page_post(lowest(fitheid)))
    assert "no-store" in result["Cache-Control"]


def test_a_logged_in_users_first_page_is_not_kept_by_the_browser(fitheid: Instrument, organisation: Any) -> None:
    """Its navigation shows the user's roles: the next person at a shared workstation must not find
    it with the Back button after logout."""
    from conftest import verified_login
    from organisation.constants import Role

    client = Client()
    verified_login(client, organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    response = client.get(reverse("selftests:run", args=[fitheid.slug]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
