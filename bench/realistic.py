"""A realistic data set for the logged-in bench pages (bench/loggedin.py), made once per bench database.

What it holds, all with bulk inserts (no per-row services) but with the rows the real services
write, so every page reads what it would read in production:

* **People**: 63,000 employees in 4,200 teams of 14 units, each team with its manager
  (``bench.barista._people``, shared with the Barista measurement). Per unit one TCO
  coordinator and twelve peer supporters get an account and their role.
* **A year of aftercare**: 4,000 events over the last 365 days, each with one to four members of
  one team, and one plan per involved employee (about 7,400) made from the current template of
  the event type, as ``aftercare.services.plan_create`` makes them: the unit and manager of the
  employee, the template's steps with their owners and deadlines, the status history, and the
  Barista exposure of every plan. Plans older than the template's closing step are closed (every
  step done, check-ins with their answers, dated steps with their date); running plans have their
  past steps done except one in twenty, still open after its deadline; a supporter is assigned
  after the offer of support (48 hours).
* **Barista**: switched on in three units (``Scope``), a year of imported incident records for
  their 13,500 employees, and the daily evaluation (``barista.signalling.evaluate``, the real
  one) run every other month over the past year; invitations older than a month have the
  outcome ``barista.services.record_outcome`` would write (in bulk).
* **Two monitor waves**: the closed campaign of the monitor bench (``bench.monitor._bench_campaign``,
  63,000 responses) and the wave a year before it, copied from it on the database itself
  (responses, scale scores, invitations), closed and frozen (``monitor.results.freeze``).

``personas()`` returns the accounts the logged-in scenarios use: the manager in a Barista unit
with the most open invitations, an employee of that manager with a running plan (the one with the
most Barista signals), the peer supporter with the most running cases in that unit, and the
unit's coordinator. Idempotent: a second call finds the data and returns at once.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

EVENTS = 4_000
DAYS = 365
SUPPORTERS_PER_UNIT = 12
BARISTA_UNITS = 3
EVALUATE_EVERY_MONTHS = 2
IMPORTS_PER_PERSON = 6
MARKER = "bench-realistic"  # the note of the first event: the data set is present

#: People per event by share (percent).
INVOLVED = [(50, 1), (25, 2), (15, 3), (10, 4)]


@contextmanager
def _stamped_as_given(*fields: Any) -> Iterator[None]:
    """Bulk inserts that keep the moments given (a plan made a year ago was made then), not "now"."""
    saved = [field.auto_now_add for field in fields]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field, value in zip(fields, saved, strict=True):
            field.auto_now_add = value


@dataclass(frozen=True)
class Personas:
    employee: int  # user ids
    manager: int
    supporter: int
    coordinator: int


def _involved(rng: random.Random) -> int:
    roll, bound = rng.randrange(100), 0
    for share, count in INVOLVED:
        bound += share
        if roll < bound:
            return count
    return 1


def _accounts(people: list[tuple[int, int, int | None, int]], unit_ids: list[int]) -> dict[int, dict[str, list[int]]]:
    """Per unit one coordinator and twelve supporters: accounts for existing employees (not managers)."""
    from django.contrib.auth import get_user_model

    from organisation.constants import Role
    from organisation.models import Person, RoleAssignment

    user_model = get_user_model()
    chosen: dict[int, dict[str, list[int]]] = {u: {"coordinator": [], "supporter": []} for u in unit_ids}
    by_unit: dict[int, list[int]] = {u: [] for u in unit_ids}
    for pk, _team, manager, unit in people:
        if manager is not None and len(by_unit[unit]) < SUPPORTERS_PER_UNIT + 1:
            by_unit[unit].append(pk)
    users = user_model.objects.bulk_create(
        user_model(username=f"rl-{pk}", first_name="Bench", last_name=str(pk))
        for unit in unit_ids
        for pk in by_unit[unit]
    )
    user_of = {int(user.username[3:]): user.pk for user in users}
    Person.objects.bulk_update([Person(pk=pk, user_id=user_of[pk]) for pk in user_of], ["user_id"], batch_size=2000)
    roles = []
    for unit in unit_ids:
        coordinator, *supporters = by_unit[unit]
        chosen[unit]["coordinator"].append(coordinator)
        chosen[unit]["supporter"].extend(supporters)
        roles.append(RoleAssignment(user_id=user_of[coordinator], role=Role.COORDINATOR_TCO, unit_id=unit))
        roles += [
            RoleAssignment(user_id=user_of[pk], role=Role.COLLEGIAAL_ONDERSTEUNER, unit_id=unit) for pk in supporters
        ]
    RoleAssignment.objects.bulk_create(roles)
    return chosen


def _aftercare(people: list[tuple[int, int, int | None, int]], accounts: dict[int, dict[str, list[int]]]) -> int:
    """A year of events and plans as ``aftercare.services.plan_create`` writes them; returns the plan count."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from aftercare import selectors
    from aftercare.constants import (
        EventCategory,
        Severity,
    )
    from aftercare.models import CheckIn, Event, EventType, Plan, StatusChange
    from barista.models import Exposure, ExposureType

    rng = random.Random(23)
    now = timezone.now()
    user_ids: dict[int, int] = {
        int(person): user
        for person, user in get_user_model().objects.filter(username__startswith="rl-").values_list("person__pk", "pk")
        if person is not None
    }
    kinds = list(EventType.objects.filter(is_active=True))
    exposure_types: dict[int, int] = {
        int(t.aftercare_type_id): t.pk
        for t in ExposureType.objects.exclude(aftercare_type=None)
        if t.aftercare_type_id is not None
    }
    for kind in kinds:
        if kind.pk not in exposure_types:  # as registering would: the type Barista links to it
            from barista.services import type_for_aftercare

            exposure_types[kind.pk] = type_for_aftercare(kind).pk
    templates = {}
    for kind in kinds:
        gtpa = kind.category == EventCategory.GTPA
        template = selectors.template_for(kind, gtpa_casemanager=gtpa)
        templates[kind.pk] = (template, list(template.steps.all()))
    by_team: dict[int, list[tuple[int, int | None, int]]] = {}
    for pk, team, manager, unit in people:
        by_team.setdefault(team, []).append((pk, manager, unit))
    teams = sorted(by_team)
    # Light violence is the most common; deaths and suicides are rare.
    weights = [40 if k.category == EventCategory.GTPA else (1 if k.template_code == "postventie" else 6) for k in kinds]
    events: list[Event] = []
    involved: list[list[tuple[int, int | None, int]]] = []
    for number in range(EVENTS):
        kind = rng.choices(kinds, weights)[0] if number else kinds[weights.index(40)]
        members = by_team[teams[rng.randrange(len(teams))]]
        who = rng.sample(members, min(len(members), _involved(rng)))
        unit = who[0][2]
        occurred = now - timedelta(minutes=rng.randrange(DAYS * 24 * 60))
        reporter = user_ids[accounts[unit]["coordinator"][0]]
        events.append(
            Event(
                occurred_at=occurred,
                kind=kind,
                severity=rng.choice([Severity.LICHT, Severity.ERNSTIG, Severity.ERNSTIG, Severity.ZEER_ERNSTIG]),
                note=MARKER if number == 0 else "",
                gtpa_casemanager=kind.category == EventCategory.GTPA,
                reporter_id=reporter,
                created_at=min(now, occurred + timedelta(minutes=rng.randrange(10, 600))),
            )
        )
        involved.append(who)
    stamped = _stamped_as_given(
        Event._meta.get_field("created_at"),
        Plan._meta.get_field("created_at"),
        StatusChange._meta.get_field("at"),
        CheckIn._meta.get_field("created_at"),
        Exposure._meta.get_field("created_at"),
    )
    with stamped:
        return _aftercare_rows(rng, now, events, involved, templates, accounts, user_ids, exposure_types)


