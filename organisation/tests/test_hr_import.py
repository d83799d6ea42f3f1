"""HR import: every row checked, all-or-nothing, idempotent, and usable from the command line and the page."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.models import AuditAction, AuditEvent
from organisation import services
from organisation.models import OrgNode, Person
from organisation.tests.factories import OrgNodeFactory, PersonFactory

HEADER = (
    "personeelsnummer;voornaam;achternaam;email;eenheid;district;basisteam;team;teamcode;"
    "leidinggevende_personeelsnummer;in_dienst"
)
ROWS = [
    "1001;Sanne;de Vries;sanne@example.org;Amsterdam;Centrum;Burgwallen;Noodhulp Burgwallen;AMS-NH-BW;;ja",
    "1002;Daan;Jansen;daan@example.org;amsterdam;Centrum;Burgwallen;Noodhulp Burgwallen;AMS-NH-BW;1001;ja",
    "1003;Fenna;Bakker;;Amsterdam;Centrum;Jordaan;Wijkteam Jordaan;AMS-WT-JO;1001;",
    "1004;Joost;Visser;joost@example.org;PDC/Staf KL;;;HRM Advies;PDC-HRM;;nee",
]


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return "\n".join([header, *rows]).encode(encoding)


def run(data: bytes, *, dry_run: bool = False) -> services.HrImportReport:
    return services.hr_import_run(data=data, actor=None, dry_run=dry_run)


def messages(report: services.HrImportReport) -> list[str]:
    return [str(error) for error in report.errors]


@pytest.mark.django_db
def test_a_valid_file_creates_people_and_their_team_tree() -> None:
    report = run(csv_bytes(*ROWS))
    assert report.ok, messages(report)
    assert (report.people_created, report.people_updated, report.people_unchanged) == (4, 0, 0)
    daan = Person.objects.select_related("team__parent__parent", "manager").get(employee_number="1002")
    assert daan.manager is not None and daan.manager.employee_number == "1001"
    assert daan.team is not None and daan.team.code == "AMS-NH-BW"
    basisteam = daan.team.parent
    assert basisteam is not None and (basisteam.kind, basisteam.name) == ("basisteam", "Burgwallen")
    assert basisteam.parent is not None and (basisteam.parent.kind, basisteam.parent.name) == ("district", "Centrum")
    assert OrgNode.objects.filter(kind="district").count() == 1  # Burgwallen and Jordaan share district Centrum
    assert Person.objects.get(employee_number="1004").is_active is False
    assert Person.objects.get(employee_number="1003").is_active is True
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, subject_employee_number="1002").exists()
    assert AuditEvent.objects.filter(action=AuditAction.IMPORT).count() == 1


@pytest.mark.django_db
def test_one_bad_row_writes_nothing_and_names_the_row_and_field() -> None:
    bad = "1005;Lotte;Smit;;Amstredam;;;Team X;X-1;;ja"
    report = run(csv_bytes(*ROWS, bad))
    assert messages(report) == ["Rij 6, kolom 'eenheid': onbekende eenheid 'Amstredam'"]
    assert not Person.objects.exists()
    assert not OrgNode.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_every_bad_row_is_reported_at_once() -> None:
    rows = [*ROWS, "1005;;Smit;geen-email;Amsterdam;;;Team X;X-1;;misschien", "1006;Bram;Kok;;Limburg;;;T;T-1;9999;"]
    report = run(csv_bytes(*rows))
    assert messages(report) == [
        "Rij 6, kolom 'voornaam': dit veld is verplicht",
        "Rij 6, kolom 'email': 'geen-email' is geen geldig e-mailadres",
        "Rij 6, kolom 'in_dienst': 'misschien' is geen 'ja' of 'nee'",
        "Rij 7, kolom 'leidinggevende_personeelsnummer': "
        "leidinggevende '9999' staat niet in het bestand en niet in Zorgwijzer",
    ]
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing_the_second_time() -> None:
    data = csv_bytes(*ROWS)
    run(data)
    before = list(Person.objects.order_by("pk").values())
    audit_rows = AuditEvent.objects.count()
    report = run(data)
    assert report.ok
    assert (report.people_created, report.people_updated, report.people_unchanged) == (0, 0, 4)
    assert (report.nodes_created, report.nodes_updated) == (0, 0)
    assert list(Person.objects.order_by("pk").values()) == before
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.django_db
def test_dry_run_reports_but_writes_nothing() -> None:
    report = run(csv_bytes(*ROWS), dry_run=True)
    assert report.ok and report.dry_run
    assert (report.people_created, report.nodes_created) == (4, 6)  # 1 district, 2 basisteams, 3 teams
    assert not Person.objects.exists()
    assert not OrgNode.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_reimport_updates_people_by_employee_number_and_keeps_absent_people() -> None:
    run(csv_bytes(*ROWS))
    original_pk = Person.objects.get(employee_number="1003").pk
    moved = (
        "1003;Fenna;Bakker-Smit;fenna@example.org;Amsterdam;Centrum;Burgwallen;Noodhulp Burgwallen;AMS-NH-BW;1002;ja"
    )
    report = run(csv_bytes(ROWS[0], ROWS[1], moved))
    assert (report.people_created, report.people_updated, report.people_unchanged) == (0, 1, 2)
    assert report.changes[0].fields == ("last_name", "email", "team", "manager")
    fenna = Person.objects.select_related("team", "manager").get(employee_number="1003")
    assert fenna.pk == original_pk
    assert fenna.team is not None and fenna.manager is not None
    assert (fenna.last_name, fenna.team.code, fenna.manager.employee_number) == ("Bakker-Smit", "AMS-NH-BW", "1002")
    assert Person.objects.filter(employee_number="1004").exists()  # not in the file, not deleted
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, subject_employee_number="1003").exists()


@pytest.mark.django_db
def test_optional_columns_left_out_keep_what_zorgwijzer_has() -> None:
    run(csv_bytes(*ROWS))
    report = run(csv_bytes("1002;Daan;Jansen;Amsterdam;Noodhulp Burgwallen;AMS-NH-BW", header=_short_header()))
    assert (report.people_updated, report.people_unchanged, report.nodes_updated) == (0, 1, 0)
    daan = Person.objects.get(employee_number="1002")
    assert daan.email == "daan@example.org"
    assert daan.manager is not None
    assert daan.team is not None and daan.team.parent is not None and daan.team.parent.name == "Burgwallen"


def _short_header() -> str:
    return "personeelsnummer;voornaam;achternaam;eenheid;team;teamcode"


@pytest.mark.django_db
def test_a_manager_may_be_someone_already_in_zorgwijzer(organisation: Any) -> None:
    boss = organisation.people["leidinggevende"]
    report = run(csv_bytes(f"2001;Roos;Prins;;Testeenheid;;;Team Noord;TNOORD;{boss.employee_number};ja"))
    assert report.ok, messages(report)
    assert Person.objects.get(employee_number="2001").manager == boss


@pytest.mark.django_db
def test_manager_cycles_are_errors() -> None:
    rows = [
        "1001;A;A;;Amsterdam;;;T;T-1;1003;",
        "1002;B;B;;Amsterdam;;;T;T-1;1001;",
        "1003;C;C;;Amsterdam;;;T;T-1;1002;",
        "1004;D;D;;Amsterdam;;;T;T-1;1001;",
    ]
    report = run(csv_bytes(*rows))
    assert [(error.row, error.column) for error in report.errors] == [
        (2, "leidinggevende_personeelsnummer"),
        (3, "leidinggevende_personeelsnummer"),
        (4, "leidinggevende_personeelsnummer"),
    ]
    assert "kring" in report.errors[0].message
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_cycle_through_people_already_in_the_database_is_an_error() -> None:
    team: OrgNode = OrgNodeFactory(code="T-1")  # type: ignore[assignment]
    boss = PersonFactory(employee_number="5000", team=team)
    PersonFactory(employee_number="5001", team=team, manager=boss)
    report = run(csv_bytes(f"5000;Boss;Baas;;{team.unit.code};;;T;T-1;5001;"))
    assert [(error.row, error.column) for error in report.errors] == [(2, "leidinggevende_personeelsnummer")]
    assert Person.objects.get(employee_number="5000").manager is None


@pytest.mark.django_db
def test_duplicate_employee_numbers_are_errors() -> None:
    report = run(csv_bytes(*ROWS, "1002;Daan;Jansen;;Amsterdam;;;T;T-9;;"))
    assert messages(report) == ["Rij 6, kolom 'personeelsnummer': personeelsnummer '1002' staat ook in rij 3"]
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_refused_with_the_line() -> None:
    report = run(csv_bytes(*ROWS, "1005;Zoë;Smit;;Amsterdam;;;T;T-1;;", encoding="latin-1"))
    assert len(report.errors) == 1
    assert report.errors[0].row is None
    assert "UTF-8" in report.errors[0].message and "regel 6" in report.errors[0].message
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_bom_and_comma_delimiter_are_accepted() -> None:
    data = "\ufeff" + HEADER.replace(";", ",") + "\n" + "\n".join(row.replace(";", ",") for row in ROWS)
    report = run(data.encode("utf-8"))
    assert report.ok, messages(report)
    assert Person.objects.count() == 4


@pytest.mark.django_db
def test_header_problems_are_reported_for_the_file() -> None:
    report = run(b"personeelsnummer;voornaam;achternam;eenheid;team;teamcode\n1;a;b;Amsterdam;T;T")
    assert [error.row for error in report.errors] == [None, None]
    assert report.errors[0].message == "De kopregel heeft een onbekende kolom 'achternam'."
    assert report.errors[1].message == "Deze kolommen ontbreken in de kopregel: achternaam."


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(settings: Any) -> None:
    settings.ORGANISATION_HR_IMPORT_MAX_BYTES = 100
    report = run(csv_bytes(*ROWS))
    assert report.file_errors and "groter dan" in report.errors[0].message
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_one_team_code_cannot_name_two_teams() -> None:
    report = run(csv_bytes(ROWS[0], "1002;Daan;Jansen;;Amsterdam;;;Ander team;AMS-NH-BW;;"))
    assert [(error.row, error.column) for error in report.errors] == [(3, "teamcode")]


# --- management command --------------------------------------------------------------------


@pytest.mark.django_db
def test_command_imports_and_prints_a_summary(tmp_path: Any) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes(csv_bytes(*ROWS))
    out = io.StringIO()
    call_command("import_hr", str(path), "--dry-run", stdout=out)
    assert "Proefimport" in out.getvalue() and "medewerkers nieuw: 4" in out.getvalue()
    assert not Person.objects.exists()
    call_command("import_hr", str(path), stdout=io.StringIO())
    assert Person.objects.count() == 4


@pytest.mark.django_db
def test_command_fails_with_per_row_errors(tmp_path: Any) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes(csv_bytes(*ROWS, "1005;Lotte;Smit;;Amstredam;;;T;T-1;;"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("import_hr", str(path), stderr=err)
    assert "Rij 6, kolom 'eenheid'" in err.getvalue()
    assert not Person.objects.exists()


# --- upload page ---------------------------------------------------------------------------


def upload(client: Any, data: bytes, *, dry_run: bool) -> Any:
    payload: dict[str, Any] = {"file": SimpleUploadedFile("hr.csv", data, content_type="text/csv")}
    if dry_run:
        payload["dry_run"] = "on"
    return client.post(reverse("organisation:import"), payload)


@pytest.mark.django_db
def test_page_shows_the_form_to_the_functioneel_beheerder(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["functioneel_beheerder"])
    response = client.get(reverse("organisation:import"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "Alleen controleren (proefimport)" in html


@pytest.mark.django_db
def test_page_lists_row_errors_in_a_table_and_writes_nothing(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["functioneel_beheerder"])
    people = Person.objects.count()
    response = upload(client, csv_bytes(*ROWS, "1005;Lotte;Smit;;Amstredam;;;T;T-1;;"), dry_run=False)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in html
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric">6</td>' in html
    assert "onbekende eenheid &#x27;Amstredam&#x27;" in html
    assert Person.objects.count() == people


@pytest.mark.django_db
def test_page_dry_run_shows_a_summary_then_import_writes(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["functioneel_beheerder"])
    people = Person.objects.count()
    response = upload(client, csv_bytes(*ROWS), dry_run=True)
    assert "Proefimport" in response.content.decode()
    assert response.context["report"].people_created == 4
    assert Person.objects.count() == people
    response = upload(client, csv_bytes(*ROWS), dry_run=False)
    assert "De import is voltooid" in response.content.decode()
    assert Person.objects.count() == people + 4
    event = AuditEvent.objects.get(action=AuditAction.IMPORT)
    assert event.actor_username == "persona-functioneel_beheerder"


@pytest.mark.django_db
def test_page_shows_file_errors_at_the_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["functioneel_beheerder"])
    response = upload(client, "Zoë".encode("latin-1"), dry_run=True)
    form = response.context["form"]
    assert "UTF-8" in form.errors["file"][0]
    assert 'id="id_file-error"' in response.content.decode()


@pytest.mark.django_db
def test_page_is_forbidden_for_a_medewerker(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["medewerker"])
    assert client.get(reverse("organisation:import")).status_code == 403
    response = upload(client, csv_bytes(*ROWS), dry_run=False)
    assert response.status_code == 403
    assert not Person.objects.filter(employee_number="1001").exists()


@pytest.mark.django_db
def test_a_renamed_or_moved_team_is_updated_by_its_code() -> None:
    run(csv_bytes(*ROWS))
    moved = "1003;Fenna;Bakker;;Amsterdam;Centrum;Burgwallen;Wijkteam Burgwallen;AMS-WT-JO;1001;"
    report = run(csv_bytes(*ROWS[:2], moved, ROWS[3]))
    assert (report.nodes_created, report.nodes_updated, report.people_updated) == (0, 1, 0)
    team = OrgNode.objects.select_related("parent").get(code="AMS-WT-JO")
    assert team.parent is not None
    assert (team.name, team.parent.name) == ("Wijkteam Burgwallen", "Burgwallen")


@pytest.mark.django_db
def test_a_team_code_of_another_unit_is_an_error() -> None:
    run(csv_bytes(*ROWS))
    report = run(csv_bytes("1005;Lotte;Smit;;Limburg;;;Noodhulp;AMS-NH-BW;;"))
    assert [(error.row, error.column) for error in report.errors] == [(2, "teamcode")]


@pytest.mark.django_db
def test_a_person_who_leaves_service_loses_their_login_and_open_session_and_gets_it_back(client: Any) -> None:
    from organisation.tests.factories import PASSWORD, UserFactory

    assert run(csv_bytes(*ROWS)).ok
    sanne = Person.objects.get(employee_number="1001")
    user: Any = UserFactory(username="sanne")
    sanne.user = user
    sanne.save()
    client.force_login(user)
    assert client.get(reverse("accounts:profile")).status_code == 200

    left = ROWS[0].removesuffix(";ja") + ";nee"
    report = run(csv_bytes(left, *ROWS[1:]))
    assert report.ok, messages(report)
    user.refresh_from_db()
    assert user.is_active is False
    assert client.get(reverse("accounts:profile")).status_code == 302  # the open session no longer works
    response = client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
    assert response.status_code == 200  # the login form again: an inactive account cannot log in
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert AuditEvent.objects.filter(object_type="auth.user", object_id=str(user.pk), fields=["is_active"]).exists()

    assert run(csv_bytes(*ROWS)).ok
    user.refresh_from_db()
    assert user.is_active is True


SERVICE_HEADER = (
    "personeelsnummer;voornaam;achternaam;eenheid;team;teamcode;datum_in_dienst;aanstelling;aspirant;"
    "datum_diplomering;datum_uit_dienst"
)
SERVICE_ROWS = [
    "3001;Iris;Meijer;Amsterdam;Noodhulp;AMS-NH;01-09-2001;politieambtenaar;nee;15-08-2004;",
    "3002;Kees;Dijkstra;Amsterdam;Noodhulp;AMS-NH;2014-02-01;ath;;;",
    "3003;Nora;Hendriks;Amsterdam;Noodhulp;AMS-NH;1-3-1990;ATH_BOA;;;31-12-2026",
    "3004;Wim;Bos;Amsterdam;Noodhulp;AMS-NH;;vrijwilliger;;;",
]


@pytest.mark.django_db
def test_service_columns_are_imported_and_a_second_import_changes_nothing() -> None:
    import datetime as dt

    data = csv_bytes(*SERVICE_ROWS, header=SERVICE_HEADER)
    report = run(data)
    assert report.ok, messages(report)
    iris = Person.objects.get(employee_number="3001")
    assert (iris.service_start_date, iris.appointment_type) == (dt.date(2001, 9, 1), "politieambtenaar")
    assert (iris.is_aspirant, iris.graduation_date) == (False, dt.date(2004, 8, 15))
    nora = Person.objects.get(employee_number="3003")
    assert (nora.service_start_date, nora.appointment_type) == (dt.date(1990, 3, 1), "ath_boa")
    assert nora.service_end_date == dt.date(2026, 12, 31)
    wim = Person.objects.get(employee_number="3004")
    assert (wim.service_start_date, wim.appointment_type, wim.is_aspirant) == (None, "vrijwilliger", None)
    before = list(Person.objects.order_by("pk").values())
    audit_rows = AuditEvent.objects.count()
    again = run(data)
    assert (again.people_created, again.people_updated, again.people_unchanged) == (0, 0, 4)
    assert list(Person.objects.order_by("pk").values()) == before
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.django_db
def test_a_bad_date_or_unknown_appointment_type_is_reported_at_row_and_column_and_writes_nothing() -> None:
    rows = [
        *SERVICE_ROWS,
        "3005;Eva;Kok;Amsterdam;Noodhulp;AMS-NH;31-02-2010;ath;;;",
        "3006;Ali;Yilmaz;Amsterdam;Noodhulp;AMS-NH;01-01-2010;agent;;;",
        "3007;Mo;Said;Amsterdam;Noodhulp;AMS-NH;01-01-2010;ath;;;01-01-2000",
    ]
    report = run(csv_bytes(*rows, header=SERVICE_HEADER))
    assert messages(report) == [
        "Rij 6, kolom 'datum_in_dienst': '31-02-2010' is geen geldige datum; schrijf dag-maand-jaar, "
        "bijvoorbeeld 01-09-2001",
        "Rij 7, kolom 'aanstelling': onbekende aanstelling 'agent'; kies uit politieambtenaar, ath, ath_boa, "
        "vrijwilliger",
        "Rij 8, kolom 'datum_uit_dienst': de datum uit dienst ligt voor de datum in dienst",
    ]
    assert not Person.objects.exists()
    assert not OrgNode.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_service_columns_left_out_keep_the_service_data() -> None:
    run(csv_bytes(*SERVICE_ROWS, header=SERVICE_HEADER))
    report = run(csv_bytes("3001;Iris;Meijer-Bos;Amsterdam;Noodhulp;AMS-NH", header=_short_header()))
    assert report.changes[0].fields == ("last_name",)
    iris = Person.objects.get(employee_number="3001")
    assert iris.appointment_type == "politieambtenaar" and iris.service_start_date is not None
    cleared = run(
        csv_bytes(
            "3001;Iris;Meijer-Bos;Amsterdam;Noodhulp;AMS-NH;;", header=_short_header() + ";datum_in_dienst;aanstelling"
        )
    )
    assert cleared.changes[0].fields == ("service_start_date", "appointment_type")
    iris.refresh_from_db()
    assert (iris.service_start_date, iris.appointment_type) == (None, "")


@pytest.mark.django_db
def test_an_aspirant_cell_that_is_not_yes_or_no_is_reported_at_row_and_column() -> None:
    report = run(csv_bytes("3008;Lot;Vos;Amsterdam;Noodhulp;AMS-NH;01-01-2010;ath;misschien;;", header=SERVICE_HEADER))
    assert messages(report) == ["Rij 2, kolom 'aspirant': 'misschien' is geen 'ja' of 'nee'"]
    assert not Person.objects.exists()
