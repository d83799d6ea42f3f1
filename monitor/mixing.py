"""Moving submitted responses into ``Response`` and ``ScaleScore`` in shuffled batches.

A response written at the moment of submission would carry that moment in its row id, its place
in the table and (on PostgreSQL) its transaction id; any second source with times (a proxy log, a
glance at the response-rate page, a remark) then points at one respondent's answers. So a
submission only parks its answers in ``PendingResponse``; they move on:

* as soon as a team has ``anonymity.threshold()`` waiting responses: all of them together, in
  random order, in one transaction (one transaction id, ids and places without order), so each
  respondent hides among at least the threshold of their own team's colleagues;
* when the campaign closes (``mix_for_closing``): every response of each team that still had
  waiting ones is rewritten with them in one shuffled batch, so no last small batch singles out
  the last few who answered.

What stays ordered is a team's sequence of batches, and only while the campaign is open
(docs/monitor.md, "Threat model").
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from django.db import connection, transaction

from core import anonymity
from monitor.models import Campaign, PendingResponse, Response, ScaleScore

_shuffle = random.SystemRandom().shuffle


def _pending(campaign_id: int, team_ids: list[int] | None) -> list[PendingResponse]:
    rows = PendingResponse.objects.filter(campaign_id=campaign_id).order_by()
    if team_ids is not None:
        rows = rows.filter(team_id__in=team_ids)
    if connection.features.has_select_for_update_skip_locked:
        # Two mixers at once each take a disjoint set; a locked row waits for the next turn.
        rows = rows.select_for_update(skip_locked=True)
    return list(rows)


def _insert(
    campaign_id: int, responses: list[tuple[int, Any]], scores: list[tuple[int, str, float | None, bool]]
) -> None:
    _shuffle(responses)
    _shuffle(scores)
    Response.objects.bulk_create(
        Response(campaign_id=campaign_id, team_id=team_id, answers=answers) for team_id, answers in responses
    )
    ScaleScore.objects.bulk_create(
        ScaleScore(campaign_id=campaign_id, team_id=team_id, scale=scale, score=score, in_risk=in_risk)
        for team_id, scale, score, in_risk in scores
    )


def _from_pending(
    rows: list[PendingResponse],
) -> tuple[list[tuple[int, Any]], list[tuple[int, str, float | None, bool]]]:
    responses = [(row.team_id, row.answers) for row in rows]
    scores = [
        (row.team_id, str(scale), None if score is None else float(score), bool(risk))
        for row in rows
        for scale, score, risk in row.scores
    ]
    return responses, scores


def mix_team_if_due(campaign_id: int, team_id: int) -> int:
    """Move a team's waiting responses once there are at least the threshold of them."""
    if connection.vendor == "postgresql":
        return _mix_in_one_statement(campaign_id, team_id)
    with transaction.atomic():
        rows = _pending(campaign_id, [team_id])
        if len(rows) < anonymity.threshold():
            return 0
        responses, scores = _from_pending(rows)
        _insert(campaign_id, responses, scores)
        PendingResponse.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


def mix_for_closing(campaign: Campaign) -> int:
    """Every team with waiting responses: its stored and waiting responses rewritten together in
    one shuffled batch. Idempotent (nothing waiting, nothing done). Returns the responses moved."""
    with transaction.atomic():
        rows = _pending(campaign.pk, None)
        if not rows:
            return 0
        waiting: dict[int, list[PendingResponse]] = defaultdict(list)
        for row in rows:
            waiting[row.team_id].append(row)
        teams = sorted(waiting)
        stored = Response.objects.filter(campaign_id=campaign.pk, team_id__in=teams)
        stored_scores = ScaleScore.objects.filter(campaign_id=campaign.pk, team_id__in=teams)
        responses = [(int(team_id), answers) for team_id, answers in stored.values_list("team_id", "answers")]
        scores = [
            (int(team_id), scale, score, in_risk)
            for team_id, scale, score, in_risk in stored_scores.values_list("team_id", "scale", "score", "in_risk")
        ]
        new_responses, new_scores = _from_pending(rows)
        # Nothing refers to a response or a score, so each delete is one plain DELETE statement.
        stored.delete()
        stored_scores.delete()
        _insert(campaign.pk, responses + new_responses, scores + new_scores)
        PendingResponse.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


def _mix_in_one_statement(campaign_id: int, team_id: int) -> int:
    """PostgreSQL: the same move as one statement (one round trip; a batch is due after every
    threshold-th submission of a team, so this sits on the submission path). The waiting rows
    are locked (skipping rows another mixer holds), deleted only when at least the threshold were
    locked, and inserted in an order drawn from ``gen_random_uuid()`` (strong randomness), so
    row ids and places follow no order of submission."""
    with connection.cursor() as cursor:
        cursor.execute(_MIX_SQL, [campaign_id, team_id, anonymity.threshold()])
        (moved,) = cursor.fetchone()
    return int(moved)


def _mix_sql() -> str:
    pending, response, score = (
        PendingResponse._meta.db_table,
        Response._meta.db_table,
        ScaleScore._meta.db_table,
    )
    return f"""
        WITH locked AS MATERIALIZED (
            SELECT id FROM {pending} WHERE campaign_id = %s AND team_id = %s FOR UPDATE SKIP LOCKED
        ), moved AS (
            DELETE FROM {pending}
            WHERE id IN (SELECT id FROM locked) AND (SELECT count(*) FROM locked) >= %s
            RETURNING campaign_id, team_id, answers, scores
        ), responses AS (
            INSERT INTO {response} (campaign_id, team_id, answers)
            SELECT campaign_id, team_id, answers FROM moved ORDER BY gen_random_uuid()
        ), scores AS (
            INSERT INTO {score} (campaign_id, team_id, scale, score, in_risk)
            SELECT moved.campaign_id, moved.team_id, item ->> 0, (item ->> 1)::double precision,
                   (item ->> 2)::boolean
            FROM moved CROSS JOIN jsonb_array_elements(moved.scores) AS item
            ORDER BY gen_random_uuid()
        )
        SELECT count(*) FROM moved
    """  # noqa: S608 - table names come from the models, every value is a parameter


_MIX_SQL = _mix_sql()
