"""Reads shared by the pages, the tasks and the coordinator's report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery

import access
from aftercare.constants import (
    GTPA_TEMPLATE,
    POSTVENTION_TEMPLATE,
    NoticeKind,
    PlanStatus,
    StepKind,
    StepOwner,
    StepStatus,
)
from aftercare.models import CheckIn, DeadlineNotice, EventType, Notification, Plan, PlanTemplate, Step
from core.anonymity import may_show, suppress_small_groups
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.models import Person, RoleAssignment, Unit

#: How close in time two registrations must be to count as a likely duplicate.
DUPLICATE_WINDOW = timedelta(hours=24)

POSTVENTION = POSTVENTION_TEMPLATE


def template_for(kind: EventType, *, gtpa_casemanager: bool = False) -> PlanTemplate:
    """The current version of the template for an event type: its own family, the GTPA one when
    the casemanager GTPA follows the event up, else the default template."""
    current = PlanTemplate.objects.filter(is_current=True).prefetch_related("steps")
    for code in (kind.template_code, GTPA_TEMPLATE if gtpa_casemanager else ""):
        template = current.filter(code=code).first() if code else None
        if template is not None:
            return template
    return PlanTemplate.objects.prefetch_related("steps").get(is_default=True)


def is_postvention(plan: Plan) -> bool:
    """A plan after a colleague's suicide: nothing about the deceased is shown on it."""
    return plan.event.kind.template_code == POSTVENTION


def check_ins_of(plan: Plan) -> dict[int, CheckIn]:
    """The structured answers of the plan's check-ins, by step (for supporter and coordinator)."""
    return {c.step_id: c for c in CheckIn.objects.filter(step__plan=plan).select_related("step__plan__person")}


def plans_for(user: Any, condition: Q) -> QuerySet[Plan]:
    return (
        Plan.objects.filter(condition)
        .select_related("event", "event__kind", "person", "person__team", "manager", "supporter")
        .prefetch_related("steps")
        .order_by("-event__occurred_at", "pk")
    )


def plan_list_for(user: Any, condition: Q) -> QuerySet[Plan]:
    """``plans_for`` for the list pages: only the open steps come along (``presentation.plan_rows``
    reads no others), not the whole history of every plan: a closed plan of a year ago still has
    all its steps. The access condition selects the plan ids on its own, so that the database
    starts from the few plans it selects (a supporter's, a team's) through their own indexes
    instead of walking every plan in the order of the list's joins (SQLite did: 185 ms for a
    supporter's ten cases among 7,400 plans). The ids are read when this is called."""
    open_steps = Step.objects.filter(status=StepStatus.OPEN).order_by("due_at", "pk")
    # The ids first, in a query of their own: as a subquery PostgreSQL estimated thousands of
    # plans for a team's fifteen, joined every plan to its event, person and team and only then
    # kept the few (50–80 ms); alone, the condition is a few index lookups and the list below is
    # read by primary key on both databases.
    chosen = list(Plan.objects.filter(condition).values_list("pk", flat=True))
    return (
        plans_for(user, Q(pk__in=chosen))
        .prefetch_related(None)
        .prefetch_related(Prefetch("steps", queryset=open_steps))
    )


def board_plans(user: Any, condition: Q, *, only: str = "", search: str = "", now: datetime) -> QuerySet[Plan]:
    """The coordinator's board, filtered and ordered by the database so that it can be paged: the
    plans of ``condition`` by their next open deadline (plans without one last), then by id;
    ``only`` narrows to "te-laat" (an open deadline passed) or "zonder-ondersteuner", ``search``
    to a name. ``presentation.plan_rows`` reads the same open steps for the row's next step."""
    next_due = Step.objects.filter(plan=OuterRef("pk"), status=StepStatus.OPEN).order_by("due_at", "pk")
    plans = plan_list_for(user, condition).annotate(next_due=Subquery(next_due.values("due_at")[:1]))
    if only == "te-laat":
        plans = plans.filter(next_due__lt=now)
    elif only == "zonder-ondersteuner":
        plans = plans.filter(supporter__isnull=True)
    if search:
        plans = plans.filter(Q(person__first_name__icontains=search) | Q(person__last_name__icontains=search))
    return plans.order_by(F("next_due").asc(nulls_last=True), "pk")


def plan_for_viewer(user: Any, pk: int) -> Plan | None:
    return plans_for(user, access.aftercare_plans_filter(user)).filter(pk=pk).first()


def own_plans(user: Any) -> QuerySet[Plan]:
    return plans_for(user, Q(person__user_id=user.pk))


def likely_duplicates(people: list[Person], kind_id: int, occurred_at: datetime) -> QuerySet[Plan]:
    """Existing plans for the same employee and event type, close in time."""
    return Plan.objects.filter(
        person__in=people,
        event__kind_id=kind_id,
        event__occurred_at__range=(occurred_at - DUPLICATE_WINDOW, occurred_at + DUPLICATE_WINDOW),
    ).select_related("person", "event", "event__kind")


