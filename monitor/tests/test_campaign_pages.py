"""The analyst's campaign pages (issue 15 §4): a warning before sending when automatic reminders
cannot go out, what was sent and when, a confirmation before closing early, and a period that
never ends before it starts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from monitor import campaigns
from monitor.models import Campaign
from monitor.tests import factories

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WARNING = "Automatische herinneringen gaan niet weg."


def _page(client: Any, campaign: Campaign) -> str:
    return " ".join(client.get(reverse("monitor:campaign", kwargs={"pk": campaign.pk})).content.decode().split())


@pytest.mark.parametrize(("site_url", "warned"), [("", True), ("https://zorgwijzer.politie.example", False)])
def test_the_campaign_page_warns_before_sending_when_reminders_cannot_go_out(
    site_url: str, warned: bool, organisation: Any, login_as: Any
) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    client = login_as(organisation.users["hr_analist"])
    with override_settings(ZORGWIJZER_SITE_URL=site_url):
        page = _page(client, campaign)
    assert "Uitnodigingen versturen" in page  # before sending
    assert (WARNING in page) is warned


@override_settings(TASKS=IMMEDIATE, ZORGWIJZER_SITE_URL="https://zorgwijzer.politie.example")
def test_after_sending_the_page_says_when_and_how_many_invitations_and_reminders(
    organisation: Any, login_as: Any
) -> None:
    factories.staff(organisation.team, 4)
    campaign = factories.campaign(nodes=[organisation.team])
    client = login_as(organisation.users["hr_analist"])
    assert "Nog geen herinnering verstuurd." not in _page(client, campaign)
    client.post(reverse("monitor:campaign_send", kwargs={"pk": campaign.pk}))
    campaign.refresh_from_db()
    assert campaign.invitations_sent_at is not None
    sent_at = timezone.localtime(campaign.invitations_sent_at)
    page = _page(client, campaign)
    invited = campaign.invitations.count()
    assert f"Uitnodigingen verstuurd op {sent_at:%-d} " in page and f": {invited} uitnodigingen." in page
    assert "Nog geen herinnering verstuurd." in page
    client.post(reverse("monitor:campaign_remind", kwargs={"pk": campaign.pk}))
    campaign.refresh_from_db()
    assert campaign.reminders_last_sent_at is not None
    assert "Herinnering verstuurd: 1 keer, het laatst op" in _page(client, campaign)


def test_closing_early_asks_for_confirmation_first(organisation: Any, login_as: Any) -> None:
    campaign = factories.campaign(nodes=[organisation.team])
    factories.bare_invitation(campaign, organisation.team, "bevestig".ljust(43, "x"))
    client = login_as(organisation.users["hr_analist"])
    url = reverse("monitor:campaign_close", kwargs={"pk": campaign.pk})
    assert f'href="{url}"' in _page(client, campaign)
    question = client.get(url)
    assert question.status_code == 200
    assert "Je kunt dit niet ongedaan maken." in " ".join(question.content.decode().split())
    assert 'name="bevestigd" value="ja"' in question.content.decode()
    # A plain POST (no confirmation) closes nothing; it leads to the question.
    unconfirmed = client.post(url)
    assert unconfirmed.status_code == 302 and unconfirmed["Location"] == url
    campaign.refresh_from_db()
    assert not campaign.is_closed()
    client.post(url, {"bevestigd": "ja"})
    campaign.refresh_from_db()
    assert campaign.is_closed()


def test_the_form_refuses_an_end_before_the_start_at_the_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["hr_analist"])
    today = timezone.localdate()
    response = client.post(
        reverse("monitor:campaign_create"),
        {
            "name": "Achterstevoren",
            "kind": "nulmeting",
            "units": [organisation.unit.pk],
            "opens_on": today.isoformat(),
            "closes_on": (today - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200 and not Campaign.objects.exists()
    assert response.context["form"].errors["closes_on"] == ["De einddatum ligt voor de begindatum."]


def test_a_campaign_closed_before_it_opened_never_shows_an_end_before_its_start(
    organisation: Any, login_as: Any
) -> None:
    campaign = factories.campaign(nodes=[organisation.team])  # opens today
    factories.bare_invitation(campaign, organisation.team, "voor-de-start".ljust(43, "x"))
    campaigns.campaign_close(campaign=campaign, actor=None)
    campaign.refresh_from_db()
    assert campaign.last_day < campaign.opens_on and campaign.closed_before_opening
    client = login_as(organisation.users["hr_analist"])
    with translation.override("nl"):
        start, end = dateformat.format(campaign.opens_on, "j F Y"), dateformat.format(campaign.last_day, "j F Y")
    for page in (_page(client, campaign), " ".join(client.get(reverse("monitor:campaigns")).content.decode().split())):
        assert f"{start}: gesloten voordat de meting begon" in page
        assert f"– {end}" not in page, "an end before the start"
