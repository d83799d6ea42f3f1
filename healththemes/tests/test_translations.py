"""Themes in English (issue 15 §5): each text has an English field, shown on the English
interface, with the Dutch text as fallback when the English field is empty; edited in the editor."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.models import AuditEvent
from healththemes.models import HealthTheme, ThemeItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def editor(organisation: Any, login_as: Any) -> Any:
    return login_as(organisation.users["inhoudsbeheerder"])


def test_the_model_shows_english_only_on_the_english_interface_and_falls_back_per_field() -> None:
    item = ThemeItem(title="Titel", title_en="Title", summary="Samenvatting", summary_en="", body="Tekst", body_en="")
    with translation.override("nl"):
        assert (item.shown_title, item.shown_summary, item.title_lang) == ("Titel", "Samenvatting", "nl")
    with translation.override("en"):
        assert (item.shown_title, item.title_lang) == ("Title", "en")
        assert (item.shown_summary, item.summary_lang) == ("Samenvatting", "nl")
        assert (item.shown_body, item.body_lang) == ("Tekst", "nl")


def test_an_english_visitor_reads_the_theme_and_item_in_english(english: Client) -> None:
    index = english.get(reverse("healththemes:index")).content.decode()
    assert "Hearing damage" in index and "After a drastic event" in index and ">Gehoorschade<" not in index
    theme = english.get(reverse("healththemes:theme", args=["gehoorschade"])).content.decode()
    assert "Putting earplugs in properly" in theme and "Oordoppen goed indoen" not in theme
    item = english.get(reverse("healththemes:item", args=["gehoorschade", "oordoppen-goed-indoen"])).content.decode()
    assert "Roll the plug with clean fingers" in item
    assert '<div class="zw-item-body">' in item  # English text, so no lang="nl" on it


def test_a_dutch_visitor_still_reads_dutch(client: Client) -> None:
    page = client.get(reverse("healththemes:theme", args=["gehoorschade"])).content.decode()
    assert "Oordoppen goed indoen" in page and "Putting earplugs in properly" not in page


def test_an_untranslated_text_falls_back_to_dutch_marked_as_dutch(english: Client) -> None:
    ThemeItem.objects.filter(slug="stoplicht-check").update(title_en="", body_en="")
    page = english.get(reverse("healththemes:item", args=["werkstress", "stoplicht-check"])).content.decode()
    assert '<h1 class="utrecht-heading-1" id="item-titel" lang="nl">De stoplicht-check</h1>' in page
    assert '<div class="zw-item-body" lang="nl">' in page
    theme = english.get(reverse("healththemes:theme", args=["werkstress"])).content.decode()
    assert "De stoplicht-check" in theme and "Work stress" in theme


def test_the_editor_saves_english_texts_and_records_the_fields(editor: Any, english: Client) -> None:
    item = ThemeItem.objects.get(slug="stoplicht-check")
    data = {
        "kind": item.kind,
        "audience": item.audience,
        "title": item.title,
        "slug": item.slug,
        "summary": item.summary,
        "body": item.body,
        "order": str(item.order),
        "is_published": "on",
        "title_en": "The traffic light",
        "summary_en": item.summary_en,
        "body_en": item.body_en,
        "save": "",
    }
    assert editor.post(reverse("healththemes:item_edit", args=[item.pk]), data).status_code == 302
    event = AuditEvent.objects.get(object_type="healththemes.themeitem", object_id=str(item.pk))
    assert event.fields == ["title_en"]
    page = english.get(reverse("healththemes:item", args=["werkstress", "stoplicht-check"])).content.decode()
    assert "The traffic light</h1>" in page


def test_english_text_without_an_english_title_is_refused_at_the_title(editor: Any) -> None:
    data = {
        "kind": "oefening",
        "audience": "medewerker",
        "title": "Even ademen",
        "body": "Adem vier tellen in en zes tellen uit. Doe dit vijf keer achter elkaar.",
        "order": "50",
        "body_en": "Breathe in for four counts and out for six. Do this five times in a row.",
        "save": "",
    }
    page = editor.post(reverse("healththemes:item_new", args=["slaap"]), data).content.decode()
    assert "Vul ook de Engelse titel in, of laat alle Engelse velden leeg." in page
    assert 'id="id_title_en-error"' in page
    assert not ThemeItem.objects.filter(title="Even ademen").exists()


def test_the_editor_changes_a_themes_name_and_english_intro(editor: Any, english: Client) -> None:
    theme = HealthTheme.objects.get(slug="gehoorschade")
    url = reverse("healththemes:theme_edit", args=["gehoorschade"])
    assert 'name="name_en"' in editor.get(url).content.decode()
    data = {
        "name": theme.name,
        "intro": theme.intro,
        "order": str(theme.order),
        "is_published": "on",
        "name_en": "Your hearing",
        "intro_en": theme.intro_en,
    }
    response = editor.post(url, data)
    assert response.status_code == 302 and response.url == reverse("healththemes:manage")
    event = AuditEvent.objects.get(object_type="healththemes.healththeme", object_id=str(theme.pk))
    assert event.fields == ["name_en"]
    assert "Your hearing" in english.get(reverse("healththemes:theme", args=["gehoorschade"])).content.decode()


def test_a_theme_without_a_name_or_with_a_short_english_intro_is_explained_at_the_field(editor: Any) -> None:
    before = HealthTheme.objects.get(slug="slaap").name
    url = reverse("healththemes:theme_edit", args=["slaap"])
    page = editor.post(url, {"name": "", "intro": "Te kort", "order": "20", "intro_en": "Short"}).content.decode()
    assert "Vul een naam in." in page
    assert "De inleiding is te kort. Schrijf minstens 40 tekens." in page
    assert "De Engelse tekst is te kort. Schrijf minstens 40 tekens, of laat hem leeg." in page
    assert HealthTheme.objects.get(slug="slaap").name == before


def test_saving_a_theme_unchanged_writes_no_audit_row(editor: Any) -> None:
    theme = HealthTheme.objects.get(slug="slaap")
    data = {"name": theme.name, "intro": theme.intro, "order": str(theme.order), "is_published": "on"}
    data.update(name_en=theme.name_en, intro_en=theme.intro_en)
    editor.post(reverse("healththemes:theme_edit", args=["slaap"]), data)
    assert not AuditEvent.objects.filter(object_type="healththemes.healththeme").exists()


@pytest.mark.parametrize("role", ["medewerker", "leidinggevende"])
def test_other_roles_may_not_edit_a_theme(organisation: Any, login_as: Any, role: str) -> None:
    client = login_as(organisation.users[role])
    assert client.get(reverse("healththemes:theme_edit", args=["slaap"])).status_code == 403


def test_an_unknown_theme_is_404_in_the_theme_editor(editor: Any) -> None:
    assert editor.get(reverse("healththemes:theme_edit", args=["bestaat-niet"])).status_code == 404
