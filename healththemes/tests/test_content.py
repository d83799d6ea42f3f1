"""The content migrations: the nine themes of the Gezond Werken App, each worth a visit (at least
three articles, three short exercises and a story), with English texts, loaded idempotently."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps

from healththemes.constants import ItemAudience, ItemKind
from healththemes.models import HealthTheme, ThemeItem

pytestmark = pytest.mark.django_db

#: The subjects the sources name (Zorgwijzer 2022/2023 §3.21; Jaarbeeld: "ingrijpende gebeurtenissen,
#: gehoorschade"), PTSS with its page for managers.
THEMES = {
    "voeding",
    "slaap",
    "beweging",
    "beeldschermwerk",
    "gehoorschade",
    "werkstress",
    "ongewenste-omgangsvormen",
    "ingrijpende-gebeurtenissen",
    "ptss",
}
#: What makes a theme worth a visit: published items for employees of each kind, at least this many.
MINIMUM_PER_KIND = {ItemKind.ARTICLE: 3, ItemKind.EXERCISE: 3, ItemKind.STORY: 1}


def test_the_nine_themes_the_sources_name_are_loaded_and_published() -> None:
    assert set(HealthTheme.objects.filter(is_published=True).values_list("slug", flat=True)) == THEMES


@pytest.mark.parametrize("slug", sorted(THEMES))
@pytest.mark.parametrize("kind", list(MINIMUM_PER_KIND))
def test_every_theme_has_enough_published_items_of_each_kind_for_employees(slug: str, kind: ItemKind) -> None:
    found = ThemeItem.objects.filter(
        theme__slug=slug, kind=kind, audience=ItemAudience.EMPLOYEE, is_published=True
    ).count()
    assert found >= MINIMUM_PER_KIND[kind]


def test_every_theme_and_item_the_migrations_load_has_its_english_texts() -> None:
    assert not HealthTheme.objects.filter(name_en="").exists()
    assert not HealthTheme.objects.filter(intro_en="").exists()
    assert not ThemeItem.objects.filter(title_en="").exists()
    assert not ThemeItem.objects.filter(body_en="").exists()
    assert not ThemeItem.objects.exclude(summary="").filter(summary_en="").exists()


def test_english_bodies_keep_the_numbered_steps_of_the_dutch() -> None:
    for body, body_en in ThemeItem.objects.values_list("body", "body_en"):
        steps = [line.split(".")[0] for line in body.splitlines() if line[:1].isdigit()]
        steps_en = [line.split(".")[0] for line in body_en.splitlines() if line[:1].isdigit()]
        assert steps == steps_en, body[:40]


def test_ptss_has_an_article_for_managers() -> None:
    manager_items = ThemeItem.objects.filter(theme__slug="ptss", audience=ItemAudience.MANAGER, is_published=True)
    assert manager_items.filter(kind=ItemKind.ARTICLE).exists()


def test_every_item_is_long_enough_to_say_something() -> None:
    assert all(len(body) >= 200 for body in ThemeItem.objects.values_list("body", flat=True))


CONTENT_MIGRATIONS = ("0002_content", "0004_english_for_the_first_content", "0005_more_content")


def _load_all() -> None:
    for name in CONTENT_MIGRATIONS:
        importlib.import_module(f"healththemes.migrations.{name}").load(django_apps, None)


def _snapshot() -> list[tuple[Any, ...]]:
    return list(ThemeItem.objects.order_by("pk").values_list())


def test_loading_the_content_again_changes_nothing_and_keeps_edits() -> None:
    ThemeItem.objects.filter(slug="wat-is-ptss").update(title="Aangepaste titel", title_en="Edited title")
    ThemeItem.objects.filter(slug="oordoppen-goed-indoen").update(body_en="")
    HealthTheme.objects.filter(slug="gehoorschade").update(name="Je oren")
    before = _snapshot()
    _load_all()
    assert _snapshot() == before
    assert HealthTheme.objects.get(slug="gehoorschade").name == "Je oren"


def test_english_is_added_only_to_dutch_the_editor_left_as_it_was() -> None:
    ThemeItem.objects.update(title_en="", summary_en="", body_en="")
    HealthTheme.objects.update(name_en="", intro_en="")
    ThemeItem.objects.filter(slug="wat-is-ptss").update(body="Een tekst die de inhoudsbeheerder zelf schreef.")
    importlib.import_module("healththemes.migrations.0004_english_for_the_first_content").load(django_apps, None)
    edited = ThemeItem.objects.get(slug="wat-is-ptss")
    assert edited.title_en == "What is PTSD and when do you ask for help?"
    assert edited.body_en == ""  # a translation of the old Dutch would be wrong
    assert ThemeItem.objects.get(slug="stoplicht-check").body_en.startswith("Time: 3 minutes.")
    assert HealthTheme.objects.get(slug="slaap").name_en == "Sleep"


def test_a_flushed_database_gets_the_same_content_back() -> None:
    before = _snapshot()
    ThemeItem.objects.all().delete()
    HealthTheme.objects.all().delete()
    _load_all()
    reloaded = ThemeItem.objects.order_by("theme__slug", "slug").values_list("theme__slug", "slug", "title_en")
    assert len(reloaded) == len(before)
    assert ("gehoorschade", "oordoppen-goed-indoen", "Putting earplugs in properly") in list(reloaded)
