"""Every response tells the browser that Zorgwijzer uses no camera, microphone, location,
payment, USB or similar device features, so an injected script or a framed page cannot ask
the visitor for them (and no interest-cohort tracking)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from core.middleware import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db

DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics")


def _directives(header: str) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in header.split(","))


def test_the_policy_denies_every_device_feature() -> None:
    directives = _directives(PERMISSIONS_POLICY)
    assert all(directives[feature] == "()" for feature in DENIED)
    assert set(directives.values()) == {"()"}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/zelftest/",
        "/zorgwijzer/",
        "/bestaat-niet/",
        "/healthz",
        "/api/v1/zelftests/",
        "/static/selftests/selftests.css",
    ],
)
def test_every_response_carries_the_policy(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code != 500
    assert _directives(response["Permissions-Policy"]) == _directives(PERMISSIONS_POLICY)


def test_a_logged_in_page_and_a_redirect_carry_the_policy(client: Any, login_as: Any, organisation: Any) -> None:
    assert "Permissions-Policy" in client.get("/barista/")  # to the login page
    page = login_as(organisation.users["medewerker"]).get("/barista/mijn-signalen/")
    assert page.status_code == 200 and "camera=()" in page["Permissions-Policy"]


@override_settings(ZORGWIJZER_PUBLIC_PAGE_SECONDS=60)
def test_a_page_from_the_whole_page_cache_carries_the_policy(client: Any) -> None:
    client.get("/zorgwijzer/")
    cached = client.get("/zorgwijzer/")
    assert "camera=()" in cached["Permissions-Policy"]
