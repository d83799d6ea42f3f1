"""Opvang en nazorg: who reaches which events, plans, steps and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from access.base import (
    AUTHENTICATED,
    assignments_with,
    own_person,
    people_in_scope,
    register_actions,
    unit_ids_of,
)
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser
    from organisation.models import Person

register_actions(
    {
        # Any employee registers an event they were involved in; managers and coordinators for others.
        "aftercare.register": frozenset({AUTHENTICATED}),
        "aftercare.own": frozenset({AUTHENTICATED}),
        "aftercare.team": frozenset({Role.LEIDINGGEVENDE}),
        "aftercare.cases": frozenset({Role.COLLEGIAAL_ONDERSTEUNER}),
        "aftercare.coordinate": frozenset({Role.COORDINATOR_TCO}),
        # The casemanager GTPA: their own steps in plans after violence against an employee.
        "aftercare.casework": frozenset({Role.CASEMANAGER}),
        # The templates and event types are the same for the whole organisation: the functioneel
        # beheerder edits them (no coordinator holds an organisation-wide scope, and the beheerder
        # reaches no plan, so the editor shows no care data).
        "aftercare.templates": frozenset({Role.FUNCTIONEEL_BEHEERDER}),
    }
)

# === aftercare: object-level rules for events, plans, steps and notes ===
# The employee sees their own plan; the manager (direct, or leading the team) sees steps and
# statuses; the assigned peer supporter and the TCO coordinator of the unit also see the
# peer-support notes. Care professionals and the functioneel beheerder do not reach plans.


def _plan_person_in(user: AnyUser, role: str) -> Q:
    from organisation.models import Person

    if not assignments_with(user, role):
        return Q(pk__in=[])
    return Q(person__in=Person.objects.filter(people_in_scope(user, role)).values("pk"))


def _own_person_ids(user: AnyUser) -> QuerySet[Any]:
    """The id of the user's own person record, as a subquery."""
    from organisation.models import Person

    user_id: int = user.pk  # type: ignore[assignment]  # called only for a user with a role
    return Person.objects.filter(user_id=user_id).values("pk")


def aftercare_coordinated_plans_filter(user: AnyUser) -> Q:
    """Plans a TCO coordinator coordinates: those of people in their unit or node."""
    return _plan_person_in(user, Role.COORDINATOR_TCO)


def aftercare_team_plans_filter(user: AnyUser) -> Q:
    """Plans a leidinggevende follows: their direct reports and the people in the nodes they lead."""
    if not assignments_with(user, Role.LEIDINGGEVENDE):
        return Q(pk__in=[])
    # ``manager IN (their person)`` rather than a join on the manager's user: both halves of the OR
    # are then an index lookup on the plan, and PostgreSQL's planner estimates the rows right
    # (with the join it expected thousands and read every plan: 80 ms for a team of fifteen).
    return Q(manager__in=_own_person_ids(user)) | _plan_person_in(user, Role.LEIDINGGEVENDE)


def aftercare_cases_filter(user: AnyUser) -> Q:
    """Plans a peer supporter was assigned to."""
    if not assignments_with(user, Role.COLLEGIAAL_ONDERSTEUNER):
        return Q(pk__in=[])
    return Q(supporter__in=_own_person_ids(user))


def aftercare_casework_plans_filter(user: AnyUser) -> Q:
    """Plans a casemanager works on: events the casemanager GTPA follows up (violence against the
    employee), of people in the casemanager's unit or node. They see only their part of the plan."""
    if not assignments_with(user, Role.CASEMANAGER):
        return Q(pk__in=[])
    return Q(event__gtpa_casemanager=True) & _plan_person_in(user, Role.CASEMANAGER)


def aftercare_plans_filter(user: AnyUser) -> Q:
    """A filter on Plan selecting exactly the plans this user may open."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return (
        Q(person__user_id=user.pk)
        | aftercare_team_plans_filter(user)
        | aftercare_cases_filter(user)
        | aftercare_coordinated_plans_filter(user)
        | aftercare_casework_plans_filter(user)
    )


def _plan_matches(plan: Any, condition: Q) -> bool:
    return bool(type(plan).objects.filter(condition, pk=plan.pk).exists())


def can_view_plan(user: AnyUser, plan: Any) -> bool:
    return _plan_matches(plan, aftercare_plans_filter(user))


def can_coordinate_plan(user: AnyUser, plan: Any) -> bool:
    """Assign a supporter, edit the plan, close it: the coordinator of the employee's unit."""
    return _plan_matches(plan, aftercare_coordinated_plans_filter(user))


def can_read_support_notes(user: AnyUser, plan: Any) -> bool:
    """Peer-support notes: only the assigned supporter and the coordinator (not the manager)."""
    return _plan_matches(plan, aftercare_cases_filter(user) | aftercare_coordinated_plans_filter(user))


def may_read_check_ins(relations: frozenset[str]) -> bool:
    """The answers of a structured check-in: only the assigned supporter and the coordinator.
    The manager (and the casemanager) see only that the check-in was done."""
    return bool(relations & {"supporter", "coordinator"})


def can_read_check_ins(user: AnyUser, plan: Any) -> bool:
    return may_read_check_ins(aftercare_plan_relations(user, plan))


