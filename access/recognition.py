"""recognition: who may see or do what (capabilities and object rules of the recognition app).

* Every employee reads the recognition pages, sees their own jubilee, nominates a colleague for the
  Eremedaille voor Verdienste or a team for the WEP Team Award, and sends and keeps Blauw Harten.
* A leidinggevende sees the jubilees of their people (their team scope and their direct reports)
  and the Blauw Harten those people chose to share with them.
* The unit's leadership (a leidinggevende of a top node of the unit) handles the Eremedaille
  nominations of people in that unit, except a nomination of themselves.
* The inhoudsbeheerder edits the pages and reads the Team Award nominations to pass on to WEP.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from access.base import AUTHENTICATED, assignments_with, own_person, people_in_scope, register_actions
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser

register_actions(
    {
        "recognition.view": frozenset({AUTHENTICATED}),
        "recognition.team": frozenset({Role.LEIDINGGEVENDE}),
        "recognition.leadership": frozenset({Role.LEIDINGGEVENDE}),
        "recognition.manage": frozenset({Role.INHOUDSBEHEERDER}),
    }
)


def team_people_filter(user: AnyUser) -> Q:
    """A filter on Person: the people a leidinggevende looks after (never themselves)."""
    condition = people_in_scope(user, Role.LEIDINGGEVENDE)
    own = own_person(user)
    if own is not None and assignments_with(user, Role.LEIDINGGEVENDE):
        condition |= Q(manager=own)
    return condition & ~Q(pk=own.pk) if own is not None else condition


def leadership_unit_ids(user: AnyUser) -> set[int]:
    """Units whose leadership this user is part of: a leidinggevende of a node at the top of the unit."""
    return {
        a.node.unit_id
        for a in assignments_with(user, Role.LEIDINGGEVENDE)
        if a.node is not None and a.node.parent_id is None
    }


def nominations_for_leadership_filter(user: AnyUser) -> Q:
    """A filter on MedalNomination: those of the user's units, except nominations of the user themself."""
    units = leadership_unit_ids(user)
    if not units:
        return Q(pk__in=[])
    own = own_person(user)
    return Q(unit_id__in=units) & ~Q(nominee_id=own.pk) if own is not None else Q(unit_id__in=units)


__all__ = ["leadership_unit_ids", "nominations_for_leadership_filter", "team_people_filter"]
