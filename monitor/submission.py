"""Submitting a response: one invitation, one response, exactly once.

Two paths store the same thing. On PostgreSQL ``_submit_with_sql`` does the look-up, the checks,
the claim and the insert in one statement (one round trip; docs/monitor.md, "Speed"); elsewhere
(SQLite in development and tests) ``_submit_with_orm`` does the same steps with the ORM in one
transaction. ``monitor/tests/test_submission_paths.py`` runs the same cases through both.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from functools import cache
from typing import Any

import psycopg
from django.db import connection, transaction
from django.utils import timezone

from core import anonymity
from monitor import mixing, questionnaire, tokens
from monitor.constants import InvitationState
from monitor.models import Campaign, Invitation, PendingResponse
from monitor.selectors import InvitationUnusable, invitation_for

__all__ = ["AnswersIncomplete", "InvitationUnusable", "response_submit"]


class AnswersIncomplete(Exception):
    """Not every question of the campaign has an answer (the page shows which ones)."""


def response_submit(*, token: str, answers: Mapping[str, int | str], today: dt.date | None = None) -> bool:
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
        return _submit_with_sql(token, answers, today)
    return _submit_with_orm(token, answers, today)


def _missing(campaign: Campaign, answers: Mapping[str, int | str]) -> list[questionnaire.Item]:
    """The questions without a valid answer ("Zeg ik liever niet" counts only on a sensitive scale)."""
    scales = questionnaire.load(campaign.questionnaire).selected(campaign.scales)
    return [item for scale in scales for item in scale.items if not scale.accepts(answers.get(item.code))]


# --- The ORM path (every database) ----------------------------------------------------------


def _submit_with_orm(token: str, answers: Mapping[str, int | str], today: dt.date) -> bool:
    """Look up, check, claim and park with the ORM, in one transaction (a few round trips)."""
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


# --- The SQL path (PostgreSQL) --------------------------------------------------------------


def _submit_with_sql(token: str, answers: Mapping[str, int | str], today: dt.date) -> bool:
    """The common case in one statement; only when it stores nothing is the invitation looked up
    again to say why (the rare path, so a second query is fine)."""
    outcome = _submit_in_one_statement(tokens.token_hash(token), _complete_scales(answers), today)
    if outcome is not None:
        stored, due = outcome
        if due is not None:
            mixing.mix_team_if_due(*due)
        return stored
    invitation = invitation_for(token, today)
    if _missing(invitation.campaign, answers):
        raise AnswersIncomplete
    return False


@cache
def _scoring() -> tuple[tuple[str, str, tuple[str, ...], questionnaire.Scale], ...]:
    """Per questionnaire version and scale: the item codes that make up its score (built once)."""
    return tuple(
        (version, scale.slug, tuple(item.code for item in scale.items), scale)
        for version in questionnaire.versions()
        for scale in questionnaire.load(version).scales
    )


def _complete_scales(answers: Mapping[str, int | str]) -> list[dict[str, Any]]:
    """Version, scale, score, in risk and its answers for every scale of every version whose items
    are all answered; the database keeps only the rows of the campaign's own scales. A scale with
    "Zeg ik liever niet" (sensitive scales only) is complete with no score (``null``)."""
    rows = []
    for version, slug, codes, scale in _scoring():
        values = [answers[code] for code in codes if scale.accepts(answers.get(code))]
        if len(values) != len(codes):
            continue
        score = scale.score(answers)
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
