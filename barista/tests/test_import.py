"""Importing exposures from an incident system: CSV upload and JSON API, idempotent, and a file
with one bad row rejected as a whole with Dutch messages per row."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts import tokens
from accounts.constants import ApiScope
from barista.models import Exposure, Signal
from organisation.constants import Role

pytestmark = pytest.mark.django_db

HEADER = "extern_id;personeelsnummer;soort;datum_tijd\n"


def csv_file(employee: Any, *rows: str) -> bytes:
    lines = [HEADER] + [row.replace("{nr}", employee.employee_number) + "\n" for row in rows]
    return "".join(lines).encode()


def upload(client: Any, data: bytes) -> Any:
    return client.post(reverse("barista:import"), {"file": SimpleUploadedFile("gtpa.csv", data, "text/csv")})


#: Dates in three formats, 5, 4 and 1 day before the frozen NOW (2026-06-15 12:00).
VALID = (
    "BVH-1;{nr};belediging;2026-06-10 22:15",
    "BVH-2;{nr};bedreiging-woordelijk;11-06-2026 03:10",
    "BVH-3;{nr};openlijk-geweld;2026-06-14T23:00",
)


@pytest.fixture
def beheerder(login_as: Any, organisation: Any, frozen: Any) -> Any:
    return login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])


def test_a_valid_file_is_imported_and_the_same_file_twice_changes_nothing(
    beheerder: Any, organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    data = csv_file(employee, *VALID)
    with django_capture_on_commit_callbacks(execute=True):
        first = upload(beheerder, data)
    assert first.status_code == 200
    assert "Ingelezen: 3 nieuwe" in first.content.decode()
    assert Exposure.objects.filter(person=employee, source="import").count() == 3
    assert Signal.objects.filter(person=employee).count() == 1  # three within 30 days: evaluated at once
    snapshot = list(Exposure.objects.order_by("pk").values())
    with django_capture_on_commit_callbacks(execute=True):
        second = upload(beheerder, data)
    assert "Ingelezen: 0 nieuwe" in second.content.decode()
    assert "ongewijzigd: 3" in second.content.decode()
    assert list(Exposure.objects.order_by("pk").values()) == snapshot
    assert Signal.objects.count() == 1


def test_a_file_with_one_bad_row_is_rejected_as_a_whole(beheerder: Any, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    data = csv_file(employee, *VALID, "BVH-4;999999;belediging;2026-06-10 22:15", "BVH-5;{nr};onbekend;gisteren")
    response = upload(beheerder, data)
    content = response.content.decode()
    assert "Er is niets opgeslagen" in content
    assert "Rij 5, kolom &#x27;personeelsnummer&#x27;: Er is geen medewerker met dit personeelsnummer." in content
    assert "Rij 6, kolom &#x27;soort&#x27;: Onbekende soort" in content
    assert "Rij 6, kolom &#x27;datum_tijd&#x27;: Geen geldige datum" in content
    assert not Exposure.objects.filter(source="import").exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (("BVH-1;{nr};belediging;2026-06-10 22:15", "BVH-1;{nr};belediging;2026-06-11 22:15"), "staat ook al op rij 2"),
        (("BVH-1;{nr};belediging;2099-01-01 10:00",), "in de toekomst"),
        ((";{nr};belediging;2026-06-10 22:15",), "Vul een extern id in."),
        (("BVH-1;;belediging;2026-06-10 22:15",), "Vul een personeelsnummer in."),
    ],
)
def test_row_errors_are_dutch_and_nothing_is_stored(beheerder: Any, organisation: Any, rows: Any, message: str) -> None:
    response = upload(beheerder, csv_file(organisation.people[Role.MEDEWERKER], *rows))
    assert message in response.content.decode()
    assert not Exposure.objects.exists() or not Exposure.objects.filter(source="import").exists()


def test_a_missing_column_is_a_file_error(beheerder: Any) -> None:
    response = upload(beheerder, b"extern_id;personeelsnummer\nA;1\n")
    assert response.context["form"].errors["file"] == ["Deze kolommen ontbreken in de kopregel: soort, datum_tijd."]


def test_redelivery_with_other_data_is_refused(beheerder: Any, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    upload(beheerder, csv_file(employee, VALID[0]))
    response = upload(beheerder, csv_file(employee, "BVH-1;{nr};belediging;2026-06-09 22:15"))
    assert "al eerder aangeleverd met andere gegevens" in response.content.decode()
    assert Exposure.objects.get(external_id="BVH-1").occurred_at.day == 10


def test_the_json_api_imports_idempotently_and_reports_errors_per_record(organisation: Any, frozen: Any) -> None:
    made = tokens.api_token_create(
        actor=organisation.users[Role.FUNCTIONEEL_BEHEERDER], name="GTPA", scopes=[ApiScope.BARISTA_EXPOSURES]
    )
    system = Client(HTTP_AUTHORIZATION=f"Bearer {made.token}")  # an incident system, with its API token
    employee = organisation.people[Role.MEDEWERKER]
    url = reverse("barista-import-list")
    records = [
        {
            "extern_id": "GTPA-9",
            "personeelsnummer": employee.employee_number,
            "soort": "belediging",
            "datum_tijd": "2026-06-10T22:15:00+02:00",
        }
    ]
    first = system.post(url, json.dumps({"records": records}), content_type="application/json")
    assert first.status_code == 200 and first.json() == {"created": 1, "unchanged": 0}
    again = system.post(url, json.dumps({"records": records}), content_type="application/json")
    assert again.json() == {"created": 0, "unchanged": 1}
    bad = [*records, {"extern_id": "GTPA-10", "personeelsnummer": "nope", "soort": "belediging", "datum_tijd": "x"}]
    response = system.post(url, json.dumps({"records": bad}), content_type="application/json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {(e["row"], e["field"]) for e in errors} == {(2, "personeelsnummer"), (2, "datum_tijd")}
    assert Exposure.objects.filter(source="import").count() == 1
    empty = system.post(url, json.dumps({"records": []}), content_type="application/json")
    assert empty.status_code == 400


def test_the_import_is_in_the_audit_trail_per_employee(beheerder: Any, organisation: Any) -> None:
    from core.models import AuditAction, AuditEvent

    employee = organisation.people[Role.MEDEWERKER]
    upload(beheerder, csv_file(employee, *VALID))
    rows = AuditEvent.objects.filter(action=AuditAction.IMPORT, object_type="barista.exposure")
    assert rows.count() == 3
    assert set(rows.values_list("subject_employee_number", flat=True)) == {employee.employee_number}


def test_the_json_api_takes_no_session_only_a_systems_api_token(login_as: Any, organisation: Any) -> None:
    for role in (Role.LEIDINGGEVENDE, Role.FUNCTIONEEL_BEHEERDER):
        client = login_as(organisation.users[role])
        response = client.post(
            reverse("barista-import-list"), json.dumps({"records": []}), content_type="application/json"
        )
        assert response.status_code == 401, role


def test_rows_with_the_wrong_number_of_fields_are_all_reported(beheerder: Any, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    content = upload(beheerder, csv_file(employee, "A;{nr};belediging", VALID[1], "C;{nr}")).content.decode()
    assert "Rij 2: Deze rij heeft 3 velden, maar de kopregel heeft er 4." in content
    assert "Rij 4: Deze rij heeft 2 velden, maar de kopregel heeft er 4." in content
    assert not Exposure.objects.exists()


def test_an_event_older_than_the_retention_period_is_refused(beheerder: Any, organisation: Any) -> None:
    content = upload(
        beheerder, csv_file(organisation.people[Role.MEDEWERKER], "OUD-1;{nr};belediging;2020-01-01")
    ).content.decode()
    assert "ouder dan de bewaartermijn" in content


def test_a_comma_separated_file_is_read_as_well(beheerder: Any, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    data = f"extern_id,personeelsnummer,soort,datum_tijd\nK-1,{employee.employee_number},belediging,2026-06-10 22:15\n"
    assert "Ingelezen: 1 nieuwe" in upload(beheerder, data.encode()).content.decode()


def test_a_file_that_is_not_utf8_is_refused_at_the_field(beheerder: Any, organisation: Any) -> None:
    data = csv_file(organisation.people[Role.MEDEWERKER], "BVH-1;{nr};belediging;2026-06-10 22:15").replace(
        b"BVH-1", "BVH-ë".encode("latin-1")
    )
    response = upload(beheerder, data)
    assert response.context["form"].errors["file"] == [
        "Het bestand is geen UTF-8-tekst (fout in regel 2). Sla het op als 'CSV UTF-8' en probeer het opnieuw."
    ]
    assert not Exposure.objects.exists()


def test_the_import_service_reads_checks_and_writes_in_one_call(
    organisation: Any, frozen: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from barista import services_import

    employee = organisation.people[Role.MEDEWERKER]
    with django_capture_on_commit_callbacks(execute=True):
        report = services_import.exposure_import_run(data=csv_file(employee, *VALID), actor=None)
    assert (report.ok, report.rows, report.created, report.unchanged) == (True, 3, 3, 0)
    assert Signal.objects.filter(person=employee).count() == 1  # evaluated after the commit
    again = services_import.exposure_import_run(
        data=csv_file(employee, *VALID, "BVH-9;x;belediging;gisteren"), actor=None
    )
    assert [(e.row, e.column) for e in again.errors] == [(5, "personeelsnummer"), (5, "datum_tijd")]
    assert (again.created, Exposure.objects.count()) == (0, 3)