def registrable_people(user: Any, search: str, limit: int = 20) -> QuerySet[Person]:
    people = Person.objects.filter(access.aftercare_registrable_people_filter(user), is_active=True)
    if search:
        people = people.filter(
            Q(employee_number=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(employee_number__startswith=search)
        )
    return people.select_related("team").order_by("last_name", "first_name")[:limit]


def own_person(user: Any) -> Person | None:
    return Person.objects.filter(user_id=user.pk).first()


def unread_notifications(user: Any) -> int:
    return Notification.objects.filter(recipient__user_id=user.pk, read_at__isnull=True).count()


def notifications_for(person: Person, limit: int = 100) -> list[Notification]:
    """The newest notifications of a person, with the step and plan each is about."""
    return list(
        Notification.objects.filter(recipient=person)
        .select_related("notice", "notice__step", "notice__step__plan", "notice__step__plan__person")
        .select_related("notice__step__plan__unit")
        .order_by("-created_at")[:limit]
    )


def next_open_step(plan: Plan, kind: str, *, after: datetime) -> Step | None:
    return plan.steps.filter(kind=kind, status=StepStatus.OPEN, due_at__gt=after).order_by("due_at").first()


def coordinators_for(plan: Plan) -> list[Person]:
    """The TCO coordinators whose scope covers the plan's employee (or, anonymised, the unit)."""
    covering = access.aftercare_assignments_covering(plan.person, plan.unit_id, Role.COORDINATOR_TCO)
    user_ids = RoleAssignment.objects.filter(covering).values("user_id")
    return list(Person.objects.filter(user_id__in=user_ids, is_active=True))


def casemanagers_for(plan: Plan) -> list[Person]:
    """The casemanagers whose scope covers the plan's employee (the casemanager GTPA)."""
    covering = access.aftercare_assignments_covering(plan.person, plan.unit_id, Role.CASEMANAGER)
    user_ids = RoleAssignment.objects.filter(covering).values("user_id")
    return list(Person.objects.filter(user_id__in=user_ids, is_active=True))


def functional_admins() -> list[Person]:
    """The functioneel beheerder(s): they exist for every unit and can appoint a coordinator."""
    user_ids = RoleAssignment.objects.filter(role=Role.FUNCTIONEEL_BEHEERDER).values("user_id")
    return list(Person.objects.filter(user_id__in=user_ids, is_active=True))


def supporter_capacity() -> int:
    """How many open plans one peer supporter may have (``AFTERCARE_SUPPORTER_CAPACITY``)."""
    return int(settings.AFTERCARE_SUPPORTER_CAPACITY)


def eligible_supporters(plan: Plan, *, capacity: int | None = None) -> list[Person]:
    """Peer supporters in scope, not a manager of the employee, not involved in the event, below
    capacity (``supporter_capacity()`` unless given).

    "Not a manager" means neither the direct manager nor anyone whose leidinggevende role covers
    the employee's team (they lead the employee and see the plan as manager)."""
    person = plan.person
    supporters = RoleAssignment.objects.filter(
        access.aftercare_assignments_covering(person, plan.unit_id, Role.COLLEGIAAL_ONDERSTEUNER)
    )
    leaders = RoleAssignment.objects.filter(access.aftercare_assignments_covering(person, None, Role.LEIDINGGEVENDE))
    involved = Plan.objects.filter(event_id=plan.event_id, person__isnull=False).values("person_id")
    return list(
        Person.objects.filter(user_id__in=supporters.values("user_id"), is_active=True)
        .exclude(pk__in=involved)
        .exclude(pk=plan.manager_id or 0)
        .exclude(user_id__in=leaders.values("user_id"))
        .annotate(open_cases=Count("aftercare_cases", filter=Q(aftercare_cases__status=PlanStatus.OPEN)))
        .filter(open_cases__lt=supporter_capacity() if capacity is None else capacity)
        .order_by("open_cases", "last_name")
    )


def _open_steps() -> QuerySet[Step]:
    return Step.objects.filter(status=StepStatus.OPEN, plan__status=PlanStatus.OPEN)


def overdue_steps(now: datetime) -> QuerySet[Step]:
    """Open steps past their deadline that have not been escalated yet (the deadline scan)."""
    escalated = DeadlineNotice.objects.filter(step=OuterRef("pk"), kind=NoticeKind.ESCALATION)
    return _open_steps().filter(due_at__lte=now).exclude(Exists(escalated))


def steps_needing_reminder(now: datetime, lead: timedelta) -> QuerySet[Step]:
    reminded = DeadlineNotice.objects.filter(step=OuterRef("pk"), kind=NoticeKind.REMINDER)
    return _open_steps().filter(due_at__gt=now, due_at__lte=now + lead).exclude(Exists(reminded))


def casework_steps_unannounced() -> QuerySet[Step]:
    """Open casemanager steps whose casemanager has not been told yet (the scan sends it)."""
    told = DeadlineNotice.objects.filter(step=OuterRef("pk"), kind=NoticeKind.NEW_TASK)
    return _open_steps().filter(owner_role=StepOwner.CASEMANAGER).exclude(Exists(told))


@dataclass(frozen=True)
class PlanView:
    name: str
    roles: str
    at: datetime


def plan_viewers(plan: Plan, *, except_user_id: int | None, limit: int = 50) -> list[PlanView]:
    """Who else looked at this plan, with their roles and when (the employee's own page shows it)."""
    events = (
        AuditEvent.objects.filter(action=AuditAction.READ, object_type="aftercare.plan", object_id=str(plan.pk))
        .exclude(actor_id=except_user_id)
        .select_related("actor", "actor__person")
        .order_by("-occurred_at")[:limit]
    )
    views = []
    for event in events:
        person = getattr(event.actor, "person", None) if event.actor else None
        name = person.full_name if person is not None else event.actor_username
        labels = [str(Role(r).label) for r in event.actor_roles.split(",") if r in Role.values and r != Role.MEDEWERKER]
        views.append(PlanView(name=name, roles=", ".join(labels), at=event.occurred_at))
    return views


# --- Coordinator report ---------------------------------------------------------------------


@dataclass
class UnitFigures:
    unit: Unit
    people: int = 0
    open_plans: int = 0
    overdue_steps: int = 0
    contacts: int = 0
    contacts_on_time: int = 0
    accepted: int = 0
    declined: int = 0
    referrals: int = 0
    scores: list[int] = field(default_factory=list)
    suppressed: bool = False

    @property
    def contact_share(self) -> int | None:
        return round(100 * self.contacts_on_time / self.contacts) if self.contacts else None

    @property
    def average_score(self) -> str:
        # Fewer evaluations than the anonymity threshold: an average could point at one person.
        return f"{sum(self.scores) / len(self.scores):.1f}" if may_show(len(self.scores)) else "–"


def unit_figures(unit_ids: set[int], now: datetime) -> list[UnitFigures]:
    """Aggregates per unit; units with fewer than the threshold of people are marked suppressed."""
    from aftercare.models import Evaluation

    figures = {u.pk: UnitFigures(unit=u) for u in Unit.objects.filter(pk__in=unit_ids)}
    plans = Plan.objects.filter(unit_id__in=unit_ids)
    for row in plans.values("unit_id").annotate(
        people=Count("person", distinct=True) + Count("pk", filter=Q(person__isnull=True)),
        open_plans=Count("pk", filter=Q(status=PlanStatus.OPEN)),
        accepted=Count("pk", filter=Q(support_accepted=True)),
        declined=Count("pk", filter=Q(support_accepted=False)),
    ):
        f = figures[row["unit_id"]]
        f.people, f.open_plans, f.accepted, f.declined = (
            row["people"],
            row["open_plans"],
            row["accepted"],
            row["declined"],
        )
    steps = Step.objects.filter(plan__unit_id__in=unit_ids)
    late_open = Q(status=StepStatus.OPEN, due_at__lt=now)
    for step_row in steps.values("plan__unit_id").annotate(
        overdue=Count("pk", filter=Q(status=StepStatus.OPEN, due_at__lt=now, plan__status=PlanStatus.OPEN)),
        # Every first contact that is done or whose 24 hours have passed counts (a contact that
        # never happened is the worst case, not a missing one); cancelled ones do not.
        contacts=Count("pk", filter=Q(kind=StepKind.CONTACT) & (Q(status=StepStatus.DONE) | late_open)),
        on_time=Count("pk", filter=Q(kind=StepKind.CONTACT, status=StepStatus.DONE, completed_at__lte=F("due_at"))),
        referrals=Count("pk", filter=Q(kind=StepKind.REFERRAL, status=StepStatus.DONE)),
    ):
        f = figures[step_row["plan__unit_id"]]
        f.overdue_steps, f.contacts, f.contacts_on_time, f.referrals = (
            step_row["overdue"],
            step_row["contacts"],
            step_row["on_time"],
            step_row["referrals"],
        )
    for unit_id, score in Evaluation.objects.filter(unit_id__in=unit_ids).values_list("unit_id", "score"):
        if unit_id in figures:
            figures[unit_id].scores.append(score)
    hidden = suppress_small_groups({pk: f.people for pk, f in figures.items()})
    for pk in hidden:
        figures[pk].suppressed = True
    return sorted(figures.values(), key=lambda f: f.unit.name)


# --- Template editor ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateVersion:
    template: PlanTemplate
    running_plans: int


def current_templates() -> QuerySet[PlanTemplate]:
    return (
        PlanTemplate.objects.filter(is_current=True).annotate(step_count=Count("steps")).order_by("-is_default", "name")
    )


def template_versions(code: str) -> list[TemplateVersion]:
    """Every version of a template family, newest first, with how many open plans use it."""
    versions = (
        PlanTemplate.objects.filter(code=code)
        .select_related("created_by")
        .annotate(running=Count("plans", filter=Q(plans__status=PlanStatus.OPEN)))
        .order_by("-version")
    )
    return [TemplateVersion(template=t, running_plans=t.running) for t in versions]
