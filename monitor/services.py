"""Every write of the monitor app: campaigns, sending and reminding, answering, action plans."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.models import AuditAction
from monitor import questionnaire, tokens
from monitor.constants import InvitationState, MeasureStatus
from monitor.models import Campaign, Invitation, Measure, ProgressNote, Response, ScaleScore
from organisation.models import OrgNode, Person, Unit

_BATCH = 2000


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


def target_node_ids(campaign: Campaign) -> set[int]:
    """The nodes a campaign reaches: every node of its units and every node under its nodes."""
    from core.permissions import _node_ids_below

    found = set(OrgNode.objects.filter(unit__in=campaign.units.all()).values_list("pk", flat=True))
    return found | _node_ids_below(campaign.nodes.all())


def invitees(campaign: Campaign) -> QuerySet[Person]:
    """Everyone in service in the campaign's teams who has an e-mail address."""
    return (
        Person.objects.filter(team_id__in=target_node_ids(campaign), is_active=True)
        .exclude(email="")
        .only("pk", "email", "first_name", "team_id")
        .order_by("pk")
    )


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
    Campaign.objects.filter(pk=campaign.pk).update(reminders_sent=campaign.reminders_sent + 1)
    audit.record(action=AuditAction.UPDATE, actor=actor, obj=campaign, fields=["reminders_sent"], request=request)
    return sent


@transaction.atomic
def campaign_close(*, campaign: Campaign, actor: Any, request: HttpRequest | None = None) -> None:
    """End a campaign today: no more answers, drafts are erased, results become visible."""
    campaign.closed_early_on = timezone.localdate() - dt.timedelta(days=1)
    campaign.save(update_fields=["closed_early_on"])
    erase_drafts(campaign)
    audit.log_change(actor=actor, obj=campaign, fields=["closed_early_on"], request=request)


def erase_drafts(campaign: Campaign) -> int:
    """Unsent draft answers are of no use after closing; keeping them would only be a risk."""
    return (
        Invitation.objects.filter(campaign=campaign)
        .exclude(state=InvitationState.SUBMITTED)
        .exclude(draft={})
        .update(draft={})
    )


def close_due_campaigns(today: dt.date | None = None) -> int:
    """Erase the drafts of every campaign whose last day has passed (daily job; idempotent)."""
    today = today or timezone.localdate()
    count = 0
    for campaign in Campaign.objects.filter(closes_on__lt=today, invitations_sent_at__isnull=False):
        count += erase_drafts(campaign)
    return count


# --- Answering ------------------------------------------------------------------------------


