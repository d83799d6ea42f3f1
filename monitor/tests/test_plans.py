"""Plan van Aanpak: who reads and who edits a team's measures, and the change after an interim
measurement on the scales a measure addresses."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from monitor import selectors
from monitor.constants import CampaignKind
from monitor.models import Measure
from monitor.tests import factories
from tests.factories import OrgNodeFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_manager_adds_a_measure_and_an_analyst_can_only_read_it(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["leidinggevende"])
    url = reverse("monitor:plan", kwargs={"pk": organisation.team.pk})
    response = client.post(
        url, {"title": "Vaste nabespreking", "scales": ["werkdruk"], "owner": "Teamchef", "status": "gepland"}
    )
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert measure.team == organisation.team and measure.scales == ["werkdruk"]
    analyst = login_as(organisation.users["hr_analist"])
    assert "Vaste nabespreking" in analyst.get(url).content.decode()
    assert (
        analyst.post(url, {"title": "X", "scales": ["werkdruk"], "owner": "Y", "status": "gepland"}).status_code == 403
    )
    assert Measure.objects.count() == 1


def test_a_manager_cannot_open_the_plan_of_another_team(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["leidinggevende"])
    assert client.get(reverse("monitor:plan", kwargs={"pk": organisation.other_team.pk})).status_code == 404


def test_an_analyst_of_another_unit_does_not_find_campaigns_or_plans_here(organisation: Any, login_as: Any) -> None:
    elsewhere = OrgNodeFactory(name="Team Elders")
    analyst = UserFactory(username="analist-elders")
    RoleAssignmentFactory(user=analyst, role="hr_analist", unit=elsewhere.unit)
    campaign = factories.campaign(nodes=[organisation.team], actor=organisation.users["hr_analist"])
    client = login_as(analyst)
    assert client.get(reverse("monitor:campaign", kwargs={"pk": campaign.pk})).status_code == 404
    assert client.get(reverse("monitor:plan", kwargs={"pk": organisation.team.pk})).status_code == 404


def test_status_and_progress_notes_are_kept(organisation: Any, login_as: Any) -> None:
    measure = Measure.objects.create(
        team=organisation.team, title="Pauzes inplannen", owner="Teamchef", scales=["werkdruk"]
    )
    client = login_as(organisation.users["leidinggevende"])
    client.post(
        reverse("monitor:measure", kwargs={"pk": measure.pk}),
        {f"m{measure.pk}-status": "bezig", f"m{measure.pk}-note": "Eerste rooster klaar."},
    )
    measure.refresh_from_db()
    assert measure.status == "bezig" and measure.notes.get().text == "Eerste rooster klaar."


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_after_an_interim_measurement_the_change_on_the_measures_scales_is_shown(organisation: Any) -> None:
    team = organisation.team
    baseline = factories.answered_campaign({team: 6}, lambda t, i: 4, name="Nulmeting")
    measure = Measure.objects.create(
        team=team, campaign=baseline, title="Minder overwerk", owner="Teamchef", scales=["werkdruk"]
    )
    interim = factories.answered_campaign(
        {team: 6}, lambda t, i: 3, name="Tussenmeting", kind=CampaignKind.INTERIM, scales=["werkdruk"]
    )
    interim.opens_on = baseline.opens_on.replace(year=baseline.opens_on.year + 1)
    effects = selectors.measure_effects(measure, [interim, baseline])
    assert [(e.scale, e.before, e.after, e.change) for e in effects] == [("Werkdruk", 4.0, 3.0, -1.0)]
