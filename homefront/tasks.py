"""Homefront tasks (django-tasks). Idempotent: ``farewell`` sends each farewell mail once."""

from __future__ import annotations

from django_tasks import task

from homefront import farewell


@task()
def scan_farewells() -> dict[str, int]:
    """Daily: the farewell mail for people about to leave (or who just left) service."""
    return {"sent": farewell.farewell_scan()}
