"""Demo data: ``manage.py demo`` makes one fictional draft session and one request, once."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from integrity.demo import DEMO_TITLE
from integrity.models import LiveSession, SessionRequest


@pytest.mark.django_db
def test_the_demo_makes_a_session_and_a_request_and_running_it_twice_changes_nothing(
    settings: Any, tmp_path: Any
) -> None:
    settings.DEBUG, settings.DEMO_MODE, settings.VAR_DIR = True, False, tmp_path
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert "Integriteit: demo-dilemmasessie gemaakt" in out.getvalue()
    session = LiveSession.objects.get(title=DEMO_TITLE)
    assert session.facilitator.username == "demo-leidinggevende" and session.cards.count() == 4
    assert SessionRequest.objects.filter(group_name__startswith="Demo: ").count() == 1
    call_command("demo", stdout=io.StringIO())
    assert LiveSession.objects.count() == 1 and SessionRequest.objects.count() == 1
