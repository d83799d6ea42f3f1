"""Reads shared by the teamcare pages, the API, the tasks and the bench."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Min, Q, QuerySet
from django.utils import timezone

import access
from catalogue import selectors as catalogue_selectors
from core import anonymity
from organisation.constants import NodeKind
from organisation.models import OrgNode, Person
from teamcare import periods, presentation, signalling
from teamcare.constants import CheckupStatus
from teamcare.models import (
    AbsenceFigure,
    Checkup,
    Dialogue,
    Escalation,
    Facilitator,
    FeedbackSummary,
    Incident,
    Invitation,
    ManagerPeriod,
    Membership,
    Note,
    ReportingNorm,
    Route,
)
from teamcare.periods import Period

# --- Signals --------------------------------------------------------------------------------


def signal_teams(user: Any) -> QuerySet[OrgNode]:
    return OrgNode.objects.filter(pk__in=access.teamcare_signal_team_ids(user))


def signal_team(user: Any, pk: int) -> OrgNode | None:
    """A team whose signals the user may see, or None (the view answers 404)."""
    if pk not in access.teamcare_signal_team_ids(user):
        return None
    return OrgNode.objects.select_related("unit", "parent").filter(pk=pk).first()


def signal_period_bounds(today: dt.date | None = None) -> tuple[Period, Period]:
    """The oldest and newest quarter the signal view and its API answer for: from where the HR
    history (or the absence figures) start, within ``periods.MAX_QUARTERS_BACK``, to this quarter."""
    today = today or timezone.localdate()
    starts = [
        Membership.objects.aggregate(first=Min("started_on"))["first"],
        ManagerPeriod.objects.aggregate(first=Min("started_on"))["first"],
    ]
    first_absence = periods.parse(AbsenceFigure.objects.aggregate(first=Min("period"))["first"] or "")
    if first_absence is not None:
        starts.append(first_absence.start)
    known = [day for day in starts if day is not None]
    return periods.first_allowed(today, min(known) if known else None), periods.period_of(today)


def team_signals(team: OrgNode, period: Period) -> signalling.TeamSignals | None:
    """The signals of one team (reached through ``signal_team``), or None when it has none."""
    return signalling.compute(OrgNode.objects.filter(pk=team.pk), period).get(team.pk)


def attention_list(
    teams: QuerySet[OrgNode], period: Period
) -> list[tuple[presentation.TeamRef, signalling.TeamSignals]]:
    """The teams with at least ``TEAMCARE_MIN_SIGNALS`` coinciding signals, most signals first."""
    minimum = settings.TEAMCARE_MIN_SIGNALS
    found = signalling.compute(teams, period, minimum=minimum)
    refs = OrgNode.objects.filter(pk__in=list(found)).values_list("pk", "code", "name", "unit__name")
    rows = [(presentation.TeamRef(*ref), found[ref[0]]) for ref in refs]
    return sorted(rows, key=lambda row: (-row[1].count, row[0].unit_name, row[0].name))


# --- The chief's notes and routes -----------------------------------------------------------


def led_teams(user: Any) -> QuerySet[OrgNode]:
    return OrgNode.objects.filter(pk__in=access.teamcare_led_node_ids(user), kind=NodeKind.TEAM).order_by("name")


def own_notes(user: Any) -> QuerySet[Note]:
    return Note.objects.filter(author=user).select_related("team")


def note_for(user: Any, pk: int) -> Note | None:
    """The author's note, or a shared note of a team in the user's HR adviser scope."""
    note = Note.objects.select_related("team", "author").filter(pk=pk).first()
    if note is None:
        return None
    if note.author_id == user.pk:
        return note
    if (
        note.shared_at is not None
        and access.can(user, "teamcare.hr")
        and note.team_id in access.teamcare_hr_node_ids(user)
    ):
        return note
    return None


def shared_notes(user: Any) -> QuerySet[Note]:
    return (
        Note.objects.filter(shared_at__isnull=False, team_id__in=access.teamcare_hr_node_ids(user))
        .exclude(author=user)
        .select_related("team", "author")
    )


def own_routes(user: Any) -> QuerySet[Route]:
    return Route.objects.filter(author=user)


def route_for(user: Any, pk: int) -> Route | None:
    return Route.objects.filter(author=user, pk=pk).first()


def published_provisions(slugs: list[str]) -> dict[str, Any]:
    """The provisions of the published catalogue with these slugs (missing ones are left out)."""
    edition = catalogue_selectors.current_edition()
    if edition is None:
        return {}
    return {p.slug: p for p in catalogue_selectors.all_provisions(edition).filter(slug__in=slugs)}


# --- Values dialogues -----------------------------------------------------------------------


def dialogues_for(user: Any) -> QuerySet[Dialogue]:
    condition = Q(requested_by=user)
    if access.can(user, "teamcare.hr"):
        condition |= Q(team_id__in=access.teamcare_hr_node_ids(user))
    return Dialogue.objects.filter(condition).select_related("team").order_by("-created_at", "-pk")


def dialogue_for(user: Any, pk: int) -> Dialogue | None:
    return dialogues_for(user).filter(pk=pk).prefetch_related("facilitators__person").first()


def can_plan(user: Any, dialogue: Dialogue) -> bool:
    return access.can(user, "teamcare.hr") and dialogue.team_id in access.teamcare_hr_node_ids(user)


def request_teams(user: Any) -> QuerySet[OrgNode]:
    """The teams a user may request a dialogue for: their own led teams and their HR scope."""
    ids = access.teamcare_led_node_ids(user) | (
        access.teamcare_hr_node_ids(user) if access.can(user, "teamcare.hr") else set()
    )
    return OrgNode.objects.filter(pk__in=ids, kind=NodeKind.TEAM).order_by("name")


def facilitator_pool() -> QuerySet[Facilitator]:
    return Facilitator.objects.select_related("person", "person__team")


def team_people(team_id: int) -> QuerySet[Person]:
    return Person.objects.filter(team_id=team_id, is_active=True).order_by("last_name", "first_name")


def own_invitations(user: Any) -> QuerySet[Invitation]:
    person = access.own_person(user)
    if person is None:
        return Invitation.objects.none()
    return Invitation.objects.filter(person=person, dialogue__status="bevestigd").select_related(
        "dialogue", "dialogue__team"
    )


def invitation_for(user: Any, dialogue_pk: int, now: dt.datetime | None = None) -> Invitation | None:
    """The user's invitation to a dialogue that has taken place (it can be evaluated)."""
    now = now or timezone.now()
    return own_invitations(user).filter(dialogue_id=dialogue_pk, dialogue__starts_at__lte=now).first()


