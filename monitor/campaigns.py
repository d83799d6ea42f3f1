"""What people do with a campaign on its pages: create it, ask for the invitations or a reminder
round to be sent, close it early. Each checks its rule, writes the audit trail and, for the
mailings, enqueues the job (``monitor/tasks.py``; the work itself is in ``monitor/jobs.py``).

A refused request raises ``ValidationError`` with the message the page shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.models import AuditAction
from monitor import questionnaire, results, tasks
from monitor.models import Campaign
from organisation.models import OrgNode, Unit


@transaction.atomic
def campaign_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    scales: list[str],
    units: Iterable[Unit],
    nodes: Iterable[OrgNode],
    opens_on: dt.date,
    closes_on: dt.date,
    previous: Campaign | None = None,
    request: HttpRequest | None = None,
) -> Campaign:
    campaign = Campaign.objects.create(
        name=name,
        kind=kind,
        questionnaire=questionnaire.CURRENT_VERSION,
        scales=scales,
        opens_on=opens_on,
        closes_on=closes_on,
        previous=previous,
        created_by=actor,
    )
    campaign.units.set(units)
    campaign.nodes.set(nodes)
    audit.log_change(actor=actor, obj=campaign, action=AuditAction.CREATE, fields=["name", "scales"], request=request)
    return campaign


def campaign_send(*, campaign: Campaign, actor: Any, base_url: str, request: HttpRequest | None = None) -> None:
    """Queue the sending of the invitations: tens of thousands of mails do not fit in one request.
    The job checks again (``jobs.campaign_send_invitations``), so a double click sends once."""
    if campaign.invitations_sent_at is not None:
        raise ValidationError(_("De uitnodigingen voor deze meting zijn al verstuurd."))
    audit.record(action=AuditAction.UPDATE, actor=actor, obj=campaign, fields=["send_requested"], request=request)
    tasks.send_invitations.enqueue(campaign.pk, base_url)


def campaign_remind(*, campaign: Campaign, actor: Any, base_url: str, request: HttpRequest | None = None) -> None:
    """Queue a reminder round for everyone who has not answered yet (only while the campaign is open)."""
    if not campaign.is_open():
        raise ValidationError(_("Herinneringen kunnen alleen worden verstuurd terwijl de meting open is."))
    audit.record(action=AuditAction.UPDATE, actor=actor, obj=campaign, fields=["reminders_requested"], request=request)
    tasks.send_reminders.enqueue(campaign.pk, base_url)


def campaign_close(*, campaign: Campaign, actor: Any, request: HttpRequest | None = None) -> bool:
    """End a campaign today: no more answers; waiting responses are mixed in and the results are
    frozen (``results.freeze``) at once, so what is published never depends on a later tree.
    Returns ``False`` (and changes nothing) when the campaign was already closed."""
    if campaign.is_closed():
        return False
    with transaction.atomic():
        campaign.closed_early_on = timezone.localdate() - dt.timedelta(days=1)
        campaign.save(update_fields=["closed_early_on"])
        audit.log_change(actor=actor, obj=campaign, fields=["closed_early_on"], request=request)
    results.freeze(campaign)
    return True
