"""Reads of the organisation shared by views, API and later modules."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from core import permissions
from organisation.models import OrgNode, Person, Unit, UnitStrength


def units_with_latest_strength() -> QuerySet[Unit]:
    return Unit.objects.prefetch_related(
        Prefetch("strengths", queryset=UnitStrength.objects.order_by("-reference_date"), to_attr="strength_facts")
    ).order_by("name")


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
    people = permissions.visible_people(user).select_related("team", "team__unit", "manager")  # type: ignore[arg-type]
    if search:
        from django.db.models import Q

        people = people.filter(
            Q(employee_number__iexact=search) | Q(last_name__icontains=search) | Q(first_name__icontains=search)
        )
    return people.order_by("last_name", "first_name")
