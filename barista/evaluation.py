"""The rules engine: which employees get a Barista signal now.

One aggregate query over the exposures in the widest rule window (per person: how many
impactful events in the unit's count window, the summed impact weight and the number of events in
the weight window), with the exposure-level exclusions inside the query:
exposures that already made a signal (cool-down for the same exposures) and exposures in an
open aftercare plan of the same manager. The person-level exclusions (an open signal, the
cool-down period after a conversation, absence) are applied to the few candidates after that.

Window edges: an exposure counts when ``now - days <= occurred_at <= now``, so one that is
exactly ``days`` old still counts. The weight rule fires when the sum is *above* the threshold.

Barista is for employees who went through *several* impactful incidents (Zorgwijzer, seed 000
L2483-2485): every rule needs at least ``MIN_EVENTS`` events, one severe event alone is the work of
opvang en nazorg. The old single-event rule (``RuleSet.highest_enabled``) is not evaluated. And it
runs only in the units and teams switched on (``Scope``): without any, nobody gets a signal.

``find`` only reads; ``services.evaluate`` writes the signals it finds. The rule preview calls
``find`` with a proposed rule set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Case, Count, F, Max, Q, QuerySet, Sum, Value, When
from django.db.models.fields import DateTimeField

from aftercare.constants import PlanStatus
from barista.constants import Reason, SignalStatus
from barista.models import Absence, Exposure, RuleSet, Scope, Signal

#: Every rule needs at least this many events: Barista is about several incidents, never one.
MIN_EVENTS = 2


@dataclass(frozen=True)
class Candidate:
    """One employee the rules select, with why and which exposures."""

    person_id: int
    unit_id: int | None
    ruleset: RuleSet
    reasons: tuple[str, ...]
    exposure_ids: tuple[int, ...] = ()


@dataclass
class Outcome:
    """What ``find`` saw: who matches the rules, and who of them gets a signal now."""

    matching: list[Candidate] = field(default_factory=list)
    new: list[Candidate] = field(default_factory=list)


def current_rules() -> dict[int | None, RuleSet]:
    """The newest version per unit (key ``None``: the organisation-wide rules)."""
    found: dict[int | None, RuleSet] = {}
    for ruleset in RuleSet.objects.order_by("unit_id", "-version"):
        found.setdefault(ruleset.unit_id, ruleset)
    return found


def scope_filter() -> Q | None:
    """Exposures of people in a switched-on unit or team; None when Barista is switched on nowhere."""
    rows = list(Scope.objects.values_list("unit_id", "team_id"))
    units = [unit for unit, _team in rows if unit is not None]
    teams = [team for _unit, team in rows if team is not None]
    if not rows:
        return None
    return Q(person__team__unit_id__in=units) | Q(person__team_id__in=teams)


def rules_for(unit_id: int | None, rules: Mapping[int | None, RuleSet]) -> RuleSet:
    return rules.get(unit_id) or rules[None]


def _window(days: int, now: datetime) -> datetime:
    return now - timedelta(days=days)


def _per_unit(rules: Mapping[int | None, RuleSet], now: datetime, days_of: str) -> Case | Value:
    """``now - days`` for the person's unit: one CASE over the units with rules of their own."""
    default = Value(_window(getattr(rules[None], days_of), now), output_field=DateTimeField())
    branches = [
        When(person__team__unit_id=unit_id, then=Value(_window(getattr(r, days_of), now)))
        for unit_id, r in rules.items()
        if unit_id is not None and getattr(r, days_of) != getattr(rules[None], days_of)
    ]
    if not branches:
        return default
    return Case(*branches, default=default, output_field=DateTimeField())


def eligible_exposures(now: datetime, horizon_days: int) -> QuerySet[Exposure]:
    """Exposures of active employees inside the widest window that may still count."""
    return (
        Exposure.objects.filter(
            occurred_at__gte=_window(horizon_days, now), occurred_at__lte=now, person__is_active=True
        )
        # Cool-down for the same exposures: one that made a signal never counts again.
        .filter(signal_link__isnull=True)
        # The manager already follows this event in an open aftercare plan.
        .exclude(
            aftercare_plan__status=PlanStatus.OPEN,
            aftercare_plan__manager_id__isnull=False,
            aftercare_plan__manager_id=F("person__manager_id"),
        )
    )


def _horizon(rules: Mapping[int | None, RuleSet]) -> int:
    return max(max(r.count_days, r.weight_days if r.weight_threshold else 0) for r in rules.values())


def _aggregates(
    rules: Mapping[int | None, RuleSet], count_from: Any, weight_from: Any
) -> tuple[dict[str, Count | Sum], Q]:
    """Per person: events in the count window, summed weight and events in the weight window; and
    the loosest HAVING over all rule sets (the exact rule of each person's unit is applied after)."""
    aggregates: dict[str, Count | Sum] = {"n": Count("pk", filter=Q(occurred_at__gte=count_from))}
    having = Q(n__gte=max(MIN_EVENTS, min(r.count_n for r in rules.values())))
    thresholds = [r.weight_threshold for r in rules.values() if r.weight_threshold]
    if thresholds:
        aggregates["w"] = Sum("type__weight", filter=Q(occurred_at__gte=weight_from))
        aggregates["wn"] = Count("pk", filter=Q(occurred_at__gte=weight_from))
        having |= Q(w__gt=min(thresholds), wn__gte=MIN_EVENTS)
    return aggregates, having


def _widest(rules: Mapping[int | None, RuleSet], now: datetime, days_of: str) -> Value:
    return Value(_window(max(getattr(r, days_of) for r in rules.values()), now), output_field=DateTimeField())


