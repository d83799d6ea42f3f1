"""Editions move concept → consultatie → definitief; the history is appended, a definitive
edition is closed; editors write the texts; a diff shows what changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from conftest import verified_login
from jaarbeeld import selectors, services
from jaarbeeld.models import Edition, EditionStatusChange
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def test_a_new_edition_starts_as_concept_with_the_texts_of_the_previous_one() -> None:
    edition = services.edition_create(year=2023, actor=None)
    previous = Edition.objects.get(year=2022)
    assert edition.status == "concept"
    assert edition.block_items.count() == previous.block_items.count()
    assert edition.rounds.count() == 0


def test_definitief_needs_an_evaluation_date_and_a_consultation_round() -> None:
    edition = services.edition_create(year=2023, actor=None)
    services.edition_transition(edition=edition, to="consultatie", actor=None)
    with pytest.raises(services.WorkflowError):
        services.edition_transition(edition=edition, to="definitief", actor=None, evaluation_on=dt.date(2024, 11, 1))
    services.consultation_round_add(
        edition=edition, held_on=dt.date(2024, 3, 1), body="COR", subject="Werksessie", outcome="Akkoord", actor=None
    )
    with pytest.raises(services.WorkflowError):
        services.edition_transition(edition=edition, to="definitief", actor=None)
    services.edition_transition(edition=edition, to="definitief", actor=None, evaluation_on=dt.date(2024, 11, 1))
    edition.refresh_from_db()
    assert edition.status == "definitief" and edition.evaluation_on == dt.date(2024, 11, 1)
    assert list(EditionStatusChange.objects.filter(edition=edition).values_list("to_status", flat=True)) == [
        "concept",
        "consultatie",
        "definitief",
    ]
    change = EditionStatusChange.objects.filter(edition=edition).last()
    assert change is not None
    change.to_status = "concept"
    with pytest.raises(ValueError, match="append-only"):
        change.save()


def test_a_definitive_edition_cannot_be_edited_or_skip_back() -> None:
    edition = Edition.objects.get(year=2022)
    with pytest.raises(services.WorkflowError):
        services.block_items_save(
            edition=edition, dimension=selectors.dimension("fysiek"), block="beeld", items=[], actor=None
        )
    with pytest.raises(services.WorkflowError):
        services.edition_transition(edition=edition, to="concept", actor=None)
    with pytest.raises(services.WorkflowError):
        services.consultation_round_add(
            edition=edition, held_on=dt.date(2024, 1, 1), body="X", subject="", outcome="", actor=None
        )


def test_the_editor_rewrites_a_block_from_the_page(client: Any, organisation: Any) -> None:
    edition = services.edition_create(year=2023, actor=None)
    verified_login(client, organisation.users[Role.HR_ANALIST])
    url = reverse("jaarbeeld:edit_block", kwargs={"year": 2023, "code": "moreel", "block": "beeld"})
    data = {
        "uitspraak-TOTAL_FORMS": "2",
        "uitspraak-INITIAL_FORMS": "0",
        "uitspraak-0-text": "Morele stress wordt vaker besproken.",
        "uitspraak-0-nature": "duiding",
        "uitspraak-0-indicator": "morele-stress",
        "uitspraak-1-text": "",
        "uitspraak-1-nature": "feit",
        "uitspraak-1-indicator": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    items = list(edition.block_items.filter(dimension__code="moreel", block="beeld"))
    assert [(i.text, i.nature, i.indicator.code if i.indicator else None) for i in items] == [
        ("Morele stress wordt vaker besproken.", "duiding", "morele-stress")
    ]


def test_a_bad_status_change_gets_the_message_at_the_field(client: Any, organisation: Any) -> None:
    services.edition_create(year=2023, actor=None)
    services.edition_transition(edition=Edition.objects.get(year=2023), to="consultatie", actor=None)
    verified_login(client, organisation.users[Role.HR_ANALIST])
    response = client.post(reverse("jaarbeeld:transition", kwargs={"year": 2023}), {"to": "definitief"})
    assert response.status_code == 400
    assert "Vul de datum van de evaluatie in." in response.content.decode()


def test_the_diff_shows_added_and_removed_statements_and_changed_values() -> None:
    edition = services.edition_create(year=2023, actor=None)
    fysiek = selectors.dimension("fysiek")
    services.block_items_save(
        edition=edition, dimension=fysiek, block="ontwikkelingen", items=[("Nieuw punt.", "duiding", None)], actor=None
    )
    diff = selectors.edition_diff(Edition.objects.get(year=2022), edition)
    change = next(c for c in diff.changes if c.where.startswith("Fysiek") and "Ontwikkelingen" in c.where)
    assert change.added == ["Nieuw punt."]
    assert len(change.removed) == 3
    assert any(v.indicator.code == "verzuim-psychisch" for v in diff.values)  # 33% in 2022, nothing in 2023


def test_a_second_edition_of_a_year_and_comparing_an_edition_with_itself_get_a_message_at_the_field(
    client: Any, organisation: Any
) -> None:
    verified_login(client, organisation.users[Role.HR_ANALIST])
    response = client.post(reverse("jaarbeeld:create"), {"jaar": "2022"})
    assert response.status_code == 400
    assert "Voor dit jaar bestaat al een editie." in response.content.decode()
    compared = client.get(reverse("jaarbeeld:compare"), {"van": "2022", "naar": "2022"})
    assert "Kies een andere editie dan de eerdere." in compared.content.decode()
