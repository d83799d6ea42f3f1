"""Every write of the monitor app: campaigns, sending and reminding, answering, action plans."""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import psycopg
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import anonymity, audit, links
from core.models import AuditAction
from monitor import mixing, questionnaire, results, tokens
from monitor.constants import InvitationState, MeasureStatus
from monitor.models import Campaign, Invitation, Measure, PendingResponse, ProgressNote
from organisation.models import OrgNode, Person, Unit

_BATCH = 2000
logger = logging.getLogger("zorgwijzer.monitor")


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
    from access import node_ids_below

    found = set(OrgNode.objects.filter(unit__in=campaign.units.all()).values_list("pk", flat=True))
    return found | node_ids_below(campaign.nodes.all())


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


def reminder_days(campaign: Campaign) -> list[dt.date]:
    """The days of a campaign's automatic reminder rounds, in order: ``MONITOR_REMINDER_DAYS_AFTER_OPENING``
    days after the first day and ``MONITOR_REMINDER_DAYS_BEFORE_CLOSING`` days before the last day
    (an empty setting switches that round off). Only days after the first and up to the last day count."""
    after = settings.MONITOR_REMINDER_DAYS_AFTER_OPENING
    before = settings.MONITOR_REMINDER_DAYS_BEFORE_CLOSING
    days = set()
    if after not in (None, ""):
        days.add(campaign.opens_on + dt.timedelta(days=int(after)))
    if before not in (None, ""):
        days.add(campaign.last_day - dt.timedelta(days=int(before)))
    return sorted(day for day in days if campaign.opens_on < day <= campaign.last_day)


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


def campaign_close(*, campaign: Campaign, actor: Any, request: HttpRequest | None = None) -> None:
    """End a campaign today: no more answers; waiting responses are mixed in and the results are
    frozen (``results.freeze``) at once, so what is published never depends on a later tree."""
    with transaction.atomic():
        campaign.closed_early_on = timezone.localdate() - dt.timedelta(days=1)
        campaign.save(update_fields=["closed_early_on"])
        audit.log_change(actor=actor, obj=campaign, fields=["closed_early_on"], request=request)
    results.freeze(campaign)


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


class AnswersIncomplete(Exception):
    """Not every question of the campaign has an answer (the page shows which ones)."""


@cache
def _scoring() -> tuple[tuple[str, str, tuple[str, ...], questionnaire.Scale], ...]:
    """Per questionnaire version and scale: the item codes that make up its score (built once)."""
    return tuple(
        (version, scale.slug, tuple(item.code for item in scale.items), scale)
        for version in questionnaire.versions()
        for scale in questionnaire.load(version).scales
    )


def _complete_scales(answers: dict[str, int]) -> list[dict[str, Any]]:
    """Version, scale, score, in risk and its answers for every scale of every version whose items
    are all answered; the database keeps only the rows of the campaign's own scales."""
    rows = []
    for version, slug, codes, scale in _scoring():
        values = [answers.get(code) for code in codes]
        if not all(value in _POINTS for value in values):
            continue
        score = sum(values) / len(values)  # type: ignore[arg-type]
        rows.append(
            {
                "version": version,
                "scale": slug,
                "score": score,
                "in_risk": scale.in_risk(score),
                "answers": dict(zip(codes, values, strict=True)),
            }
        )
    return rows


