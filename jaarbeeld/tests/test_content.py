"""The 2022 edition as loaded by the data migration, and its pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from conftest import verified_login
from jaarbeeld import selectors
from jaarbeeld.constants import Block, ThreadPart
from jaarbeeld.models import ConsultationRound, DimensionDefinition, Edition, Indicator
from jaarbeeld.presentation import thread_parts
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def test_the_2022_edition_has_four_dimension_pages_each_with_exactly_the_three_blocks() -> None:
    pages = selectors.dimension_pages(Edition.objects.get(year=2022))
    assert [page.dimension.code for page in pages] == ["fysiek", "mentaal", "moreel", "omgang"]
    for page in pages:
        assert [block.title for block in page.blocks] == [
            "Wat is het beeld",
            "Oorzaken en risico's",
            "Ontwikkelingen en aandachtspunten",
        ]
        assert all(block.statements for block in page.blocks)


def test_the_rode_draden_page_has_the_four_parts_in_order() -> None:
    parts = thread_parts(selectors.thread_items(Edition.objects.get(year=2022)))
    assert [part.code for part in parts] == [part.value for part in ThreadPart]
    assert all(part.statements for part in parts)


def test_the_history_lists_27_steps_from_22_07_2022_to_04_10_2023() -> None:
    rounds = list(ConsultationRound.objects.filter(edition__year=2022).order_by("position"))
    assert len(rounds) == 27
    assert rounds[0].held_on == dt.date(2022, 7, 22)
    assert rounds[-1].held_on == dt.date(2023, 10, 4)
    assert [r.held_on for r in rounds] == sorted(r.held_on for r in rounds)


def test_the_moral_definition_is_versioned_and_the_edition_uses_the_newest() -> None:
    versions = DimensionDefinition.objects.filter(dimension__code="moreel").order_by("version")
    assert [d.version for d in versions] == [1, 2]
    assert versions[0].text != versions[1].text
    moreel = selectors.dimension("moreel")
    assert selectors.definition_for(moreel, 2022) == versions[1].text


def test_the_one_figure_of_2022_is_33_percent_of_absence_through_psychological_complaints() -> None:
    value = Indicator.objects.get(code="verzuim-psychisch").values.get(year=2022, unit=None)
    assert str(value.value) == "33.0"
    assert value.direction == "toegenomen"
    numeric = [v for i in Indicator.objects.all() for v in i.values.filter(year=2022) if v.value is not None]
    assert len(numeric) == 1  # the rest of 2022 is direction only


def test_every_statement_is_marked_as_fact_or_interpretation() -> None:
    edition = Edition.objects.get(year=2022)
    natures = set(edition.block_items.values_list("nature", flat=True)) | set(
        edition.thread_items.values_list("nature", flat=True)
    )
    assert natures == {"feit", "duiding"}


def test_the_dimension_page_shows_the_three_block_headings_and_a_chart_with_a_table(
    client: Any, organisation: Any
) -> None:
    verified_login(client, organisation.users[Role.LEIDINGGEVENDE])
    response = client.get(reverse("jaarbeeld:dimension", kwargs={"year": 2022, "code": "mentaal"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('data-testid="dimension-block"') == 3
    for block in Block:
        assert str(block.label).replace("'", "&#x27;") in html
    assert "<svg" in html and 'role="img"' in html
    assert "Verzuim door psychische klachten, hele organisatie, per jaar" in html


def test_the_edition_page_shows_the_four_parts(client: Any, organisation: Any) -> None:
    verified_login(client, organisation.users[Role.HR_ANALIST])
    response = client.get(reverse("jaarbeeld:edition", kwargs={"year": 2022}))
    assert response.content.decode().count('data-testid="thread-part"') == 4


def test_the_history_page_shows_27_steps(client: Any, organisation: Any) -> None:
    verified_login(client, organisation.users[Role.HR_ADVISEUR])
    html = client.get(reverse("jaarbeeld:history", kwargs={"year": 2022})).content.decode()
    assert "27 stappen" in html
    assert "22-07-2022" in html and "04-10-2023" in html and "april 2023" in html


def test_loading_the_content_twice_changes_nothing() -> None:
    import importlib

    from django.apps import apps

    before = (Edition.objects.count(), ConsultationRound.objects.count(), Indicator.objects.count())
    importlib.import_module("jaarbeeld.migrations.0002_edition_2022").load(apps, None)
    assert (Edition.objects.count(), ConsultationRound.objects.count(), Indicator.objects.count()) == before
