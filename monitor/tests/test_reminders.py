"""Automatic reminders: a configurable number of days after opening and before closing, each round
at most once, only to invitees without a response, and without storing who that is."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from core.models import AuditEvent
from monitor import jobs, selectors, submission, tasks
from monitor.models import Campaign, Invitation, Response, ScaleScore
from monitor.tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://zorgwijzer.example.nl"


@pytest.fixture
def opened(organisation: Any) -> Any:
    """A campaign open for 14 days from today, invitations sent to six colleagues, two answered."""
    colleagues = factories.staff(organisation.team, 6)
    campaign = factories.campaign(nodes=[organisation.team], actor=organisation.users["hr_analist"], days_open=14)
    jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url=f"{SITE}/")
    links = {m.to[0]: factories.token_in(m) for m in mail.outbox}
    for person in colleagues[:2]:
        assert submission.response_submit(token=links[person.email], answers=factories.all_answers())
    mail.outbox.clear()
    campaign.refresh_from_db()
    return campaign, colleagues, links


def _on(campaign: Campaign, days: int) -> Any:
    """Travel to a moment in the morning of the campaign's day ``days`` (0 = the opening day)."""
    moment = dt.datetime.combine(campaign.opens_on + dt.timedelta(days=days), dt.time(9, 0))
    return time_machine.travel(timezone.make_aware(moment), tick=False)


def _mailed_to() -> list[str]:
    return sorted(message.to[0] for message in mail.outbox)


@override_settings(
    ZORGWIJZER_SITE_URL=SITE, MONITOR_REMINDER_DAYS_AFTER_OPENING=7, MONITOR_REMINDER_DAYS_BEFORE_CLOSING=2
)
def test_each_round_reaches_only_those_without_a_response_once(opened: Any) -> None:
    campaign, colleagues, links = opened
    waiting = sorted(p.email for p in colleagues[2:])
    with _on(campaign, 6):
        assert jobs.send_scheduled_reminders() == 0
    with _on(campaign, 7):
        assert jobs.send_scheduled_reminders() == 4
        assert _mailed_to() == waiting
        # The same personal link as the invitation, so paused answers can be resumed.
        assert {factories.token_in(m) for m in mail.outbox} == {links[e] for e in waiting}
        assert all(m.body.count(SITE) == 1 for m in mail.outbox)
        mail.outbox.clear()
        assert jobs.send_scheduled_reminders() == 0, "a second run on the same day sends nothing"
    with _on(campaign, 8):
        assert jobs.send_scheduled_reminders() == 0
        assert submission.response_submit(token=links[colleagues[2].email], answers=factories.all_answers())
    with _on(campaign, 12):  # two days before the last day (day 14)
        assert jobs.send_scheduled_reminders() == 3
        assert _mailed_to() == sorted(p.email for p in colleagues[3:])
        mail.outbox.clear()
    with _on(campaign, 13):
        assert jobs.send_scheduled_reminders() == 0
    with _on(campaign, 15):  # closed
        assert jobs.send_scheduled_reminders() == 0
    assert mail.outbox == []
    campaign.refresh_from_db()
    assert campaign.scheduled_reminder_rounds == 2 and campaign.reminders_sent == 2


@override_settings(ZORGWIJZER_SITE_URL=SITE)
def test_a_reminder_round_stores_nothing_about_who_was_reminded(opened: Any) -> None:
    campaign, _colleagues, _links = opened
    counts = {model: model.objects.count() for model in (Invitation, Response, ScaleScore)}
    invitations = list(Invitation.objects.values())
    audit_before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with _on(campaign, 7):
        assert jobs.send_scheduled_reminders() == 4
    assert {model: model.objects.count() for model in counts} == counts
    assert list(Invitation.objects.values()) == invitations
    events = list(AuditEvent.objects.filter(pk__gt=audit_before))
    assert len(events) == 1 and events[0].fields == ["reminders_sent"] and not events[0].subject_employee_number


@override_settings(ZORGWIJZER_SITE_URL=SITE, MONITOR_REMINDER_DAYS_AFTER_OPENING=3)
def test_a_round_that_passed_before_the_invitations_went_out_is_skipped(organisation: Any) -> None:
    factories.staff(organisation.team, 3)
    campaign = factories.campaign(nodes=[organisation.team], days_open=20)
    Campaign.objects.filter(pk=campaign.pk).update(opens_on=campaign.opens_on - dt.timedelta(days=5))
    campaign.refresh_from_db()
    jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url=f"{SITE}/")
    mail.outbox.clear()
    assert jobs.send_scheduled_reminders() == 0, "invited today: no reminder on the same day"
    campaign.refresh_from_db()
    assert campaign.scheduled_reminder_rounds == 1


@override_settings(
    ZORGWIJZER_SITE_URL=SITE, MONITOR_REMINDER_DAYS_AFTER_OPENING=None, MONITOR_REMINDER_DAYS_BEFORE_CLOSING=""
)
def test_rounds_can_be_switched_off(opened: Any) -> None:
    campaign, _colleagues, _links = opened
    assert selectors.reminder_days(campaign) == []
    for day in range(15):
        with _on(campaign, day):
            assert jobs.send_scheduled_reminders() == 0
    assert mail.outbox == []


@override_settings(ZORGWIJZER_SITE_URL="")
def test_without_a_site_address_no_reminder_is_sent(opened: Any) -> None:
    campaign, _colleagues, _links = opened
    with _on(campaign, 7):
        assert jobs.send_scheduled_reminders() == 0
    assert mail.outbox == []
    campaign.refresh_from_db()
    assert campaign.scheduled_reminder_rounds == 0, "the round stays due until the address is set"


@override_settings(ZORGWIJZER_SITE_URL=SITE)
def test_a_refused_mail_leaves_the_round_due_for_the_next_run(opened: Any, monkeypatch: Any) -> None:
    campaign, _colleagues, _links = opened

    def refuse(**kwargs: Any) -> int:
        raise ConnectionRefusedError

    with _on(campaign, 7):
        monkeypatch.setattr(jobs, "campaign_send_reminders", refuse)
        with pytest.raises(ConnectionRefusedError):
            jobs.send_scheduled_reminders()
        campaign.refresh_from_db()
        assert campaign.scheduled_reminder_rounds == 0
        monkeypatch.undo()
        assert jobs.send_scheduled_reminders() == 4


@override_settings(ZORGWIJZER_SITE_URL=SITE)
def test_the_daily_task_sends_the_due_round(opened: Any) -> None:
    campaign, _colleagues, _links = opened
    with _on(campaign, 7):
        assert tasks.send_scheduled_reminders.call() == {"reminders": 4}
        assert tasks.send_scheduled_reminders.call() == {"reminders": 0}


@override_settings(MONITOR_REMINDER_DAYS_AFTER_OPENING=7, MONITOR_REMINDER_DAYS_BEFORE_CLOSING=2)
def test_the_campaign_page_tells_when_the_automatic_reminders_go_out(opened: Any, login_as: Any) -> None:
    from django.urls import reverse
    from django.utils.formats import date_format

    campaign, _colleagues, _links = opened
    page = login_as(campaign.created_by).get(reverse("monitor:campaign", kwargs={"pk": campaign.pk}))
    html = page.content.decode()
    assert "Automatische herinnering aan wie nog niet heeft ingevuld:" in html
    for day in selectors.reminder_days(campaign):
        assert date_format(day, "j F Y") in html
