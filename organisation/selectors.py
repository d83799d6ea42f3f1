"""Reads of the organisation shared by views, API and later modules."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

import access
from organisation.models import OrgNode, Person, RoleAssignment, Unit, UnitStrength


def units_with_latest_strength() -> QuerySet[Unit]:
    return Unit.objects.prefetch_related(
        Prefetch("strengths", queryset=UnitStrength.objects.order_by("-reference_date"), to_attr="strength_facts")
    ).order_by("name")


def strength_totals(units: list[Unit]) -> dict[str, int] | None:
    """Sum of the latest strength fact of every unit (None when no unit has one)."""
    facts_per_unit: list[list[UnitStrength]] = [getattr(unit, "strength_facts", []) for unit in units]
    latest = [facts[0] for facts in facts_per_unit if facts]
    if not latest:
        return None
    operational = sum(fact.fte_operational for fact in latest)
    non_operational = sum(fact.fte_non_operational for fact in latest)
    return {"operational": operational, "non_operational": non_operational, "total": operational + non_operational}


def unit_tree(unit: Unit) -> list[dict[str, object]]:
    """The nodes of a unit as a nested list, built from one query."""
    nodes = list(OrgNode.objects.filter(unit=unit).order_by("name"))
    children: dict[int | None, list[OrgNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)

    def build(parent_id: int | None, seen: frozenset[int]) -> list[dict[str, object]]:
        return [
            {"node": node, "children": build(node.pk, seen | {node.pk})}
            for node in children.get(parent_id, [])
            if node.pk not in seen
        ]

    return build(None, frozenset())


def people_visible_to(user: object, *, search: str = "") -> QuerySet[Person]:
    people = access.visible_people(user).select_related("team", "team__unit", "manager")  # type: ignore[arg-type]
    if search:
        people = people.filter(
            Q(employee_number__iexact=search) | Q(last_name__icontains=search) | Q(first_name__icontains=search)
        )
    return people.order_by("last_name", "first_name")


def person_for_viewer(user: Any, employee_number: str) -> Person | None:
    """The person with this employee number, or None when they do not exist *or* the user may not
    open their record: both answer the same, so nobody can probe which employee numbers exist.

    One query whichever the case; the rule is ``access.openable_people_filter``.
    """
    people = Person.objects.select_related("team", "team__unit", "manager")
    return people.filter(access.openable_people_filter(user), employee_number=employee_number).first()


def role_assignments(filters: dict[str, Any]) -> QuerySet[RoleAssignment]:
    """Role assignments for the roles page, filtered by role, unit and a name or number."""
    assignments = RoleAssignment.objects.select_related("user__person", "unit", "node__unit")
    if filters.get("rol"):
        assignments = assignments.filter(role=filters["rol"])
    if filters.get("eenheid"):
        unit = filters["eenheid"]
        assignments = assignments.filter(Q(unit=unit) | Q(node__unit=unit))
    if filters.get("zoek"):
        search = filters["zoek"].strip()
        assignments = assignments.filter(
            Q(user__person__employee_number__iexact=search)
            | Q(user__person__last_name__icontains=search)
            | Q(user__person__first_name__icontains=search)
            | Q(user__username__iexact=search)
        )
    return assignments.order_by("user__person__last_name", "user__person__first_name", "user__username", "role", "pk")


def account_in_use(user: Any) -> bool:
    """Whether an account already grants access of its own: a usable password or any role.

    Such an account, when not linked to a person, must never be taken over by whoever has the
    employee number that equals its username (single sign-on or a role grant); a functioneel
    beheerder has to link it first.
    """
    return bool(user.has_usable_password()) or RoleAssignment.objects.filter(user=user).exists()


def people_matching(text: str) -> QuerySet[Person]:
    """People whose name, employee number or username matches what was typed (for pickers and searches).

    Every word must appear in the first or the last name ("jan de vries" finds Jan de Vries);
    an employee number or username must match exactly.
    """
    text = " ".join(text.split())
    if not text:
        return Person.objects.none()
    by_name = Q()
    for word in text.split(" "):
        by_name &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
    return Person.objects.filter(by_name | Q(employee_number__iexact=text) | Q(user__username__iexact=text))


def nodes_matching(text: str) -> QuerySet[OrgNode]:
    """Teams and other organisational units below a unit whose name or code holds every word typed."""
    text = " ".join(text.split())
    if not text:
        return OrgNode.objects.none()
    match = Q()
    for word in text.split(" "):
        match &= Q(name__icontains=word) | Q(code__icontains=word) | Q(unit__name__icontains=word)
    return OrgNode.objects.filter(match).select_related("unit").order_by("name", "unit__name", "code")
