"""Barista: who reaches which signals, exposures and absences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from access.base import (
    AUTHENTICATED,
    assignments,
    assignments_with,
    can,
    people_in_scope,
    register_actions,
)
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser

register_actions(
    {
        # The invited manager (or deputy) sees invitations; every employee sees signals about them.
        "barista.invitations": frozenset({Role.LEIDINGGEVENDE}),
        "barista.own": frozenset({AUTHENTICATED}),
        # Manual exposures: managers for their team, TCO coordinators for their unit.
        "barista.exposures": frozenset({Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER}),
        # Absences (close to health data): only the manager of the team, and the functioneel beheerder.
        "barista.absences": frozenset({Role.LEIDINGGEVENDE, Role.FUNCTIONEEL_BEHEERDER}),
        # Rules, exposure types and the import: the functioneel beheerder.
        "barista.manage": frozenset({Role.FUNCTIONEEL_BEHEERDER}),
        # Aggregates per team for the pilot evaluation (groups under the threshold suppressed).
        "barista.statistics": frozenset({Role.HR_ANALIST}),
    }
)

# === barista: object-level rules for signals, exposures and absences ===
# A signal is seen by the employee it is about and, as long as they are involved, by managers:
# an open invitation by the manager (or deputy) it is addressed to and the employee's current
# direct manager; a finished one only by the employee's current direct manager when they handled
# it or a deputy did for them (``Signal.deputy_for``: a deputy for an earlier manager does not
# count). A former manager, a former deputy, a new manager (for what came before them), the
# escalation recipient and every other manager see nothing (tests/matrix,
# barista/tests/test_visibility.py; the threat model is in docs/barista.md).


def barista_invitations_filter(user: AnyUser) -> Q:
    """A filter on Signal: the invitations this user handles as manager or deputy."""
    from barista.constants import SignalStatus

    if not can(user, "barista.invitations"):
        return Q(pk__in=[])
    uid = user.pk
    is_open = Q(status=SignalStatus.OPEN) & (Q(recipient__user_id=uid) | Q(person__manager__user_id=uid))
    handled = Q(recipient__user_id=uid) | Q(outcome_by_id=uid) | Q(recipient_is_deputy=True, deputy_for__user_id=uid)
    finished = ~Q(status=SignalStatus.OPEN) & Q(person__manager__user_id=uid) & handled
    return is_open | finished


def barista_own_signals_filter(user: AnyUser) -> Q:
    """A filter on Signal: those about the user."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(person__user_id=user.pk)


def barista_people_filter(user: AnyUser, *, absences: bool = False) -> Q:
    """A filter on Person: for whom the user records exposures (never themselves: managers their
    team, coordinators their unit) or absences (managers their team and themselves, to name a
    deputy; not coordinators). The functioneel beheerder reaches everyone."""
    if not can(user, "barista.absences" if absences else "barista.exposures"):
        return Q(pk__in=[])
    if any(a.role == Role.FUNCTIONEEL_BEHEERDER for a in assignments(user)):
        return Q() if absences else ~Q(user_id=user.pk)
    condition = Q(pk__in=[]) if absences else people_in_scope(user, Role.COORDINATOR_TCO)
    if assignments_with(user, Role.LEIDINGGEVENDE):
        condition |= people_in_scope(user, Role.LEIDINGGEVENDE) | Q(manager__user_id=user.pk)
    if absences:
        return condition | Q(user_id=user.pk)
    return condition & ~Q(user_id=user.pk)


# === end barista ===


__all__ = [
    "barista_invitations_filter",
    "barista_own_signals_filter",
    "barista_people_filter",
]
