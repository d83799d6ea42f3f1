"""Bad input on the request and line forms is refused with a Dutch message at the field."""

from __future__ import annotations

from typing import Any

import pytest

from confidential import services
from confidential.models import Request
from confidential.tests.factories import mediator, role_holder, unit_with_team
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def _error_at(response: Any, field: str, message: str) -> None:
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}-error"' in page and message in page


def test_an_mcu_message_over_2000_characters_is_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    response = client.post("/waar-kan-ik-terecht/verzoeken/mental-check-up/", {"message": "x" * 2001})
    _error_at(response, "message", "Houd het kort: hoogstens 2000 tekens.")
    assert not Request.objects.exists()


def test_a_mediation_with_an_unknown_employee_number_or_no_topic_is_refused_at_the_field(
    organisation: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    response = client.post("/waar-kan-ik-terecht/verzoeken/mediation/", {"other_party": "000000", "topic": ""})
    _error_at(response, "other_party", "We vinden geen collega met dit personeelsnummer.")
    _error_at(response, "topic", "Schrijf in één zin waar het over gaat.")
    assert not Request.objects.exists()


def test_a_consent_without_an_answer_is_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    mediator(unit_with_team("c"), "mediator-c")
    other = organisation.people[Role.HR_ANALIST]
    request = services.mediation_request(
        person=organisation.people[Role.MEDEWERKER], actor=None, other_party=other, topic="Samenwerking"
    )
    response = login_as(other.user).post(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/toestemming/", {})
    _error_at(response, "answer", "Kies of je mee wilt doen.")


def test_a_heavy_team_outside_the_psychologists_units_is_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    psychologist = role_holder(organisation.team, "psy-a", Role.EENHEIDSPSYCHOLOOG)
    elsewhere = unit_with_team("b")
    response = login_as(psychologist.user).post(
        "/waar-kan-ik-terecht/verzoeken/zwaarbelaste-teams/", {"team": elsewhere.pk}
    )
    _error_at(response, "team", "Kies een team uit de lijst.")


def test_two_different_passphrases_are_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.VERTROUWENSPERSOON])
    response = client.post(
        "/waar-kan-ik-terecht/anoniem/sleutel/",
        {"passphrase": "vier losse woorden hier", "repeat": "vier andere woorden hier"},
    )
    _error_at(response, "repeat", "De twee wachtzinnen zijn niet gelijk.")