def _aftercare_rows(  # noqa: C901 - one pass over the plans, as plan_create walks them
    rng: random.Random,
    now: Any,
    events: list[Any],
    involved: list[list[tuple[int, int | None, int]]],
    templates: dict[int, Any],
    accounts: dict[int, dict[str, list[int]]],
    user_ids: dict[int, int],
    exposure_types: dict[int, int],
) -> int:
    from aftercare import services, workflow
    from aftercare.constants import (
        CheckInLevel,
        CheckInOutcome,
        PlanStatus,
        StepCondition,
        StepKind,
        StepOwner,
        StepStatus,
    )
    from aftercare.models import CheckIn, Event, Plan, StatusChange, Step
    from barista.models import Exposure

    events = Event.objects.bulk_create(events, batch_size=2000)
    plans: list[Plan] = []
    plan_steps: list[list[Step]] = []
    for event, who in zip(events, involved, strict=True):
        template, template_steps = templates[event.kind_id]
        last_hours = max(s.due_after_hours for s in template_steps)
        closed = event.occurred_at + timedelta(hours=last_hours) < now - timedelta(hours=12)
        for person, manager, unit in who:
            supporter = None
            if event.occurred_at + timedelta(hours=48) < now and rng.random() < 0.9:
                supporter = rng.choice(accounts[unit]["supporter"])
            plan = Plan(
                created_at=event.created_at,
                event=event,
                template=template,
                person_id=person,
                unit_id=unit,
                manager_id=manager,
                supporter_id=supporter,
                status=PlanStatus.CLOSED if closed else PlanStatus.OPEN,
                support_accepted=True if supporter else None,
                complaints_persist=False if closed else None,
                version=2 if supporter else 1,
            )
            steps = []
            for template_step in template_steps:
                if template_step.only_when == StepCondition.PROPERTY_DAMAGE:
                    continue  # property damage is not recorded on these events
                due = event.occurred_at + timedelta(hours=template_step.due_after_hours)
                owner = {StepOwner.MANAGER: manager, StepOwner.SUPPORTER: supporter}.get(template_step.owner)
                done = closed or (due < now - timedelta(hours=6) and rng.random() >= 0.05)
                if template_step.kind == StepKind.CLOSURE and not closed:
                    done = False
                if template_step.owner == StepOwner.SUPPORTER and supporter is None:
                    done = False
                completed = min(now, due - timedelta(minutes=rng.randrange(0, 18 * 60))) if done else None
                if completed is not None and completed < event.occurred_at:
                    completed = event.occurred_at + timedelta(minutes=30)
                actor = user_ids.get(owner) if owner is not None else user_ids[accounts[unit]["coordinator"][0]]
                steps.append(
                    Step(
                        kind=template_step.kind,
                        title=services._step_title(template_step.kind, template_step.title, event.severity),
                        title_en=template_step.title_en,
                        owner_role=template_step.owner,
                        owner_id=owner,
                        due_at=due,
                        status=StepStatus.DONE if done else StepStatus.OPEN,
                        completed_at=completed,
                        completed_by_id=actor if done else None,
                        action_date=completed.date()
                        if completed is not None and template_step.kind in workflow.DATED
                        else None,
                    )
                )
            if closed:
                plan.closed_at = max(s.completed_at for s in steps if s.completed_at is not None)
            plans.append(plan)
            plan_steps.append(steps)
    plans = Plan.objects.bulk_create(plans, batch_size=2000)
    all_steps: list[Step] = []
    for plan, steps in zip(plans, plan_steps, strict=True):
        for step in steps:
            step.plan = plan
        all_steps += steps
    all_steps = Step.objects.bulk_create(all_steps, batch_size=5000)
    history: list[StatusChange] = []
    check_ins: list[CheckIn] = []
    for plan, steps in zip(plans, plan_steps, strict=True):
        assert plan.unit_id is not None
        coordinator = user_ids[accounts[plan.unit_id]["coordinator"][0]]
        made = plan.created_at
        history.append(StatusChange(plan=plan, to_status=PlanStatus.OPEN, actor_id=coordinator, at=made))
        for step in steps:
            history.append(StatusChange(plan=plan, step=step, to_status=StepStatus.OPEN, actor_id=coordinator, at=made))
            if step.status == StepStatus.DONE:
                completed = step.completed_at
                assert completed is not None  # a done step has its moment
                history.append(
                    StatusChange(
                        plan=plan,
                        step=step,
                        from_status=StepStatus.OPEN,
                        to_status=StepStatus.DONE,
                        actor_id=step.completed_by_id,
                        at=completed,
                    )
                )
                if step.kind == StepKind.CHECK_IN:
                    levels = {theme: CheckInLevel.GOOD for theme in CheckIn.THEMES}
                    levels[rng.choice(CheckIn.THEMES)] = rng.choice([CheckInLevel.GOOD, CheckInLevel.MIXED])
                    check_ins.append(
                        CheckIn(
                            step=step,
                            outcome=CheckInOutcome.NORMAL,
                            recorded_by_id=step.completed_by_id,
                            created_at=completed,
                            **levels,
                        )
                    )
        if plan.status == PlanStatus.CLOSED and plan.closed_at is not None:
            history.append(
                StatusChange(
                    plan=plan,
                    from_status=PlanStatus.OPEN,
                    to_status=PlanStatus.CLOSED,
                    actor_id=coordinator,
                    at=plan.closed_at,
                )
            )
    StatusChange.objects.bulk_create(history, batch_size=5000)
    CheckIn.objects.bulk_create(check_ins, batch_size=5000)
    Exposure.objects.bulk_create(
        (
            Exposure(
                person_id=plan.person_id,
                type_id=exposure_types[plan.event.kind_id],
                occurred_at=plan.event.occurred_at,
                source="nazorg",
                aftercare_plan=plan,
                created_at=plan.created_at,
            )
            for plan in plans
            if plan.person_id is not None
        ),
        batch_size=5000,
    )
    return len(plans)