def sees_casework_only(relations: frozenset[str]) -> bool:
    """A casemanager who has no other relation to the plan sees only the casework steps."""
    return relations == frozenset({"casemanager"})


def is_plan_subject(user: AnyUser, plan: Any) -> bool:
    """Whether the user is the employee the plan is for."""
    person = plan.person
    return person is not None and person.user_id is not None and person.user_id == getattr(user, "pk", None)


def aftercare_plan_relations(user: AnyUser, plan: Any) -> frozenset[str]:
    """How the user relates to one plan ("subject", "manager", "supporter", "coordinator"),
    worked out once so a page with many steps asks the database a few times, not per step."""
    relations = set()
    if is_plan_subject(user, plan):
        relations.add("subject")
    for name, condition in (
        ("manager", aftercare_team_plans_filter(user)),
        ("supporter", aftercare_cases_filter(user)),
        ("coordinator", aftercare_coordinated_plans_filter(user)),
        ("casemanager", aftercare_casework_plans_filter(user)),
    ):
        if condition != Q(pk__in=[]) and _plan_matches(plan, condition):
            relations.add(name)
    return frozenset(relations)


def may_complete_step(relations: frozenset[str], step: Any, person_id: int | None = None) -> bool:
    """Only the step's owner completes it (``person_id``: the user's own person). The coordinator
    may complete any step of the plan, on behalf of its owner, which the service records. A step
    that has no owner yet (no supporter assigned) falls back to its owner role."""
    from aftercare.constants import StepOwner

    if "coordinator" in relations:
        return True
    if step.owner_id is not None:
        return person_id is not None and step.owner_id == person_id
    owner_relation = {
        StepOwner.MANAGER: "manager",
        StepOwner.SUPPORTER: "supporter",
        StepOwner.CASEMANAGER: "casemanager",
    }.get(step.owner_role)
    return owner_relation in relations


def may_decline_step(relations: frozenset[str], step: Any, person_id: int | None = None) -> bool:
    """The employee may decline an offer themselves; the step's owner records a decline too."""
    return "subject" in relations or may_complete_step(relations, step, person_id)


def _own_person_id(user: AnyUser) -> int | None:
    person = own_person(user)
    return person.pk if person is not None else None


def can_complete_step(user: AnyUser, step: Any) -> bool:
    return may_complete_step(aftercare_plan_relations(user, step.plan), step, _own_person_id(user))


def can_decline_step(user: AnyUser, step: Any) -> bool:
    return may_decline_step(aftercare_plan_relations(user, step.plan), step, _own_person_id(user))


def may_see_referral_target(relations: frozenset[str]) -> bool:
    """Where a referral went (e.g. Zorglijn PTSS) is health-related: only the employee, the
    assigned supporter and the coordinator see it. The manager sees only that a referral was made."""
    return bool(relations & {"subject", "supporter", "coordinator"})


def can_see_referral_target(user: AnyUser, plan: Any) -> bool:
    return may_see_referral_target(aftercare_plan_relations(user, plan))


def aftercare_assignments_covering(person: Person | None, unit_id: int | None, role: str) -> Q:
    """A filter on RoleAssignment: assignments of ``role`` whose scope covers the person's team
    (the team itself, a node above it, or its unit) or, without a team, the given unit."""
    unit_ids = {unit_id} if unit_id else set()
    condition = Q(pk__in=[])
    if person is not None and person.team is not None:
        unit_ids.add(person.team.unit_id)
        condition |= Q(node__in=[person.team, *person.team.ancestors()])
    if unit_ids:
        condition |= Q(unit_id__in=unit_ids)
    return Q(role=role) & condition


def aftercare_registrable_people_filter(user: AnyUser) -> Q:
    """A filter on Person: whom this user may register as involved in an event.

    Everyone may register themselves; a leidinggevende adds their team, a coordinator their unit.
    """
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    condition = Q(user_id=user.pk) | people_in_scope(user, Role.COORDINATOR_TCO)
    if assignments_with(user, Role.LEIDINGGEVENDE):
        condition |= people_in_scope(user, Role.LEIDINGGEVENDE) | Q(manager__user_id=user.pk)
    return condition


def aftercare_coordinator_unit_ids(user: AnyUser) -> set[int]:
    """The units a coordinator's assignments fall in (for the aggregates per unit)."""
    return unit_ids_of(user, Role.COORDINATOR_TCO)


# === end aftercare ===


__all__ = [
    "aftercare_assignments_covering",
    "aftercare_cases_filter",
    "aftercare_casework_plans_filter",
    "aftercare_coordinated_plans_filter",
    "aftercare_coordinator_unit_ids",
    "aftercare_plan_relations",
    "aftercare_plans_filter",
    "aftercare_registrable_people_filter",
    "aftercare_team_plans_filter",
    "can_complete_step",
    "can_coordinate_plan",
    "can_decline_step",
    "can_read_check_ins",
    "can_read_support_notes",
    "can_see_referral_target",
    "can_view_plan",
    "is_plan_subject",
    "may_complete_step",
    "may_decline_step",
    "may_read_check_ins",
    "may_see_referral_target",
    "sees_casework_only",
]
