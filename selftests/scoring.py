"""The scoring engine: answers in, result out. Pure functions; nothing is stored or logged.

Every rule of an instrument is a *condition* (see the definition format in docs/selftests.md):
a page is shown, a band applies, a safety rule fires or an advice is given when its condition
holds. All conditions that look at points are "at least" tests, so giving an answer with more
risk points can never make a band lower or switch a safety rule off.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from selftests.loading import BAND_ORDER, AdviceRule, Band, Condition, Domain, Instrument, Item, Page


@dataclass(frozen=True)
class Answers:
    """What one person filled in: item id → option value, the mode and the event date."""

    values: Mapping[str, str]
    mode: str = "zelf"
    event_date: datetime.date | None = None
    today: datetime.date | None = None

    @property
    def days_since_event(self) -> int | None:
        if self.event_date is None or self.today is None:
            return None
        return (self.today - self.event_date).days


@dataclass(frozen=True)
class DomainResult:
    domain: Domain
    points: int
    max_points: int
    band: str


@dataclass(frozen=True)
class Result:
    instrument: Instrument
    answers: Answers
    total: int
    domains: tuple[DomainResult, ...]
    band: Band
    crisis: bool
    advice: tuple[AdviceRule, ...]

    @property
    def provision_slugs(self) -> list[str]:
        return list(dict.fromkeys(slug for rule in self.advice for slug in rule.provisions))

    @property
    def expert_slugs(self) -> list[str]:
        return list(dict.fromkeys(slug for rule in self.advice for slug in rule.experts))

    @property
    def band_summary(self) -> str:
        if self.answers.mode == "collega" and self.band.summary_colleague:
            return str(self.band.summary_colleague)
        return str(self.band.summary)


class _Facts:
    """What conditions are evaluated against; domain bands and the overall band are filled in
    as scoring proceeds (a band condition can only be used by advice rules)."""

    def __init__(self, instrument: Instrument, answers: Answers) -> None:
        self.instrument = instrument
        self.answers = answers
        self.points: dict[str, int] = {}
        self.total = 0
        self.domain_bands: dict[str, str] = {}
        self.band = ""


def _points(item: Item, value: str | None) -> int | None:
    option = item.option(value) if value is not None else None
    return option.points if option is not None else None


def holds(condition: Condition | None, facts: _Facts) -> bool:
    """Whether a condition holds; a condition on an unanswered item does not."""
    if condition is None:
        return True
    ((kind, argument),) = condition.items()
    if kind == "all":
        return all(holds(part, facts) for part in argument)
    if kind == "any":
        return any(holds(part, facts) for part in argument)
    if kind == "answer":
        return facts.answers.values.get(argument["item"]) in argument["in"]
    if kind == "points_at_least":
        item = facts.instrument.item(argument["item"])
        points = _points(item, facts.answers.values.get(argument["item"])) if item else None
        return points is not None and points >= argument["points"]
    return _holds_on_scores(kind, argument, facts)


def _holds_on_scores(kind: str, argument: Any, facts: _Facts) -> bool:
    # ``argument`` is JSON from an instrument definition, checked against its schema when loaded.
    if kind == "total_at_least":
        return facts.total >= argument
    if kind == "domain":
        band = facts.domain_bands.get(argument["id"])
        return band is not None and BAND_ORDER.index(band) >= BAND_ORDER.index(argument["at_least"])
    if kind == "domains_count":
        floor = BAND_ORDER.index(argument["at_least"])
        count = sum(1 for band in facts.domain_bands.values() if BAND_ORDER.index(band) >= floor)
        return count >= argument["min"]
    if kind == "band":
        return facts.band in argument
    if kind == "days_since_event":
        days = facts.answers.days_since_event
        limits: dict[str, int] = argument
        return days is not None and limits.get("min", 0) <= days <= limits.get("max", days)
    if kind == "mode":
        return facts.answers.mode in argument
    raise ValueError(f"unknown condition {kind!r}")


def visible_pages(instrument: Instrument, answers: Answers) -> list[Page]:
    """The pages this person sees: a conditional module only when its condition holds."""
    facts = _Facts(instrument, answers)
    return [page for page in instrument.pages if holds(page.show_when, facts)]


def missing_or_invalid(instrument: Instrument, answers: Answers) -> dict[str, str]:
    """Item id → "missing" or "invalid" for every visible item without a valid answer."""
    problems: dict[str, str] = {}
    for page in visible_pages(instrument, answers):
        for item in page.items:
            value = answers.values.get(item.id)
            if value is None or value == "":
                problems[item.id] = "missing"
            elif item.option(value) is None:
                problems[item.id] = "invalid"
    return problems


def crisis(instrument: Instrument, answers: Answers) -> bool:
    """Whether a safety rule fires on the answers given so far (also halfway through a test)."""
    return _in_crisis(instrument, _Facts(instrument, answers))


def _in_crisis(instrument: Instrument, facts: _Facts) -> bool:
    return any(holds(rule.when, facts) for rule in instrument.safety)


def _domain_band(domain: Domain, points: int) -> str:
    if points >= domain.hoog:
        return "hoog"
    if points >= domain.verhoogd:
        return "verhoogd"
    return "laag"


def score(instrument: Instrument, answers: Answers) -> Result:
    """Score complete answers (check them first with ``missing_or_invalid``)."""
    facts = _Facts(instrument, answers)
    shown = [item for page in visible_pages(instrument, answers) for item in page.items]
    per_domain: dict[str, list[int]] = {}
    for item in shown:
        points = _points(item, answers.values.get(item.id)) or 0
        facts.points[item.id] = points
        if item.domain:
            per_domain.setdefault(item.domain, [0, 0])
            per_domain[item.domain][0] += points
            per_domain[item.domain][1] += item.max_points
            facts.total += points
    domains = tuple(
        DomainResult(
            domain, per_domain[domain.id][0], per_domain[domain.id][1], _domain_band(domain, per_domain[domain.id][0])
        )
        for domain in instrument.domains
        if domain.id in per_domain
    )
    facts.domain_bands = {result.domain.id: result.band for result in domains}
    band = next(band for band in instrument.bands if holds(band.when, facts))
    facts.band = band.id
    in_crisis = _in_crisis(instrument, facts)
    return Result(
        instrument=instrument,
        answers=answers,
        total=facts.total,
        domains=domains,
        band=band,
        crisis=in_crisis,
        advice=tuple(rule for rule in instrument.advice if _applies(rule, facts, in_crisis)),
    )


def _applies(rule: AdviceRule, facts: _Facts, in_crisis: bool) -> bool:
    """A safety answer changes the whole result: next to it no card may say that the reactions
    are normal or that things go well, whatever the other answers are."""
    return not (in_crisis and rule.reassuring) and holds(rule.when, facts)
