"""What the casework pages show, built from selectors (no queries of its own)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

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


def waiting_for(user: Any, limit: int = 10) -> list[WaitingItem]:
    """What waits for the user in casework: consent to decide, their case and buddy (own), the
    casemanager's running cases and cases to take, the buddy's running matches (work)."""
    from casework import selectors

    items: list[WaitingItem] = []
    own_cases = list(selectors.own_cases(user))
    decided = {case.plan_id for case in own_cases}
    for plan in selectors.consent_plans(user)[:limit]:
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
    for match in selectors.own_buddy_matches(user)[:limit]:
        items.append(
            WaitingItem(
                title=_("Je buddy: %(name)s") % {"name": match.buddy.person.full_name},
                detail=_("Een opgeleide collega die je steunt."),
                url=reverse("casework:my_buddy"),
                action=_("Zo bereik je je buddy"),
                own=True,
            )
        )
    if has_role(user, Role.CASEMANAGER):
        # Nearly nobody else: for them both lists are empty, and even an empty query costs
        # milliseconds to compile on the home page.
        items += _casemanager_work(user, limit)
    return [*items, *_buddy_work(user, limit)]


def _casemanager_work(user: Any, limit: int) -> list[WaitingItem]:
    """The casemanager's running cases, then the cases in their unit that wait for one."""
    from casework import selectors

    managed = [
        WaitingItem(
            title=_("Zaak beroepsrisico: %(stage)s") % {"stage": case.get_stage_display()},
            detail=case.person.full_name,
            url=reverse("casework:case", args=[case.pk]),
            action=_("Open de zaak"),
            own=False,
        )
        for case in selectors.managed_cases(user).filter(closed_at__isnull=True)[:limit]
    ]
    claimable = [
        WaitingItem(
            title=_("Zaak beroepsrisico zonder casemanager"),
            detail=case.person.full_name,
            url=reverse("casework:cases"),
            action=_("Pak de zaak op"),
            own=False,
        )
        for case in selectors.claimable_cases(user)[:limit]
    ]
    return managed + claimable


def _buddy_work(user: Any, limit: int) -> list[WaitingItem]:
    """The running matches in which the user is the buddy."""
    from casework import selectors

    return [
        WaitingItem(
            title=_("Je bent buddy van %(name)s") % {"name": match.person.full_name},
            detail=_("Sinds %(date)s") % {"date": date_format(match.started_on)},
            url=reverse("casework:my_matches"),
            action=_("Bekijk je koppelingen"),
            own=False,
        )
        for match in selectors.matches_as_buddy(user).filter(ended_on__isnull=True)[:limit]
    ]
