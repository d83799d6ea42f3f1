"""Receivers: what casework does when other apps say something happened."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from aftercare.signals import plan_anonymised
from organisation.signals import demo_organisation_loaded


@receiver(plan_anonymised, dispatch_uid="casework.drop_plan_link")
def drop_plan_link(sender: Any, plan: Any, **kwargs: Any) -> None:
    """Aftercare erased a plan's personal data: cases and matches no longer point at it."""
    from casework import services

    services.plan_anonymised(plan=plan)


@receiver(demo_organisation_loaded, dispatch_uid="casework.demo")
def demo_data(sender: Any, **kwargs: Any) -> str:
    from casework import demo

    return demo.load()
