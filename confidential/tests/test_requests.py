"""Requests without the manager: an MCU goes to the psychologists of the unit and never to the
manager; a mediation never gets a mediator from either party's unit; a named vertrouwenspersoon
request lets the employee choose (and change) what they want; every read is audited and shown to
the requester, while managers, HR analists and the functioneel beheerder get 404."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from confidential import selectors, services
from confidential.constants import RequestKind, RequestStatus, SupportOption
from confidential.models import Request
from confidential.tests.factories import employee, mediator, role_holder, unit_with_team
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def _mcu(org: Any) -> Request:
    person = org.people[Role.MEDEWERKER]
    return services.mcu_request(person=person, actor=person.user, message="Het is zwaar sinds de schietpartij.")


def test_an_mcu_request_goes_to_the_psychologists_of_the_unit_and_not_to_the_manager(
    organisation: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    response = client.post("/waar-kan-ik-terecht/verzoeken/mental-check-up/", {"message": "Graag een gesprek."})
    request = Request.objects.get()
    assert response.status_code == 302 and request.kind == RequestKind.MCU
    assert request.unit == organisation.unit and request.status == RequestStatus.NEW
    psychologist = organisation.users[Role.EENHEIDSPSYCHOLOOG]
    assert list(selectors.inbox(psychologist, RequestKind.MCU)) == [request]
    manager = organisation.users[Role.LEIDINGGEVENDE]
    assert not selectors.visible_requests(manager).exists()
    assert login_as(manager).get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/").status_code == 404


def test_a_psychologist_of_another_unit_does_not_see_the_mcu(organisation: Any) -> None:
    request = _mcu(organisation)
    elsewhere = role_holder(unit_with_team("b"), "psy-b", Role.EENHEIDSPSYCHOLOOG)
    assert selectors.request_for(elsewhere.user, request.pk) is None


def test_the_employee_sees_the_status_and_the_appointment(organisation: Any, login_as: Any) -> None:
    request = _mcu(organisation)
    psychologist = organisation.users[Role.EENHEIDSPSYCHOLOOG]
    when = timezone.localtime() + timedelta(days=3)
    response = login_as(psychologist).post(
        f"/waar-kan-ik-terecht/verzoeken/{request.pk}/afspraak/",
        {"appointment_at": when.strftime("%Y-%m-%dT%H:%M"), "place": "Kamer 2.14"},
    )
    assert response.status_code == 302
    page = login_as(organisation.users[Role.MEDEWERKER]).get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/")
    text = page.content.decode()
    assert "Afspraak gemaakt" in text and "Kamer 2.14" in text
    assert organisation.people[Role.EENHEIDSPSYCHOLOOG].full_name in text


def test_an_appointment_in_the_past_is_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    request = _mcu(organisation)
    response = login_as(organisation.users[Role.EENHEIDSPSYCHOLOOG]).post(
        f"/waar-kan-ik-terecht/verzoeken/{request.pk}/afspraak/",
        {"appointment_at": "2020-01-01T10:00", "place": "Kamer 1"},
    )
    assert 'id="id_appointment_at-error"' in response.content.decode()
    assert "Kies een moment in de toekomst." in response.content.decode()


def test_a_second_open_mcu_is_refused_with_a_message(organisation: Any, login_as: Any) -> None:
    _mcu(organisation)
    response = login_as(organisation.users[Role.MEDEWERKER]).post("/waar-kan-ik-terecht/verzoeken/mental-check-up/")
    assert "al een Mental Check Up aangevraagd" in response.content.decode()
    assert Request.objects.count() == 1


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.HR_ANALIST, Role.FUNCTIONEEL_BEHEERDER])
def test_managers_hr_analists_and_functional_admins_get_404_on_every_kind_of_request(
    organisation: Any, login_as: Any, role: str
) -> None:
    person = organisation.people[Role.MEDEWERKER]
    vp = organisation.people[Role.VERTROUWENSPERSOON]
    other_team = unit_with_team("x")
    mediator(unit_with_team("m"), "mediator-m")
    requests = [
        _mcu(organisation),
        services.vertrouwenspersoon_request(person=person, actor=None, vertrouwenspersoon=vp, options=["luisteren"]),
        services.mediation_request(person=person, actor=None, other_party=employee(other_team, "ander"), topic="Ruzie"),
    ]
    client = login_as(organisation.users[role])
    for request in requests:
        assert client.get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/").status_code == 404


def test_every_read_is_audited_and_the_requester_sees_who_read_it(organisation: Any, login_as: Any) -> None:
    request = _mcu(organisation)
    login_as(organisation.users[Role.EENHEIDSPSYCHOLOOG]).get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/")
    reads = AuditEvent.objects.filter(action=AuditAction.READ, object_type="confidential.request")
    assert reads.count() == 1 and reads.get().actor == organisation.users[Role.EENHEIDSPSYCHOLOOG]
    page = login_as(organisation.users[Role.MEDEWERKER]).get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/")
    table = page.content.decode().split('data-testid="reads"')[1]
    assert organisation.people[Role.EENHEIDSPSYCHOLOOG].full_name in table
    assert "Jijzelf" in table  # the requester's own read is in the trail too


# --- Vertrouwenspersoon ---------------------------------------------------------------------------


def test_a_named_request_reaches_only_that_vertrouwenspersoon(organisation: Any) -> None:
    team = organisation.team
    other_vp = role_holder(team, "vp-twee", Role.VERTROUWENSPERSOON)
    person = organisation.people[Role.MEDEWERKER]
    request = services.vertrouwenspersoon_request(
        person=person, actor=None, vertrouwenspersoon=other_vp, options=["luisteren", "teamchef"]
    )
    assert selectors.request_for(other_vp.user, request.pk) == request
    assert selectors.request_for(organisation.users[Role.VERTROUWENSPERSOON], request.pk) is None


def test_the_employee_can_choose_a_vertrouwenspersoon_of_another_unit(organisation: Any, login_as: Any) -> None:
    elsewhere = role_holder(unit_with_team("b"), "vp-b", Role.VERTROUWENSPERSOON)
    client = login_as(organisation.users[Role.MEDEWERKER])
    assert "vp-b" not in client.get("/waar-kan-ik-terecht/verzoeken/vertrouwenspersoon/").content.decode()
    assert "vp-b" in client.get("/waar-kan-ik-terecht/verzoeken/vertrouwenspersoon/?eenheid=alle").content.decode()
    response = client.post(
        "/waar-kan-ik-terecht/verzoeken/vertrouwenspersoon/",
        {"eenheid": "alle", "vertrouwenspersoon": elsewhere.pk, "options": ["dialoog"]},
    )
    request = Request.objects.get()
    assert response.status_code == 302 and request.handler == elsewhere and request.unit == elsewhere.team.unit


def test_the_menu_choice_is_required_and_can_be_changed_later(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    vp = organisation.people[Role.VERTROUWENSPERSOON]
    page = client.post("/waar-kan-ik-terecht/verzoeken/vertrouwenspersoon/", {"vertrouwenspersoon": vp.pk})
    assert 'id="id_options-error"' in page.content.decode() and not Request.objects.exists()
    client.post(
        "/waar-kan-ik-terecht/verzoeken/vertrouwenspersoon/", {"vertrouwenspersoon": vp.pk, "options": ["luisteren"]}
    )
    request = Request.objects.get()
    client.post(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/keuzes/", {"options": ["verwijzen", "klacht"]})
    request.refresh_from_db()
    assert request.support_options == [SupportOption.REFERRAL, SupportOption.COMPLAINT]


# --- Mediation ------------------------------------------------------------------------------------


def test_parties_both_in_unit_a_never_get_a_mediator_of_unit_a(organisation: Any) -> None:
    team_a = organisation.team
    for n in range(3):
        mediator(team_a, f"mediator-a{n}")
    outside = mediator(unit_with_team("c"), "mediator-c")
    person, other = organisation.people[Role.MEDEWERKER], organisation.people[Role.HR_ANALIST]
    request = services.mediation_request(person=person, actor=None, other_party=other, topic="Samenwerking")
    request = services.mediation_answer(request=request, actor=other.user, agree=True)
    assert request.handler == outside


def test_a_mediator_of_the_other_partys_unit_is_not_assigned_either(organisation: Any) -> None:
    team_b = unit_with_team("b")
    mediator(team_b, "mediator-b")
    outside = mediator(unit_with_team("c"), "mediator-c")
    person, other = organisation.people[Role.MEDEWERKER], employee(team_b, "collega-b")
    request = services.mediation_request(person=person, actor=None, other_party=other, topic="Samenwerking")
    assert services.mediation_answer(request=request, actor=other.user, agree=True).handler == outside


def test_without_an_outside_mediator_the_request_is_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    mediator(organisation.team, "mediator-a")  # only one of the own unit
    other = organisation.people[Role.HR_ANALIST]
    response = login_as(organisation.users[Role.MEDEWERKER]).post(
        "/waar-kan-ik-terecht/verzoeken/mediation/", {"other_party": other.employee_number, "topic": "Samenwerking"}
    )
    text = response.content.decode()
    assert 'id="id_other_party-error"' in text and "geen mediator beschikbaar" in text
    assert not Request.objects.exists()


def test_the_other_party_is_asked_for_consent_and_may_decline(organisation: Any, login_as: Any) -> None:
    mediator(unit_with_team("c"), "mediator-c")
    other = organisation.people[Role.HR_ANALIST]
    request = services.mediation_request(
        person=organisation.people[Role.MEDEWERKER], actor=None, other_party=other, topic="Samenwerking"
    )
    client = login_as(other.user)
    page = client.get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/").content.decode()
    assert "Doe je mee?" in page
    client.post(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/toestemming/", {"answer": "nee"})
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED and request.handler is None


def test_the_mediator_sees_only_what_the_parties_shared(organisation: Any, login_as: Any) -> None:
    outside = mediator(unit_with_team("c"), "mediator-c")
    person, other = organisation.people[Role.MEDEWERKER], organisation.people[Role.HR_ANALIST]
    _mcu(organisation)  # the requester's other request stays out of the mediator's sight
    request = services.mediation_request(
        person=person, actor=None, other_party=other, topic="Samenwerking", message="Alleen voor de mediator: A."
    )
    other_page = login_as(other.user).get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/").content.decode()
    assert "Alleen voor de mediator: A." not in other_page
    services.mediation_answer(request=request, actor=other.user, agree=True, message="Alleen voor de mediator: B.")
    client = login_as(outside.user)
    page = client.get(f"/waar-kan-ik-terecht/verzoeken/{request.pk}/").content.decode()
    assert "Samenwerking" in page and "Alleen voor de mediator: A." in page and "Alleen voor de mediator: B." in page
    assert person.employee_number not in page and "Het is zwaar" not in page
    assert [r.pk for r in selectors.visible_requests(outside.user)] == [request.pk]


def test_the_api_lists_only_the_employees_own_requests(organisation: Any, login_as: Any) -> None:
    request = _mcu(organisation)
    mine = login_as(organisation.users[Role.MEDEWERKER]).get("/api/v1/mijn-verzoeken/").json()
    assert [(r["id"], r["soort"], r["status"]) for r in mine] == [(request.pk, "mcu", "nieuw")]
    assert login_as(organisation.users[Role.EENHEIDSPSYCHOLOOG]).get("/api/v1/mijn-verzoeken/").json() == []


def test_the_inbox_list_counts_as_a_read_of_each_request_shown(organisation: Any, login_as: Any) -> None:
    request = _mcu(organisation)
    login_as(organisation.users[Role.EENHEIDSPSYCHOLOOG]).get("/waar-kan-ik-terecht/verzoeken/postvak/")
    reads = AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="confidential.request", object_id=str(request.pk)
    )
    assert (
        reads.count() == 1
        and reads.get().subject_employee_number == organisation.people[Role.MEDEWERKER].employee_number
    )
