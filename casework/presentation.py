"""What the casework pages show, built from selectors (no queries of its own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from access import has_role
from casework import buddies, workflow
from casework.constants import Stage
from casework.models import Buddy, Case, CaseStep
from organisation.constants import Role

#: The stages shown as the route of a case, in order (the end states are not on the route).
ROUTE = (Stage.MELDING, Stage.REGISTRATIE, Stage.ADVIESCOMMISSIE, Stage.BESLUIT, Stage.COMPENSATIE)


@dataclass(frozen=True)
class RouteStage:
    label: str
    state: str  # "done", "current" or "todo"


@dataclass(frozen=True)
class HistoryRow:
    happened_on: dt.date
    stage: str
    rationale: str


@dataclass(frozen=True)
class CasePage:
    case: Case
    where: str | Promise
    next: str | Promise
    route: list[RouteStage]
    rows: list[HistoryRow]


def case_page(case: Case, steps: list[CaseStep]) -> CasePage:
    where, next_step = workflow.EMPLOYEE_GUIDE[case.stage]
    reached = {step.to_stage for step in steps}
    route = []
    for stage in ROUTE:
        if stage == case.stage:
            state = "current"
        elif stage in reached:
            state = "done"
        else:
            state = "todo"
        route.append(RouteStage(label=str(Stage(stage).label), state=state))
    rows = [
        HistoryRow(happened_on=step.happened_on, stage=str(Stage(step.to_stage).label), rationale=step.rationale)
        for step in steps
    ]
    return CasePage(case=case, where=where, next=next_step, route=route, rows=rows)


@dataclass(frozen=True)
class BuddyRow:
    buddy: Buddy
    trained: bool
    intervision_due_on: dt.date | None
    overdue: bool
    matchable: bool


def buddy_rows(pool: list[Buddy], today: dt.date) -> list[BuddyRow]:
    return [
        BuddyRow(
            buddy=buddy,
            trained=buddies.is_trained(buddy, today),
            intervision_due_on=buddies.intervision_due_on(buddy),
            overdue=buddies.intervision_overdue(buddy, today),
            matchable=buddies.is_matchable(buddy, today),
        )
        for buddy in pool
    ]


@dataclass(frozen=True)
class WaitingItem:
    """One thing on the home page's 'what needs me' list (portal/work.py turns it into a WorkItem)."""

    title: str
    detail: str
    url: str
    action: str
    own: bool  # the user's own care (True) or their work for someone else (False)


def waiting_sources(user: Any) -> dict[str, QuerySet[Any]]:
    """The lists ``waiting_for`` reads, by name, as the selectors give them (the same access rules).

    The home page asks in one query which of them hold anything (``portal.work``): most people
    have no recognition case and no buddy, and compiling the lists' queries cost more than reading
    them. A casemanager's two lists are only named for a casemanager."""
    from casework import selectors

    sources: dict[str, QuerySet[Any]] = {
        "casework_consent": selectors.consent_plans(user),
        "casework_own_cases": selectors.own_cases(user),
        "casework_own_buddy": selectors.own_buddy_matches(user),
        "casework_as_buddy": selectors.matches_as_buddy(user).filter(ended_on__isnull=True),
    }
    if has_role(user, Role.CASEMANAGER):
        sources["casework_managed"] = selectors.managed_cases(user).filter(closed_at__isnull=True)
        sources["casework_claimable"] = selectors.claimable_cases(user)
    return sources


def waiting_for(
    user: Any,
    limit: int = 10,
    present: Container[str] | None = None,
    sources: dict[str, QuerySet[Any]] | None = None,
) -> list[WaitingItem]:
    """What waits for the user in casework: consent to decide, their case and buddy (own), the
    casemanager's running cases and cases to take, the buddy's running matches (work).

    ``present``: the names of ``waiting_sources`` known to hold something; the others are not read
    (None: read every list). ``sources``: the lists as ``waiting_sources(user)`` gave them to the
    caller that asked which hold something, so that the question and the reading use the same
    querysets."""
    sources = waiting_sources(user) if sources is None else sources

    def rows(name: str, limit: int | None = None) -> list[Any]:
        if name not in sources or (present is not None and name not in present):
            return []
        return list(sources[name][:limit])

    items: list[WaitingItem] = []
    own_cases = rows("casework_own_cases")
    decided = {case.plan_id for case in own_cases}
    for plan in rows("casework_consent", limit):
        if plan.pk in decided:
            continue
        items.append(
            WaitingItem(
                title=_("Team Beroepsrisico kan je helpen"),
                detail=_("Na: %(event)s. Jij beslist of Team Beroepsrisico je zaak oppakt.")
                % {"event": plan.event.kind.name},
                url=reverse("casework:own"),
                action=_("Bekijk en beslis"),
                own=True,
            )
        )
    for case in own_cases:
        if case.is_open:
            items.append(
                WaitingItem(
                    title=_("Je zaak bij Team Beroepsrisico"),
                    detail=_("Fase: %(stage)s") % {"stage": case.get_stage_display()},
                    url=reverse("casework:my_case", args=[case.pk]),
                    action=_("Bekijk je zaak"),
                    own=True,
                )
            )
    for match in rows("casework_own_buddy", limit):
        items.append(
            WaitingItem(
                title=_("Je buddy: %(name)s") % {"name": match.buddy.person.full_name},
                detail=_("Een opgeleide collega die je steunt."),
                url=reverse("casework:my_buddy"),
                action=_("Zo bereik je je buddy"),
                own=True,
            )
        )
    # A casemanager's running cases, then the cases in their unit that wait for one.
    items += [
        WaitingItem(
            title=_("Zaak beroepsrisico: %(stage)s") % {"stage": case.get_stage_display()},
            detail=case.person.full_name,
            url=reverse("casework:case", args=[case.pk]),
            action=_("Open de zaak"),
            own=False,
        )
        for case in rows("casework_managed", limit)
    ]
    items += [
        WaitingItem(
            title=_("Zaak beroepsrisico zonder casemanager"),
            detail=case.person.full_name,
            url=reverse("casework:cases"),
            action=_("Pak de zaak op"),
            own=False,
        )
        for case in rows("casework_claimable", limit)
    ]
    # The running matches in which the user is the buddy.
    items += [
        WaitingItem(
            title=_("Je bent buddy van %(name)s") % {"name": match.person.full_name},
            detail=_("Sinds %(date)s") % {"date": date_format(match.started_on)},
            url=reverse("casework:my_matches"),
            action=_("Bekijk je koppelingen"),
            own=False,
        )
        for match in rows("casework_as_buddy", limit)
    ]
    return items
