"""complaints: who may see or do what (capabilities and object rules of the complaints app).

A complaint is confidential by default. It is reached by exactly four relations:
- the klachtcoördinator of its unit (all complaints of the unit; assigns the handler);
- the klachtbehandelaar it is assigned to;
- a member of the klachtencommissie of its unit, once the complaint went to the committee;
- the decision-maker recorded on the complaint (a person, whatever their roles).
Nobody else reads it: not the leidinggevende, not the HR analist, not the functioneel beheerder
(their requests answer 404). The complainant sees only the status of their own complaint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from access.base import AUTHENTICATED, assignments_with, register_actions, unit_ids_of
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser

register_actions(
    {
        # Complaint pages are reached through the object rules below; the action only says "logged in".
        "complaints.view": frozenset({AUTHENTICATED}),
        "complaints.own": frozenset({AUTHENTICATED}),
        "complaints.list": frozenset({Role.KLACHTCOORDINATOR, Role.KLACHTBEHANDELAAR, Role.KLACHTCOMMISSIE}),
        "complaints.coordinate": frozenset({Role.KLACHTCOORDINATOR}),
        "complaints.statistics": frozenset({Role.KLACHTCOORDINATOR, Role.HR_ANALIST}),
    }
)

_NOTHING = Q(pk__in=[])


def complaints_unit_ids(user: AnyUser, role: str) -> set[int]:
    """The units the user's assignments of ``role`` fall in (a node assignment counts for its unit)."""
    return unit_ids_of(user, role)


def complaints_coordinated_filter(user: AnyUser) -> Q:
    units = complaints_unit_ids(user, Role.KLACHTCOORDINATOR)
    return Q(unit_id__in=units) if units else _NOTHING


def complaints_handled_filter(user: AnyUser) -> Q:
    if not assignments_with(user, Role.KLACHTBEHANDELAAR):
        return _NOTHING
    return Q(handler__user_id=user.pk)


def complaints_committee_filter(user: AnyUser) -> Q:
    units = complaints_unit_ids(user, Role.KLACHTCOMMISSIE)
    return Q(unit_id__in=units, committee_at__isnull=False) if units else _NOTHING


def complaints_decision_filter(user: AnyUser) -> Q:
    if not getattr(user, "is_authenticated", False):
        return _NOTHING
    return Q(decision_maker__user_id=user.pk)


def complaints_visible_filter(user: AnyUser) -> Q:
    """A filter on Complaint selecting exactly the complaints whose content this user may read."""
    if not getattr(user, "is_authenticated", False):
        return _NOTHING
    return (
        complaints_coordinated_filter(user)
        | complaints_handled_filter(user)
        | complaints_committee_filter(user)
        | complaints_decision_filter(user)
    )


def complaints_own_filter(user: AnyUser) -> Q:
    """Complaints the user filed: they see only the status of these."""
    if not getattr(user, "is_authenticated", False):
        return _NOTHING
    return Q(complainant__user_id=user.pk)


def _matches(complaint: Any, condition: Q) -> bool:
    if condition == _NOTHING:
        return False
    return bool(type(complaint).objects.filter(condition, pk=complaint.pk).exists())


def complaint_relations(user: AnyUser, complaint: Any) -> frozenset[str]:
    """How the user relates to one complaint: "coordinator", "handler", "committee", "decision_maker"."""
    found = set()
    for name, condition in (
        ("coordinator", complaints_coordinated_filter(user)),
        ("handler", complaints_handled_filter(user)),
        ("committee", complaints_committee_filter(user)),
        ("decision_maker", complaints_decision_filter(user)),
    ):
        if _matches(complaint, condition):
            found.add(name)
    return frozenset(found)


#: What each relation may do on a complaint it reaches.
_MAY: dict[str, frozenset[str]] = {
    "manage": frozenset({"coordinator"}),  # assign handler and decision-maker
    "work": frozenset({"coordinator", "handler"}),  # stages, elements, contacts, documents
    "advise": frozenset({"coordinator", "handler", "committee"}),  # the committee's advice and points
    "decide": frozenset({"coordinator", "handler", "decision_maker"}),  # record the decision
}


def complaint_may(relations: frozenset[str], what: str) -> bool:
    return bool(relations & _MAY[what])


__all__ = [
    "complaint_may",
    "complaint_relations",
    "complaints_committee_filter",
    "complaints_coordinated_filter",
    "complaints_decision_filter",
    "complaints_handled_filter",
    "complaints_own_filter",
    "complaints_unit_ids",
    "complaints_visible_filter",
]
