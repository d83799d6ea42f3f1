"""Retention of the Barista app: signals past their expiry date and exposures past
``BARISTA_EXPOSURE_RETENTION_DAYS`` are deleted (run daily by ``tasks.expire_and_retain``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from barista.models import Exposure, Signal, SignalTally


@transaction.atomic
def expire_signals(now: datetime | None = None) -> int:
    """Signals past their expiry date disappear, with their links and notices."""
    now = now or timezone.now()
    expired = Signal.objects.filter(expires_at__lte=now)
    # What the pilot statistics need stays, without the employee, the manager or the events.
    SignalTally.objects.bulk_create(
        SignalTally(team_id=team_id, status=status, created_at=created_at, outcome_at=outcome_at)
        for team_id, status, created_at, outcome_at in expired.values_list(
            "team_id", "status", "created_at", "outcome_at"
        )
    )
    _total, per_model = expired.delete()
    return per_model.get(Signal._meta.label, 0)


def exposure_retention() -> timedelta:
    return timedelta(days=int(settings.BARISTA_EXPOSURE_RETENTION_DAYS))


@transaction.atomic
def delete_old_exposures(now: datetime | None = None) -> int:
    """Retention: exposures older than ``BARISTA_EXPOSURE_RETENTION_DAYS`` are deleted."""
    now = now or timezone.now()
    _total, per_model = Exposure.objects.filter(occurred_at__lt=now - exposure_retention()).delete()
    return per_model.get(Exposure._meta.label, 0)
