"""Offline use: after one visit, the catalogue and 'Direct hulp' can be read without a connection."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Browser, expect

pytestmark = [pytest.mark.browser, pytest.mark.once, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(db: None) -> None:
    importlib.import_module("catalogue.migrations.0002_zorgwijzer_2022_2023").load(django_apps, None)


def test_catalogue_pages_are_readable_offline_after_installation(
    browser: Browser, live_server: Any, catalogue: Any
) -> None:
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.goto("/zorgwijzer/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # installed: precache filled
    page.reload()  # the page is now controlled by the service worker

    context.set_offline(True)
    page.goto("/zorgwijzer/zorglijn-ptss/")  # never opened before: precached on installation
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorglijn PTSS")
    page.goto("/hulp/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Direct hulp")
    page.goto("/organisatie/")  # not public: never cached, so the offline page explains
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent offline")
    context.close()


def test_manifest_describes_an_installable_app(client: Any, catalogue: Any) -> None:
    data = client.get("/manifest.webmanifest").json()
    assert data["start_url"] == "/zorgwijzer/" and data["display"] == "standalone"
    worker = client.get("/sw.js")
    assert worker["Content-Type"].startswith("application/javascript")
    body = worker.content.decode()
    assert "/zorgwijzer/zorglijn-ptss/" in body and "/organisatie/" not in body
