"""The 14 units of Zorgwijzer §2.1 and their fte on 31-12-2022 are in every database after migrate."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps

from organisation.constants import UnitKind
from organisation.models import Unit, UnitStrength

EXPECTED = {
    "amsterdam": ("Amsterdam", UnitKind.REGIONAL, 5396, 236),
    "pdc-staf-kl": ("PDC/Staf KL", UnitKind.SERVICE, 165, 8125),
    "den-haag": ("Den Haag", UnitKind.REGIONAL, 6292, 272),
    "landelijke-eenheid": ("Landelijke Eenheid", UnitKind.NATIONAL, 4850, 417),
    "lms": ("Landelijke Meldkamer Samenwerking (LMS)", UnitKind.SERVICE, 7, 115),
    "limburg": ("Limburg", UnitKind.REGIONAL, 2888, 136),
    "midden-nederland": ("Midden-Nederland", UnitKind.REGIONAL, 4887, 216),
    "noord-holland": ("Noord-Holland", UnitKind.REGIONAL, 3401, 169),
    "noord-nederland": ("Noord-Nederland", UnitKind.REGIONAL, 3906, 157),
    "politieacademie": ("Ondersteunende Dienst Politieacademie", UnitKind.SERVICE, 35, 1259),
    "oost-brabant": ("Oost-Brabant", UnitKind.REGIONAL, 3043, 135),
    "oost-nederland": ("Oost-Nederland", UnitKind.REGIONAL, 6972, 285),
    "rotterdam": ("Rotterdam", UnitKind.REGIONAL, 5956, 271),
    "zeeland-west-brabant": ("Zeeland-West-Brabant", UnitKind.REGIONAL, 3426, 146),
}


def _facts() -> dict[str, tuple[str, str, int, int]]:
    return {
        fact.unit.code: (fact.unit.name, fact.unit.kind, fact.fte_operational, fact.fte_non_operational)
        for fact in UnitStrength.objects.select_related("unit")
    }


@pytest.mark.django_db
def test_all_fourteen_units_exist_with_their_2022_strength() -> None:
    assert Unit.objects.count() == 14
    assert _facts() == EXPECTED
    facts = UnitStrength.objects.all()
    assert {fact.reference_date for fact in facts} == {datetime.date(2022, 12, 31)}
    assert {fact.source for fact in facts} == {"Zorgwijzer 2022/2023, §2.1 (fte op 31-12-2022)"}


@pytest.mark.django_db
def test_totals_match_the_police_as_a_whole() -> None:
    facts = list(UnitStrength.objects.all())
    assert sum(fact.fte_operational for fact in facts) == 51224
    assert sum(fact.fte_non_operational for fact in facts) == 11939
    assert sum(fact.fte_total for fact in facts) == 63163
    assert Unit.objects.filter(kind=UnitKind.REGIONAL).count() == 10


@pytest.mark.django_db
def test_running_the_migration_again_changes_nothing() -> None:
    migration = importlib.import_module("organisation.migrations.0002_units")
    UnitStrength.objects.filter(unit__code="lms").update(fte_operational=1)
    migration.create_units(apps, None)
    migration.create_units(apps, None)
    assert Unit.objects.count() == 14
    assert UnitStrength.objects.count() == 14
    assert _facts() == EXPECTED
