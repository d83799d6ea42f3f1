"""Demo data of opvang en nazorg: events and plans at different stages, made through the services.

``manage.py demo`` (via ``organisation.signals.demo_organisation_loaded``) registers three fictional
events in the team of the demo leidinggevende, relative to today: one a month ago whose plan is in
its check-ins, one last week with the manager's contact step still open (over its deadline, so a
newcomer sees what "te laat" looks like), and one yesterday that is new. Idempotent: the events carry
a demo note, and once one exists nothing happens.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare import services
from aftercare.constants import CheckInLevel, StepKind, StepStatus
from aftercare.models import CheckIn, Event, EventType, Plan
from organisation.models import Person

DEMO_NOTE = "Demo: fictieve gebeurtenis"
DEMO_TYPES = ("reanimatie", "mishandeling-eenvoudig", "dodelijk-ongeval")


def _demo_person(role: str) -> Person | None:
    return Person.objects.filter(user__username=f"demo-{role}").select_related("team", "manager").first()


def load() -> str:
    """Register the demo events; returns a line for the demo command to print."""
    if Event.objects.filter(note__startswith=DEMO_NOTE).exists():
        return ""
    if EventType.objects.filter(code__in=DEMO_TYPES).count() < len(DEMO_TYPES):
        return ""  # the lists of the data migration are missing (a flushed test database)
    manager = _demo_person("leidinggevende")
    employee = _demo_person("medewerker")
    supporter = _demo_person("collegiaal_ondersteuner")
    if manager is None or employee is None or manager.user is None:
        return ""
    colleagues = list(Person.objects.filter(team=manager.team, manager=manager).exclude(pk=employee.pk).order_by("pk"))
    now = timezone.now()
    with transaction.atomic():
        month_ago = _register(manager, [employee], "reanimatie", now - timedelta(days=30), "ernstig")
        last_week = _register(manager, colleagues[:1], "mishandeling-eenvoudig", now - timedelta(days=6), "licht")
        yesterday = _register(manager, colleagues[1:3], "dodelijk-ongeval", now - timedelta(days=1), "ernstig")
        for plan in month_ago:
            _progress(plan, manager, supporter, done_until=now - timedelta(days=2))
        for plan in last_week:
            _progress(plan, manager, supporter, done_until=None)
    count = len(month_ago) + len(last_week) + len(yesterday)
    return _("Opvang en nazorg: %(count)s nazorgplannen in het team van de demo-leidinggevende.") % {"count": count}


def _register(manager: Person, people: list[Person], code: str, when: datetime, severity: str) -> list[Plan]:
    if not people:
        return []
    event = services.event_register(
        reporter=manager.user,
        occurred_at=when,
        kind=EventType.objects.get(code=code),
        severity=severity,
        people=people,
        note=DEMO_NOTE,
    )
    return list(event.plans.order_by("pk"))


def _progress(plan: Plan, manager: Person, supporter: Person | None, *, done_until: datetime | None) -> None:
    """Assign the supporter and complete the steps that were due before ``done_until``.

    With ``done_until`` None only the supporter is assigned: the manager's contact step stays open
    past its deadline."""
    if supporter is not None and supporter.pk != plan.person_id:
        plan = services.plan_assign_supporter(plan=plan, version=plan.version, supporter=supporter, actor=None)
    if done_until is None:
        return
    for step in plan.steps.filter(status=StepStatus.OPEN, due_at__lte=done_until).order_by("due_at", "pk"):
        if step.kind in {StepKind.EVALUATION, StepKind.REFERRAL, StepKind.CLOSURE}:
            continue
        actor = manager.user if step.owner_id == manager.pk else (step.owner.user if step.owner else None)
        # A check-in is a short structured conversation: in the demo, recovery goes well.
        answers = (
            {theme: str(CheckInLevel.GOOD) for theme in CheckIn.THEMES} if step.kind == StepKind.CHECK_IN else None
        )
        services.step_complete(step=step, actor=actor, check_in=answers)
