"""Background jobs of the monitor (django-tasks). Each is idempotent: sending refuses a campaign
that was already sent, reminders go only to unsubmitted invitations (and a scheduled round only
once), closing freezes a campaign's results only when they are not frozen yet."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django_tasks import task

from monitor import jobs
from monitor.models import Campaign


@task()
def send_invitations(campaign_id: int, base_url: str) -> dict[str, int]:
    """Create the invitations of a campaign and mail every link (63,000 people do not fit a request)."""
    campaign = Campaign.objects.get(pk=campaign_id)
    try:
        sent = jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url=base_url)
    except ValidationError:
        return {"invitations": 0, "messages": 0}
    return {"invitations": sent.invitations, "messages": sent.messages}


@task()
def send_reminders(campaign_id: int, base_url: str) -> dict[str, int]:
    campaign = Campaign.objects.get(pk=campaign_id)
    try:
        return {"reminders": jobs.campaign_send_reminders(campaign=campaign, actor=None, base_url=base_url)}
    except ValidationError:
        return {"reminders": 0}


@task()
def close_due_campaigns() -> dict[str, int]:
    """Daily: mix the last waiting responses in and freeze the results of campaigns whose last day
    has passed, so what they publish is fixed before anyone reads it."""
    return {"frozen": jobs.close_due_campaigns()}


@task()
def send_scheduled_reminders() -> dict[str, int]:
    """Daily: the automatic reminder rounds of open campaigns (each round at most once)."""
    return {"reminders": jobs.send_scheduled_reminders()}