def evaluation_summary(dialogue: Dialogue) -> dict[str, Any] | None:
    """Means of the anonymous evaluation, only when at least the anonymity threshold answered."""
    summary = dialogue.evaluations.aggregate(n=Count("pk"), openness=Avg("openness"), usefulness=Avg("usefulness"))
    if not anonymity.may_show(summary["n"]):
        return None
    return summary


# --- Check-ups ------------------------------------------------------------------------------


def open_checkups(user: Any) -> QuerySet[Checkup]:
    return Checkup.objects.filter(
        team_id__in=access.teamcare_led_node_ids(user), status=CheckupStatus.OPEN
    ).select_related("team")


def checkup_for(user: Any, pk: int) -> Checkup | None:
    return open_checkups(user).filter(pk=pk).first()


def escalations_for(user: Any) -> QuerySet[Escalation]:
    """Overdue check-ups of teams below the nodes the user leads (as head of the parent node)."""
    return (
        Escalation.objects.filter(node_id__in=access.teamcare_led_node_ids(user), checkup__status=CheckupStatus.OPEN)
        .select_related("checkup", "checkup__team")
        .order_by("checkup__due_on")
    )


def incidents_for(user: Any) -> QuerySet[Incident]:
    return (
        Incident.objects.filter(team_id__in=access.teamcare_led_node_ids(user))
        .select_related("team")
        .order_by("done_at", "follow_up_due")
    )


def incident_for(user: Any, pk: int) -> Incident | None:
    return incidents_for(user).filter(pk=pk).first()


# --- The reporting norm and the quarterly summary to the team -------------------------------

#: The quarters of the summary a team page shows (newest first).
FEEDBACK_QUARTERS = 4


def norm_teams(user: Any) -> QuerySet[OrgNode]:
    return OrgNode.objects.filter(pk__in=access.teamcare_norm_team_ids(user)).select_related("unit").order_by("name")


def norm_team(user: Any, pk: int) -> OrgNode | None:
    if pk not in access.teamcare_norm_team_ids(user):
        return None
    return OrgNode.objects.select_related("unit").filter(pk=pk).first()


def can_edit_norm(user: Any, team: OrgNode) -> bool:
    """Only the team's own leidinggevende sets its reporting norm."""
    return access.can(user, "teamcare.route") and team.pk in access.teamcare_led_node_ids(user)


def norm_versions(team: OrgNode) -> list[ReportingNorm]:
    """Every version of the team's norm, newest first (the first one is the current norm)."""
    return list(ReportingNorm.objects.filter(team=team).order_by("-created_at", "-pk"))


def current_norm(team: OrgNode) -> ReportingNorm | None:
    return ReportingNorm.objects.filter(team=team).order_by("-created_at", "-pk").first()


def team_feedback(team: OrgNode, quarters: int = FEEDBACK_QUARTERS) -> list[presentation.QuarterFeedback]:
    """The frozen quarterly summaries of a team, newest first; counts below the threshold hidden."""
    rows = (
        FeedbackSummary.objects.filter(team=team)
        .order_by("-period")
        .values_list("period", "events", "plans", "steps")[:quarters]
    )
    found = []
    for code, events, plans, steps in rows:
        period = periods.parse(code)
        if period is not None:
            found.append(presentation.quarter_feedback(period, events, plans, steps))
    return found
