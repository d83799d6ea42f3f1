"""What the teamcare pages show, as small frozen dataclasses built from selectors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from django.utils.functional import Promise

from core import anonymity
from teamcare import guide
from teamcare.periods import Period


class TeamRef(NamedTuple):
    """A team as the signal list shows it (a named tuple: the list may hold thousands)."""

    pk: int
    code: str
    name: str
    unit_name: str


@dataclass(frozen=True)
class SuggestedProvision:
    name: str
    slug: str
    why: Promise


@dataclass(frozen=True)
class ChecklistResult:
    early: int
    neglect: int
    overload: int
    suggestions: list[SuggestedProvision]

    @property
    def early_total(self) -> int:
        return len(guide.EARLY_SIGNALS)

    @property
    def neglect_total(self) -> int:
        return len(guide.NEGLECT_SYMPTOMS)

    @property
    def overload_total(self) -> int:
        return len(guide.OVERLOAD_SIGNALS)


def checklist_result(early: int, neglect: int, overload: int, provisions: dict[str, Any]) -> ChecklistResult:
    """The checklist counts and the catalogue provisions that fit (only those that are published)."""
    found = [
        SuggestedProvision(provisions[s.slug].name, s.slug, s.why)
        for s in guide.suggestions(early, neglect, overload)
        if s.slug in provisions
    ]
    return ChecklistResult(early, neglect, overload, found)


@dataclass(frozen=True)
class RouteRow:
    title: str
    kind: str
    pk: int
    done: int
    total: int


def route_rows(routes: list[Any]) -> list[RouteRow]:
    rows = []
    for route in routes:
        steps = guide.TEAM_ROUTE if route.kind == "team" else guide.LEADER_ROUTE
        done = sum(1 for code, _text in steps if route.steps.get(code, {}).get("done"))
        rows.append(RouteRow(route.title, route.get_kind_display(), route.pk, done, len(steps)))
    return rows


@dataclass(frozen=True)
class Figure:
    """One count of the quarterly summary: the number, or None when the anonymity rule hides it."""

    value: int | None

    @property
    def shown(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class QuarterFeedback:
    period: Period
    events: Figure
    plans: Figure
    steps: Figure


def quarter_feedback(period: Period, events: int, plans: int, steps: int) -> QuarterFeedback:
    """A frozen summary as shown: every count below the anonymity threshold is hidden (also 0)."""

    def figure(value: int) -> Figure:
        return Figure(value if anonymity.may_show(value) else None)

    return QuarterFeedback(period, figure(events), figure(plans), figure(steps))
