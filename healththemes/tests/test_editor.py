"""The inhoudsbeheerder's editor: validation at the field, preview without saving, audited saves."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from core.models import AuditAction, AuditEvent
from healththemes import services
from healththemes.models import HealthTheme, ThemeItem

pytestmark = pytest.mark.django_db

BODY = "Sta even stil bij je ademhaling. Adem vier tellen in en zes tellen uit. Doe dit vijf keer."


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "kind": "oefening",
        "audience": "medewerker",
        "title": "Even ademen",
        "slug": "",
        "summary": "Een minuut rust.",
        "body": BODY,
        "order": "50",
        "is_published": "on",
        "save": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor(organisation: Any, login_as: Any) -> Any:
    return login_as(organisation.users["inhoudsbeheerder"])


def test_the_manage_list_shows_unpublished_items_too(editor: Any, django_assert_max_num_queries: Any) -> None:
    ThemeItem.objects.filter(slug="stoplicht-check").update(is_published=False)
    with django_assert_max_num_queries(8):
        page = editor.get(reverse("healththemes:manage")).content.decode()
    assert "De stoplicht-check" in page and "Concept" in page


def test_a_missing_title_and_a_short_body_are_explained_at_the_field(editor: Any) -> None:
    url = reverse("healththemes:item_new", args=["slaap"])
    page = editor.post(url, _form(title="", body="Te kort.")).content.decode()
    assert "Vul een titel in." in page
    assert "De tekst is te kort. Schrijf minstens 40 tekens." in page
    assert 'id="id_body-error"' in page
    assert not ThemeItem.objects.filter(summary="Een minuut rust.").exists()


def test_an_empty_body_gets_its_own_message(editor: Any) -> None:
    page = editor.post(reverse("healththemes:item_new", args=["slaap"]), _form(body="  ")).content.decode()
    assert "Schrijf de tekst van dit item." in page


def test_a_slug_already_used_in_the_theme_is_refused(editor: Any) -> None:
    page = editor.post(reverse("healththemes:item_new", args=["slaap"]), _form(slug="ademen-in-vier-tellen"))
    assert "Dit adres gebruikt een ander item in dit thema al." in page.content.decode()


def test_preview_shows_the_item_but_saves_nothing(editor: Any) -> None:
    before = ThemeItem.objects.count(), AuditEvent.objects.count()
    data = _form(preview="")
    del data["save"]
    page = editor.post(reverse("healththemes:item_new", args=["slaap"]), data).content.decode()
    assert "Voorbeeld: dit is nog niet opgeslagen." in page and "Adem vier tellen in" in page
    assert (ThemeItem.objects.count(), AuditEvent.objects.count()) == before


def test_preview_of_an_edit_leaves_the_stored_item_alone(editor: Any) -> None:
    item = ThemeItem.objects.get(slug="stoplicht-check")
    data = _form(title="Nieuwe titel", preview="")
    del data["save"]
    editor.post(reverse("healththemes:item_edit", args=[item.pk]), data)
    item.refresh_from_db()
    assert item.title == "De stoplicht-check"


def test_saving_a_new_item_publishes_it_and_writes_an_audit_row(editor: Any, client: Any) -> None:
    response = editor.post(reverse("healththemes:item_new", args=["slaap"]), _form())
    assert response.status_code == 302 and response.url == reverse("healththemes:manage")
    item = ThemeItem.objects.get(theme__slug="slaap", slug="even-ademen")
    event = AuditEvent.objects.get(object_type="healththemes.themeitem", object_id=str(item.pk))
    assert event.action == AuditAction.CREATE and event.actor_username == "persona-inhoudsbeheerder"
    assert "body" in event.fields
    assert client.get(reverse("healththemes:item", args=["slaap", "even-ademen"])).status_code == 200


def test_editing_records_only_the_changed_fields(editor: Any) -> None:
    item = ThemeItem.objects.get(slug="stoplicht-check")
    data = _form(
        kind=item.kind,
        audience=item.audience,
        title=item.title,
        slug=item.slug,
        summary=item.summary,
        body=item.body,
        order=str(item.order),
        is_published="",
        title_en=item.title_en,
        summary_en=item.summary_en,
        body_en=item.body_en,
    )
    editor.post(reverse("healththemes:item_edit", args=[item.pk]), data)
    item.refresh_from_db()
    event = AuditEvent.objects.get(object_type="healththemes.themeitem", object_id=str(item.pk))
    assert item.is_published is False
    assert event.action == AuditAction.UPDATE and event.fields == ["is_published"]


def test_two_items_with_the_same_title_get_different_addresses(organisation: Any) -> None:
    theme = HealthTheme.objects.get(slug="slaap")
    actor = organisation.users["inhoudsbeheerder"]
    first = services.theme_item_save(
        actor=actor, theme=theme, kind="artikel", audience="medewerker", title="Rust", body=BODY
    )
    second = services.theme_item_save(
        actor=actor, theme=theme, kind="artikel", audience="medewerker", title="Rust", body=BODY
    )
    assert (first.slug, second.slug) == ("rust", "rust-2")


@pytest.mark.parametrize("role", ["medewerker", "leidinggevende", "functioneel_beheerder"])
def test_other_roles_may_not_edit(organisation: Any, login_as: Any, role: str) -> None:
    client = login_as(organisation.users[role])
    item = ThemeItem.objects.get(slug="stoplicht-check")
    assert client.get(reverse("healththemes:manage")).status_code == 403
    assert client.get(reverse("healththemes:item_new", args=["slaap"])).status_code == 403
    assert client.post(reverse("healththemes:item_edit", args=[item.pk]), _form()).status_code == 403


def test_an_anonymous_visitor_is_sent_to_login(client: Any) -> None:
    response = client.get(reverse("healththemes:manage"))
    assert response.status_code == 302 and "/account/" in response.url


def test_an_unknown_theme_or_item_is_404_for_the_editor(editor: Any) -> None:
    assert editor.get(reverse("healththemes:item_new", args=["bestaat-niet"])).status_code == 404
    assert editor.get(reverse("healththemes:item_edit", args=[999999])).status_code == 404
