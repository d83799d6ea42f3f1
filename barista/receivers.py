"""Barista builds on opvang en nazorg: every involved employee of an event is an exposure, and an
anonymised plan takes its exposure with it. Both hooks are explicit aftercare signals
(``aftercare.signals``), sent by the aftercare services inside their transaction."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from aftercare.models import Plan
from aftercare.signals import plan_anonymised, plan_created
from barista import services
from barista.models import Exposure
from organisation.signals import demo_organisation_loaded


@receiver(plan_created, sender=Plan, dispatch_uid="barista_exposure_from_plan")
def exposure_from_plan(sender: Any, plan: Plan, **kwargs: Any) -> None:
    """Synchronous, in the plan's transaction: the exposure commits or rolls back with the plan
    (its evaluation waits for the commit, ``services.evaluate_after_commit``)."""
    services.exposure_from_plan(plan)


@receiver(plan_anonymised, dispatch_uid="barista_forget_anonymised_plan")
def forget_anonymised_plan(sender: Any, plan: Plan, **kwargs: Any) -> None:
    """The exposure made from an anonymised plan goes too: keeping it would keep the person, the
    event type and the date the anonymisation erased."""
    Exposure.objects.filter(aftercare_plan_id=plan.pk).delete()


@receiver(demo_organisation_loaded, dispatch_uid="barista.demo")
def demo_data(sender: Any, **kwargs: Any) -> str:
    from barista import demo

    return demo.load()
