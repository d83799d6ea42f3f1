"""Reads shared by the monitor's pages and exports: campaigns in scope, response rates, the
groups a user may see in the results, and the change on the scales a measure addresses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from core import permissions
from monitor import questionnaire, results
from monitor.constants import InvitationState
from monitor.models import Campaign, Invitation, Measure
from monitor.results import CampaignResults, GroupKey
from organisation.models import OrgNode


def campaigns_for(user: Any) -> QuerySet[Campaign]:
    return Campaign.objects.filter(permissions.monitor_campaigns_filter(user)).distinct()


@dataclass(frozen=True)
class Rate:
    team: str
    invited: int
    answered: int

    @property
    def percentage(self) -> int:
        return round(100 * self.answered / self.invited) if self.invited else 0


def response_rates(campaign: Campaign) -> list[Rate]:
    """Invited and answered per team: counts only, never which invitation."""
    rows = (
        Invitation.objects.filter(campaign=campaign)
        .values("team_id", "team__name")
        .annotate(invited=Count("id"), answered=Count("id", filter=Q(state=InvitationState.SUBMITTED)))
        .order_by("team__name")
    )
    return [Rate(str(row["team__name"]), int(row["invited"]), int(row["answered"])) for row in rows]


def closed_campaigns_for(user: Any, scope: tuple[set[int], set[int]] | None = None) -> list[Campaign]:
    """Closed campaigns that reached at least one team the user may see results of."""
    _units, nodes = scope or permissions.monitor_result_scope(user)  # a unit's nodes are in ``nodes``
    sent = Campaign.objects.filter(invitations_sent_at__isnull=False).order_by("-closes_on", "-pk")
    return [c for c in sent if c.is_closed() and results.invited_teams(c) & nodes]


def visible_keys(
    user: Any, campaign_results: CampaignResults, scope: tuple[set[int], set[int]] | None = None
) -> list[GroupKey]:
    """The groups of a campaign's results the user may open, in tree order (organisation first)."""
    units, nodes = scope or permissions.monitor_result_scope(user)

    def allowed(key: GroupKey) -> bool:
        kind, pk = key
        return kind == "org" or (kind == "unit" and pk in units) or (kind == "node" and pk in nodes)

    return [key for key in campaign_results.order if allowed(key)]


def parse_key(value: str) -> GroupKey | None:
    kind, _sep, pk = value.partition("-")
    if kind in ("org", "unit", "node") and pk.isdigit():
        return (kind, int(pk))
    return None


def key_value(key: GroupKey) -> str:
    return f"{key[0]}-{key[1]}"


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
    node_ids = permissions.monitor_plan_node_ids(user)
    counts = dict(
        Measure.objects.filter(team_id__in=node_ids).values_list("team_id").annotate(n=Count("id")).order_by()
    )
    measured = Invitation.objects.filter(team_id__in=node_ids).values("team_id")
    teams = OrgNode.objects.filter(Q(pk__in=measured) | Q(pk__in=list(counts))).select_related("unit")
    return [(team, counts.get(team.pk, 0)) for team in teams.order_by("unit__name", "name")]