class InvitationUnusable(Exception):
    """The link is unknown, already used, or its campaign is not open."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def invitation_for(token: str, today: dt.date | None = None) -> Invitation:
    """The open invitation behind a token, or ``InvitationUnusable`` with the reason."""
    if not tokens.well_formed(token):
        raise InvitationUnusable("unknown")
    invitation = Invitation.objects.select_related("campaign").filter(token_hash=tokens.token_hash(token)).first()
    if invitation is None:
        raise InvitationUnusable("unknown")
    if invitation.state == InvitationState.SUBMITTED:
        raise InvitationUnusable("used")
    campaign = invitation.campaign
    today = today or timezone.localdate()
    if today > campaign.last_day:
        raise InvitationUnusable("closed")
    if today < campaign.opens_on:
        raise InvitationUnusable("not_yet")
    return invitation


def draft_save(*, invitation: Invitation, answers: dict[str, int]) -> bool:
    """Keep the answers so far (pause); refused once the invitation has been submitted."""
    updated = (
        Invitation.objects.filter(pk=invitation.pk)
        .exclude(state=InvitationState.SUBMITTED)
        .update(draft=answers, state=InvitationState.STARTED)
    )
    return updated == 1


def response_submit(
    *, token: str, answers: dict[str, int], today: dt.date | None = None, invitation: Invitation | None = None
) -> bool:
    """Store one response for a token, exactly once.

    The state change is one conditional UPDATE (``state <> submitted``): under concurrent
    submissions the database lets exactly one of them change the row, and only that one inserts
    the response. The response carries the campaign, the team and the answers, nothing else.
    ``invitation`` may be passed when the caller just looked it up with ``invitation_for``.
    """
    if invitation is None or invitation.token_hash != tokens.token_hash(token):
        invitation = invitation_for(token, today)
    campaign = invitation.campaign
    scores = [
        (scale.slug, score, scale.in_risk(score))
        for scale in questionnaire.load(campaign.questionnaire).selected(campaign.scales)
        for score in (scale.score(answers),)
    ]
    if connection.vendor == "postgresql":
        return _submit_in_one_statement(invitation.pk, answers, scores)
    with transaction.atomic():
        claimed = (
            Invitation.objects.filter(pk=invitation.pk)
            .exclude(state=InvitationState.SUBMITTED)
            .update(state=InvitationState.SUBMITTED, draft={})
        )
        if claimed != 1:
            return False
        Response.objects.create(campaign_id=campaign.pk, team_id=invitation.team_id, answers=answers)
        ScaleScore.objects.bulk_create(
            ScaleScore(campaign_id=campaign.pk, team_id=invitation.team_id, scale=slug, score=score, in_risk=risk)
            for slug, score, risk in scores
        )
    return True


def _submit_in_one_statement(
    invitation_id: int, answers: dict[str, int], scores: list[tuple[str, float, bool]]
) -> bool:
    """PostgreSQL: claim the invitation and insert the response and its scores in one statement
    (data-modifying CTEs, atomic on their own): one round trip instead of five. The inserts read
    the campaign and team from the UPDATE's RETURNING, so they happen only when the claim did."""
    values = ", ".join(["(%s, %s::double precision, %s::boolean)"] * len(scores))
    sql = f"""
        WITH claimed AS (
            UPDATE {Invitation._meta.db_table} SET state = %s, draft = '{{}}'::jsonb
            WHERE id = %s AND state <> %s RETURNING campaign_id, team_id
        ), response AS (
            INSERT INTO {Response._meta.db_table} (campaign_id, team_id, answers)
            SELECT campaign_id, team_id, %s::jsonb FROM claimed
        )
        INSERT INTO {ScaleScore._meta.db_table} (campaign_id, team_id, scale, score, in_risk)
        SELECT claimed.campaign_id, claimed.team_id, v.scale, v.score, v.in_risk
        FROM claimed CROSS JOIN (VALUES {values}) AS v (scale, score, in_risk)
    """  # noqa: S608 - table names come from the models, every value is a parameter
    submitted = InvitationState.SUBMITTED.value
    params: list[str | int | float | bool] = [submitted, invitation_id, submitted, json.dumps(answers)]
    for slug, score, risk in scores:
        params += [slug, score, risk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount > 0


# --- Plan van Aanpak ------------------------------------------------------------------------


@transaction.atomic
def measure_create(*, actor: Any, team: OrgNode, request: HttpRequest | None = None, **fields: Any) -> Measure:
    measure = Measure.objects.create(team=team, created_by=actor, **fields)
    audit.log_change(actor=actor, obj=measure, action=AuditAction.CREATE, fields=sorted(fields), request=request)
    return measure


@transaction.atomic
def measure_update(
    *, actor: Any, measure: Measure, status: str, note: str, request: HttpRequest | None = None
) -> Measure:
    changed = []
    if status and status in MeasureStatus.values and status != measure.status:
        measure.status = status
        measure.save(update_fields=["status"])
        changed.append("status")
    if note.strip():
        ProgressNote.objects.create(measure=measure, text=note.strip(), author=actor)
        changed.append("notes")
    if changed:
        audit.log_change(actor=actor, obj=measure, fields=changed, request=request)
    return measure
