"""Plan van Aanpak: who reads and who edits a team's measures, and the change after an interim
measurement on the scales a measure addresses."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from monitor import selectors
from monitor.constants import CampaignKind
from monitor.models import Measure
from monitor.tests import factories
from organisation.tests.factories import OrgNodeFactory, RoleAssignmentFactory, UserFactory

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


def _measure(team: Any, **extra: Any) -> Measure:
    fields = {"title": "Pauzes inplannen", "owner": "Teamchef", "scales": ["werkdruk"], **extra}
    return Measure.objects.create(team=team, **fields)


def test_the_manager_changes_every_field_of_a_measure_and_the_change_is_audited(
    organisation: Any, login_as: Any
) -> None:
    from core.models import AuditEvent

    measure = _measure(organisation.team)
    client = login_as(organisation.users["leidinggevende"])
    url = reverse("monitor:measure_edit", kwargs={"pk": measure.pk})
    page = client.get(url)
    assert page.status_code == 200 and 'value="Pauzes inplannen"' in page.content.decode()
    response = client.post(
        url,
        {
            "title": "Pauzes vast inplannen",
            "description": "Elke dienst een echte pauze.",
            "scales": ["werkdruk", "steun-collegas"],
            "owner": "Plaatsvervangend teamchef",
            "due_on": "2027-02-01",
            "status": "bezig",
            "note": "Rooster is aangepast.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#maatregel-{measure.pk}")
    measure.refresh_from_db()
    assert (measure.title, measure.owner, measure.status, str(measure.due_on)) == (
        "Pauzes vast inplannen",
        "Plaatsvervangend teamchef",
        "bezig",
        "2027-02-01",
    )
    assert measure.scales == ["werkdruk", "steun-collegas"]
    assert [note.text for note in measure.notes.all()] == ["Rooster is aangepast."]
    event = AuditEvent.objects.filter(object_type__icontains="measure").latest("pk")
    assert set(event.fields) == {"title", "description", "scales", "owner", "due_on", "status", "notes"}
    assert "Rooster" not in repr(event.fields), "the audit trail keeps field names, never values"


def test_wrong_input_on_the_edit_page_gets_a_dutch_message_at_the_field_and_changes_nothing(
    organisation: Any, login_as: Any
) -> None:
    measure = _measure(organisation.team)
    client = login_as(organisation.users["leidinggevende"])
    url = reverse("monitor:measure_edit", kwargs={"pk": measure.pk})
    response = client.post(url, {"title": "", "scales": [], "owner": "Teamchef", "due_on": "32-13-2027", "status": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    at_fields = dict(re.findall(r'id="id_(\w+)-error"><p>(.*?)</p>', html))
    assert at_fields["title"] == at_fields["scales"] == "Dit veld is vereist."
    assert at_fields["due_on"] == "Voer een geldige datum in."
    assert at_fields["status"].startswith("Selecteer een geldige keuze.")
    assert 'aria-invalid="true"' in html
    measure.refresh_from_db()
    assert measure.title == "Pauzes inplannen" and measure.status == "gepland"


def test_provisions_of_a_measure_can_be_changed_and_one_that_left_the_catalogue_is_kept(
    organisation: Any, login_as: Any
) -> None:
    measure = _measure(organisation.team, provisions=["verdwenen-voorziening"])
    client = login_as(organisation.users["leidinggevende"])
    url = reverse("monitor:measure_edit", kwargs={"pk": measure.pk})
    assert "verdwenen-voorziening" in client.get(url).content.decode()
    data = {"title": measure.title, "scales": ["werkdruk"], "owner": "Teamchef", "status": "gepland"}
    client.post(url, {**data, "provisions": ["verdwenen-voorziening"]})
    measure.refresh_from_db()
    assert measure.provisions == ["verdwenen-voorziening"]
    client.post(url, data)
    measure.refresh_from_db()
    assert measure.provisions == []


def test_only_the_teams_manager_may_edit_a_measure(organisation: Any, login_as: Any) -> None:
    measure = _measure(organisation.team)
    url = reverse("monitor:measure_edit", kwargs={"pk": measure.pk})
    data = {"title": "Anders", "scales": ["werkdruk"], "owner": "X", "status": "afgerond"}
    for role in ("hr_analist", "medewerker"):
        client = login_as(organisation.users[role])
        assert client.get(url).status_code == 403
        assert client.post(url, data).status_code == 403
    other = _measure(organisation.other_team)
    manager = login_as(organisation.users["leidinggevende"])
    assert manager.get(reverse("monitor:measure_edit", kwargs={"pk": other.pk})).status_code == 404
    measure.refresh_from_db()
    assert measure.title == "Pauzes inplannen" and measure.status == "gepland"


def test_saving_an_unchanged_measure_writes_no_audit_row(organisation: Any) -> None:
    from core.models import AuditEvent
    from monitor import plans

    measure = _measure(organisation.team)
    before = AuditEvent.objects.count()
    assert plans.measure_edit(actor=organisation.users["leidinggevende"], measure=measure, title=measure.title) == []
    assert AuditEvent.objects.count() == before
