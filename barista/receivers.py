"""Barista builds on opvang en nazorg: every involved employee of an event is an exposure."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from aftercare.models import Plan
from aftercare.signals import plan_anonymised


@receiver(post_save, sender=Plan, dispatch_uid="barista_exposure_from_plan")
def exposure_from_plan(sender: Any, instance: Plan, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if created and not raw:
        from barista import services

        services.exposure_from_plan(instance)


@receiver(plan_anonymised, dispatch_uid="barista_forget_anonymised_plan")
def forget_anonymised_plan(sender: Any, plan: Plan, **kwargs: Any) -> None:
    """The exposure made from an anonymised plan goes too: keeping it would keep the person, the
    event type and the date the anonymisation erased."""
    from barista.models import Exposure

    Exposure.objects.filter(aftercare_plan_id=plan.pk).delete()
