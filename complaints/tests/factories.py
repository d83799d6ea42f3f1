"""Test builders of the complaints app: a complaint in the persona unit, moved along the road."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from complaints import services
from complaints.constants import Stage, Verdict
from complaints.models import Category, Complaint
from organisation.constants import Role


def category(name: str = "Bejegening") -> Category:
    return Category.objects.get(name=name)


def complaint(
    org: Any,
    *,
    elements: int = 1,
    handler: bool = True,
    complainant: Any = None,
    received_on: date | None = None,
    unit: Any = None,
) -> Complaint:
    """A complaint received by the coordinator persona, filed by the medewerker persona."""
    coordinator = org.users[Role.KLACHTCOORDINATOR]
    made = services.complaint_register(
        actor=coordinator,
        received_on=received_on or date(2024, 2, 21),
        unit=unit or org.unit,
        channel="direct",
        content="De klager werd uitgelachen in het bijzijn van collega's.",
        complainant=complainant if complainant is not None else org.people[Role.MEDEWERKER],
        respondent_names="Buitenstaander Bep",
        elements=[services.NewElement(category(), f"Onderdeel {n}") for n in range(1, elements + 1)],
    )
    if handler:
        services.complaint_assign(
            complaint=made, actor=coordinator, handler=org.people[Role.KLACHTBEHANDELAAR], decision_maker=None
        )
    made.refresh_from_db()
    return made


def move(org: Any, made: Complaint, *stages: str) -> Complaint:
    for stage in stages:
        made = services.complaint_move(complaint=made, actor=org.users[Role.KLACHTCOORDINATOR], to_stage=stage)
    return made


def to_committee(org: Any, made: Complaint) -> Complaint:
    return move(org, made, Stage.INTAKE, Stage.COMMITTEE)


def to_decision(org: Any, made: Complaint, advice: Sequence[str] | None = None) -> Complaint:
    made = to_committee(org, made)
    values = advice or [Verdict.UNFOUNDED] * made.elements.count()
    services.advice_record(
        complaint=made,
        actor=org.users[Role.KLACHTCOORDINATOR],
        advice={e.pk: (v, "") for e, v in zip(made.elements.order_by("position"), values, strict=True)},
    )
    return move(org, made, Stage.DECISION)
