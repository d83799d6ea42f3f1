"""The functioneel beheerder's API-token pages in a browser (issue 23 §4), with axe at 390 and
1280 px: make a token (shown once), see it in the list by its prefix only, use it, revoke it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from accounts.models import ApiToken
from organisation.constants import Role
from tests.browser.conftest import check_page, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUSH_URL = "/api/v1/barista-import/"


def test_a_token_is_made_shown_once_used_and_revoked(page: Page, organisation: Any) -> None:
    log_in(page, organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    page.goto("/account/api-tokens/")
    expect(page.get_by_role("heading", level=1)).to_have_text("API-tokens voor koppelingen")
    expect(page.get_by_text("Er zijn nog geen API-tokens.")).to_be_visible()
    check_page(page, "api-tokens-empty")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Nieuw API-token").click()
    page.get_by_role("button", name="Token aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text("Nog niet alles is goed ingevuld")
    check_page(page, "api-token-form-errors")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Naam").fill("Meldingensysteem geweld, eenheid Noord")
    page.get_by_label("Barista: gebeurtenissen aanleveren (blootstellingen)").check()
    page.get_by_label("Verloopt op").fill("2099-12-31")
    page.get_by_role("button", name="Token aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API-token aangemaakt")
    token = page.get_by_test_id("api-token").inner_text().strip()
    record = ApiToken.objects.get()
    assert token.startswith(f"{record.prefix}_") and len(token) == len(record.prefix) + 44
    check_page(page, "api-token-created")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Naar het overzicht van API-tokens").click()
    table = page.get_by_test_id("api-tokens")
    expect(table).to_contain_text(record.prefix)
    expect(table).to_contain_text("nog nooit")
    assert token not in page.content() and token[len(record.prefix) + 1 :] not in page.content()
    check_page(page, "api-tokens-list")

    # The incident system uses it (the browser's session cookie goes along and counts for nothing).
    used = page.request.get(PUSH_URL, headers={"Authorization": f"Bearer {token}"})
    assert used.status == 200 and any(row["code"] == "belediging" for row in used.json())
    page.reload()
    expect(table).not_to_contain_text("nog nooit")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Intrekken: Meldingensysteem geweld, eenheid Noord").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API-token intrekken")
    check_page(page, "api-token-revoke")
    page.get_by_role("button", name="Ja, token intrekken").click()
    expect(page.get_by_text("is ingetrokken")).to_be_visible()
    expect(page.get_by_test_id("api-tokens")).to_contain_text("Ingetrokken")
    assert page.request.get(PUSH_URL, headers={"Authorization": f"Bearer {token}"}).status == 401
