"""Reads shared by the Barista pages, the API, the evaluation and the statistics."""

from __future__ import annotations

import statistics as stats
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

import access
from barista import evaluation
from barista.constants import NoticeKind, SignalStatus
from barista.models import Absence, Exposure, Notice, RuleSet, Scope, Signal, SignalTally
from core.anonymity import complementary_suppression
from organisation.constants import Role
from organisation.models import OrgNode, Person, RoleAssignment, Unit

#: Catalogue provisions the invitation links to, besides the Mirror self-test itself.
HELP_PROVISIONS = ("team-collegiale-ondersteuning", "mental-check-up")


def signals(condition: Q) -> QuerySet[Signal]:
    return (
        Signal.objects.filter(condition)
        .select_related("person", "person__team", "recipient", "ruleset", "ruleset__unit")
        .prefetch_related(
            Prefetch("exposures", queryset=Exposure.objects.select_related("type").order_by("occurred_at"))
        )
        .order_by("-created_at", "pk")
    )


def invitations(user: Any) -> QuerySet[Signal]:
    return signals(access.barista_invitations_filter(user))


def invitation(user: Any, pk: int) -> Signal | None:
    return invitations(user).filter(pk=pk).first()


def own_signals(user: Any) -> QuerySet[Signal]:
    return signals(access.barista_own_signals_filter(user))


def own_person(user: Any) -> Person | None:
    return Person.objects.select_related("team", "team__unit").filter(user_id=user.pk).first()


def own_exposures(person: Person) -> QuerySet[Exposure]:
    return Exposure.objects.filter(person=person).select_related("type").order_by("-occurred_at")


def escalations_for(person: Person | None) -> QuerySet[Notice]:
    """Escalations sent to this person about invitations of managers below them (no employee named)."""
    if person is None:
        return Notice.objects.none()
    return (
        Notice.objects.filter(recipient=person, kind=NoticeKind.ESCALATION, signal__status=SignalStatus.OPEN)
        .select_related("signal__recipient")
        .order_by("-created_at")
    )


# --- Who is invited -------------------------------------------------------------------------


