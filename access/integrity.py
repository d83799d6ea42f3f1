"""integrity: who may see or do what (capabilities and object rules of the integrity app).

* Live dilemma sessions are led by VIK prevention or any leidinggevende; a facilitator reaches
  only the sessions they made. Participants need no account (public pages).
* A change report (meldplicht) is seen by the employee who made it and the manager it was made
  to; nobody else — not HR, not colleagues, not VIK.
* Session requests: anyone asks; VIK prevention of the request's unit plans them.
* Triage of signals: only VIK roles, for signals of the units of their assignments.
* The anonymous screening questionnaire: anyone with a period's link answers (no account); only
  VIK roles open and close periods and read the results, for the units of their assignments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from access.base import AUTHENTICATED, assignments, has_role, register_actions
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser

VIK_ROLES = frozenset({Role.VIK_PREVENTIE, Role.VIK_INTEGRITEIT})

register_actions(
    {
        "integrity.facilitate": frozenset({Role.VIK_PREVENTIE, Role.LEIDINGGEVENDE}),
        "integrity.report": frozenset({AUTHENTICATED}),
        "integrity.reports_team": frozenset({Role.LEIDINGGEVENDE}),
        "integrity.request_session": frozenset({AUTHENTICATED}),
        "integrity.plan_sessions": frozenset({Role.VIK_PREVENTIE}),
        "integrity.triage": VIK_ROLES,
        "integrity.survey": VIK_ROLES,
    }
)


def _unit_ids(user: AnyUser, roles: frozenset[str]) -> set[int]:
    """Units covered by the user's assignments of these roles (a node counts for its unit)."""
    units: set[int] = set()
    for assignment in assignments(user):
        if assignment.role not in roles:
            continue
        if assignment.unit_id:
            units.add(assignment.unit_id)
        elif assignment.node is not None:
            units.add(assignment.node.unit_id)
    return units


def integrity_sessions_filter(user: AnyUser) -> Q:
    """A filter on LiveSession: the sessions this facilitator made."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(facilitator_id=user.pk)


def integrity_reports_filter(user: AnyUser) -> Q:
    """A filter on ChangeReport: the employee's own reports and those made to them as manager."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    condition = Q(person__user_id=user.pk)
    if has_role(user, Role.LEIDINGGEVENDE):
        condition |= Q(manager__user_id=user.pk)
    return condition


def integrity_is_report_manager(user: AnyUser, report: Any) -> bool:
    """Whether the user is the manager the report was made to (who records the follow-up)."""
    manager = report.manager
    return bool(has_role(user, Role.LEIDINGGEVENDE) and manager.user_id is not None and manager.user_id == user.pk)


def integrity_requests_filter(user: AnyUser) -> Q:
    """A filter on SessionRequest: one's own requests, and all requests of the units VIK prevention covers."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(requester_id=user.pk) | Q(unit_id__in=_unit_ids(user, frozenset({Role.VIK_PREVENTIE})))


def integrity_planned_requests_filter(user: AnyUser) -> Q:
    """A filter on SessionRequest: the requests this VIK prevention user plans."""
    return Q(unit_id__in=_unit_ids(user, frozenset({Role.VIK_PREVENTIE})))


def integrity_signals_filter(user: AnyUser) -> Q:
    """A filter on IntegritySignal: signals of the units of the user's VIK assignments."""
    return Q(unit_id__in=_unit_ids(user, VIK_ROLES))


def integrity_survey_rounds_filter(user: AnyUser) -> Q:
    """A filter on SurveyRound: the questionnaire periods of the units of the user's VIK assignments."""
    return Q(unit_id__in=_unit_ids(user, VIK_ROLES))


def integrity_vik_unit_ids(user: AnyUser) -> set[int]:
    """The units for which this user may register a signal."""
    return _unit_ids(user, VIK_ROLES)


__all__ = [
    "integrity_is_report_manager",
    "integrity_planned_requests_filter",
    "integrity_reports_filter",
    "integrity_requests_filter",
    "integrity_sessions_filter",
    "integrity_signals_filter",
    "integrity_survey_rounds_filter",
    "integrity_vik_unit_ids",
]
