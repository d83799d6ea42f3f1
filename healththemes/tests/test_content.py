"""The content migration: seven themes, each with an article, an exercise and a story."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps

from healththemes.constants import ItemAudience, ItemKind
from healththemes.models import HealthTheme, ThemeItem

pytestmark = pytest.mark.django_db

THEMES = {"voeding", "slaap", "beweging", "beeldschermwerk", "werkstress", "ongewenste-omgangsvormen", "ptss"}


def test_the_seven_themes_of_the_gezond_werken_app_are_loaded_and_published() -> None:
    assert set(HealthTheme.objects.filter(is_published=True).values_list("slug", flat=True)) == THEMES


@pytest.mark.parametrize("slug", sorted(THEMES))
def test_every_theme_has_an_article_an_exercise_and_a_story(slug: str) -> None:
    kinds = set(ThemeItem.objects.filter(theme__slug=slug, is_published=True).values_list("kind", flat=True))
    assert kinds == set(ItemKind.values)


def test_ptss_has_an_article_for_managers() -> None:
    manager_items = ThemeItem.objects.filter(theme__slug="ptss", audience=ItemAudience.MANAGER, is_published=True)
    assert manager_items.filter(kind=ItemKind.ARTICLE).exists()


def test_every_item_is_long_enough_to_say_something() -> None:
    assert all(len(body) >= 200 for body in ThemeItem.objects.values_list("body", flat=True))


def test_loading_the_content_again_changes_nothing_and_keeps_edits() -> None:
    ThemeItem.objects.filter(slug="wat-is-ptss").update(title="Aangepaste titel")
    before = ThemeItem.objects.count()
    content = importlib.import_module("healththemes.migrations.0002_content")
    content.load(django_apps, None)
    assert ThemeItem.objects.count() == before
    assert ThemeItem.objects.get(slug="wat-is-ptss").title == "Aangepaste titel"
