"""Receivers: the HR history from imports, and demo data."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.utils import timezone

from organisation.signals import demo_organisation_loaded, people_changed
from teamcare import history


@receiver(people_changed, dispatch_uid="teamcare.history")
def record_history(sender: Any, before: dict[str, Any], **kwargs: Any) -> None:
    """Runs inside the import's transaction: the history is written with the import or not at all."""
    history.history_record(before=before, on=timezone.localdate())


@receiver(demo_organisation_loaded, dispatch_uid="teamcare.demo")
def demo(sender: Any, **kwargs: Any) -> str:
    """Start the history for people the demo made without an import (idempotent)."""
    started = history.history_start(on=timezone.localdate())
    return f"teamcare: geschiedenis gestart voor {started} medewerkers"
