"""Editions and the editor: copy, edit with validation, preview, publish with history, compare."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalogue import selectors, services
from catalogue.compare import compare_editions
from catalogue.constants import EditionStatus
from catalogue.models import Edition, EditionStatusChange, ExpertRole, Provision, ThemeTag
from catalogue.tests.factories import concept_edition, current_edition, edit_url, form_data
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(organisation: Any) -> Any:
    return organisation.users[Role.INHOUDSBEHEERDER]


@pytest.fixture
def current() -> Edition:
    return current_edition()


@pytest.fixture
def concept(editor: Any, current: Edition) -> Edition:
    return concept_edition(editor)


def snapshot(edition: Edition) -> dict[str, Any]:
    """Everything a reader sees of an edition, keyed by slug (no database ids)."""
    provisions = {}
    for p in Provision.objects.filter(edition=edition).prefetch_related("themes", "audiences", "related"):
        provisions[p.slug] = (
            p.name,
            p.summary,
            p.description,
            p.how_to_start,
            p.batteries,
            p.access_route,
            p.confidentiality,
            p.provider,
            p.keywords,
            p.parent.slug if p.parent else None,
            sorted(t.code for t in p.themes.all()),
            sorted(a.code for a in p.audiences.all()),
            sorted(r.slug for r in p.related.all()),
        )
    experts = sorted(ExpertRole.objects.filter(edition=edition).values_list("slug", "name", "team", "for_what"))
    return {"provisions": provisions, "experts": experts}


# --- Copying --------------------------------------------------------------------------------------


def test_a_new_edition_is_an_identical_concept_copy_of_its_source(concept: Edition, current: Edition) -> None:
    assert concept.status == EditionStatus.CONCEPT and concept.published_at is None
    assert snapshot(concept) == snapshot(current)
    assert Provision.objects.filter(edition=concept, parent__isnull=False).count() > 0
    fit = Provision.objects.get(edition=concept, slug="fit-online")
    assert fit.parent is not None and fit.parent.edition == concept
    assert not Provision.related.through.objects.filter(
        from_provision__edition=concept, to_provision__edition=current
    ).exists()


def test_copying_into_an_existing_code_is_refused_at_the_code(editor: Any, current: Edition) -> None:
    with pytest.raises(ValidationError) as error:
        services.edition_create_from(actor=editor, source=current, code=current.code, title="Dubbel")
    assert "code" in error.value.message_dict


def test_the_editor_creates_a_new_edition_from_the_current_one(login_as: Any, editor: Any, current: Edition) -> None:
    client = login_as(editor)
    data = {"source": current.pk, "code": "2023-2024", "title": "Zorgwijzer 2023/2024"}
    response = client.post(reverse("catalogue:editor_edition_create"), data)
    assert response.status_code == 302
    edition = Edition.objects.get(code="2023-2024")
    assert edition.status == EditionStatus.CONCEPT
    assert Provision.objects.filter(edition=edition).count() == Provision.objects.filter(edition=current).count()


# --- Editing and validation -----------------------------------------------------------------------


def test_editing_a_published_edition_is_refused(login_as: Any, editor: Any, current: Edition) -> None:
    provision = Provision.objects.get(edition=current, slug="mediation")
    with pytest.raises(services.EditionNotEditable):
        services.provision_save(actor=editor, edition=current, provision=provision, data={"name": "Anders"})
    with pytest.raises(services.EditionNotEditable):
        services.provision_delete(actor=editor, provision=provision)
    client = login_as(editor)
    response = client.post(edit_url(provision), form_data(provision, name="Anders"))
    assert response.status_code == 302
    provision.refresh_from_db()
    assert provision.name == "Mediation"
    assert (
        client.post(reverse("catalogue:editor_provision_delete", args=[current.code, "mediation"])).status_code == 302
    )
    assert Provision.objects.filter(edition=current, slug="mediation").exists()


def test_a_provision_without_battery_or_contact_route_gets_dutch_errors_at_the_fields(
    login_as: Any, editor: Any, concept: Edition
) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    response = login_as(editor).post(edit_url(provision), form_data(provision, batteries=[], how_to_start="  "))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["batteries"] == ["Kies ten minste één onderdeel: versterken, voorkomen of herstellen."]
    assert form.errors["how_to_start"] == ["Vul in hoe iemand begint: wie je benadert of waar je je aanmeldt."]
    page = response.content.decode()
    assert 'id="id_how_to_start-error"' in page and 'aria-invalid="true"' in page
    provision.refresh_from_db()
    assert provision.how_to_start.strip() and provision.batteries


def test_a_valid_edit_is_saved_and_audited_with_the_changed_fields(
    login_as: Any, editor: Any, concept: Edition
) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    new_theme = ThemeTag.objects.exclude(provisions=provision).first()
    assert new_theme is not None
    themes = [*(t.pk for t in provision.themes.all()), new_theme.pk]
    data = form_data(provision, summary="Nieuwe samenvatting.", batteries=["herstellen"], themes=themes)
    response = login_as(editor).post(edit_url(provision), data)
    assert response.status_code == 302
    provision.refresh_from_db()
    assert provision.summary == "Nieuwe samenvatting." and provision.batteries == ["herstellen"]
    event = AuditEvent.objects.filter(object_type="catalogue.provision", object_id=str(provision.pk)).latest("pk")
    assert event.action == AuditAction.UPDATE and event.actor == editor
    assert {"summary", "themes"} <= set(event.fields)


def test_a_new_provision_can_be_added_and_deleted_in_a_concept(login_as: Any, editor: Any, concept: Edition) -> None:
    client = login_as(editor)
    data = {
        "name": "Slaapcoach",
        "slug": "slaapcoach",
        "summary": "Hulp bij slecht slapen.",
        "description": "Een coach helpt je beter te slapen.",
        "how_to_start": "Meld je aan via het VGW-team.",
        "batteries": ["voorkomen"],
        "access_route": "zelf_aanvragen",
        "confidentiality": "vertrouwelijk",
        "actie": "opslaan",
    }
    assert client.post(reverse("catalogue:editor_provision_create", args=[concept.code]), data).status_code == 302
    created = Provision.objects.get(edition=concept, slug="slaapcoach")
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="catalogue.provision", object_id=str(created.pk)
    ).exists()
    assert (
        client.post(reverse("catalogue:editor_provision_delete", args=[concept.code, "slaapcoach"])).status_code == 302
    )
    assert not Provision.objects.filter(edition=concept, slug="slaapcoach").exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_id=str(created.pk)).exists()


def test_a_slug_already_in_the_edition_is_refused_at_the_slug(login_as: Any, editor: Any, concept: Edition) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    response = login_as(editor).post(edit_url(provision), form_data(provision, slug="fit-at-np"))
    assert response.status_code == 200 and "slug" in response.context["form"].errors


def test_preview_renders_the_public_page_and_saves_nothing(login_as: Any, editor: Any, concept: Edition) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    audit_rows = AuditEvent.objects.count()
    data = form_data(provision, name="Mediation (nieuw)", actie="voorbeeld")
    response = login_as(editor).post(edit_url(provision), data)
    assert response.status_code == 200
    assert "catalogue/provision_detail.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert "Mediation (nieuw)" in page and "Wie weet ervan?" in page and "Voorbeeld: nog niet opgeslagen." in page
    provision.refresh_from_db()
    assert provision.name == "Mediation"
    assert AuditEvent.objects.count() == audit_rows


def test_preview_of_an_invalid_provision_shows_the_errors_instead(login_as: Any, editor: Any, concept: Edition) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    data = form_data(provision, batteries=[], actie="voorbeeld")
    response = login_as(editor).post(edit_url(provision), data)
    assert "batteries" in response.context["form"].errors


# --- Publishing -----------------------------------------------------------------------------------


def test_publishing_moves_the_status_and_records_who_did_it(login_as: Any, editor: Any, concept: Edition) -> None:
    client = login_as(editor)
    assert client.get(reverse("catalogue:editor_edition_publish", args=[concept.code])).status_code == 200
    assert client.post(reverse("catalogue:editor_edition_publish", args=[concept.code])).status_code == 302
    concept.refresh_from_db()
    assert concept.status == EditionStatus.GEPUBLICEERD and concept.published_at is not None
    steps = list(concept.status_changes.values_list("from_status", "to_status", "actor"))
    assert steps == [("", "concept", editor.pk), ("concept", "gepubliceerd", editor.pk)]
    assert AuditEvent.objects.filter(
        object_type="catalogue.edition",
        object_id=str(concept.pk),
        action=AuditAction.UPDATE,
        fields=["published_at", "status"],
    ).exists()


def test_a_published_edition_cannot_be_published_again_and_history_is_append_only(
    editor: Any, concept: Edition
) -> None:
    services.edition_publish(actor=editor, edition=concept)
    from catalogue.workflow import TransitionNotAllowed

    with pytest.raises(TransitionNotAllowed):
        services.edition_publish(actor=editor, edition=concept)
    step = EditionStatusChange.objects.filter(edition=concept).last()
    assert step is not None
    step.to_status = EditionStatus.CONCEPT
    with pytest.raises(Exception, match="nooit gewijzigd"):
        step.save()


def test_after_publishing_the_new_edition_is_current_and_the_old_one_stays_readable(
    client: Any, editor: Any, current: Edition, concept: Edition
) -> None:
    services.edition_publish(actor=editor, edition=concept)
    assert selectors.current_edition() == concept
    old = client.get(reverse("catalogue:edition_detail", args=[current.code]))
    assert old.status_code == 200 and "Je leest een eerdere editie" in old.content.decode()
    old_provision = client.get(reverse("catalogue:edition_provision", args=[current.code, "mediation"]))
    assert old_provision.status_code == 200 and "Mediation" in old_provision.content.decode()
    index = client.get(reverse("catalogue:editions")).content.decode()
    assert current.title in index and concept.title in index


def test_a_concept_edition_is_not_readable_by_visitors(client: Any, concept: Edition) -> None:
    assert client.get(reverse("catalogue:edition_detail", args=[concept.code])).status_code == 404
    assert client.get(reverse("catalogue:edition_provision", args=[concept.code, "mediation"])).status_code == 404


# --- Comparing ------------------------------------------------------------------------------------


def _change_concept(editor: Any, concept: Edition) -> None:
    mediation = Provision.objects.get(edition=concept, slug="mediation")
    data = {
        **{name: getattr(mediation, name) for name in services.PROVISION_FIELDS},
        "summary": "Anders beschreven.",
        "batteries": ["herstellen"],
        "themes": list(mediation.themes.all()),
        "audiences": list(mediation.audiences.all()),
        "related": list(mediation.related.all()),
        "parent": None,
    }
    services.provision_save(actor=editor, edition=concept, provision=mediation, data=data)
    services.provision_delete(actor=editor, provision=Provision.objects.get(edition=concept, slug="fit-at-np"))
    new = {**data, "slug": "slaapcoach", "name": "Slaapcoach", "related": [], "themes": [], "audiences": []}
    services.provision_save(actor=editor, edition=concept, data=new)


def test_the_comparison_lists_added_removed_and_changed_provisions(
    editor: Any, current: Edition, concept: Edition
) -> None:
    _change_concept(editor, concept)
    comparison = compare_editions(current, concept)
    assert [p.slug for p in comparison.added] == ["slaapcoach"]
    subs = Provision.objects.filter(edition=current, parent__slug="fit-at-np").values_list("slug", flat=True)
    assert {p.slug for p in comparison.removed} == {"fit-at-np", *subs} and "fit-online" in subs
    changed = {change.provision.slug: change.fields for change in comparison.changed}
    old_mediation = Provision.objects.get(edition=current, slug="mediation")
    battery_changes = [b for b in services.BATTERY_FIELDS if getattr(old_mediation, b) != (b == "herstellen")]
    assert changed.pop("mediation") == ["summary", *battery_changes]
    removed = [p.slug for p in comparison.removed]
    pointing_at_removed = Provision.objects.filter(edition=current, related__slug__in=removed).distinct()
    assert changed == {p.slug: ["related"] for p in pointing_at_removed}


def test_an_unchanged_copy_has_no_differences(current: Edition, concept: Edition) -> None:
    assert compare_editions(current, concept).is_empty


def test_the_public_comparison_page_defaults_to_the_two_latest_editions(
    client: Any, editor: Any, current: Edition, concept: Edition, django_assert_max_num_queries: Any
) -> None:
    _change_concept(editor, concept)
    services.edition_publish(actor=editor, edition=concept)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("catalogue:edition_compare"))
    page = response.content.decode()
    assert response.status_code == 200 and "Slaapcoach" in page and "Anders" not in page
    assert "Samenvatting" in page or "samenvatting" in page
    chosen = client.get(reverse("catalogue:edition_compare"), {"van": current.code, "naar": current.code})
    assert "Kies twee verschillende edities." in chosen.content.decode()


# --- Access ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.FUNCTIONEEL_BEHEERDER])
def test_only_the_inhoudsbeheerder_reaches_the_editor(
    login_as: Any, organisation: Any, concept: Edition, role: str
) -> None:
    client = login_as(organisation.users[role])
    assert client.get(reverse("catalogue:editor_home")).status_code == 403
    assert client.get(reverse("catalogue:editor_edition", args=[concept.code])).status_code == 403
    assert client.post(reverse("catalogue:editor_edition_publish", args=[concept.code])).status_code == 403


def test_the_editor_pages_render_for_the_inhoudsbeheerder(
    login_as: Any, editor: Any, concept: Edition, django_assert_max_num_queries: Any
) -> None:
    client = login_as(editor)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("catalogue:editor_home")).status_code == 200
    with django_assert_max_num_queries(40):
        page = client.get(reverse("catalogue:editor_edition", args=[concept.code]))
    assert page.status_code == 200 and "Mediation" in page.content.decode()
    assert client.get(reverse("catalogue:editor_provision_create", args=[concept.code])).status_code == 200
    provision = Provision.objects.get(edition=concept, slug="fit-online")
    assert client.get(edit_url(provision)).status_code == 200


def test_an_anonymous_visitor_is_sent_to_login(client: Any) -> None:
    response = client.get(reverse("catalogue:editor_home"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


@pytest.mark.django_db
def test_a_provision_cannot_take_the_slug_of_a_catalogue_page() -> None:
    from django.core.exceptions import ValidationError

    from catalogue.services import RESERVED_SLUGS, validate_provision

    edition = selectors.current_edition()
    assert edition is not None
    for slug in sorted(RESERVED_SLUGS):
        with pytest.raises(ValidationError) as error:
            validate_provision(
                edition=edition, data={"slug": slug, "batteries": ["herstellen"], "how_to_start": "Bel."}
            )
        assert "slug" in error.value.message_dict


def test_every_fixed_page_under_zorgwijzer_is_a_reserved_slug() -> None:
    from django.urls import get_resolver

    from catalogue.services import RESERVED_SLUGS

    fixed = set()
    for entry in get_resolver().url_patterns:
        route = str(entry.pattern)
        if route.startswith("zorgwijzer/") and route != "zorgwijzer/":
            fixed.add(route.removeprefix("zorgwijzer/").strip("/"))
    for entry in get_resolver("catalogue.urls").url_patterns:
        # The first word of every page under /zorgwijzer/ that is not the <slug>/ of a provision.
        first = str(entry.pattern).split("/")[0]
        if first and "<" not in first:
            fixed.add(first)
    assert {"experts", "offline", "wat-past-bij-mij", "beheer", "edities", "themas", "feiten"} <= fixed
    assert fixed <= RESERVED_SLUGS
