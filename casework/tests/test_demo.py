"""The demo data of casework: a case for the demo medewerker at registration, a buddy pool with one
buddy of each status and a match; a second run changes nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from casework import demo
from casework.constants import Stage
from casework.models import Buddy, BuddyMatch, Case, CaseStep

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_shows_a_running_case_and_a_pool_and_a_second_run_changes_nothing(
    settings: Any, tmp_path: Any
) -> None:
    settings.DEBUG, settings.DEMO_MODE, settings.VAR_DIR = True, False, tmp_path
    call_command("demo", "--organisation-only", stdout=io.StringIO())
    assert demo.load()
    case = Case.objects.get()
    assert case.person.user.username == "demo-medewerker"  # type: ignore[union-attr]
    assert case.casemanager is not None and case.casemanager.user.username == "demo-casemanager"  # type: ignore[union-attr]
    assert case.stage == Stage.REGISTRATIE
    assert Buddy.objects.count() == 3
    assert BuddyMatch.objects.get().person == case.person
    counts = (Case.objects.count(), CaseStep.objects.count(), Buddy.objects.count(), BuddyMatch.objects.count())
    assert demo.load() == ""
    assert (Case.objects.count(), CaseStep.objects.count(), Buddy.objects.count(), BuddyMatch.objects.count()) == counts
