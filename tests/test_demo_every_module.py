"""``manage.py demo`` fills every module with fictional data a newcomer can see working, and a
second run changes nothing (issue 15 §6)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command

from aftercare.constants import StepStatus
from aftercare.models import Plan, Step
from barista.constants import SignalStatus
from barista.models import Signal
from monitor.models import Campaign, Measure, ResultSnapshot
from organisation.models import Person
from portal.work import work_for

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def demo(settings: Any, tmp_path: Any, mailoutbox: Any) -> str:
    settings.DEBUG, settings.DEMO_MODE, settings.VAR_DIR = True, False, tmp_path
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    """Rows per model of every project app (Django's own and the task queue excluded)."""
    project = {"django_tasks_db", "auth", "contenttypes", "sessions", "admin", "axes", "otp_totp", "otp_static"}
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in project
    }


def _aftercare_has_plans_at_different_stages_some_overdue() -> None:
    assert Plan.objects.count() >= 3
    assert Step.objects.filter(status=StepStatus.DONE).exists()
    manager = Person.objects.get(user__username="demo-leidinggevende")
    assert work_for(manager.user).overdue_count >= 1, "the demo manager sees what an overdue step looks like"


def _barista_has_invitations_open_and_handled() -> None:
    assert Signal.objects.filter(status=SignalStatus.OPEN).exists()
    assert Signal.objects.exclude(status=SignalStatus.OPEN).exists()
    manager = Person.objects.get(user__username="demo-leidinggevende")
    assert work_for(manager.user).invitations


def _monitor_has_two_closed_waves_with_results_a_plan_and_an_open_survey() -> None:
    closed = [wave for wave in Campaign.objects.all() if wave.is_closed()]
    assert len(closed) == 2
    assert ResultSnapshot.objects.filter(campaign__in=closed).count() == 2
    assert Measure.objects.count() == 2
    employee = Person.objects.get(user__username="demo-medewerker")
    (survey,) = work_for(employee.user).surveys
    assert "/monitor/vragenlijst/" in survey.url


def test_the_demo_fills_every_module_and_a_second_run_changes_nothing(demo: str) -> None:
    _aftercare_has_plans_at_different_stages_some_overdue()
    _barista_has_invitations_open_and_handled()
    _monitor_has_two_closed_waves_with_results_a_plan_and_an_open_survey()
    before = _counts()
    call_command("demo", stdout=io.StringIO())
    assert _counts() == before


def test_organisation_only_loads_the_accounts_and_leaves_the_modules_empty(settings: Any, tmp_path: Any) -> None:
    settings.DEBUG, settings.DEMO_MODE, settings.VAR_DIR = True, False, tmp_path
    call_command("demo", "--organisation-only", stdout=io.StringIO())
    assert Person.objects.filter(user__username="demo-leidinggevende").exists()
    assert not Plan.objects.exists() and not Signal.objects.exists() and not Campaign.objects.exists()
