"""Weerbaarheidsmonitor: who reaches which campaigns, results and action plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from access.base import (
    AUTHENTICATED,
    assignments,
    can,
    node_ids_below,
    own_person,
    register_actions,
)
from organisation.constants import CARE_PROFESSIONAL_ROLES, Role

if TYPE_CHECKING:
    from access.base import AnyUser
    from organisation.models import OrgNode

register_actions(
    {
        # Campaigns: the HR analyst and the care professionals as VGW professional (RI&E-PSA).
        "monitor.campaigns": frozenset({Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES}),
        # Results: everyone (their own team once a campaign closed); roles see their scope.
        "monitor.dashboard": frozenset({AUTHENTICATED}),
        "monitor.plans": frozenset({Role.LEIDINGGEVENDE, Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES}),
    }
)

# === monitor: object-level rules for campaigns, results and action plans ===
# Results are aggregates that already passed core.anonymity; scope decides which groups a user
# is offered: a leidinggevende the nodes they lead (and all below), the HR analyst and care
# professionals their unit or node, every employee their own team. The organisation as a whole
# is shown to everyone for comparison. Only the leidinggevende of a team edits its Plan van Aanpak.

_MONITOR_SCOPED_ROLES: frozenset[str] = frozenset({Role.HR_ANALIST, Role.LEIDINGGEVENDE, *CARE_PROFESSIONAL_ROLES})


def monitor_scope(user: AnyUser, roles: frozenset[str] = _MONITOR_SCOPED_ROLES) -> tuple[set[int], set[int]]:
    """(unit ids, node ids) reached by the user's monitor roles; nodes include everything below."""
    from organisation.models import OrgNode

    units: set[int] = set()
    roots = []
    for assignment in assignments(user):
        if assignment.role not in roles:
            continue
        if assignment.unit_id:
            units.add(assignment.unit_id)
        elif assignment.node is not None:
            roots.append(assignment.node)
    nodes = node_ids_below(roots) if roots else set()
    if units:
        nodes |= set(OrgNode.objects.filter(unit_id__in=units).values_list("pk", flat=True))
    return units, nodes


def monitor_result_scope(user: AnyUser) -> tuple[set[int], set[int]]:
    """The units and nodes whose results the user may see: their scope plus their own team."""
    units, nodes = monitor_scope(user)
    own = own_person(user)
    if own is not None and own.team_id:
        nodes.add(own.team_id)
    return units, nodes


def monitor_campaigns_filter(user: AnyUser) -> Q:
    """A filter on Campaign: those the user made or that reach their unit or nodes."""
    if not can(user, "monitor.campaigns"):
        return Q(pk__in=[])
    units, nodes = monitor_scope(user, frozenset({Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES}))
    return Q(created_by_id=user.pk) | Q(units__in=units) | Q(nodes__in=nodes)


def monitor_plan_node_ids(user: AnyUser) -> set[int]:
    """Teams whose Plan van Aanpak the user may read."""
    if not can(user, "monitor.plans"):
        return set()
    return monitor_scope(user)[1]


def can_edit_monitor_plan(user: AnyUser, node: OrgNode) -> bool:
    """Only a leidinggevende of the team (or a node above it) adds and updates measures."""
    return node.pk in monitor_scope(user, frozenset({Role.LEIDINGGEVENDE}))[1]


# === end monitor ===


__all__ = [
    "can_edit_monitor_plan",
    "monitor_campaigns_filter",
    "monitor_plan_node_ids",
    "monitor_result_scope",
    "monitor_scope",
]
