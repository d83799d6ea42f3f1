"""The audit-trail page: the functioneel beheerder searches the trail (and that search is
recorded too); nobody can edit or delete from it."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.tests.factories import PersonFactory
from portal.views_audit import EVENTS_PER_PAGE

AUDIT_URL = "/beheer/audittrail/"


def _event(**kwargs) -> AuditEvent:
    defaults = {"action": AuditAction.UPDATE, "object_type": "organisation.person", "object_id": "1"}
    return AuditEvent.objects.create(**{**defaults, **kwargs})


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

    PersonFactory(employee_number="654321", first_name="Sanne", last_name="Verbeek")

    beheerder_client.get(AUDIT_URL, {"person": "sanne verbeek", "action": AuditAction.READ})

    event = AuditEvent.objects.get(object_type="core.auditevent")
    assert event.action == AuditAction.READ
    assert event.actor == beheerder
    assert event.subject_employee_number == "654321"
    assert event.fields == ["action", "person"]
    assert event.request_id


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ({"person": "ALICE"}, "person-of-alice", "person-of-bob"),
        ({"person": "200002"}, "person-of-bob", "person-of-alice"),
        ({"kind": "organisation.orgnode"}, "person-of-bob", "person-of-alice"),
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
    _event(
        actor_username="bob",
        subject_employee_number="200002",
        action=AuditAction.DELETE,
        object_type="organisation.orgnode",
        object_id="person-of-bob",
    )

    dates = {"today": timezone.localdate(), "long_ago": timezone.localdate(long_ago)}
    values = {key: value.format(**dates) for key, value in query.items()}
    response = beheerder_client.get(AUDIT_URL, values)

    content = response.content.decode()
    assert response.status_code == 200
    assert expected in content
    assert absent not in content


def test_an_htmx_search_returns_only_the_results_fragment(beheerder_client):
    _event(actor_username="carol")
    response = beheerder_client.get(AUDIT_URL, {"person": "carol"}, HTTP_HX_REQUEST="true")
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


# --- The trail for people: names, labels, filters, export ------------------------------------


def _role_events(organisation, count: int = 1) -> list[AuditEvent]:
    """Events as the role pages write them: a beheerder granted a role to a person."""
    from organisation.models import RoleAssignment

    beheerder = organisation.users[Role.FUNCTIONEEL_BEHEERDER]
    holder = organisation.people[Role.BMW]
    assignment = RoleAssignment.objects.get(user=organisation.users[Role.BMW])
    return [
        _event(
            actor=beheerder,
            actor_username=beheerder.username,
            actor_roles="functioneel_beheerder,medewerker",
            action=AuditAction.CREATE,
            object_type="organisation.roleassignment",
            object_id=str(assignment.pk),
            subject_employee_number=holder.employee_number,
            fields=["role", "unit"],
        )
        for _ in range(count)
    ]


def test_the_trail_shows_names_and_readable_labels_instead_of_codes(organisation, beheerder_client):
    _role_events(organisation)
    holder = organisation.people[Role.BMW]
    beheerder = organisation.people[Role.FUNCTIONEEL_BEHEERDER]

    content = beheerder_client.get(AUDIT_URL).content.decode()

    listing = content[content.index('data-testid="audit-events"') :]
    assert beheerder.full_name in listing  # who did it, by name
    assert f"{holder.full_name} <span" in listing and holder.employee_number in listing  # whom it was about
    assert "Roltoekenning: Bedrijfsmaatschappelijk werker (Testeenheid) van" in listing  # which record, in words
    assert "Functioneel beheerder, Medewerker" in listing  # roles by their names
    assert "rol, eenheid" in listing  # field names in words
    assert "organisation.roleassignment" not in listing


def test_a_record_that_is_gone_or_holds_care_content_is_named_by_kind_and_number_only(organisation, beheerder_client):
    _event(object_type="organisation.roleassignment", object_id="999999", action=AuditAction.DELETE)
    _event(object_type="aftercare.plan", object_id="41", action=AuditAction.READ)

    content = beheerder_client.get(AUDIT_URL).content.decode()

    assert "Roltoekenning: nr. 999999" in content and "(bestaat niet meer)" in content
    assert "nr. 41" in content and "aftercare.plan" not in content.split('data-testid="audit-events"')[1]


@pytest.mark.parametrize("search", ["persona-functioneel", "{last_name}", "{first_name} {last_name}", "{number}"])
def test_the_person_filter_finds_what_someone_did_by_name_number_or_username(organisation, beheerder_client, search):
    _role_events(organisation)
    _event(actor_username="iemand-anders", object_id="other-event")
    person = organisation.people[Role.FUNCTIONEEL_BEHEERDER]
    if search == "persona-functioneel":
        search = organisation.users[Role.FUNCTIONEEL_BEHEERDER].username
    text = search.format(first_name=person.first_name, last_name=person.last_name, number=person.employee_number)

    page = beheerder_client.get(AUDIT_URL, {"person": text}).context["page"]

    shown = [event.object_type for event in page.object_list if event.object_type != "core.auditevent"]
    assert shown == ["organisation.roleassignment"]  # (the search itself is in the trail too)


def test_the_person_filter_also_finds_what_happened_to_someone(organisation, beheerder_client):
    _role_events(organisation)
    holder = organisation.people[Role.BMW]
    page = beheerder_client.get(AUDIT_URL, {"person": holder.last_name}).context["page"]
    shown = [event for event in page.object_list if event.object_type != "core.auditevent"]
    assert [event.subject_employee_number for event in shown] == [holder.employee_number]


def test_the_kind_filter_offers_the_kinds_in_the_trail_by_name(organisation, beheerder_client):
    _role_events(organisation)
    _event(object_type="organisation.hr_import")
    choices = dict(beheerder_client.get(AUDIT_URL).context["form"].fields["kind"].choices)
    assert choices["organisation.roleassignment"] == "Roltoekenning"
    assert choices["organisation.hr_import"] == "HR-import"


def test_the_list_needs_the_same_queries_for_many_events_of_many_kinds(
    organisation, beheerder_client, django_assert_max_num_queries
):
    from organisation.models import OrgNode, Unit

    _role_events(organisation, count=40)
    for person in organisation.people.values():
        _event(
            object_type="organisation.person", object_id=str(person.pk), subject_employee_number=person.employee_number
        )
    _event(object_type="organisation.unit", object_id=str(Unit.objects.get(code="testeenheid").pk))
    _event(object_type="organisation.orgnode", object_id=str(OrgNode.objects.get(code="TNOORD").pk))
    _event(object_type="auth.user", object_id=str(organisation.users[Role.BMW].pk))
    _event(object_type="aftercare.plan", object_id="3")
    beheerder_client.get(AUDIT_URL)  # warm up session and caches

    with django_assert_max_num_queries(16):
        response = beheerder_client.get(AUDIT_URL)

    assert len(response.context["rows"]) == EVENTS_PER_PAGE


def test_the_export_downloads_the_selection_with_names_and_is_itself_recorded(organisation, beheerder_client):
    _role_events(organisation)
    _event(actor_username="=HYPERLINK(evil)", object_id="formula")
    holder = organisation.people[Role.BMW]

    response = beheerder_client.get(AUDIT_URL, {"kind": "organisation.roleassignment", "formaat": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Tijdstip;Gebruiker;Gebruikersnaam;Rollen;Handeling;Soort gegeven;Gegeven;Betrokkene")
    assert len(lines) == 2 and holder.full_name in lines[1] and "Roltoekenning" in lines[1]
    export = AuditEvent.objects.get(action=AuditAction.EXPORT, object_type="core.auditevent")
    assert export.actor == organisation.users[Role.FUNCTIONEEL_BEHEERDER]
    assert export.fields == ["kind"]
    assert not AuditEvent.objects.filter(action=AuditAction.READ, object_type="core.auditevent").exists()


def test_an_export_neutralises_spreadsheet_formulas(organisation, beheerder_client):
    _event(actor_username="=HYPERLINK(evil)")
    content = beheerder_client.get(AUDIT_URL, {"formaat": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in content


def test_an_export_too_large_is_refused_with_advice(organisation, beheerder_client, monkeypatch):
    monkeypatch.setattr("portal.views_audit.EXPORT_MAX_EVENTS", 2)
    for _ in range(3):
        _event()
    response = beheerder_client.get(AUDIT_URL, {"formaat": "csv"})
    assert response["Content-Type"].startswith("text/html")
    assert "Maak je zoekopdracht kleiner" in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize("role", [role for role in Role if role != Role.FUNCTIONEEL_BEHEERDER])
def test_other_roles_may_not_export_the_trail(organisation, login_as, role):
    response = login_as(organisation.users[role]).get(AUDIT_URL, {"formaat": "csv"})
    assert response.status_code == 403