def response_submit(*, token: str, answers: dict[str, int], today: dt.date | None = None) -> bool:
    """Store one response for a token, exactly once.

    Returns ``True`` when this call stored the response and ``False`` when a simultaneous
    submission of the same token did so a moment earlier. Raises ``InvitationUnusable`` (unknown,
    used, closed, not yet open) or ``AnswersIncomplete``. The state change is one conditional UPDATE
    (``state <> submitted``): under concurrent submissions the database lets exactly one of them
    change the row, and only that one parks the response. The response carries the campaign, the
    team and the answers to the campaign's questions, nothing else, and waits in ``PendingResponse``
    until ``monitor.mixing`` moves it with others of its team in a shuffled batch.
    """
    today = today or timezone.localdate()
    if not tokens.well_formed(token):
        raise InvitationUnusable("unknown")
    if connection.vendor == "postgresql":
        outcome = _submit_in_one_statement(tokens.token_hash(token), _complete_scales(answers), today)
        if outcome is not None:
            stored, due = outcome
            if due is not None:
                mixing.mix_team_if_due(*due)
            return stored
        # Not stored: the usual look-up says why (the rare path, so a second query is fine).
        invitation = invitation_for(token, today)
        if _missing(invitation.campaign, answers):
            raise AnswersIncomplete
        return False
    with transaction.atomic():
        invitation = invitation_for(token, today)
        campaign = invitation.campaign
        if _missing(campaign, answers):
            raise AnswersIncomplete
        claimed = (
            Invitation.objects.filter(pk=invitation.pk)
            .exclude(state=InvitationState.SUBMITTED)
            .update(state=InvitationState.SUBMITTED)
        )
        if claimed != 1:
            return False
        scales = questionnaire.load(campaign.questionnaire).selected(campaign.scales)
        PendingResponse.objects.create(
            campaign_id=campaign.pk,
            team_id=invitation.team_id,
            answers={item.code: answers[item.code] for scale in scales for item in scale.items},
            scores=[[scale.slug, score, scale.in_risk(score)] for scale in scales for score in (scale.score(answers),)],
        )
    mixing.mix_team_if_due(campaign.pk, invitation.team_id)
    return True


def _missing(campaign: Campaign, answers: dict[str, int]) -> list[questionnaire.Item]:
    scales = questionnaire.load(campaign.questionnaire).selected(campaign.scales)
    return [item for scale in scales for item in scale.items if answers.get(item.code) not in _POINTS]


_POINTS = frozenset(range(1, questionnaire.POINTS + 1))


def _submit_in_one_statement(
    token_hash: str, given: list[dict[str, Any]], today: dt.date
) -> tuple[bool, tuple[int, int] | None] | None:
    """PostgreSQL: look the token up, check the campaign's dates and that every question of its
    scales is answered, claim the invitation and park the response, all in one statement
    (data-modifying CTEs, atomic on their own): one round trip. The insert reads the campaign and
    team from the UPDATE's RETURNING, so it happens only when the claim did.

    ``(True, due)``: stored, and ``due`` is ``(campaign, team)`` when that team now has enough
    waiting responses to mix; ``(False, None)``: the invitation was open in this statement's
    snapshot but a simultaneous submission claimed it first; ``None``: nothing stored (unknown,
    used, outside the open period or incomplete; ``invitation_for`` tells which)."""
    if not given:
        return None
    submitted = InvitationState.SUBMITTED.value
    with _planned_once_cursor() as cursor:
        cursor.execute(_SUBMIT_SQL, [token_hash, json.dumps(given), submitted, today, submitted, submitted])
        eligible, claimed, campaign_id, team_id, waiting = cursor.fetchone()
    if claimed:
        # ``waiting`` was counted before this statement's own row.
        due = (campaign_id, team_id) if waiting + 1 >= anonymity.threshold() else None
        return True, due
    return (False, None) if eligible else None


class _PlannedOnceCursor(psycopg.Cursor[Any]):
    """Runs its statement as a server-side prepared statement: PostgreSQL plans it once per
    connection instead of on every submission (planning the CTEs costs about as much as running
    them). Django disables psycopg's automatic preparing; here it is switched on for this one
    statement."""

    def execute(self, query: Any, params: Any = None, **options: Any) -> Any:
        raw = self.connection
        threshold = raw.prepare_threshold
        raw.prepare_threshold = 0
        try:
            return super().execute(query, params, prepare=True)
        finally:
            raw.prepare_threshold = threshold


