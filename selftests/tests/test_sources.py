"""The self-tests say what the sources say (issue 22 §2): the 24/7 Loket is no crisis service, and
the shipped tests are the platform's own version of the instrument whose name they carry."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.urls import reverse

from selftests.loading import Instrument
from selftests.tests.conftest import lowest

pytestmark = pytest.mark.django_db

ON_TODAY = time_machine.travel("2026-11-25 10:00 +01:00", tick=False)
NOT_A_CRISIS_SERVICE = "het 24/7 loket is geen crisisdienst"
OWN_VERSION = 'data-testid="own-version"'


@ON_TODAY
@pytest.mark.parametrize("mode", ["zelf", "collega"])
def test_the_crisis_block_says_the_loket_is_not_a_crisis_service(client: Any, mirror: Instrument, mode: str) -> None:
    # Seed 000 L1643: the 24/7 Loket is no crisis service; in a crisis the local GGZ crisis service is called in.
    values = {**lowest(mirror), "mi-veiligheid": "ja", "modus": mode, "datum": "2026-11-20"}
    text = client.post(reverse("selftests:result", args=[mirror.slug]), values).text
    block = text[text.index('data-testid="crisis"') : text.index("</section>", text.index('data-testid="crisis"'))]
    assert NOT_A_CRISIS_SERVICE in block.lower()


def test_direct_hulp_and_the_crisis_block_share_one_warning(client: Any) -> None:
    page = client.get(reverse("portal:help")).content.decode()
    assert NOT_A_CRISIS_SERVICE in page.lower()


@pytest.mark.parametrize("slug", ["mentale-fitheid", "mirror"])
def test_the_start_page_says_this_is_the_platforms_own_version(client: Any, slug: str) -> None:
    text = client.get(reverse("selftests:run", args=[slug])).content.decode()
    assert OWN_VERSION in text
    assert "eigen versie" in text and "licentie" in text


def test_the_result_says_this_is_the_platforms_own_version(client: Any, fitheid: Instrument) -> None:
    text = client.post(reverse("selftests:result", args=[fitheid.slug]), lowest(fitheid)).text
    assert OWN_VERSION in text


def test_a_licensed_drop_in_is_not_called_the_platforms_own_version(
    client: Any, example_instrument: Instrument
) -> None:
    text = client.get(reverse("selftests:run", args=[example_instrument.slug])).content.decode()
    assert OWN_VERSION not in text
    assert example_instrument.license["holder"] in text


def test_the_mental_check_up_advice_names_an_hour_with_a_psychologist(fitheid: Instrument) -> None:
    advice = next(rule for rule in fitheid.advice if rule.id == "verhoogd-check-up")
    assert "ongeveer een uur" in advice.text.nl and "psycholoog" in advice.text.nl
