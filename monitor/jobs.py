"""The work behind the monitor's background jobs (``monitor/tasks.py`` only wraps it): creating and
mailing the invitations of a campaign, mailing reminders (on request and the scheduled rounds),
and freezing the results of campaigns past their last day.

Apart from ``monitor/campaigns.py`` (what people do with a campaign on its pages, which enqueues
these jobs), so that the tasks import this module and the campaign services import the tasks
without an import cycle.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit, links
from core.models import AuditAction
from monitor import results, tokens
from monitor.constants import InvitationState
from monitor.models import Campaign, Invitation, PendingResponse
from monitor.selectors import invitees, reminder_days
from organisation.models import Person

_BATCH = 2000
logger = logging.getLogger("zorgwijzer.monitor")


def _link(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + reverse("monitor:respond", kwargs={"token": token})


def _mail(campaign: Campaign, person: Person, link: str, *, reminder: bool) -> EmailMessage:
    context = {"campaign": campaign, "first_name": person.first_name, "link": link, "reminder": reminder}
    subject = (
        _("Herinnering: vul de weerbaarheidsmonitor in") if reminder else _("Uitnodiging: de weerbaarheidsmonitor")
    )
    body = render_to_string("monitor/email_invitation.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])


def _chunks(items: list[Any], size: int = _BATCH) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class Sent:
    invitations: int
    messages: int


def campaign_send_invitations(
    *, campaign: Campaign, actor: Any, base_url: str, request: HttpRequest | None = None
) -> Sent:
    """Create one invitation per invitee and mail each their link, in one transaction.

    Only token hashes and teams are stored, in random order (so row ids do not follow the order of
    the people list); the tokens and the people exist together only in this function's memory.
    """
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.invitations_sent_at is not None:
            raise ValidationError(_("De uitnodigingen voor deze meting zijn al verstuurd."))
        if campaign.last_day < timezone.localdate():
            raise ValidationError(_("Deze meting is al gesloten."))
        invitations: list[Invitation] = []
        messages: list[EmailMessage] = []
        for person in invitees(campaign).iterator(chunk_size=_BATCH):
            assert person.team_id is not None  # invitees() selects people in a team
            token = tokens.token_for(campaign.pk, person.pk)
            invitations.append(
                Invitation(campaign=campaign, team_id=person.team_id, token_hash=tokens.token_hash(token))
            )
            messages.append(_mail(campaign, person, _link(base_url, token), reminder=False))
        random.SystemRandom().shuffle(invitations)
        Invitation.objects.bulk_create(invitations, batch_size=_BATCH)
        campaign.invitations_sent_at = timezone.now()
        campaign.save(update_fields=["invitations_sent_at"])
        audit.record(
            action=AuditAction.UPDATE, actor=actor, obj=campaign, fields=["invitations_sent_at"], request=request
        )
        # Sending inside the transaction: when the mail server refuses, no invitation exists either.
        sent = get_connection().send_messages(messages) or 0
    return Sent(invitations=len(invitations), messages=sent)


def campaign_send_reminders(
    *, campaign: Campaign, actor: Any, base_url: str, request: HttpRequest | None = None
) -> int:
    """Mail again everyone whose invitation is not yet submitted, without storing who that is.

    Each invitee's token is recomputed in memory; only hashes go to the database, and the answer
    ("these hashes are not submitted") is used to pick the addresses and then forgotten.
    """
    if not campaign.is_open():
        raise ValidationError(_("Herinneringen kunnen alleen worden verstuurd terwijl de meting open is."))
    people = {tokens.token_hash(tokens.token_for(campaign.pk, p.pk)): p for p in invitees(campaign)}
    pending: set[str] = set()
    for hashes in _chunks(list(people)):
        pending |= set(
            Invitation.objects.filter(campaign=campaign, token_hash__in=hashes)
            .exclude(state=InvitationState.SUBMITTED)
            .values_list("token_hash", flat=True)
        )
    messages = [
        _mail(campaign, people[h], _link(base_url, tokens.token_for(campaign.pk, people[h].pk)), reminder=True)
        for h in pending
    ]
    sent = get_connection().send_messages(messages) or 0
    # When and how many rounds, for the campaign page; never whom (nor how many people: that would
    # be an exact response count, which the page shows only as a bound while it is small).
    Campaign.objects.filter(pk=campaign.pk).update(
        reminders_sent=campaign.reminders_sent + 1, reminders_last_sent_at=timezone.now()
    )
    audit.record(action=AuditAction.UPDATE, actor=actor, obj=campaign, fields=["reminders_sent"], request=request)
    return sent


def send_scheduled_reminders(today: dt.date | None = None) -> int:
    """Daily: for every open campaign whose next reminder round has come, remind everyone without a
    response (``campaign_send_reminders``: tokens recomputed in memory, nothing stored about who).

    Each round is sent at most once: the campaign's round counter is raised with a conditional
    UPDATE in the same transaction as the sending, so of two schedulers only one sends, and when
    the mail server refuses, the round stays due for the next run. Rounds that fell before the
    invitations went out are skipped. Without ``ZORGWIJZER_SITE_URL`` there is no link to mail,
    so nothing is sent. Returns the number of reminders mailed."""
    site = links.site_url()
    if not site:
        logger.warning("monitor reminders: ZORGWIJZER_SITE_URL is not set, no automatic reminders sent")
        return 0
    today = today or timezone.localdate()
    mailed = 0
    candidates = Campaign.objects.filter(invitations_sent_at__isnull=False, opens_on__lte=today, closes_on__gte=today)
    for campaign in candidates:
        if not campaign.is_open(today):
            continue
        passed = [day for day in reminder_days(campaign) if day <= today]
        done = campaign.scheduled_reminder_rounds
        if len(passed) <= done:
            continue
        assert campaign.invitations_sent_at is not None  # filtered above
        sent_on = timezone.localdate(campaign.invitations_sent_at)
        with transaction.atomic():
            claimed = Campaign.objects.filter(pk=campaign.pk, scheduled_reminder_rounds=done).update(
                scheduled_reminder_rounds=len(passed)
            )
            if claimed and any(day > sent_on for day in passed[done:]):
                mailed += campaign_send_reminders(campaign=campaign, actor=None, base_url=site)
    return mailed


def close_due_campaigns(today: dt.date | None = None) -> int:
    """Freeze the results of every campaign whose last day has passed (daily job; idempotent: a
    frozen campaign is left alone). Returns the number of campaigns frozen by this run."""
    today = today or timezone.localdate()
    count = 0
    # Closed: its last day (the close date, or the early-close date) lies before today.
    closed = Q(closes_on__lt=today) | Q(closed_early_on__lt=today)
    for campaign in Campaign.objects.filter(closed, invitations_sent_at__isnull=False, snapshot__isnull=True):
        results.freeze(campaign)
        count += 1
    if count:
        _vacuum_waiting_responses()
    return count


def _vacuum_waiting_responses() -> None:
    """PostgreSQL keeps deleted rows on disk until a vacuum; a waiting response, written in the
    same statement as its invitation's claim, should not outlive its move longer than needed.
    VACUUM cannot run inside a transaction, so it is skipped there (the autovacuum follows)."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM {PendingResponse._meta.db_table}")
