"""Creating a campaign, sending it from its page, live response counts, and closing it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEvent
from monitor.models import Campaign, Invitation
from monitor.tests import factories

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_an_analyst_creates_an_interim_campaign_for_their_unit(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["hr_analist"])
    today = timezone.localdate()
    response = client.post(
        reverse("monitor:campaign_create"),
        {
            "name": "Tussenmeting voorjaar",
            "kind": "tussenmeting",
            "scales": ["werkdruk", "herstel-energie"],
            "nodes": [organisation.team.pk],
            "opens_on": today.isoformat(),
            "closes_on": (today + dt.timedelta(days=14)).isoformat(),
        },
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "monitor:campaign", kwargs={"pk": campaign.pk}
    )
    assert campaign.scales == ["werkdruk", "herstel-energie"] and list(campaign.nodes.all()) == [organisation.team]


def test_an_interim_campaign_needs_scales_and_a_baseline_gets_them_all(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["hr_analist"])
    today = timezone.localdate().isoformat()
    data = {"name": "X", "kind": "tussenmeting", "units": [organisation.unit.pk], "opens_on": today, "closes_on": today}
    assert (
        "Kies voor een tussenmeting ten minste"
        in client.post(reverse("monitor:campaign_create"), data).content.decode()
    )
    client.post(reverse("monitor:campaign_create"), {**data, "kind": "nulmeting"})
    assert len(Campaign.objects.get().scales) == 10


def test_a_unit_outside_the_analysts_scope_cannot_be_chosen(organisation: Any, login_as: Any) -> None:
    from organisation.tests.factories import UnitFactory

    other = UnitFactory.create(code="elders", name="Elders")
    client = login_as(organisation.users["hr_analist"])
    today = timezone.localdate().isoformat()
    data = {"name": "X", "kind": "nulmeting", "units": [other.pk], "opens_on": today, "closes_on": today}
    client.post(reverse("monitor:campaign_create"), data)
    assert not Campaign.objects.exists()


@override_settings(TASKS=IMMEDIATE)
def test_sending_from_the_page_mails_everyone_and_the_page_shows_counts_only(organisation: Any, login_as: Any) -> None:
    factories.staff(organisation.team, 5)
    campaign = factories.campaign(nodes=[organisation.team], actor=organisation.users["hr_analist"])
    client = login_as(organisation.users["hr_analist"])
    client.post(reverse("monitor:campaign_send", kwargs={"pk": campaign.pk}))
    assert len(mail.outbox) == 5 and Invitation.objects.count() == 5
    page = client.get(reverse("monitor:campaign", kwargs={"pk": campaign.pk})).content.decode()
    assert "Ingevuld: minder dan 5 van de 5 uitnodigingen." in " ".join(page.split())
    audited = AuditEvent.objects.filter(object_type="monitor.campaign").values_list("fields", flat=True)
    assert ["send_requested"] in list(audited)
    client.post(reverse("monitor:campaign_send", kwargs={"pk": campaign.pk}))
    assert len(mail.outbox) == 5, "a second click sends nothing"


def test_closing_early_ends_answering_today(organisation: Any, login_as: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    factories.bare_invitation(campaign, organisation.team, "sluiten".ljust(43, "x"))
    client = login_as(organisation.users["hr_analist"])
    client.post(reverse("monitor:campaign_close", kwargs={"pk": campaign.pk}), {"bevestigd": "ja"})
    campaign.refresh_from_db()
    assert campaign.is_closed()
    assert client.get(reverse("monitor:respond", kwargs={"token": "sluiten".ljust(43, "x")})).status_code == 410
