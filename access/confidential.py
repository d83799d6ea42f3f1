"""Confidential routes: who reaches which request (MCU, mediation, vertrouwenspersoon) and the
anonymous line. The manager, the HR analist and the functioneel beheerder reach none of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from access.base import AUTHENTICATED, assignments_with, register_actions, unit_ids_of
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser

register_actions(
    {
        # Any employee asks for an MCU, mediation or a vertrouwenspersoon and sees their own requests.
        "confidential.request": frozenset({AUTHENTICATED}),
        # The pools: psychologists (MCU), vertrouwenspersonen (named requests, the anonymous line),
        # mediators (mediation between people of other units).
        "confidential.psychologist": frozenset({Role.EENHEIDSPSYCHOLOOG}),
        "confidential.vertrouwenspersoon": frozenset({Role.VERTROUWENSPERSOON}),
        "confidential.mediator": frozenset({Role.MEDIATOR}),
        "confidential.inbox": frozenset({Role.EENHEIDSPSYCHOLOOG, Role.VERTROUWENSPERSOON, Role.MEDIATOR}),
        # Managers see how many MCU invitations and requests their heavily loaded teams have, as
        # counts above the anonymity threshold only.
        "confidential.team_counts": frozenset({Role.LEIDINGGEVENDE}),
    }
)

# === confidential: object-level rules for requests ===
# A request is seen by the employee who made it; an MCU by the eenheidspsychologen of the unit it
# was sent to; a vertrouwenspersoon request only by the vertrouwenspersoon it is addressed to;
# a mediation by both parties and the assigned mediator (a mediator from the pool sees an
# unassigned one once both parties agreed). Nobody else: not the manager, not HR, not the
# functioneel beheerder (they get 404, tests/url_matrix).


def confidential_requests_filter(user: AnyUser) -> Q:
    """A filter on Request selecting exactly the requests this user may open."""
    from confidential.constants import RequestKind, RequestStatus

    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    uid = user.pk
    condition = Q(person__user_id=uid)
    psychologist_units = unit_ids_of(user, Role.EENHEIDSPSYCHOLOOG)
    if psychologist_units:
        condition |= Q(kind=RequestKind.MCU, unit_id__in=psychologist_units)
    if assignments_with(user, Role.VERTROUWENSPERSOON):
        condition |= Q(kind=RequestKind.VERTROUWENSPERSOON, handler__user_id=uid)
    # The other party sees a mediation request (to consent) and what follows.
    condition |= Q(kind=RequestKind.MEDIATION, other_party__user_id=uid)
    mediator_units = unit_ids_of(user, Role.MEDIATOR)
    if assignments_with(user, Role.MEDIATOR):
        condition |= Q(kind=RequestKind.MEDIATION, handler__user_id=uid)
        # The pool: unassigned, agreed mediations between people of units other than the mediator's.
        condition |= (
            Q(kind=RequestKind.MEDIATION, handler__isnull=True, status=RequestStatus.NEW)
            & ~Q(person__team__unit_id__in=mediator_units)
            & ~Q(other_party__team__unit_id__in=mediator_units)
        )
    return condition


def confidential_request_relation(user: AnyUser, request: Any) -> str:
    """How the user relates to one request they may open: "requester", "other_party" or "handler"."""
    uid = getattr(user, "pk", None)
    if request.person.user_id is not None and request.person.user_id == uid:
        return "requester"
    if request.other_party is not None and request.other_party.user_id == uid:
        return "other_party"
    return "handler"


def confidential_pool_units(user: AnyUser, role: str) -> set[int]:
    return unit_ids_of(user, role)


def confidential_line_filter(user: AnyUser) -> Q:
    """A filter on LineReport: the anonymous reports sealed to this vertrouwenspersoon."""
    if not assignments_with(user, Role.VERTROUWENSPERSOON):
        return Q(pk__in=[])
    return Q(recipients=user.pk)


__all__ = [
    "confidential_line_filter",
    "confidential_pool_units",
    "confidential_request_relation",
    "confidential_requests_filter",
]
