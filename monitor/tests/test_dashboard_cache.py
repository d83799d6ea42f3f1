"""The dashboard's cached figures part (monitor.views._figures_html): who may see which group is
decided on every request, so a change of team or role between two reads never shows the figures
of the group the user saw before, and a group below the threshold stays hidden from the cache too."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from monitor.tests import factories
from organisation.models import RoleAssignment
from organisation.tests.factories import OrgNodeFactory

pytestmark = pytest.mark.django_db

HIDDEN = "Voor deze groep tonen we geen uitkomsten"


def _value(team: Any, index: int) -> int:
    return 4 if team.code == "TNOORD" else 2


def _heading(body: str) -> str:
    """The name the figures part opens with (the group whose figures follow)."""
    start = body.index('<h2 class="utrecht-heading-2">') + len('<h2 class="utrecht-heading-2">')
    return body[start : body.index("</h2>", start)]


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_an_employee_moved_to_another_team_sees_that_team_not_the_cached_one(organisation: Any, login_as: Any) -> None:
    factories.answered_campaign({organisation.team: 6, organisation.other_team: 6}, _value)
    client = login_as(organisation.users["medewerker"])
    assert _heading(client.get(reverse("monitor:dashboard")).content.decode()) == "Team Noord"
    person = organisation.people["medewerker"]
    person.team = organisation.other_team
    person.save(update_fields=["team"])
    body = client.get(reverse("monitor:dashboard")).content.decode()
    assert _heading(body) == "Team Zuid"
    assert "Team Noord" not in body


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_manager_whose_role_moves_to_another_team_no_longer_sees_the_first_team(
    organisation: Any, login_as: Any
) -> None:
    factories.answered_campaign({organisation.team: 6, organisation.other_team: 6}, _value)
    user = organisation.users["leidinggevende"]
    client = login_as(user)
    first = client.get(reverse("monitor:dashboard"), {"team": f"node-{organisation.team.pk}"}).content.decode()
    assert _heading(first) == "Team Noord"
    RoleAssignment.objects.filter(user=user, node=organisation.team).update(node=organisation.other_team)
    person = organisation.people["leidinggevende"]
    person.team = organisation.other_team
    person.save(update_fields=["team"])
    again = client.get(reverse("monitor:dashboard"), {"team": f"node-{organisation.team.pk}"}).content.decode()
    assert "Team Noord" not in again, "the cached figures of the team left are not shown, not even when asked for"
    assert _heading(again) == "Team Zuid"


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_group_below_the_threshold_is_hidden_on_every_read_from_the_cache(organisation: Any, login_as: Any) -> None:
    small = OrgNodeFactory.create(unit=organisation.unit, name="Team Klein", code="TKLEIN")
    factories.answered_campaign({organisation.team: 6, organisation.other_team: 6, small: 2}, _value)
    client = login_as(organisation.users["hr_analist"])
    for _ in range(2):  # the second read comes from the cache
        body = client.get(reverse("monitor:dashboard"), {"team": f"node-{small.pk}"}).content.decode()
        assert _heading(body) == "Team Klein" and HIDDEN in body
        assert 'role="img"' not in body, "no chart for a hidden group"


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_the_sub_groups_listed_are_the_viewers_own_not_those_of_an_earlier_viewer(
    organisation: Any, login_as: Any
) -> None:
    """Two people open the same unit: the list of teams under it comes from each one's scope."""
    factories.answered_campaign({organisation.team: 6, organisation.other_team: 6}, _value)
    unit = {"eenheid": f"unit-{organisation.unit.pk}"}
    analyst = login_as(organisation.users["hr_analist"]).get(reverse("monitor:dashboard"), unit).content.decode()
    assert "Onderdelen van" in analyst and "Team Zuid" in analyst
    manager = login_as(organisation.users["leidinggevende"]).get(reverse("monitor:dashboard"), unit).content.decode()
    assert "Team Zuid" not in manager