def prefilter(rules: Mapping[int | None, RuleSet], now: datetime, unit_filter: Q | None = None) -> list[int]:
    """Everyone who could match: the widest windows and lowest thresholds of all rule sets, over
    exposures that made no signal yet. A superset of ``matching``: the remaining exclusions only
    remove exposures, so they can only lower a count. One scan over the window, no person join."""
    exposures = Exposure.objects.filter(
        occurred_at__gte=_window(_horizon(rules), now), occurred_at__lte=now, signal_link__isnull=True
    )
    if unit_filter is not None:
        exposures = exposures.filter(unit_filter)
    aggregates, having = _aggregates(rules, _widest(rules, now, "count_days"), _widest(rules, now, "weight_days"))
    return list(
        exposures.values("person_id")
        .annotate(**aggregates)
        .filter(having)
        .order_by()
        .values_list("person_id", flat=True)
    )


def matching(
    rules: Mapping[int | None, RuleSet],
    now: datetime,
    person_ids: Iterable[int] | None = None,
    unit_filter: Q | None = None,
) -> list[Candidate]:
    """Everyone in Barista's scope whose eligible exposures meet their unit's rules (exclusions on
    exposures only). Without ``person_ids`` the prefilter picks the people to look at precisely."""
    scope = scope_filter()
    if scope is None:
        return []
    ids = list(person_ids) if person_ids is not None else prefilter(rules, now, unit_filter)
    if not ids:
        return []
    count_from = _per_unit(rules, now, "count_days")
    weight_from = _per_unit(rules, now, "weight_days")
    exposures = eligible_exposures(now, _horizon(rules)).filter(scope, person_id__in=ids)
    if unit_filter is not None:
        exposures = exposures.filter(unit_filter)
    aggregates, having = _aggregates(rules, count_from, weight_from)
    rows = (
        exposures.values("person_id", "person__team__unit_id")
        .annotate(**aggregates)
        .filter(having)
        .order_by()
        .values_list("person_id", "person__team__unit_id", *aggregates.keys())
    )
    found = []
    for person_id, unit_id, n, *rest in rows:
        values = dict(zip(list(aggregates)[1:], rest, strict=True))
        ruleset = rules_for(unit_id, rules)
        reasons = []
        if n >= max(MIN_EVENTS, ruleset.count_n):
            reasons.append(Reason.AANTAL.value)
        heavy = ruleset.weight_threshold and (values.get("w") or 0) > ruleset.weight_threshold
        if heavy and (values.get("wn") or 0) >= MIN_EVENTS:
            reasons.append(Reason.GEWICHT.value)
        if reasons:
            found.append(Candidate(person_id, unit_id, ruleset, tuple(reasons)))
    return found


def absent_on(day: date, person_ids: Iterable[int]) -> set[int]:
    """Who is away on ``day``. An absence someone recorded for themselves (a manager naming a
    deputy) routes invitations but does not stop signals about them."""
    return set(
        Absence.objects.filter(person_id__in=list(person_ids), starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .exclude(recorded_by_id__isnull=False, recorded_by_id=F("person__user_id"))
        .values_list("person_id", flat=True)
    )


def _blocked(candidates: list[Candidate], now: datetime, today: date) -> set[int]:
    """People who get no new signal now: an open signal, inside the cool-down, or absent."""
    ids = [c.person_id for c in candidates]
    if not ids:
        return set()
    blocked = set(
        Signal.objects.filter(person_id__in=ids, status=SignalStatus.OPEN).values_list("person_id", flat=True)
    )
    last_outcome = dict(
        Signal.objects.filter(person_id__in=ids, outcome_at__isnull=False)
        .values("person_id")
        .annotate(last=Max("outcome_at"))
        .values_list("person_id", "last")
    )
    for candidate in candidates:
        last = last_outcome.get(candidate.person_id)
        if last is not None and last >= now - timedelta(days=candidate.ruleset.cooldown_days):
            blocked.add(candidate.person_id)
    return blocked | absent_on(today, ids)


def _with_exposures(candidates: list[Candidate], now: datetime) -> list[Candidate]:
    """Attach the exposures that made each signal: those inside the windows of the rules that fired."""
    if not candidates:
        return []
    widest = max(max(c.ruleset.count_days, c.ruleset.weight_days) for c in candidates)
    by_person: dict[int, list[tuple[int, datetime]]] = {}
    rows = (
        eligible_exposures(now, widest)
        .filter(person_id__in=[c.person_id for c in candidates])
        .order_by("occurred_at", "pk")
        .values_list("person_id", "pk", "occurred_at")
    )
    for person_id, pk, occurred_at in rows:
        by_person.setdefault(person_id, []).append((pk, occurred_at))
    result = []
    for candidate in candidates:
        rules = candidate.ruleset
        days = rules.weight_days if Reason.GEWICHT in candidate.reasons else 0
        if Reason.AANTAL in candidate.reasons:
            days = max(days, rules.count_days)
        start = _window(days, now)
        ids = tuple(pk for pk, at in by_person.get(candidate.person_id, []) if at >= start)
        result.append(Candidate(candidate.person_id, candidate.unit_id, candidate.ruleset, candidate.reasons, ids))
    return result


def find(
    now: datetime,
    today: date,
    rules: Mapping[int | None, RuleSet] | None = None,
    person_ids: Iterable[int] | None = None,
    unit_filter: Q | None = None,
) -> Outcome:
    """Who matches the rules now, and who of them gets a new signal (with its exposures)."""
    rules = rules if rules is not None else current_rules()
    if None not in rules:
        return Outcome()
    found = matching(rules, now, person_ids, unit_filter)
    blocked = _blocked(found, now, today)
    new = _with_exposures([c for c in found if c.person_id not in blocked], now)
    return Outcome(matching=found, new=new)
