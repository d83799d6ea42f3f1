"""The audit trail: reads and writes are recorded, nobody can change or remove a record, and the
functioneel beheerder can search it (and that search is recorded too)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from core import audit
from core.management.commands.flush import MARKER_TABLE, audit_purge_window
from core.models import AuditAction, AuditEvent, AuditTrailIsAppendOnly
from organisation.constants import Role

AUDIT_URL = "/beheer/audittrail/"


def _event(**kwargs) -> AuditEvent:
    defaults = {"action": AuditAction.UPDATE, "object_type": "organisation.person", "object_id": "1"}
    return AuditEvent.objects.create(**{**defaults, **kwargs})


# --- What is recorded -----------------------------------------------------------------


def test_opening_a_person_records_who_read_it_in_which_role_and_request(organisation, login_as):
    manager = organisation.users[Role.LEIDINGGEVENDE]
    employee = organisation.people[Role.MEDEWERKER]
    client = login_as(manager)

    response = client.get(f"/organisatie/medewerkers/{employee.employee_number}/", HTTP_X_REQUEST_ID="req-audit-0001")

    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.READ, object_type="organisation.person")
    assert event.actor == manager
    assert event.actor_username == manager.username
    assert Role.LEIDINGGEVENDE in event.actor_roles.split(",")
    assert event.request_id == "req-audit-0001"
    assert event.subject_employee_number == employee.employee_number
    assert event.object_id == str(employee.pk)
    assert event.method == "GET"


def test_a_change_records_the_field_names_but_never_their_values(organisation):
    employee = organisation.people[Role.MEDEWERKER]
    actor = organisation.users[Role.FUNCTIONEEL_BEHEERDER]

    event = audit.log_change(actor=actor, obj=employee, fields=["last_name", "team"])

    assert event.action == AuditAction.UPDATE
    assert event.fields == ["last_name", "team"]
    assert event.subject_employee_number == employee.employee_number


# --- Nobody can change or remove a record ------------------------------------------------


@pytest.mark.django_db
def test_the_orm_refuses_to_change_or_remove_an_audit_event():
    event = _event()
    event.action = AuditAction.READ
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action=AuditAction.READ)
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditevent SET actor_username = 'someone-else'",
        "UPDATE core_auditevent SET occurred_at = occurred_at WHERE id = {pk}",
        "DELETE FROM core_auditevent",
        "DELETE FROM core_auditevent WHERE id = {pk}",
    ],
)
def test_the_database_refuses_raw_sql_that_changes_or_removes_audit_events(statement):
    """Even SQL that bypasses the ORM (a script, a database console) cannot edit the trail."""
    event = _event(actor_username="original")

    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement.format(pk=event.pk))

    event.refresh_from_db()
    assert event.actor_username == "original"
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db
def test_postgresql_refuses_truncating_the_audit_trail():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    _event()
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_auditevent")
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db
def test_flush_is_refused_on_a_production_database(settings, monkeypatch):
    from django.core.management import CommandError

    settings.DEBUG = False
    monkeypatch.setitem(connection.settings_dict, "NAME", "zorgwijzer")
    _event()
    with pytest.raises(CommandError, match="audit trail"):
        call_command("flush", interactive=False, verbosity=0)
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db
def test_a_purge_window_allows_deleting_but_never_updating_and_closes_again():
    old = _event()
    with audit_purge_window(reason="retention test"), connection.cursor() as cursor:
        with pytest.raises(IntegrityError), transaction.atomic():
            cursor.execute("UPDATE core_auditevent SET actor_username = 'x'")
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [old.pk])
    assert not AuditEvent.objects.filter(pk=old.pk).exists()

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {MARKER_TABLE}")  # noqa: S608
        assert cursor.fetchone()[0] == 0
    _event()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent")


@pytest.mark.django_db
def test_flush_still_empties_the_trail_and_leaves_the_triggers_armed():
    """Test runners flush the database between transactional tests, on SQLite with DELETE.

    (Run inside the test's transaction, which is rolled back afterwards: the SQL is the same.)
    """
    _event()
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert AuditEvent.objects.count() == 0

    _event()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent")
    assert AuditEvent.objects.count() == 1


# --- The search page -------------------------------------------------------------------


@pytest.fixture
def beheerder_client(organisation, login_as):
    return login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])


def test_the_functioneel_beheerder_sees_the_trail(organisation, beheerder_client, django_assert_max_num_queries):
    for number in range(60):
        _event(actor_username=f"user{number}", subject_employee_number="123456")

    with django_assert_max_num_queries(15):
        response = beheerder_client.get(AUDIT_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "utrecht-table" in content
    assert "user59" in content
    assert "Pagina 1 van 2" in content
    assert "no-store" in response["Cache-Control"]


def test_viewing_the_trail_is_itself_recorded(organisation, beheerder_client):
    beheerder = organisation.users[Role.FUNCTIONEEL_BEHEERDER]

    beheerder_client.get(AUDIT_URL, {"employee_number": "654321", "action": AuditAction.READ})

    event = AuditEvent.objects.get(object_type="core.auditevent")
    assert event.action == AuditAction.READ
    assert event.actor == beheerder
    assert event.subject_employee_number == "654321"
    assert event.fields == ["action", "employee_number"]
    assert event.request_id


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ({"username": "ALICE"}, "person-of-alice", "person-of-bob"),
        ({"employee_number": "200002"}, "person-of-bob", "person-of-alice"),
        ({"action": AuditAction.DELETE}, "person-of-bob", "person-of-alice"),
        ({"date_from": "{today}"}, "person-of-bob", "person-of-alice"),
        ({"date_to": "{long_ago}"}, "person-of-alice", "person-of-bob"),
    ],
)
# 00:30 in Amsterdam is still the day before in UTC: the date filters are Amsterdam dates.
@pytest.mark.time_machine(datetime(2027, 1, 1, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)
def test_the_filters_narrow_the_trail(beheerder_client, query, expected, absent):
    long_ago = timezone.now() - timedelta(days=40)
    with time_machine.travel(long_ago, tick=False):
        _event(actor_username="alice", subject_employee_number="200001", object_id="person-of-alice")
    _event(actor_username="bob", subject_employee_number="200002", action=AuditAction.DELETE, object_id="person-of-bob")

    dates = {"today": timezone.localdate(), "long_ago": timezone.localdate(long_ago)}
    values = {key: value.format(**dates) for key, value in query.items()}
    response = beheerder_client.get(AUDIT_URL, values)

    content = response.content.decode()
    assert response.status_code == 200
    assert expected in content
    assert absent not in content


def test_an_htmx_search_returns_only_the_results_fragment(beheerder_client):
    _event(actor_username="carol")
    response = beheerder_client.get(AUDIT_URL, {"username": "carol"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "carol" in content
    assert "<html" not in content
    assert "Vary" in response and "HX-Request" in response["Vary"]


def test_an_impossible_date_range_shows_the_error_and_no_events(beheerder_client):
    _event(actor_username="dave")
    response = beheerder_client.get(AUDIT_URL, {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    content = response.content.decode()
    assert "De einddatum ligt vóór de begindatum." in content
    assert "dave" not in content


@pytest.mark.parametrize("role", [role for role in Role if role != Role.FUNCTIONEEL_BEHEERDER])
def test_other_roles_may_not_see_the_trail(organisation, login_as, role):
    response = login_as(organisation.users[role]).get(AUDIT_URL)
    assert response.status_code == 403


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(AUDIT_URL)
    assert response.status_code == 302
    assert "/account/" in response["Location"]
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_trail_page_has_no_way_to_edit_or_delete(organisation, beheerder_client, method):
    event = _event(actor_username="erin")

    response = getattr(beheerder_client, method)(AUDIT_URL, {"id": event.pk})

    assert response.status_code == 405
    assert AuditEvent.objects.filter(pk=event.pk, actor_username="erin").exists()


def test_the_trail_page_offers_no_edit_or_delete_controls(beheerder_client):
    _event(actor_username="frank")
    content = beheerder_client.get(AUDIT_URL).content.decode()
    listing = content[content.index('id="audit-results"') :]
    assert 'method="post"' not in listing.lower()
    assert "hx-post" not in content and "hx-delete" not in content
