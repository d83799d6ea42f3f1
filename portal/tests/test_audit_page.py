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
