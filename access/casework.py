"""casework: who may see or do what (recognition cases of Team Beroepsrisico, buddy coordination).

A recognition case is the employee's and their casemanager's alone: the employee reads it
(read-only), the casemanager assigned to it works on it while the employee's consent stands.
Everyone else, the employee's manager, the TCO coordinator and HR included, does not find it
(404). A case without a casemanager yet (nobody held the role in the unit when consent was given)
can be taken by a casemanager of the employee's unit.

Buddy pools are kept by the TCO coordinator ("aftercare coordinator") of the unit, who also makes
the matches. A buddy sees their own matches; an employee sees their own buddy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from access.base import AUTHENTICATED, assignments_with, register_actions, unit_ids_of
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser

register_actions(
    {
        # An employee's own page: consent, their case (read-only), their buddy. Also the gate of the
        # case pages, which then answer 404 to everyone but the employee or the casemanager.
        "casework.own": frozenset({AUTHENTICATED}),
        # The casemanager's list of cases (Team Beroepsrisico).
        "casework.cases": frozenset({Role.CASEMANAGER}),
        # Buddy pools and matches: the TCO coordinator of the unit.
        "casework.buddies": frozenset({Role.COORDINATOR_TCO}),
    }
)

# === casework: object-level rules ===

_NOTHING = Q(pk__in=[])


def casework_own_cases_filter(user: AnyUser) -> Q:
    """Cases of the user themselves (also after withdrawal: it is their history)."""
    if not getattr(user, "is_authenticated", False):
        return _NOTHING
    return Q(person__user_id=user.pk)


def casework_managed_cases_filter(user: AnyUser) -> Q:
    """Cases the user works on as their casemanager, while the employee's consent stands."""
    if not assignments_with(user, Role.CASEMANAGER):
        return _NOTHING
    return Q(casemanager__user_id=user.pk, consent_withdrawn_at__isnull=True)


def casework_claimable_cases_filter(user: AnyUser) -> Q:
    """Running cases without a casemanager in a unit where the user is casemanager (never their own)."""
    units = unit_ids_of(user, Role.CASEMANAGER)
    if not units:
        return _NOTHING
    return Q(
        casemanager__isnull=True, consent_withdrawn_at__isnull=True, closed_at__isnull=True, unit_id__in=units
    ) & ~Q(person__user_id=user.pk)


def casework_buddy_unit_ids(user: AnyUser) -> set[int]:
    """The units whose buddy pool the user keeps (as TCO coordinator)."""
    return unit_ids_of(user, Role.COORDINATOR_TCO)


def casework_buddy_matches_filter(user: AnyUser) -> Q:
    """Matches in which the user is the buddy."""
    if not getattr(user, "is_authenticated", False):
        return _NOTHING
    return Q(buddy__person__user_id=user.pk)


def casework_own_matches_filter(user: AnyUser) -> Q:
    """Matches in which the user is the employee who gets a buddy."""
    if not getattr(user, "is_authenticated", False):
        return _NOTHING
    return Q(person__user_id=user.pk)


# === end casework ===

__all__: list[str] = [
    "casework_buddy_matches_filter",
    "casework_buddy_unit_ids",
    "casework_claimable_cases_filter",
    "casework_managed_cases_filter",
    "casework_own_cases_filter",
    "casework_own_matches_filter",
]
