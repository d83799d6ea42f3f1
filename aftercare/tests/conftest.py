"""Fixtures of the aftercare tests: a registered event with its plan, and a worker run."""

from __future__ import annotations

import importlib
from datetime import datetime, timedelta
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from aftercare import services
from aftercare.models import EventType, Plan
from organisation.constants import Role
from tests.browser.conftest import browser, page  # noqa: F401  (the browser tests of this app)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


#: Check-in answers of a normal recovery, and the form data that posts them.
GOING_WELL = dict.fromkeys(
    ("sleep", "reliving", "avoidance", "support_home", "support_work", "substances", "work"), "goed"
)


def supported_plans(org: Any, count: int, *, last_name: str, apart: timedelta) -> list[Plan]:
    """``count`` plans, one for each new colleague in the team (named ``last_name`` + number), the
    events ``apart`` from each other ending now, oldest first, all with the team's peer supporter."""
    from django.utils import timezone

    from organisation.tests.factories import PersonFactory

    people = [PersonFactory(team=org.team, first_name="Rij", last_name=f"{last_name}{i}") for i in range(count)]
    plans = [
        register(org, people=[person], when=timezone.now() - apart * (count - i))[0] for i, person in enumerate(people)
    ]
    Plan.objects.filter(pk__in=[plan.pk for plan in plans]).update(supporter=org.people[Role.COLLEGIAAL_ONDERSTEUNER])
    return list(Plan.objects.filter(pk__in=[plan.pk for plan in plans]).select_related("person").order_by("pk"))


def run_worker() -> None:
    """What `manage.py db_worker --batch` does, inside the test's transaction (see core tests)."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def register(org: Any, *, people: list[Any] | None = None, when: datetime | None = None, **kwargs: Any) -> list[Plan]:
    from django.utils import timezone

    event = services.event_register(
        reporter=org.users[Role.LEIDINGGEVENDE],
        occurred_at=when or timezone.now(),
        kind=kwargs.pop("kind", None) or EventType.objects.get(code="reanimatie"),
        severity=kwargs.pop("severity", "ernstig"),
        people=people or [org.people[Role.MEDEWERKER]],
        **kwargs,
    )
    return list(event.plans.order_by("pk"))


@pytest.fixture
def aftercare_lists(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the types and template again."""
    from django.apps import apps

    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(apps, None)
    importlib.import_module("aftercare.migrations.0005_postvention_prikpunt_gtpa_templates").load(apps, None)


@pytest.fixture
def plan(organisation: Any) -> Plan:
    """A plan for the medewerker persona with the collegiaal ondersteuner persona assigned."""
    (made,) = register(organisation)
    return services.plan_assign_supporter(
        plan=made, version=made.version, supporter=organisation.people[Role.COLLEGIAAL_ONDERSTEUNER], actor=None
    )
