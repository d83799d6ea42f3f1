"""The chief's logbook and team biography: the author alone reads a note until they share it;
then the HR adviser of the team's unit reads it too, and nobody else."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from organisation.constants import Role
from organisation.tests.factories import RoleAssignmentFactory, UnitFactory, UserFactory
from teamcare.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(organisation: Any, login_as: Any) -> Note:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.post(
        reverse("teamcare:notes"),
        {"team": organisation.team.pk, "kind": "logboek", "text": "Toch raar: niemand reageerde."},
    )
    assert response.status_code == 302
    return Note.objects.get()


def test_the_logbook_is_readable_only_by_its_author_until_shared(
    organisation: Any, note: Note, client: Any, login_as: Any
) -> None:
    url = reverse("teamcare:note", args=[note.pk])
    assert login_as(organisation.users[Role.LEIDINGGEVENDE]).get(url).status_code == 200
    client.logout()
    assert login_as(organisation.users[Role.HR_ADVISEUR]).get(url).status_code == 404
    assert login_as(organisation.users[Role.BMW]).get(url).status_code == 403


def test_a_shared_note_reaches_the_hr_adviser_of_the_unit_only(
    organisation: Any, note: Note, client: Any, login_as: Any
) -> None:
    chief = login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert chief.post(reverse("teamcare:note_share", args=[note.pk]), {"delen": "ja"}).status_code == 302
    client.logout()
    url = reverse("teamcare:note", args=[note.pk])
    adviser = login_as(organisation.users[Role.HR_ADVISEUR])
    assert adviser.get(url).status_code == 200
    assert url in adviser.get(reverse("teamcare:shared")).content.decode()
    client.logout()
    elsewhere = UserFactory.create(username="hr-elders")
    RoleAssignmentFactory.create(user=elsewhere, role=Role.HR_ADVISEUR, unit=UnitFactory.create())
    assert login_as(elsewhere).get(url).status_code == 404


def test_only_the_author_shares_a_note(organisation: Any, note: Note, client: Any, login_as: Any) -> None:
    other_chief = UserFactory.create(username="andere-chef")
    RoleAssignmentFactory.create(user=other_chief, role=Role.LEIDINGGEVENDE, node=organisation.other_team)
    response = login_as(other_chief).post(reverse("teamcare:note_share", args=[note.pk]), {"delen": "ja"})
    assert response.status_code == 404
    note.refresh_from_db()
    assert note.shared_at is None


def test_routes_are_private_to_the_author(organisation: Any, client: Any, login_as: Any) -> None:
    chief = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = chief.post(reverse("teamcare:routes"), {"kind": "leidinggevende", "title": "Zorg over een collega-chef"})
    route_url = response["Location"]
    data = {"vermoeden_done": "on", "vermoeden_note": "Twee keer gezien.", "andere_functie_note": "Nog niet."}
    assert chief.post(route_url, data).status_code == 302
    from teamcare.models import Route

    route = Route.objects.get()
    assert route.steps["vermoeden"] == {"done": True, "note": "Twee keer gezien."}
    assert route.steps["andere_functie"] == {"done": False, "note": "Nog niet."}
    client.logout()
    other_chief = UserFactory.create(username="andere-chef")
    RoleAssignmentFactory.create(user=other_chief, role=Role.LEIDINGGEVENDE, node=organisation.other_team)
    assert login_as(other_chief).get(route_url).status_code == 404


def test_the_checklist_suggests_published_provisions_and_stores_nothing(organisation: Any, login_as: Any) -> None:
    chief = login_as(organisation.users[Role.LEIDINGGEVENDE])
    query = "early=wisseling&early=verzuim&early=onderstroom&overload=altijd_aan&overload=agenda&bekijk=1"
    response = chief.get(reverse("teamcare:checklist") + "?" + query)
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("catalogue:provision", args=["experts-vgw-teams"]) in page
    assert reverse("catalogue:provision", args=["coaching"]) in page
    assert reverse("catalogue:provision", args=["mediation"]) not in page
    assert Note.objects.count() == 0