def _planned_once_cursor() -> Any:
    """A ``_PlannedOnceCursor`` wrapped like every Django cursor (query logging, execute wrappers)."""
    connection.ensure_connection()
    raw: Any = _PlannedOnceCursor(connection.connection)
    return connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)


def _submit_sql() -> str:
    invitation, campaign = Invitation._meta.db_table, Campaign._meta.db_table
    pending = PendingResponse._meta.db_table
    return f"""
        WITH found AS (
            SELECT i.id, i.state, c.questionnaire, c.scales, c.opens_on,
                   LEAST(c.closes_on, COALESCE(c.closed_early_on, c.closes_on)) AS last_day
            FROM {invitation} i JOIN {campaign} c ON c.id = i.campaign_id
            WHERE i.token_hash = %s
        ), given AS (
            SELECT * FROM jsonb_to_recordset(%s::jsonb)
                AS given (version text, scale text, score double precision, in_risk boolean, answers jsonb)
        ), eligible AS (
            SELECT found.id, found.questionnaire, found.scales FROM found
            WHERE found.state <> %s AND %s::date BETWEEN found.opens_on AND found.last_day
              AND NOT EXISTS (
                SELECT 1 FROM jsonb_array_elements_text(found.scales) AS wanted (scale)
                WHERE NOT EXISTS (
                    SELECT 1 FROM given WHERE given.version = found.questionnaire AND given.scale = wanted.scale
                )
              )
        ), claimed AS (
            UPDATE {invitation} SET state = %s
            WHERE id = (SELECT id FROM eligible) AND state <> %s
            RETURNING campaign_id, team_id
        ), chosen AS (
            SELECT given.scale, given.score, given.in_risk, given.answers FROM given, eligible
            WHERE given.version = eligible.questionnaire
              AND given.scale IN (SELECT jsonb_array_elements_text(eligible.scales))
        ), parked AS (
            INSERT INTO {pending} (campaign_id, team_id, answers, scores)
            SELECT claimed.campaign_id, claimed.team_id,
                   (SELECT jsonb_object_agg(item.key, item.value) FROM chosen, jsonb_each(chosen.answers) AS item),
                   (SELECT jsonb_agg(jsonb_build_array(chosen.scale, chosen.score, chosen.in_risk)) FROM chosen)
            FROM claimed
        )
        SELECT (SELECT count(*) FROM eligible), (SELECT count(*) FROM claimed),
               (SELECT campaign_id FROM claimed), (SELECT team_id FROM claimed),
               (SELECT count(*) FROM {pending} waiting, claimed
                WHERE waiting.campaign_id = claimed.campaign_id AND waiting.team_id = claimed.team_id)
    """  # noqa: S608 - table names come from the models, every value is a parameter


_SUBMIT_SQL = _submit_sql()


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


#: What ``measure_edit`` may change; the team, the campaign and the author stay as they were.
MEASURE_FIELDS = ("title", "description", "scales", "provisions", "owner", "due_on", "status")


@transaction.atomic
def measure_edit(
    *, actor: Any, measure: Measure, note: str = "", request: HttpRequest | None = None, **fields: Any
) -> list[str]:
    """Change a measure's fields and optionally add a progress note; audit the names of the
    changed fields (not their values) in the same transaction. Returns the changed field names."""
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    # Compared with the stored row (locked), not with the object: a form may have changed that.
    stored = Measure.objects.select_for_update().get(pk=measure.pk)
    changed = [name for name, value in fields.items() if getattr(stored, name) != value]
    for name in changed:
        setattr(measure, name, fields[name])
    if changed:
        measure.save(update_fields=changed)
    if note.strip():
        ProgressNote.objects.create(measure=measure, text=note.strip(), author=actor)
        changed.append("notes")
    if changed:
        audit.log_change(actor=actor, obj=measure, fields=changed, request=request)
    return changed
