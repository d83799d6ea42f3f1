"""The §2.7 overview of the Zorgwijzer 2022/2023: every provision under exactly its batteries.

The expected matrix is written out here, read from §2.7 and cross-checked against the section
headings of chapters 3 (versterken), 4 (voorkomen) and 5 (herstellen); Buddy-inzet is in the
§2.7 matrix under herstellen only (described in §6.2.2).
"""

from __future__ import annotations

import pytest

from catalogue import selectors
from catalogue.corrections import corrected_code
from catalogue.loading import DATA_DIR, load_edition, read_content
from catalogue.models import ExpertRole, Provision

ALL = {"versterken", "voorkomen", "herstellen"}
V_V = {"versterken", "voorkomen"}
V_H = {"voorkomen", "herstellen"}

EXPECTED = {
    "experts-vgw-teams": ALL,
    "experts-kerndeskundigenteam": ALL,
    "debriefing": ALL,
    "medewerkersmonitor-memo": ALL,
    "kadernota-arbeidsomstandigheden": {"voorkomen"},
    "arbocatalogus": {"voorkomen"},
    "bewustwording-risicos-politiewerk-en-pbm": {"voorkomen"},
    "training-mentale-kracht": ALL,
    "training-leidinggevenden-verzuim-vroegsignalering": ALL,
    "suicidepreventietraining": V_V,
    "zelftest-mentale-fitheid": ALL,
    "zelftest-mirror": ALL,
    "mental-check-up": V_V,
    "vertrouwenswerk": ALL,
    "mediation": V_H,
    "coaching": ALL,
    "team-sociale-zekerheid-pensioen": {"versterken"},
    "team-sociale-zekerheid-eigenrisicodragerschap": V_H,
    "team-collegiale-ondersteuning": ALL,
    "loket-politie-24-7": V_H,
    "financiele-ondersteuning-schuldhulpverlening": ALL,
    "zorglijn-ptss": {"herstellen"},
    "roeien-naar-herstel": {"herstellen"},
    "zicht-op-eigen-werkvermogen": ALL,
    "collectief-van-ontwikkelmethodieken": V_V,
    "fit-at-np": ALL,
    "app-politieconditie": V_V,
    "werkgeversmodules-bedrijfsgezondheidszorg": V_H,
    "handreiking-einde-loopbaan": V_V,
    "loopbaan-en-mobiliteitscentrum": ALL,
    "gezond-werken-app": ALL,
    "buddy-inzet": {"herstellen"},
}

SUB_PROVISIONS = {
    "fit-at-np": {"fit-online", "fit-plus", "fit-groep", "fit-max", "fit-at-np-workshops"},
    "werkgeversmodules-bedrijfsgezondheidszorg": {"psychopol", "fysiopol", "combipol", "oncopol", "audiopol"},
}


@pytest.mark.django_db
def test_every_provision_of_the_matrix_is_under_exactly_its_batteries() -> None:
    edition = selectors.current_edition()
    # The corrected copy of 2022/2023 (migration 0008, catalogue/corrections.py) changed no battery.
    assert edition is not None and edition.code == corrected_code("2022-2023")
    found = {p.slug: set(p.batteries) for p in Provision.objects.filter(edition=edition, parent__isnull=True)}
    assert found == EXPECTED


@pytest.mark.django_db
def test_sub_provisions_belong_to_their_parent() -> None:
    for parent, children in SUB_PROVISIONS.items():
        found = set(Provision.objects.filter(parent__slug=parent).values_list("slug", flat=True))
        assert children <= found, parent
    # Oncopol and Audiopol are only offered for recovery (§5.19), the others also to prevent (§4.24).
    edition = selectors.current_edition()
    assert Provision.objects.get(edition=edition, slug="oncopol").batteries == ["herstellen"]
    assert Provision.objects.get(edition=edition, slug="psychopol").batteries == ["voorkomen", "herstellen"]


@pytest.mark.django_db
def test_every_expert_role_of_sections_2_5_and_2_6_is_loaded() -> None:
    names = set(ExpertRole.objects.values_list("name", flat=True))
    for expected in ("Bedrijfsarts", "Arbeidsdeskundige", "Bedrijfsmaatschappelijk werker", "Eenheidspsycholoog"):
        assert any(expected.lower() in name.lower() for name in names), expected
    assert ExpertRole.objects.filter(team="kerndeskundigen").exists()
    assert ExpertRole.objects.filter(team="vgw").count() >= 10


@pytest.mark.django_db
def test_every_provision_has_a_summary_description_and_a_way_to_start() -> None:
    for provision in Provision.objects.filter(parent__isnull=True):
        assert provision.summary and provision.description and provision.how_to_start, provision.slug


@pytest.mark.django_db
def test_loading_the_edition_again_changes_nothing() -> None:
    from django.apps import apps

    before = (Provision.objects.count(), ExpertRole.objects.count())
    load_edition(
        read_content(DATA_DIR / "zorgwijzer-2022-2023.json"),
        lambda name: apps.get_model("catalogue", name),
        publish=True,
    )
    assert (Provision.objects.count(), ExpertRole.objects.count()) == before