def _barista(people: list[tuple[int, int, int | None, int]], unit_ids: list[int]) -> int:
    """Barista in three units: a year of imported records and a monthly evaluation; returns the signal count."""
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from barista import signalling
    from barista.constants import SignalStatus
    from barista.models import Exposure, ExposureType, Notice, Scope, Signal
    from core import audit
    from core.models import AuditAction

    rng = random.Random(22)
    now = timezone.now()
    units = unit_ids[:BARISTA_UNITS]
    for unit in units:
        Scope.objects.get_or_create(unit_id=unit, defaults={"switched_on_at": now - timedelta(days=DAYS + 30)})
    light = list(
        ExposureType.objects.filter(impact_class=1, aftercare_type__category="gtpa").values_list("pk", flat=True)
    )
    scoped = [pk for pk, _team, _manager, unit in people if unit in units]
    Exposure.objects.bulk_create(
        (
            Exposure(
                person_id=person,
                type_id=rng.choice(light),
                occurred_at=now - timedelta(minutes=rng.randrange(DAYS * 24 * 60)),
                source="import",
                external_id=f"rl-{person}-{number}",
            )
            for person in scoped
            for number in range(rng.randrange(2 * IMPORTS_PER_PERSON + 1))
        ),
        batch_size=5000,
    )
    quiet = logging.getLogger("zorgwijzer.barista")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a signal for a team's own manager has nobody to go to: one line each
    try:
        for months_ago in range(12, -1, -EVALUATE_EVERY_MONTHS):
            signalling.evaluate(scoped, now=now - timedelta(days=30 * months_ago))
    finally:
        quiet.setLevel(level)
    # What ``services.record_outcome`` writes, for every invitation older than a month, in a few
    # statements: the outcome (three in four had the talk), its moment (2-24 days after the
    # invitation), the notices read then, and the audit rows.
    answered = Signal.objects.filter(
        person_id__in=scoped, status=SignalStatus.OPEN, created_at__lt=now - timedelta(days=30)
    )
    rows = list(answered.select_related("person", "recipient"))
    with transaction.atomic():
        for index, outcome in enumerate(
            [SignalStatus.GESPREK, SignalStatus.GESPREK, SignalStatus.GESPREK, SignalStatus.WILDE_NIET]
        ):
            chosen = [signal.pk for signal in rows if signal.pk % 4 == index]
            Signal.objects.filter(pk__in=chosen).update(
                status=outcome,
                outcome_at=F("created_at") + timedelta(days=2 + index * 5),
                outcome_by=None,
            )
            Notice.objects.filter(signal_id__in=chosen, read_at=None).update(
                read_at=F("created_at") + timedelta(days=2 + index * 5)
            )
        audit.record_many(
            entries=[
                audit.Entry(
                    action=AuditAction.UPDATE,
                    obj=signal,
                    person=signal.person,
                    fields=["status", "outcome_at", "referred_to_slug"],
                )
                for signal in rows
            ]
        )
    return Signal.objects.filter(person_id__in=scoped).count()


