"""The absence import (per team and quarter, idempotent, nothing half-written) and the HR history
kept from real HR imports (manager and membership periods)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from organisation.constants import Role
from organisation.models import OrgNode, Person
from organisation.services.hr_import import hr_import_run
from teamcare import services
from teamcare.models import AbsenceFigure, ManagerPeriod, Membership

pytestmark = pytest.mark.django_db


def _csv(*rows: str) -> bytes:
    return ("teamcode;periode;verzuimpercentage;meldingsfrequentie\n" + "\n".join(rows) + "\n").encode()


def test_importing_the_same_absence_file_twice_changes_nothing(organisation: Any) -> None:
    data = _csv("TNOORD;2026-K2;8,4;1,3", "TZUID;2026-K2;3,1;0,6")
    first = services.absence_import(data=data, actor=None)
    assert (first.created, first.updated) == (2, 0)
    second = services.absence_import(data=data, actor=None)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert AbsenceFigure.objects.count() == 2


def test_one_bad_row_writes_nothing_and_every_error_is_listed_per_row(organisation: Any) -> None:
    data = _csv("TNOORD;2026-K2;8,4;1,3", "ONBEKEND;2026-K2;3,1;0,6", "TZUID;2026-Q2;130;0,6")
    report = services.absence_import(data=data, actor=None)
    assert not report.ok
    assert [(e.row, e.column) for e in report.errors] == [(3, "teamcode"), (4, "periode"), (4, "verzuimpercentage")]
    assert AbsenceFigure.objects.count() == 0


def test_a_team_and_period_twice_in_one_file_is_refused(organisation: Any) -> None:
    report = services.absence_import(data=_csv("TNOORD;2026-K2;8;1", "TNOORD;2026-K2;9;1"), actor=None)
    assert [e.row for e in report.errors] == [3]


HR_HEADER = "personeelsnummer;voornaam;achternaam;eenheid;teamcode;team;leidinggevende_personeelsnummer;in_dienst\n"


@override_settings(TEAMCARE_ABSENCE_IMPORT_MAX_BYTES=1024 * 1024)
def test_a_too_large_absence_file_is_refused_at_the_field_before_it_is_read(organisation: Any, login_as: Any) -> None:
    upload = SimpleUploadedFile("verzuim.csv", _csv("TNOORD;2026-K2;8,4;1,3") + b"\n" * (1024 * 1024))
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    response = client.post(reverse("teamcare:absence_import"), {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["Het bestand is groter dan 1 MB."]
    assert AbsenceFigure.objects.count() == 0


def test_an_hr_import_keeps_membership_and_manager_history(organisation: Any) -> None:
    rows = (
        "900001;Chef;Een;testeenheid;TWEST;Team West;;ja\n"
        "900002;Chef;Twee;testeenheid;TWEST;Team West;;ja\n"
        "900010;Ann;A;testeenheid;TWEST;Team West;900001;ja\n"
        "900011;Bo;B;testeenheid;TWEST;Team West;900001;ja\n"
    )
    report = hr_import_run(data=(HR_HEADER + rows).encode(), actor=None, dry_run=False)
    assert report.ok, report.errors
    west = OrgNode.objects.get(code="TWEST")
    assert Membership.objects.filter(team=west, ended_on__isnull=True).count() == 4
    assert list(ManagerPeriod.objects.filter(team=west).values_list("manager__employee_number", flat=True)) == [
        "900001"
    ]
    changed = rows.replace(
        "900010;Ann;A;testeenheid;TWEST;Team West;900001", "900010;Ann;A;testeenheid;TWEST;Team West;900002"
    )
    changed = changed.replace(
        "900011;Bo;B;testeenheid;TWEST;Team West;900001;ja", "900011;Bo;B;testeenheid;TZUID;Team Zuid;900002;ja"
    )
    report = hr_import_run(data=(HR_HEADER + changed).encode(), actor=None, dry_run=False)
    assert report.ok, report.errors
    periods = list(ManagerPeriod.objects.filter(team=west).order_by("pk"))
    assert [p.manager_id for p in periods] == [
        Person.objects.get(employee_number=number).pk for number in ("900001", "900002")
    ]
    assert periods[0].ended_on == timezone.localdate()
    moved = Membership.objects.get(person__employee_number="900011", ended_on__isnull=False)
    assert (moved.team, moved.ended_because) == (west, "ander_team")


def test_a_dry_run_records_no_history(organisation: Any) -> None:
    data = (HR_HEADER + "900001;Chef;Een;testeenheid;TNOORD;Team Noord;;ja\n").encode()
    hr_import_run(data=data, actor=None, dry_run=True)
    assert not Membership.objects.exists()


def test_history_start_is_idempotent(organisation: Any) -> None:
    from teamcare import history

    first = history.history_start(on=timezone.localdate())
    assert first == Membership.objects.count() > 0
    assert history.history_start(on=timezone.localdate()) == 0
    assert ManagerPeriod.objects.get(team=organisation.team).manager == organisation.people[Role.LEIDINGGEVENDE]
