"""The audit trail: reads and writes are recorded, nobody can change or remove a record, and the
functioneel beheerder can search it (and that search is recorded too)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

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
