"""Barista hears of aftercare plans through the explicit ``aftercare.signals.plan_created``,
which the aftercare service sends inside its transaction: a registered event still makes an
exposure (and rolls back with the plan); a plan written without the service makes none."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from aftercare.models import Event, EventType, Plan
from aftercare.tests.conftest import register
from barista.constants import Source
from barista.models import Exposure
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def test_a_registered_event_makes_an_exposure_for_every_plan(organisation: Any) -> None:
    (plan,) = register(organisation)
    exposure = Exposure.objects.get(aftercare_plan=plan)
    assert (exposure.person_id, exposure.source) == (plan.person_id, Source.NAZORG)
    assert exposure.occurred_at == plan.event.occurred_at


def test_the_exposure_rolls_back_with_the_plan(organisation: Any) -> None:
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        register(organisation)
        assert Exposure.objects.filter(source=Source.NAZORG).count() == 1  # written in the same transaction
        raise Abort
    assert not Exposure.objects.filter(source=Source.NAZORG).exists()


def test_a_plan_written_without_the_service_makes_no_exposure(organisation: Any) -> None:
    """Only ``services.plan_create`` makes plans; nothing relied on a bare ``Plan.objects.create``."""
    from django.utils import timezone

    event = Event.objects.create(
        occurred_at=timezone.now(), kind=EventType.objects.get(code="reanimatie"), severity="ernstig"
    )
    Plan.objects.create(event=event, person=organisation.people[Role.MEDEWERKER])
    assert not Exposure.objects.exists()
