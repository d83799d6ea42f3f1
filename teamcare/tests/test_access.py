"""Who finds a team's signal page: the head of a node above the team and the unit's HR adviser;
never the team's own chief or its members (404). Every view is audit-logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from core.models import AuditEvent
from organisation.constants import NodeKind, Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(organisation: Any) -> Any:
    """A district above Team Noord, led by its own head."""
    node = OrgNodeFactory.create(unit=organisation.unit, kind=NodeKind.DISTRICT, name="District Oost")
    organisation.team.parent = node
    organisation.team.save()
    head = UserFactory.create(username="districtchef")
    PersonFactory.create(user=head, team=node)
    RoleAssignmentFactory.create(user=head, role=Role.LEIDINGGEVENDE, node=node)
    return head


def _url(organisation: Any) -> str:
    return reverse("teamcare:team_signals", args=[organisation.team.pk])


def test_the_head_of_the_parent_node_sees_the_team_and_the_view_is_logged(
    organisation: Any, district: Any, login_as: Any
) -> None:
    response = login_as(district).get(_url(organisation))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(
        actor_username="districtchef",
        action="read",
        object_type="organisation.orgnode",
        object_id=str(organisation.team.pk),
    ).exists()


def test_the_teams_own_chief_gets_404(organisation: Any, district: Any, login_as: Any) -> None:
    assert login_as(organisation.users[Role.LEIDINGGEVENDE]).get(_url(organisation)).status_code == 404


def test_a_member_who_is_hr_adviser_gets_404(organisation: Any, district: Any, login_as: Any) -> None:
    # The HR adviser persona is a member of Team Noord: members never see their own team.
    assert login_as(organisation.users[Role.HR_ADVISEUR]).get(_url(organisation)).status_code == 404


def test_the_hr_adviser_of_the_unit_sees_a_team_they_are_not_in(organisation: Any, login_as: Any) -> None:
    url = reverse("teamcare:team_signals", args=[organisation.other_team.pk])
    assert login_as(organisation.users[Role.HR_ADVISEUR]).get(url).status_code == 200


def test_a_plain_member_is_refused_the_signal_pages(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    assert client.get(_url(organisation)).status_code == 403
    assert client.get(reverse("teamcare:signals")).status_code == 403


def test_a_head_two_levels_up_sees_the_team_but_not_their_own_node(
    organisation: Any, district: Any, login_as: Any
) -> None:
    import access

    region = OrgNodeFactory.create(unit=organisation.unit, kind=NodeKind.DISTRICT, name="Regio")
    district_node = organisation.team.parent
    district_node.parent = region
    district_node.save()
    boss = UserFactory.create(username="regiochef")
    RoleAssignmentFactory.create(user=boss, role=Role.LEIDINGGEVENDE, node=region)
    assert organisation.team.pk in access.teamcare_signal_team_ids(boss)
    assert region.pk not in access.teamcare_signal_team_ids(boss)


def test_the_overview_is_logged(organisation: Any, district: Any, login_as: Any) -> None:
    response = login_as(district).get(reverse("teamcare:signals"))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(actor_username="districtchef", object_type="teamcare.signals").count() == 1


def test_the_api_lists_teams_in_scope_with_their_reasons(organisation: Any, login_as: Any) -> None:
    from teamcare.tests.factories import absence, leaders

    absence(organisation.other_team, percentage="9.5")
    leaders(organisation.other_team, [600, 300, 100])
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    with override_settings(TEAMCARE_MIN_SIGNALS=2):
        data = client.get("/api/v1/teams-in-beeld-signalen/").json()
    assert [row["teamcode"] for row in data] == ["TZUID"]
    assert [reason["signaal"] for reason in data[0]["signalen"]] == ["leidingwisseling", "verzuim"]
    assert AuditEvent.objects.filter(
        object_type="teamcare.signals", actor_username=organisation.users[Role.HR_ADVISEUR].username
    ).exists()


def test_the_overview_uses_the_same_number_of_queries_for_more_teams(organisation: Any, login_as: Any) -> None:
    """The signal sources are grouped queries over all teams in scope (the counting ones in one
    statement): more teams with signals do not mean more queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from teamcare.tests.factories import absence, leaders

    client = login_as(organisation.users[Role.HR_ADVISEUR])
    url = reverse("teamcare:signals")

    def queries() -> int:
        client.get(url)  # warm the session and role caches
        with CaptureQueriesContext(connection) as captured, override_settings(TEAMCARE_MIN_SIGNALS=2):
            assert client.get(url).status_code == 200
        return len(captured)

    absence(organisation.other_team, percentage="9.5")
    leaders(organisation.other_team, [600, 300, 100])
    few = queries()
    for n in range(4):
        team = OrgNodeFactory.create(unit=organisation.unit, name=f"Team {n}")
        absence(team, percentage="9.5")
        leaders(team, [600, 300, 100])
    assert queries() == few
    assert few <= 18
