"""Reads of the monitor: campaigns in scope and whom they invite, the invitation behind a link,
reminder days, response rates, the groups a user may see in the results, a team's plan and the
change on the scales a measure addresses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

import access
from catalogue import selectors as catalogue_selectors
from core import anonymity
from monitor import questionnaire, results, tokens
from monitor.constants import InvitationState
from monitor.models import Campaign, Invitation, Measure
from monitor.results import ORGANISATION, CampaignResults, Comparison, GroupKey
from organisation.models import OrgNode, Person


def campaigns_for(user: Any) -> QuerySet[Campaign]:
    return Campaign.objects.filter(access.monitor_campaigns_filter(user)).distinct()


def target_node_ids(campaign: Campaign) -> set[int]:
    """The nodes a campaign reaches: every node of its units and every node under its nodes."""
    found = set(OrgNode.objects.filter(unit__in=campaign.units.all()).values_list("pk", flat=True))
    return found | access.node_ids_below(campaign.nodes.all())


def invitees(campaign: Campaign) -> QuerySet[Person]:
    """Everyone in service in the campaign's teams who has an e-mail address."""
    return (
        Person.objects.filter(team_id__in=target_node_ids(campaign), is_active=True)
        .exclude(email="")
        .only("pk", "email", "first_name", "team_id")
        .order_by("pk")
    )


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


# --- The invitation behind a link -----------------------------------------------------------


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


# --- Response rates -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """Invited and answered for a team or for the whole campaign. ``answered`` is ``None`` when the
    exact count could tell who took part; ``fewer_than``/``more_than`` then give the bound shown."""

    team: str
    invited: int
    answered: int | None
    fewer_than: int | None = None
    more_than: int | None = None

    @property
    def percentage(self) -> int | None:
        if self.answered is None or not self.invited:
            return None
        return round(100 * self.answered / self.invited)


_ALL = ("all", 0)


def response_rates(campaign: Campaign) -> tuple[Rate, list[Rate]]:
    """The campaign's total and its teams' response counts, live while it is open.

    Counts only, never which invitation, and with the same residual rule as the results
    (``core.anonymity.suppress_unsafe_residuals``): an exact count is shown only when at least the
    threshold have answered *and* at least the threshold have not, for every team and every set
    computable from the shown numbers. So watching the page never shows that the one colleague of
    a small team just answered, or that all but one did."""
    rows = list(
        Invitation.objects.filter(campaign=campaign)
        .values("team_id", "team__name")
        .annotate(invited=Count("id"), answered=Count("id", filter=Q(state=InvitationState.SUBMITTED)))
        .order_by("team__name", "team_id")
    )
    limit = anonymity.threshold()
    counts: dict[Any, tuple[float, float]] = {
        ("team", row["team_id"]): (float(row["answered"]), float(row["invited"])) for row in rows
    }
    counts[_ALL] = (float(sum(row["answered"] for row in rows)), float(sum(row["invited"] for row in rows)))
    parent: dict[Any, Any] = {key: _ALL for key in counts if key != _ALL} | {_ALL: None}

    def safe(value: tuple[float, ...]) -> bool:
        answered, invited = value[0], value[-1]
        return invited == 0 or (answered >= limit and invited - answered >= limit)

    hidden = anonymity.suppress_unsafe_residuals(counts, parent, safe)

    def rate(key: Any, name: str) -> Rate:
        answered, invited = (int(value) for value in counts[key])
        if key not in hidden:
            return Rate(name, invited, answered)
        if answered < limit:
            return Rate(name, invited, None, fewer_than=limit)
        if invited - answered < limit:
            return Rate(name, invited, None, more_than=invited - limit)
        return Rate(name, invited, None)

    teams = [rate(("team", row["team_id"]), str(row["team__name"])) for row in rows]
    return rate(_ALL, ""), teams


# --- Results --------------------------------------------------------------------------------


def closed_campaigns_for(user: Any, scope: tuple[set[int], set[int]] | None = None) -> list[Campaign]:
    """Closed campaigns that reached at least one team the user may see results of."""
    _units, nodes = scope or access.monitor_result_scope(user)  # a unit's nodes are in ``nodes``
    sent = Campaign.objects.filter(invitations_sent_at__isnull=False).order_by("-closes_on", "-pk")
    return [c for c in sent if c.is_closed() and results.invited_teams(c) & nodes]


def visible_keys(
    user: Any, campaign_results: CampaignResults, scope: tuple[set[int], set[int]] | None = None
) -> list[GroupKey]:
    """The groups of a campaign's results the user may open, in tree order (organisation first)."""
    units, nodes = scope or access.monitor_result_scope(user)
    # Work from the user's scope, not from every group of the organisation: an employee sees one
    # team out of thousands. The keys come back in the results' tree order.
    wanted = [("unit", pk) for pk in units] + [("node", pk) for pk in nodes]
    position = campaign_results.positions
    found = [key for key in (ORGANISATION, *wanted) if key in position]
    return sorted(found, key=position.__getitem__)


