"""``SessionlessViewMiddleware`` answers only views that are public and marked ``sessionless``,
before sessions and authentication run; every other view goes the whole way."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from core.public import is_sessionless, public_page, sessionless
from zorgwijzer.urls import urlpatterns as site_urls


def _saw(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"session={hasattr(request, 'session')} user={hasattr(request, 'user')}")


fast = public_page(sessionless(_saw))
not_public = sessionless(lambda request: _saw(request))
plain = public_page(lambda request: _saw(request))

urlpatterns = [path("snel/", fast), path("niet-openbaar/", not_public), path("gewoon/", plain), *site_urls]


@pytest.fixture(autouse=True)
def _routes() -> object:
    with override_settings(ROOT_URLCONF=__name__):
        yield


@pytest.mark.django_db
def test_a_public_sessionless_view_is_answered_before_sessions_and_authentication() -> None:
    response = Client().get("/snel/")
    assert response.content == b"session=False user=False"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/niet-openbaar/", "/gewoon/"])
def test_every_other_view_goes_the_whole_way(url: str) -> None:
    assert Client().get(url).content == b"session=True user=True"


def test_a_drf_route_counts_only_when_every_method_it_serves_is_marked() -> None:
    class ViewSet:
        @sessionless
        def score(self) -> None: ...

        def update(self) -> None: ...

    def route() -> None: ...

    route.cls, route.actions = ViewSet, {"post": "score"}  # type: ignore[attr-defined]
    assert is_sessionless(route)
    route.actions = {"post": "score", "put": "update"}  # type: ignore[attr-defined]
    assert not is_sessionless(route)
