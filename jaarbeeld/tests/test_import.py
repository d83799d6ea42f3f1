"""The CSV import of indicator values from other systems."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import verified_login
from jaarbeeld import services
from jaarbeeld.models import IndicatorValue
from organisation.constants import Role
from organisation.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db
MAX = 100_000


def _csv(*rows: str) -> bytes:
    return ("indicator;jaar;eenheid;waarde;richting;aard;duiding;bron\n" + "\n".join(rows) + "\n").encode()


def test_importing_the_same_file_twice_changes_nothing_the_second_time(organisation: Any) -> None:
    data = _csv(
        "verzuim-psychisch;2023;;34,5;toegenomen;feit;;Verzuimregistratie",
        f"bmw-verzoeken;2023;{organisation.unit.code};120;;feit;;Registratie BMW",
    )
    first = services.values_import(data=data, max_bytes=MAX, actor=None)
    second = services.values_import(data=data, max_bytes=MAX, actor=None)
    assert (first.created, first.updated) == (2, 0)
    assert (second.created, second.updated) == (0, 0)
    assert str(IndicatorValue.objects.get(indicator__code="verzuim-psychisch", year=2023, unit=None).value) == "34.5"


def test_a_changed_value_replaces_the_stored_one() -> None:
    services.values_import(data=_csv("ptss-beroep;2023;;10;;;;Registratie"), max_bytes=MAX, actor=None)
    report = services.values_import(data=_csv("ptss-beroep;2023;;12;;;;Registratie"), max_bytes=MAX, actor=None)
    assert report.updated == 1
    assert IndicatorValue.objects.get(indicator__code="ptss-beroep", year=2023).value == 12


def test_one_bad_row_writes_nothing_and_every_error_names_its_row_and_column() -> None:
    UnitFactory(code="noord")
    data = _csv(
        "ptss-beroep;2023;noord;10;;;;Registratie",
        "bestaat-niet;2023;;1;;;;X",
        "ptss-beroep;twintig;;1;;;;X",
        "nazorg-gtpa;2023;;4;;;;X",
        "ptss-beroep;2024;onbekend;-3;omhoog;;;",
    )
    report = services.values_import(data=data, max_bytes=MAX, actor=None)
    assert not report.checked.ok
    assert not IndicatorValue.objects.filter(indicator__code="ptss-beroep", year__gte=2023).exists()
    found = {(e.row, e.column) for e in report.checked.errors}
    assert {
        (3, "indicator"),
        (4, "jaar"),
        (5, "indicator"),
        (6, "eenheid"),
        (6, "waarde"),
        (6, "richting"),
        (6, "bron"),
    } <= found


def test_a_platform_indicator_cannot_be_imported() -> None:
    report = services.values_import(data=_csv("nazorg-gtpa;2023;;4;;;;X"), max_bytes=MAX, actor=None)
    assert "berekent deze indicator zelf" in str(report.checked.errors[0])
    assert not IndicatorValue.objects.filter(indicator__code="nazorg-gtpa").exists()


def test_a_bad_file_on_the_page_gets_the_message_at_the_field_and_stores_nothing(
    client: Any, organisation: Any
) -> None:
    verified_login(client, organisation.users[Role.HR_ANALIST])
    upload = SimpleUploadedFile("waarden.csv", _csv("ptss-beroep;twintig;;1;;;;X"), content_type="text/csv")
    response = client.post(reverse("jaarbeeld:import"), {"bestand": upload})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Het bestand is niet ingelezen: er is niets opgeslagen." in html
    assert "Vul een jaartal in, bijvoorbeeld 2023." in html
    assert not IndicatorValue.objects.filter(indicator__code="ptss-beroep", year__gte=2023).exists()
