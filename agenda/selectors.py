"""Reads of the Sociale Agenda, shared by pages and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from agenda.models import Action, AgendaQuestion, EffortItem, Priority, UnitAnswer
from jaarbeeld.constants import ThreadPart
from jaarbeeld.models import Edition, ThreadItem
from organisation.models import Unit


def priorities() -> QuerySet[Priority]:
    return Priority.objects.prefetch_related("questions").order_by("number")


def actions() -> QuerySet[Action]:
    return Action.objects.prefetch_related("priorities").order_by("number")


def action(number: int) -> Action:
    return get_object_or_404(
        Action.objects.prefetch_related("priorities", "indicators", "findings__edition", "updates__actor"),
        number=number,
    )


def effort_items() -> QuerySet[EffortItem]:
    return EffortItem.objects.order_by("section", "position")


@dataclass(frozen=True)
class ActionRow:
    action: Action
    marks: list[bool]


def action_rows(found: list[Action], numbers: list[int]) -> list[ActionRow]:
    """Each action with a mark per priority (in the order of ``numbers``)."""
    return [ActionRow(action=a, marks=[n in {p.number for p in a.priorities.all()} for n in numbers]) for a in found]


def marker_totals(found: list[Action], numbers: list[int]) -> list[int]:
    """How many actions serve each priority (the "+" marks per column)."""
    return [sum(1 for a in found if n in {p.number for p in a.priorities.all()}) for n in numbers]


def catalogue_slugs(slugs: set[str]) -> set[str]:
    """The slugs that are provisions of the current catalogue (links only where there is a page)."""
    from catalogue.models import Provision

    if not slugs:
        return set()
    return set(Provision.objects.filter(slug__in=slugs).values_list("slug", flat=True))


@dataclass(frozen=True)
class Coverage:
    priority: Priority
    actions: int
    fewest: bool


def coverage() -> list[Coverage]:
    counted = list(Priority.objects.annotate(n=Count("actions")).order_by("number"))
    low = min((p.n for p in counted), default=0)
    return [Coverage(priority=p, actions=p.n, fewest=p.n == low) for p in counted]


def latest_final_edition() -> Edition | None:
    return Edition.objects.filter(status="definitief").order_by("-year").first()


def unaddressed_findings(edition: Edition | None) -> list[ThreadItem]:
    """The "needs (more) attention" findings of an edition that no action is linked to."""
    if edition is None:
        return []
    return list(
        ThreadItem.objects.filter(edition=edition, part=ThreadPart.AANDACHT, actions__isnull=True).order_by("position")
    )


def units_with_answers() -> list[tuple[Unit, int]]:
    counts = dict(UnitAnswer.objects.values_list("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))
    return [(unit, counts.get(unit.pk, 0)) for unit in Unit.objects.order_by("name")]


def unit(code: str) -> Unit:
    return get_object_or_404(Unit, code=code)


@dataclass(frozen=True)
class QuestionAnswer:
    question: AgendaQuestion
    answer: UnitAnswer | None


def unit_answers(found: Unit) -> list[tuple[Priority, list[QuestionAnswer]]]:
    answers = {a.question_id: a for a in UnitAnswer.objects.filter(unit=found).select_related("updated_by")}
    result = []
    for priority in Priority.objects.prefetch_related(
        Prefetch("questions", queryset=AgendaQuestion.objects.order_by("position"))
    ).order_by("number"):
        result.append((priority, [QuestionAnswer(q, answers.get(q.pk)) for q in priority.questions.all()]))
    return result