def _monitor_waves() -> int:
    """The monitor bench's campaign and, copied from it on the database, the wave a year before."""
    import datetime as dt

    from django.db import connection, transaction

    from bench.monitor import _bench_campaign
    from monitor import results
    from monitor.models import Campaign

    latest = Campaign.objects.get(pk=_bench_campaign())
    earlier = Campaign.objects.filter(name="Bench monitor, vorige meting").first()
    if earlier is not None:
        return 2
    with transaction.atomic():
        earlier = Campaign.objects.create(
            name="Bench monitor, vorige meting",
            kind=latest.kind,
            questionnaire=latest.questionnaire,
            scales=latest.scales,
            opens_on=latest.opens_on - dt.timedelta(days=DAYS),
            closes_on=latest.closes_on - dt.timedelta(days=DAYS),
            invitations_sent_at=latest.invitations_sent_at - dt.timedelta(days=DAYS)
            if latest.invitations_sent_at
            else None,
        )
        with connection.cursor() as cursor:
            # Only the two campaign ids are formatted in; they are integers from the database.
            cursor.execute(
                f"INSERT INTO monitor_response (campaign_id, team_id, answers) "  # noqa: S608
                f"SELECT {int(earlier.pk)}, team_id, answers FROM monitor_response WHERE campaign_id = {int(latest.pk)}"
            )
            cursor.execute(
                f"INSERT INTO monitor_scalescore (campaign_id, team_id, scale, score, in_risk) "  # noqa: S608
                f"SELECT {int(earlier.pk)}, team_id, scale, score, in_risk FROM monitor_scalescore "
                f"WHERE campaign_id = {int(latest.pk)}"
            )
            cursor.execute(
                f"INSERT INTO monitor_invitation (campaign_id, team_id, token_hash, state) "  # noqa: S608
                f"SELECT {int(earlier.pk)}, team_id, 'v' || substr(token_hash, 2), state FROM monitor_invitation "
                f"WHERE campaign_id = {int(latest.pk)}"
            )
    results.freeze(earlier)
    if not hasattr(latest, "snapshot"):
        results.freeze(latest)
    return 2


