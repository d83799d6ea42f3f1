"""Contact channels per unit: loaded for every unit, shown for the visitor's own unit, edited with
validation, copied into a new edition, and served by the API."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, transaction
from django.urls import reverse

from catalogue.constants import ChannelKind
from catalogue.models import ContactChannel, Edition, ExpertRole, Provision
from catalogue.tests.factories import channel_rows, concept_edition, current_edition, edit_url, form_data
from conftest import Organisation, verified_login
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.models import Unit

pytestmark = pytest.mark.django_db
MENTAL_CHECK_UP = "/zorgwijzer/mental-check-up/"


def test_every_unit_has_its_vgw_team_as_contact_for_the_provisions_and_experts_reached_through_it() -> None:
    units = set(Unit.objects.values_list("code", flat=True))
    assert len(units) == 14
    mcu = Provision.objects.get(edition=current_edition(), slug="mental-check-up")
    assert {c.unit.code for c in mcu.channels.select_related("unit") if c.unit} == units
    doctor = ExpertRole.objects.get(edition=current_edition(), slug="bedrijfsarts")
    assert {c.unit.code for c in doctor.channels.select_related("unit") if c.unit} == units
    national = ExpertRole.objects.get(edition=current_edition(), slug="team-sociale-zekerheid")
    assert not national.channels.exists()


def test_loading_the_channels_again_changes_nothing() -> None:
    before = ContactChannel.objects.count()
    importlib.import_module("catalogue.migrations.0006_contact_channels_2022_2023").load(django_apps, None)
    assert ContactChannel.objects.count() == before


def test_a_visitor_who_chooses_a_unit_sees_that_units_contact_and_not_another(client: Any) -> None:
    page = client.get(MENTAL_CHECK_UP, {"eenheid": "oost-brabant"}).content.decode()
    assert "Contact voor Oost-Brabant" in page
    assert "VGW-team Oost-Brabant" in page
    assert "VGW-team Amsterdam" not in page
    assert '<option value="oost-brabant" selected>' in page


def test_without_a_unit_the_page_offers_the_choice_and_lists_no_units_contact(client: Any) -> None:
    page = client.get(MENTAL_CHECK_UP).content.decode()
    assert 'name="eenheid"' in page
    assert "VGW-team" not in page
    assert "Neem zelf contact op met de eenheidspsycholoog" in page  # the general route stays


def test_an_unknown_unit_code_is_ignored(client: Any) -> None:
    response = client.get(MENTAL_CHECK_UP, {"eenheid": "atlantis"})
    assert response.status_code == 200
    assert "VGW-team" not in response.content.decode()


def test_a_logged_in_employee_sees_the_contact_of_their_own_unit(client: Any, organisation: Organisation) -> None:
    mcu = Provision.objects.get(edition=current_edition(), slug="mental-check-up")
    ContactChannel.objects.create(
        provision=mcu, unit=organisation.unit, kind=ChannelKind.PHONE, label="Eenheidspsycholoog", value="0800-1234"
    )
    verified_login(client, organisation.users[Role.MEDEWERKER])
    page = client.get(MENTAL_CHECK_UP).content.decode()
    assert f"Contact voor {organisation.unit.name}" in page
    assert 'href="tel:08001234"' in page


def test_a_unit_without_its_own_channel_is_told_so(client: Any, organisation: Organisation) -> None:
    verified_login(client, organisation.users[Role.MEDEWERKER])
    page = client.get(MENTAL_CHECK_UP).content.decode()
    assert f"Voor {organisation.unit.name} is nog geen eigen contact vastgelegd" in page


def test_the_expert_page_shows_the_chosen_units_vgw_team(client: Any) -> None:
    page = client.get(reverse("catalogue:experts"), {"eenheid": "limburg"}).content.decode()
    assert "VGW-team Limburg" in page
    assert "VGW-team Rotterdam" not in page


def test_a_channel_belongs_to_exactly_one_provision_or_expert() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactChannel.objects.create(kind=ChannelKind.PHONE, label="Niemand", value="0800-0000")


# --- Editing --------------------------------------------------------------------------------------


@pytest.fixture
def concept(organisation: Organisation) -> Edition:
    return concept_edition(organisation.users[Role.INHOUDSBEHEERDER])


def test_a_new_edition_carries_the_channels_over(concept: Edition) -> None:
    old = ContactChannel.objects.filter(provision__edition=current_edition()).count()
    assert ContactChannel.objects.filter(provision__edition=concept).count() == old
    assert (
        ContactChannel.objects.filter(expert__edition=concept).count()
        == ContactChannel.objects.filter(expert__edition=current_edition()).count()
    )


def test_the_editor_sets_the_channels_of_a_provision_and_the_change_is_audited(
    login_as: Any, organisation: Organisation, concept: Edition
) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    rows = channel_rows(
        {"kind": "telefoon", "unit": "", "label": "Mediation Politie", "value": "088 - 169 1234"},
        {
            "kind": "e-mail",
            "unit": str(Unit.objects.get(code="limburg").pk),
            "label": "Limburg",
            "value": "m@politie.nl",
        },
    )
    response = login_as(organisation.users[Role.INHOUDSBEHEERDER]).post(
        edit_url(provision), {**form_data(provision), **rows}
    )
    assert response.status_code == 302
    saved = list(provision.channels.order_by("position"))
    assert [(c.kind, c.unit.code if c.unit else None, c.value) for c in saved] == [
        ("telefoon", None, "088 - 169 1234"),
        ("e-mail", "limburg", "m@politie.nl"),
    ]
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(provision.pk)).latest("pk")
    assert "channels" in event.fields


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ({"kind": "telefoon", "label": "Loket", "value": "bel ons"}, "value", "Een telefoonnummer bestaat uit cijfers"),
        ({"kind": "e-mail", "label": "Loket", "value": "geen-adres"}, "value", "Vul een e-mailadres in"),
        ({"kind": "website", "label": "Loket", "value": "geen website"}, "value", "Vul een webadres in"),
        ({"kind": "intranet", "label": "", "value": "Veilig en Gezond Werken"}, "label", "Geef het kanaal een naam"),
        ({"kind": "intranet", "label": "Loket", "value": ""}, "value", "Vul in hoe je dit kanaal bereikt"),
    ],
)
def test_a_channel_that_cannot_be_used_is_refused_at_its_field_and_nothing_is_saved(
    login_as: Any, organisation: Organisation, concept: Edition, row: dict[str, str], field: str, message: str
) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    before = list(provision.channels.values_list("pk", flat=True))
    data = {**form_data(provision, name="Nieuwe naam"), **channel_rows({"unit": "", **row})}
    response = login_as(organisation.users[Role.INHOUDSBEHEERDER]).post(edit_url(provision), data)
    assert response.status_code == 200
    errors = response.context["channels"].forms[0].errors
    assert message in errors[field][0]
    provision.refresh_from_db()
    assert provision.name == "Mediation"
    assert list(provision.channels.values_list("pk", flat=True)) == before


def test_an_empty_extra_row_is_ignored(login_as: Any, organisation: Organisation, concept: Edition) -> None:
    provision = Provision.objects.get(edition=concept, slug="mediation")
    data = {**form_data(provision), **channel_rows({"kind": "telefoon", "unit": "", "label": "", "value": ""})}
    data["kanaal-0-kind"] = "telefoon"  # the select's first option, as a browser sends it
    response = login_as(organisation.users[Role.INHOUDSBEHEERDER]).post(edit_url(provision), data)
    assert response.status_code == 302


# --- API ------------------------------------------------------------------------------------------


def test_the_api_gives_a_provisions_channels_with_their_unit(client: Any) -> None:
    data = client.get("/api/v1/voorzieningen/mental-check-up/").json()
    units = {channel["unit"] for channel in data["contact_channels"]}
    assert "oost-brabant" in units and len(units) == 14
    experts = client.get("/api/v1/deskundigen/").json()
    doctor = next(e for e in experts["results"] if e["slug"] == "bedrijfsarts")
    assert {"unit", "kind", "label", "value", "availability"} <= set(doctor["contact_channels"][0])


def test_wat_is_er_nieuw_lists_a_provision_whose_channels_changed(organisation: Organisation, concept: Edition) -> None:
    from catalogue.compare import compare_editions

    mediation = Provision.objects.get(edition=concept, slug="mediation")
    ContactChannel.objects.create(provision=mediation, kind=ChannelKind.WEBSITE, label="Mediation", value="pzp.nl")
    changes = {change.provision.slug: change.labels for change in compare_editions(current_edition(), concept).changed}
    assert changes == {"mediation": ["contactkanalen"]}


def test_the_self_test_provisions_link_to_the_self_tests_in_zorgwijzer(client: Any) -> None:
    page = client.get("/zorgwijzer/zelftest-mentale-fitheid/").content.decode()
    assert 'href="/zelftest/mentale-fitheid/"' in page
    assert client.get("/zelftest/mentale-fitheid/").status_code == 200
    mirror = client.get("/zorgwijzer/zelftest-mirror/").content.decode()
    assert 'href="/zelftest/mirror/"' in mirror