def _is_absent(person: Person, day: date) -> Absence | None:
    return (
        Absence.objects.filter(person=person, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("deputy")
        .order_by("-starts_on")
        .first()
    )


@dataclass(frozen=True)
class Route:
    """Who gets an invitation and, when that is a deputy, for whom they stand in: the employee's
    direct manager, the only manager who may see the invitation once a deputy finished it."""

    recipient: Person | None
    deputy_for: Person | None = None

    @property
    def is_deputy(self) -> bool:
        return self.deputy_for is not None

    def same_as(self, signal: Signal) -> bool:
        recipient_id = self.recipient.pk if self.recipient else None
        deputy_for_id = self.deputy_for.pk if self.deputy_for else None
        return (recipient_id, deputy_for_id) == (signal.recipient_id, signal.deputy_for_id)


def recipient_for(person: Person, day: date) -> Route:
    """The direct manager; when absent, the deputy they named, else their own manager (and so on
    up). Never the employee themselves."""
    direct = manager = person.manager
    seen: set[int] = {person.pk}
    while manager is not None and manager.pk not in seen and manager.is_active:
        seen.add(manager.pk)
        absence = _is_absent(manager, day)
        if absence is None:
            return Route(manager, None if manager == direct else direct)
        stand_in = absence.deputy
        if stand_in is not None and stand_in.pk not in seen and stand_in.is_active and not _is_absent(stand_in, day):
            return Route(stand_in, direct)
        manager = manager.manager
    return Route(None)


def deputies(people: QuerySet[Person]) -> QuerySet[Person]:
    """Managers who may stand in for someone the user records absences for: in the same unit, or
    above them (AbsenceForm checks the chosen one against the absent person)."""
    managers = RoleAssignment.objects.filter(role=Role.LEIDINGGEVENDE).values("user_id")
    nearby = (
        Q(team__unit_id__in=people.values("team__unit_id"))
        | Q(pk__in=people.values("manager_id"))
        | Q(pk__in=people.values("manager__manager_id"))
    )
    return Person.objects.filter(nearby, user_id__in=managers, is_active=True).select_related("team")


def rules_in_force(unit_id: int | None) -> RuleSet | None:
    rules = evaluation.current_rules()
    if None not in rules:
        return None
    return evaluation.rules_for(unit_id, rules)


def scope_rows() -> list[Scope]:
    """Where Barista is switched on: units first, then teams, by name."""
    return list(
        Scope.objects.select_related("unit", "team", "team__unit", "switched_on_by").order_by(
            "team_id", "unit__name", "team__name"
        )
    )


def scope_for(person: Person | None) -> str:
    """The name of the unit or team that switches Barista on for ``person``; empty when it is off."""
    team = person.team if person is not None else None
    if team is None:
        return ""
    found = (
        Scope.objects.filter(Q(team_id=team.pk) | Q(unit_id=team.unit_id))
        .select_related("unit", "team")
        .order_by("unit_id")
        .first()
    )
    return str(found) if found is not None else ""


def provision_choices() -> list[tuple[str, str]]:
    """(slug, name) of every provision of the published catalogue edition, for referrals."""
    from catalogue import selectors as catalogue

    edition = catalogue.current_edition()
    return [(p.slug, p.name) for p in catalogue.all_provisions(edition).order_by("name")]


def help_links() -> dict[str, str]:
    """slug → name of the help provisions that exist in the published edition."""
    names = dict(provision_choices())
    return {slug: names[slug] for slug in HELP_PROVISIONS if slug in names}


# --- Statistics for the pilot evaluation ---------------------------------------------------

#: The periods the statistics offer (``?periode=``), in days back from now.
PERIODS = {"12m": 365, "6m": 182, "3m": 91}


def period(chosen: str) -> tuple[str, datetime]:
    """The chosen period (12 months when unknown) and the moment it starts."""
    if chosen not in PERIODS:
        chosen = "12m"
    return chosen, timezone.now() - timedelta(days=PERIODS[chosen])


@dataclass
class Row:
    key: tuple[str, int]
    name: str
    level: int
    shown: bool
    invitations: int = 0
    followed_up_share: float | None = None
    median_days: float | None = None
    outcomes: dict[str, int] = field(default_factory=dict)


def statistics(since: datetime, until: datetime | None = None) -> list[Row]:
    """Per team, unit and the organisation: invitations, the share with a recorded outcome and
    the median days from invitation to conversation. A group with fewer distinct employees than
    the anonymity threshold is suppressed, and so is any group whose figures could be worked out
    by subtraction (core.anonymity.complementary_suppression). Expired signals count through
    their anonymous tally, each as one employee (an employee is not recognisable there)."""
    until = until or timezone.now()
    period = {"created_at__gte": since, "created_at__lt": until, "team__isnull": False}
    fields = ("team_id", "team__unit_id", "status", "created_at", "outcome_at")
    rows: list[tuple[Any, ...]] = list(
        Signal.objects.filter(**period).values_list(*fields[:2], "person_id", *fields[2:])
    )
    rows += [
        (team_id, unit_id, f"tally-{pk}", *rest)
        for pk, team_id, unit_id, *rest in SignalTally.objects.filter(**period).values_list("pk", *fields)
    ]
    org: tuple[str, int] = ("org", 0)
    people: dict[tuple[str, int], set[Any]] = {}
    items: dict[tuple[str, int], list[tuple[str, datetime, datetime | None]]] = {}
    parent: dict[tuple[str, int], tuple[str, int] | None] = {org: None}
    for team_id, unit_id, person_id, status, created_at, outcome_at in rows:
        team, unit = ("team", team_id), ("unit", unit_id)
        parent[team], parent[unit] = unit, org
        for key in (team, unit, org):
            people.setdefault(key, set()).add(person_id)
            items.setdefault(key, []).append((status, created_at, outcome_at))
    sizes = {key: len(value) for key, value in people.items()}
    if not sizes:
        return []
    hidden = complementary_suppression(sizes, parent)
    names = {("org", 0): ""}
    names.update(
        {
            ("unit", pk): name
            for pk, name in Unit.objects.filter(pk__in=[k[1] for k in sizes if k[0] == "unit"]).values_list(
                "pk", "name"
            )
        }
    )
    names.update(
        {
            ("team", pk): name
            for pk, name in OrgNode.objects.filter(pk__in=[k[1] for k in sizes if k[0] == "team"]).values_list(
                "pk", "name"
            )
        }
    )
    result = []
    order = [org, *sorted((k for k in sizes if k[0] == "unit"), key=lambda k: names[k])]
    for unit in order:
        keys = [unit]
        if unit[0] == "unit":
            keys += sorted((k for k in sizes if k[0] == "team" and parent[k] == unit), key=lambda k: names[k])
        for key in keys:
            level = {"org": 0, "unit": 1, "team": 2}[key[0]]
            row = Row(key=key, name=names[key], level=level, shown=key not in hidden)
            if row.shown:
                group = items[key]
                row.invitations = len(group)
                done = [g for g in group if g[0] != SignalStatus.OPEN]
                row.followed_up_share = len(done) / len(group)
                days = [(g[2] - g[1]) / timedelta(days=1) for g in group if g[0] == SignalStatus.GESPREK and g[2]]
                row.median_days = round(stats.median(days), 1) if days else None
                row.outcomes = {s.value: sum(1 for g in group if g[0] == s) for s in SignalStatus}
            result.append(row)
    return result
