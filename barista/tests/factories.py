"""Test builders of the Barista tests: exposures at a moment, and a ready-made signal."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from barista import signalling
from barista.constants import Source
from barista.models import Exposure, ExposureType, Scope, Signal


def expose(person: Any, at: datetime, code: str = "reanimatie") -> Exposure:
    return Exposure.objects.create(
        person=person, type=ExposureType.objects.get(code=code), occurred_at=at, source=Source.HANDMATIG
    )


def signal_for(person: Any, now: datetime | None = None) -> Signal:
    """Three exposures in the last week and an evaluation: one open signal for the person."""
    existing = Signal.objects.filter(person=person).first()
    if existing is not None:
        return existing
    now = now or timezone.now()
    if person.team is not None:  # Barista runs only where it is switched on (issue 22)
        Scope.objects.get_or_create(unit=person.team.unit)
    for days in (1, 3, 6):
        expose(person, now - timedelta(days=days))
    signalling.evaluate([person.pk], now=now)
    return Signal.objects.get(person=person)