def _persona(person_id: int, username: str, role: str = "", **scope: Any) -> int:
    """An account for an existing employee (with its role), or the one it already has."""
    from django.contrib.auth import get_user_model

    from organisation.models import Person, RoleAssignment

    person = Person.objects.get(pk=person_id)
    if person.user_id is None:
        person.user = get_user_model().objects.create_user(username=username, first_name="Bench", last_name=username)
        person.save(update_fields=["user"])
    assert person.user_id is not None
    if role:
        RoleAssignment.objects.get_or_create(user_id=person.user_id, role=role, **scope)
    return person.user_id


def personas() -> Personas:
    """The accounts of the logged-in scenarios (made once; the data set first, when absent)."""
    from django.db.models import Count, Q

    from aftercare.constants import PlanStatus
    from aftercare.models import Plan
    from barista.constants import SignalStatus
    from barista.models import Scope, Signal
    from organisation.constants import Role
    from organisation.models import Person

    generate()
    scoped_units = list(Scope.objects.exclude(unit=None).order_by("unit_id").values_list("unit_id", flat=True))
    # The manager in a Barista unit with the most open invitations (a busy one, not an empty list).
    busiest = (
        Signal.objects.filter(team__unit_id__in=scoped_units, status=SignalStatus.OPEN)
        .values("recipient_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "recipient_id")
        .first()
    )
    assert busiest is not None, "the realistic data set made no Barista invitations"
    manager = Person.objects.select_related("team").get(pk=busiest["recipient_id"])
    assert manager.team is not None
    # An employee of that team with a running plan, and a Barista signal when one has it.
    employee_plan: Plan | None = (
        Plan.objects.filter(person__manager=manager, status=PlanStatus.OPEN)
        .annotate(signals=Count("person__barista_signals"))
        .order_by("-signals", "pk")
        .first()
    )
    if employee_plan is None:
        employee_plan = Plan.objects.filter(
            Q(person__team__unit_id=manager.team.unit_id), status=PlanStatus.OPEN
        ).first()
    assert employee_plan is not None and employee_plan.person_id is not None
    supporter = (
        Plan.objects.filter(unit_id=manager.team.unit_id, status=PlanStatus.OPEN)
        .exclude(supporter=None)
        .values("supporter_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "supporter_id")
        .first()
    )
    assert supporter is not None
    coordinator = Person.objects.filter(
        user__role_assignments__role=Role.COORDINATOR_TCO, user__role_assignments__unit_id=manager.team.unit_id
    ).first()
    assert coordinator is not None
    return Personas(
        employee=_persona(employee_plan.person_id, "bench-medewerker"),
        manager=_persona(manager.pk, "bench-leidinggevende", Role.LEIDINGGEVENDE, node_id=manager.team_id),
        supporter=_persona(supporter["supporter_id"], "bench-ondersteuner"),
        coordinator=_persona(coordinator.pk, "bench-coordinator"),
    )


def generate() -> list[str]:
    """Make the data set when it is absent; returns lines describing what it holds and how long it took."""
    from django.db import connection, transaction

    from aftercare.models import Event, Plan
    from barista.models import Exposure, Signal
    from bench.barista import _people
    from organisation.models import Person

    timings: dict[str, float] = {}
    started = time.perf_counter()
    first, last = _people()
    timings["people"] = time.perf_counter() - started
    people: list[tuple[int, int, int | None, int]] = [
        (pk, team, manager, unit)
        for pk, team, manager, unit in Person.objects.filter(pk__gte=first, pk__lte=last)
        .order_by("pk")
        .values_list("pk", "team_id", "manager_id", "team__unit_id")
    ]
    unit_ids = sorted({unit for *_, unit in people})
    made = False
    if not Event.objects.filter(note=MARKER).exists():
        t0 = time.perf_counter()
        with transaction.atomic():
            _aftercare(people, _accounts(people, unit_ids))
        timings["aftercare"] = time.perf_counter() - t0
        made = True
    if not Exposure.objects.filter(source="import", external_id__startswith="rl-").exists():
        t0 = time.perf_counter()
        _barista(people, unit_ids)
        timings["barista"] = time.perf_counter() - t0
        made = True
    t0 = time.perf_counter()
    waves = _monitor_waves()
    timings["monitor"] = time.perf_counter() - t0
    if not made:
        return []
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = time.perf_counter() - started
    return [
        f"realistic data ({connection.vendor}): {len(people):,} people, {Plan.objects.count():,} aftercare plans "
        f"over a year ({Plan.objects.filter(status='open').count():,} running), {Signal.objects.count():,} "
        f"Barista signals, {waves} monitor "
        f"waves; made in {total:.0f} s ("
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in timings.items())
        + ")"
    ]


__all__ = ["Personas", "generate", "personas"]