def parse_key(value: str) -> GroupKey | None:
    kind, _sep, pk = value.partition("-")
    if kind in ("org", "unit", "node") and pk.isdigit():
        return (kind, int(pk))
    return None


def key_value(key: GroupKey) -> str:
    return f"{key[0]}-{key[1]}"


# --- Plan van Aanpak ------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureEffect:
    scale: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def measure_effects(measure: Measure, campaigns: list[Campaign]) -> list[MeasureEffect]:
    """For each scale a measure addresses: the team's mean in the measurement that led to it and
    in the latest later closed measurement of that scale (only figures that may be shown)."""
    if measure.campaign is None:
        return []
    key: GroupKey = ("node", measure.team_id)
    before = results.for_campaign(measure.campaign)
    later = [c for c in campaigns if c.opens_on > measure.campaign.opens_on and c.is_closed()]
    names = dict(questionnaire.load(measure.campaign.questionnaire).scale_choices)
    effects = []
    for slug in measure.scales:
        after_results = next((results.for_campaign(c) for c in later if slug in c.scales), None)
        effects.append(
            MeasureEffect(
                scale=names.get(slug, slug),
                before=_mean(before, key, slug),
                after=_mean(after_results, key, slug),
            )
        )
    return effects


def _mean(campaign_results: CampaignResults | None, key: GroupKey, slug: str) -> float | None:
    if campaign_results is None or key not in campaign_results.groups:
        return None
    figure = campaign_results.groups[key].figures.get(slug)
    # A suppressed figure has no mean, so a change is only computed between two shown figures.
    return figure.mean if figure is not None else None


def plan_teams(user: Any) -> list[tuple[OrgNode, int]]:
    """Teams whose plans the user reads (in scope, measured or with measures), with measure counts."""
    node_ids = access.monitor_plan_node_ids(user)
    counts = dict(
        Measure.objects.filter(team_id__in=node_ids).values_list("team_id").annotate(n=Count("id")).order_by()
    )
    measured = Invitation.objects.filter(team_id__in=node_ids).values("team_id")
    teams = OrgNode.objects.filter(Q(pk__in=measured) | Q(pk__in=list(counts))).select_related("unit")
    return [(team, counts.get(team.pk, 0)) for team in teams.order_by("unit__name", "name")]


def team_campaigns(user: Any, team: OrgNode) -> list[Campaign]:
    """The closed campaigns in the user's scope whose results have a group for the team, newest first."""
    key: GroupKey = ("node", team.pk)
    found = []
    for campaign in closed_campaigns_for(user):
        campaign_results = results.for_campaign(campaign)
        if campaign_results is not None and key in campaign_results.groups:
            found.append(campaign)
    return found


def team_comparisons(team: OrgNode, campaigns: list[Campaign]) -> list[Comparison]:
    """The team's outcomes per scale in the newest of ``campaigns`` (none without a campaign)."""
    latest = results.for_campaign(campaigns[0]) if campaigns else None
    if latest is None:
        return []
    return results.compare(latest, ("node", team.pk), campaigns[0], None)


def plan_measures(team: OrgNode) -> list[Measure]:
    """A team's measures with their campaign and progress notes (for the plan page)."""
    return list(Measure.objects.filter(team=team).select_related("campaign").prefetch_related("notes"))


def team_measures(node_id: int | None) -> list[Measure]:
    """A team's measures by due date (for the dashboard); none for a group that is not a team."""
    return list(Measure.objects.filter(team_id=node_id).order_by("due_on", "pk")) if node_id else []


def provision_choices() -> list[tuple[str, str]]:
    """(slug, name) of every provision of the current catalogue edition, by name."""
    edition = catalogue_selectors.current_edition()
    return [(p.slug, p.name) for p in catalogue_selectors.all_provisions(edition).order_by("name")]
