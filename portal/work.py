"""'What needs me': the home page's list of what waits for the logged-in user, each one click
from the action (issue 15 §2).

Read-only; it stores nothing. The survey check recomputes the user's own invitation token in
memory (``monitor.tokens.token_for``), exactly as the reminder job does, and asks whether that
invitation is still open: neither the check nor the visit is recorded, so the server does not
learn who opened a survey (docs/monitor.md, "Threat model").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare.constants import PlanStatus, StepStatus
from aftercare.models import Plan, Step
from barista import selectors as barista_selectors
from barista.constants import SignalStatus
from barista.models import Signal
from casework import presentation as casework_presentation
from monitor import tokens
from monitor.constants import InvitationState
from monitor.models import Campaign, Invitation
from organisation.models import Person

#: At most this many items per kind on the home page; the list page of the module has the rest.
LIMIT = 10


@dataclass(frozen=True)
class WorkItem:
    """One thing that waits for the user, with the link that does it."""

    title: str
    detail: str
    url: str
    action: str
    due: dt.datetime | dt.date | None = None
    overdue: bool = False

    @property
    def due_has_time(self) -> bool:
        return isinstance(self.due, dt.datetime)


@dataclass(frozen=True)
class Work:
    steps: list[WorkItem] = field(default_factory=list)
    invitations: list[WorkItem] = field(default_factory=list)
    surveys: list[WorkItem] = field(default_factory=list)
    own_plans: list[WorkItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.steps or self.invitations or self.surveys or self.own_plans)

    @property
    def overdue_count(self) -> int:
        return sum(item.overdue for item in self.steps)


def work_for(user: Any, now: dt.datetime | None = None) -> Work:
    """Everything that waits for this user today, most urgent first."""
    if not getattr(user, "is_authenticated", False):
        return Work()
    now = now or timezone.now()
    person = Person.objects.filter(user_id=user.pk).select_related("team").first()
    casework_lists = casework_presentation.waiting_sources(user)
    lists = {
        "steps": _open_steps(user),
        "invitations": _open_invitations(user),
        "own_plans": _open_own_plans(user),
        **casework_lists,
    }
    present = _holding_something(user, lists)

    def rows(name: str) -> list[Any]:
        """The first rows of a list, read only when the question said it holds any."""
        return list(lists[name][:LIMIT]) if name in present else []

    casework = casework_presentation.waiting_for(user, limit=LIMIT, present=present, sources=casework_lists)
    return Work(
        steps=_steps(rows("steps"), now) + _casework(casework, own=False),
        invitations=_barista_invitations(rows("invitations")),
        surveys=_surveys(person, timezone.localdate(now)) if person is not None else [],
        own_plans=_own_plans(rows("own_plans")) + _casework(casework, own=True),
    )


def _holding_something(user: Any, lists: dict[str, QuerySet[Any]]) -> set[str]:
    """The names of the lists that hold at least one row, in one query (an EXISTS per list, on the
    user's own row). Most people have nothing in most lists; the query of each list, with its
    joins, costs more to build than to run, so only the lists that hold something are read."""
    flags = get_user_model().objects.filter(pk=user.pk).values(**{name: Exists(rows) for name, rows in lists.items()})
    row = flags.first() or {}
    return {name for name, holds in row.items() if holds}


def _open_steps(user: Any) -> QuerySet[Step]:
    """Open steps of open plans that this user owns, by deadline (overdue first)."""
    return (
        Step.objects.filter(status=StepStatus.OPEN, plan__status=PlanStatus.OPEN, owner__user_id=user.pk)
        .exclude(plan__person__user_id=user.pk)  # one's own plan is listed below, in plain words
        .select_related("plan__person")
        .order_by("due_at", "pk")
    )


def _steps(steps: list[Step], now: dt.datetime) -> list[WorkItem]:
    return [
        WorkItem(
            title=step.title,
            detail=_("Nazorg voor %(name)s") % {"name": step.plan.person.full_name if step.plan.person else ""},
            url=f"{reverse('aftercare:plan', args=[step.plan_id])}#step-{step.pk}",
            action=_("Open de stap"),
            due=step.due_at,
            overdue=step.due_at <= now,
        )
        for step in steps
    ]


def _open_invitations(user: Any) -> QuerySet[Signal]:
    return barista_selectors.invitations(user).filter(status=SignalStatus.OPEN).order_by("created_at")


def _barista_invitations(invitations: list[Signal]) -> list[WorkItem]:
    return [
        WorkItem(
            title=_("Barista-uitnodiging"),
            detail=_("Een gesprek met %(name)s") % {"name": signal.person.full_name},
            url=reverse("barista:invitation", args=[signal.pk]),
            action=_("Bekijk de uitnodiging"),
        )
        for signal in invitations
    ]


def _surveys(person: Person, today: dt.date) -> list[WorkItem]:
    """Open measurements of the person's team whose invitation the person has not answered yet.

    A campaign reaches the team through the team's unit or through the team or one of its parents
    (``monitor.selectors.target_node_ids`` seen from below), so two queries answer it for every
    open campaign at once: the campaigns, then their open invitations among the user's tokens."""
    team = person.team
    if team is None:
        return []
    team_and_parents = [team.pk, *(node.pk for node in team.ancestors())]
    campaigns = (
        Campaign.objects.filter(
            opens_on__lte=today, closes_on__gte=today, closed_early_on__isnull=True, invitations_sent_at__isnull=False
        )
        .filter(Q(units=team.unit_id) | Q(nodes__in=team_and_parents))
        .distinct()
        .order_by("closes_on", "pk")
    )
    by_hash = {}
    for campaign in campaigns:
        token = tokens.token_for(campaign.pk, person.pk)
        by_hash[tokens.token_hash(token)] = (campaign, token)
    waiting = set(
        Invitation.objects.filter(token_hash__in=by_hash, state=InvitationState.OPEN).values_list(
            "token_hash", flat=True
        )
    )
    return [
        WorkItem(
            title=_("Er wacht een vragenlijst op je"),
            detail=campaign.name,
            url=reverse("monitor:respond", args=[token]),
            action=_("Vul de vragenlijst in"),
            due=campaign.closes_on,
        )
        for token_hash, (campaign, token) in by_hash.items()
        if token_hash in waiting
    ][:LIMIT]


def _open_own_plans(user: Any) -> QuerySet[Plan]:
    return (
        Plan.objects.filter(person__user_id=user.pk, status=PlanStatus.OPEN)
        .select_related("event__kind")
        .order_by("-event__occurred_at")
    )


def _own_plans(plans: list[Plan]) -> list[WorkItem]:
    return [
        WorkItem(
            title=_("Jouw nazorg na: %(event)s") % {"event": plan.event.kind.name},
            detail=_("Bekijk wat er is afgesproken en wie je helpt."),
            url=reverse("aftercare:plan", args=[plan.pk]),
            action=_("Open je nazorgplan"),
        )
        for plan in plans
    ]


def _casework(items: list[casework_presentation.WaitingItem], *, own: bool) -> list[WorkItem]:
    """Recognition cases and buddies (casework): one's own under one's own care, the rest as work."""
    return [
        WorkItem(title=item.title, detail=item.detail, url=item.url, action=item.action)
        for item in items
        if item.own is own
    ]
