"""The catalogue in English (issue 15 §5): each text of a provision a visitor reads has an English
translation field, edited in the editor; the English interface shows it, and the Dutch text when
the translation is empty."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.db.models import Field
from django.urls import reverse
from django.utils import translation

from catalogue import services
from catalogue.compare import compare_editions
from catalogue.models import TRANSLATED_FIELDS, Edition, Provision
from catalogue.tests.factories import concept_edition, current_edition, edit_url, form_data
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def _english(client: Any) -> Any:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _publish_with_translation(editor: Any, **english: str) -> Edition:
    concept = concept_edition(editor)
    Provision.objects.filter(edition=concept, slug="mediation").update(**english)
    return services.edition_publish(actor=editor, edition=concept)


def test_every_text_a_visitor_reads_has_a_translation_field() -> None:
    for name in TRANSLATED_FIELDS:
        field = Provision._meta.get_field(f"{name}_en")
        assert isinstance(field, Field) and field.blank


def test_the_english_interface_shows_the_translation_and_dutch_where_there_is_none(
    client: Any, organisation: Any
) -> None:
    _publish_with_translation(
        organisation.users[Role.INHOUDSBEHEERDER],
        summary_en="Mediators help colleagues who have a conflict at work to talk again.",
        how_to_start_en="Ask for a mediator on the intranet page of Mediation Politie.",
    )
    dutch = Provision.objects.get(edition=current_edition(), slug="mediation")
    page = _english(client).get(reverse("catalogue:provision", args=["mediation"])).content.decode()
    assert "Mediators help colleagues who have a conflict at work to talk again." in page
    assert "Ask for a mediator on the intranet page" in page
    assert dutch.summary not in page
    assert dutch.description.split(".")[0] in page  # no translation: the Dutch text
    overview = client.get(reverse("catalogue:overview")).content.decode()
    assert "Mediators help colleagues" in overview


def test_the_dutch_interface_keeps_the_dutch_text(client: Any, organisation: Any) -> None:
    _publish_with_translation(organisation.users[Role.INHOUDSBEHEERDER], summary_en="An English summary.")
    page = client.get(reverse("catalogue:provision", args=["mediation"])).content.decode()
    assert "An English summary." not in page


def test_localized_falls_back_per_field() -> None:
    provision = Provision(name="Naam", summary="Samenvatting", name_en="Name", summary_en="")
    with translation.override("en"):
        assert (provision.local_name, provision.local_summary) == ("Name", "Samenvatting")
    with translation.override("nl"):
        assert provision.local_name == "Naam"


def test_the_editor_edits_the_translation_and_the_copy_and_comparison_carry_it(
    login_as: Any, organisation: Any
) -> None:
    editor = organisation.users[Role.INHOUDSBEHEERDER]
    concept = concept_edition(editor)
    provision = Provision.objects.get(edition=concept, slug="mediation")
    client = login_as(editor)
    form = client.get(edit_url(provision)).content.decode()
    assert 'data-testid="english-fields"' in form and 'name="summary_en"' in form
    response = client.post(edit_url(provision), form_data(provision, summary_en="Help with a conflict at work."))
    assert response.status_code == 302
    provision.refresh_from_db()
    assert provision.summary_en == "Help with a conflict at work."
    changed = {c.provision.slug: c.fields for c in compare_editions(current_edition(), concept).changed}
    assert changed["mediation"] == ["summary_en"]
    services.edition_publish(actor=editor, edition=concept)
    copy = services.edition_create_from(actor=editor, source=concept, code="2024-2025", title="Zorgwijzer 2024/2025")
    assert Provision.objects.get(edition=copy, slug="mediation").summary_en == "Help with a conflict at work."


def test_a_translation_that_is_too_long_is_refused_at_its_field(login_as: Any, organisation: Any) -> None:
    editor = organisation.users[Role.INHOUDSBEHEERDER]
    provision = Provision.objects.get(edition=concept_edition(editor), slug="mediation")
    response = login_as(editor).post(edit_url(provision), form_data(provision, summary_en="x" * 301))
    assert response.status_code == 200
    assert "summary_en" in response.context["form"].errors
    provision.refresh_from_db()
    assert provision.summary_en == ""
