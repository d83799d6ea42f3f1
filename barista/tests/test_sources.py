"""Barista as the sources describe it (issue 22 §2, seed 000 L2483-2491): an invitation only after
*several* impactful incidents (one severe event is the work of opvang en nazorg), and a scope that
is explicit: Barista runs in the units and teams the functioneel beheerder switched on, nowhere else,
and the employee can see whether it runs for them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from barista import evaluation, services, signalling
from barista.forms import RulesForm
from barista.models import RULE_FIELDS, RuleSet, Scope, Signal
from barista.tests.conftest import NOW
from barista.tests.factories import expose
from core.models import AuditEvent
from organisation.constants import Role

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def test_one_very_severe_event_does_not_invite_the_manager(frozen: Any, employee: Any) -> None:
    expose(employee, NOW - 2 * DAY, code="schietincident")
    assert signalling.evaluate(now=NOW).created == 0
    assert not Signal.objects.filter(person=employee).exists()


def test_the_rules_offer_no_single_event_rule(frozen: Any) -> None:
    assert "highest_enabled" not in RULE_FIELDS
    assert "highest_enabled" not in RulesForm().fields
    assert not evaluation.current_rules()[None].highest_enabled


def test_one_event_heavy_enough_for_the_weight_threshold_alone_is_not_enough(frozen: Any, employee: Any) -> None:
    base = evaluation.current_rules()[None]
    values = {f: getattr(base, f) for f in RULE_FIELDS} | {"count_n": 20, "weight_threshold": 3, "weight_days": 90}
    services.rules_save(unit=None, values=values, actor=None)
    expose(employee, NOW - 2 * DAY, code="ernstig-geweld")  # weight 4, above 3: but one event
    assert signalling.evaluate(now=NOW).created == 0
    expose(employee, NOW - DAY, code="belediging")
    assert signalling.evaluate(now=NOW).created == 1


def test_outside_the_switched_on_units_and_teams_barista_makes_no_signal(
    frozen: Any, employee: Any, scope_off: None
) -> None:
    for days in (20, 10, 1):
        expose(employee, NOW - days * DAY)
    assert signalling.evaluate(now=NOW).created == 0


def test_a_team_switched_on_gets_signals_and_the_other_team_of_the_unit_does_not(
    frozen: Any, organisation: Any, scope_off: None
) -> None:
    services.scope_set(units=[], teams=[organisation.team], actor=None)
    inside, outside = organisation.people[Role.MEDEWERKER], organisation.people["outsider"]
    outside.manager = organisation.people[Role.LEIDINGGEVENDE]
    outside.save()
    for person in (inside, outside):
        for days in (20, 10, 1):
            expose(person, NOW - days * DAY)
    assert signalling.evaluate(now=NOW).created == 1
    assert list(Signal.objects.values_list("person", flat=True)) == [inside.pk]


def test_switching_a_unit_on_and_off_is_recorded_in_the_audit_trail(organisation: Any, scope_off: None) -> None:
    admin = organisation.users[Role.FUNCTIONEEL_BEHEERDER]
    services.scope_set(units=[organisation.unit], teams=[], actor=admin)
    assert Scope.objects.get().unit == organisation.unit
    services.scope_set(units=[], teams=[], actor=admin)
    assert not Scope.objects.exists()
    actions = list(AuditEvent.objects.filter(object_type__icontains="scope").values_list("action", flat=True))
    assert len(actions) == 2


def test_the_employee_sees_whether_barista_runs_for_their_team(
    client: Any, organisation: Any, login_as: Any, scope_off: None
) -> None:
    login_as(organisation.users[Role.MEDEWERKER])
    page = client.get(reverse("barista:own")).content.decode()
    assert 'data-testid="barista-scope-off"' in page
    services.scope_set(units=[], teams=[organisation.team], actor=None)
    page = client.get(reverse("barista:own")).content.decode()
    assert 'data-testid="barista-scope-on"' in page


def test_the_functioneel_beheerder_switches_teams_on_in_the_browser(
    client: Any, organisation: Any, login_as: Any, scope_off: None
) -> None:
    login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    url = reverse("barista:scope")
    assert client.get(url).status_code == 200
    response = client.post(url, {"teams": [str(organisation.team.pk)]})
    assert response.status_code == 302
    assert [s.team_id for s in Scope.objects.all()] == [organisation.team.pk]
    page = client.get(url).content.decode()
    assert organisation.team.name in page


def test_a_manager_cannot_change_the_scope(client: Any, organisation: Any, login_as: Any, scope_off: None) -> None:
    login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.post(reverse("barista:scope"), {"units": [str(organisation.unit.pk)]})
    assert response.status_code == 403
    assert not Scope.objects.exists()


def test_old_rule_versions_keep_the_single_event_rule_they_had(frozen: Any) -> None:
    # History stays readable: the migration added a version without it; it did not rewrite the old one.
    versions = list(RuleSet.objects.filter(unit=None).order_by("version").values_list("highest_enabled", flat=True))
    assert versions[-1] is False
