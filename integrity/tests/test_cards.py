"""The dilemma library: 31 cards with the seed's themes, browsing, the editor with history, the API."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.urls import reverse

from integrity.constants import Theme
from integrity.models import Card, CardVersion
from organisation.constants import Role

pytestmark = pytest.mark.django_db

#: Seed 003: 7 agree/disagree statements (L50–102) and 24 dilemmas (L338–545), by theme.
SEED_THEMES = {
    Theme.INFORMATION: 6,
    Theme.SOCIAL_MEDIA: 6,
    Theme.OFF_DUTY: 4,
    Theme.SUBSTANCES: 3,
    Theme.FORCE: 2,
    Theme.EQUIPMENT: 2,
    Theme.SIDE_ACTIVITIES: 2,
    Theme.REPRESENTATIVENESS: 2,
    Theme.GIFTS: 1,
    Theme.UNWANTED_BEHAVIOUR: 1,
    Theme.SAFE_CLIMATE: 1,
    Theme.TRUTHFUL_REPORTING: 1,
}


def test_the_library_holds_31_cards_7_statements_and_24_dilemmas_with_the_seed_theme_counts() -> None:
    assert Card.objects.count() == 31
    assert Counter(Card.objects.values_list("kind", flat=True)) == {"stelling": 7, "dilemma": 24}
    assert Counter(Card.objects.values_list("theme", flat=True)) == {str(k): v for k, v in SEED_THEMES.items()}


def test_every_card_has_options_prompts_rules_and_a_first_version() -> None:
    for card in Card.objects.all():
        assert 2 <= len(card.options) <= 4, card.slug
        assert card.prompt_lines() and card.rule_lines(), card.slug
        assert card.versions.get().version == 1
    statements = Card.objects.filter(kind="stelling")
    assert {tuple(o["key"] for o in card.options) for card in statements} == {("eens", "oneens")}


def test_the_information_cards_name_the_five_motives_and_articles_272_and_177(client: Any) -> None:
    rules = Card.objects.get(slug="dilemma-buren").rules
    assert "272" in rules and "177" in rules and "need to know" in rules


def test_the_library_filters_by_theme_and_searches_words(client: Any) -> None:
    page = client.get(reverse("integrity:library"), {"thema": "geweld"}).content.decode()
    assert page.count('data-testid="card"') == 2
    page = client.get(reverse("integrity:library"), {"zoek": "marktplaats"}).content.decode()
    assert page.count('data-testid="card"') == 2  # the duty belt and the study books


def test_the_content_editor_saves_a_new_version_and_keeps_the_old_one(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.INHOUDSBEHEERDER])
    card = Card.objects.get(slug="dilemma-buren")
    url = reverse("integrity:card_edit", kwargs={"pk": card.pk})
    data = {
        "version": 1,
        "title": "Politie bij de buren",
        "theme": card.theme,
        "text": card.text,
        "options": "Dat kan\nDat kan niet\nDat hangt ervan af\nIk weet het niet",
        "prompts": card.prompts,
        "rules": card.rules,
    }
    assert client.post(url, data).status_code == 302
    card.refresh_from_db()
    assert card.version == 2 and card.title == "Politie bij de buren"
    # Answers that stay keep their keys; the new one gets a fresh key.
    assert [o["key"] for o in card.options] == ["kan", "kan-niet", "hangt-af", "a"]
    versions = list(CardVersion.objects.filter(card=card).order_by("version").values_list("version", "title"))
    assert versions == [(1, "Politie bij je buren"), (2, "Politie bij de buren")]
    stale = client.post(url, data)  # the same form again: version 1 is no longer current
    assert stale.status_code == 200 and "Iemand anders heeft deze kaart net opgeslagen" in stale.content.decode()
    assert card.versions.count() == 2


def test_the_editor_refuses_a_single_answer_at_the_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.INHOUDSBEHEERDER])
    card = Card.objects.get(slug="dilemma-buren")
    data = {"version": 1, "title": "x", "theme": card.theme, "text": "x", "options": "Ja", "prompts": "x", "rules": "x"}
    response = client.post(reverse("integrity:card_edit", kwargs={"pk": card.pk}), data)
    assert "Geef twee tot vier antwoorden" in response.content.decode()
    assert response.context["form"].errors["options"]


def test_the_api_lists_cards_by_theme_and_the_theme_counts(client: Any) -> None:
    cards = client.get("/api/v1/integriteit/kaarten/", {"thema": "informatie"}).json()
    items = cards["results"] if isinstance(cards, dict) else cards
    assert len(items) == 6 and {item["theme"] for item in items} == {"informatie"}
    themes = {item["value"]: item["count"] for item in client.get("/api/v1/integriteit/themas/").json()}
    assert themes == {str(k): v for k, v in SEED_THEMES.items()}
    one = client.get("/api/v1/integriteit/kaarten/dilemma-buren/").json()
    assert one["prompts"] and one["rules"] and one["options"][0] == {"key": "kan", "label": "Dat kan"}


def test_the_overview_shows_staff_links_only_to_those_who_may_use_them(organisation: Any, login_as: Any) -> None:
    employee = login_as(organisation.users[Role.MEDEWERKER]).get(reverse("integrity:index")).content.decode()
    assert "Voor begeleiders en VIK" not in employee
    editor = login_as(organisation.users[Role.INHOUDSBEHEERDER]).get(reverse("integrity:index")).content.decode()
    assert reverse("integrity:editor_list") in editor and reverse("integrity:triage") not in editor
