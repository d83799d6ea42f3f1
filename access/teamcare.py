"""teamcare: who may see or do what (capabilities and object rules of the teamcare app).

The signal view of a team is for the people around it, never for the team: the head of a node
above the team (a leidinggevende whose node is an ancestor of the team) and the HR adviser of
the unit (or of a node above the team). A member of the team and the team's own chief do not
find it (404), also when their role would otherwise reach it. A chief's notes and routes are
the author's alone; a note the author shared reaches the HR adviser of the team's unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from access.base import AUTHENTICATED, assignments, can, node_ids_below, own_person, register_actions
from organisation.constants import NodeKind, Role

if TYPE_CHECKING:
    from access.base import AnyUser
    from organisation.models import OrgNode

register_actions(
    {
        # The hub and the values dialogues: chiefs and HR advisers.
        "teamcare.use": frozenset({Role.LEIDINGGEVENDE, Role.HR_ADVISEUR}),
        # The combined team signals: the head of a parent node and the HR adviser.
        "teamcare.signals": frozenset({Role.LEIDINGGEVENDE, Role.HR_ADVISEUR}),
        # The chief's own tools: logbook, team biography, action routes, checklists, check-ups.
        "teamcare.route": frozenset({Role.LEIDINGGEVENDE}),
        # The HR adviser's work: shared notes, the facilitator pool, planning, the absence import.
        "teamcare.hr": frozenset({Role.HR_ADVISEUR}),
        # Anyone invited to a dialogue evaluates it (anonymously).
        "teamcare.evaluate": frozenset({AUTHENTICATED}),
    }
)

# === teamcare: object-level rules ===


def _roots(user: AnyUser, role: str) -> tuple[set[int], list[OrgNode]]:
    units: set[int] = set()
    nodes: list[OrgNode] = []
    for assignment in assignments(user):
        if assignment.role != role:
            continue
        if assignment.unit_id:
            units.add(assignment.unit_id)
        elif assignment.node is not None:
            nodes.append(assignment.node)
    return units, nodes


def teamcare_led_node_ids(user: AnyUser) -> set[int]:
    """The nodes the user leads themselves (their own teams as chief)."""
    return {a.node_id for a in assignments(user) if a.role == Role.LEIDINGGEVENDE and a.node_id}


def teamcare_hr_node_ids(user: AnyUser) -> set[int]:
    """Every node in the user's HR adviser scope (units, or nodes and everything below)."""
    from organisation.models import OrgNode

    units, roots = _roots(user, Role.HR_ADVISEUR)
    found = node_ids_below(roots) if roots else set()
    if units:
        found |= set(OrgNode.objects.filter(unit_id__in=units).values_list("pk", flat=True))
    return found


def teamcare_norm_team_ids(user: AnyUser) -> set[int]:
    """The teams whose reporting norm and quarterly summary the user sees: their own team and the
    teams they lead. (Everyone else — also the head of a parent node and the HR adviser — gets 404.)"""
    from organisation.models import OrgNode

    found = set(
        OrgNode.objects.filter(pk__in=teamcare_led_node_ids(user), kind=NodeKind.TEAM).values_list("pk", flat=True)
    )
    own = own_person(user)
    if own is not None and own.team_id is not None:
        found.add(own.team_id)
    return found


def teamcare_signal_team_ids(user: AnyUser) -> set[int]:
    """The teams whose signals the user may see: strictly below a node they lead, or in their HR
    adviser scope; never their own team or a team they lead themselves."""
    from organisation.models import OrgNode

    if not can(user, "teamcare.signals"):
        return set()
    _units, led_roots = _roots(user, Role.LEIDINGGEVENDE)
    # The led nodes themselves are among ``excluded`` below, so this leaves what is strictly below them.
    below = node_ids_below(led_roots) if led_roots else set()
    reachable = below | teamcare_hr_node_ids(user)
    if not reachable:
        return set()
    teams = set(OrgNode.objects.filter(pk__in=reachable, kind=NodeKind.TEAM).values_list("pk", flat=True))
    own = own_person(user)
    excluded = teamcare_led_node_ids(user) | ({own.team_id} if own is not None and own.team_id else set())
    return teams - excluded


def can_view_team_signals(user: AnyUser, team: OrgNode) -> bool:
    return team.pk in teamcare_signal_team_ids(user)


def teamcare_parent_heads_filter(team: OrgNode) -> list[int]:
    """The nodes whose leidinggevende is the 'head of the parent node' for a team: its ancestors."""
    return [node.pk for node in team.ancestors()]


# === end teamcare ===

__all__: list[str] = [
    "can_view_team_signals",
    "teamcare_hr_node_ids",
    "teamcare_led_node_ids",
    "teamcare_norm_team_ids",
    "teamcare_parent_heads_filter",
    "teamcare_signal_team_ids",
]
