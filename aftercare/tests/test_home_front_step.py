"""The home-front step: the supporter sees a short guide and the leaflet, and completing the step
records only that the information was given (a confirmation at the field, no text)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from aftercare import services
from aftercare.constants import StepKind, StepStatus
from aftercare.models import Plan
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def test_the_supporter_gets_the_guide_and_confirms_the_information_was_given(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    step = services.plan_home_front_consent(plan=plan, actor=organisation.users[Role.MEDEWERKER])
    client = login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    page = client.get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert 'data-testid="home-front-guide"' in page and reverse("homefront:leaflet") in page

    refused = client.post(reverse("aftercare:step", args=[step.pk]), {"actie": "afronden"})
    (item,) = [item for item in refused.context["steps"] if item.step.pk == step.pk]
    assert item.form.errors["home_front_info_given"] == [
        "Vink aan dat je de informatie voor het thuisfront hebt gegeven."
    ]
    step.refresh_from_db()
    assert step.status == StepStatus.OPEN

    client.post(reverse("aftercare:step", args=[step.pk]), {"actie": "afronden", "home_front_info_given": "on"})
    done = plan.steps.get(kind=StepKind.HOME_FRONT)
    assert done.status == StepStatus.DONE
