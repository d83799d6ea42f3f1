"""Blauw Hart (the receiver decides what the manager sees), Eremedaille nominations routed to the
unit's leadership with the status visible to the nominator, and the WEP Team Award nomination."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from core.models import AuditAction, AuditEvent
from organisation.constants import NodeKind, Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory, RoleAssignmentFactory, UserFactory
from recognition.constants import NominationStatus
from recognition.models import BlueHeart, MedalNomination, TeamAwardNomination

pytestmark = pytest.mark.django_db


def test_a_blue_heart_is_visible_to_the_receiver_and_to_the_manager_only_after_the_receiver_allowed_it(
    organisation: Any, login_as: Any, client: Any
) -> None:
    receiver = organisation.people[Role.MEDEWERKER]
    receiver.employee_number = "777001"
    receiver.save()
    login_as(organisation.users[Role.BMW])
    client.post(reverse("recognition:blue_heart_send"), {"colleague": "777001", "message": "Top opgevangen gisteren!"})
    heart = BlueHeart.objects.get()
    assert heart.receiver == receiver and heart.shared_with_manager is False

    login_as(organisation.users[Role.MEDEWERKER])
    assert "Top opgevangen gisteren!" in client.get(reverse("recognition:blue_hearts")).content.decode()

    login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert "Top opgevangen gisteren!" not in client.get(reverse("recognition:team")).content.decode()

    login_as(organisation.users[Role.MEDEWERKER])
    client.post(reverse("recognition:blue_heart_share", args=[heart.pk]), {"delen": "ja"})

    login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert "Top opgevangen gisteren!" in client.get(reverse("recognition:team")).content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.READ, subject_employee_number="777001").exists()
    # The manager cannot share or unshare it themself: it is not theirs.
    assert client.post(reverse("recognition:blue_heart_share", args=[heart.pk]), {"delen": "nee"}).status_code == 404


def test_a_blue_heart_for_an_unknown_colleague_or_yourself_is_refused_at_the_field(
    organisation: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    me = organisation.people[Role.MEDEWERKER]
    for colleague, message in (
        ("999999", "We vinden geen collega in dienst met dit personeelsnummer of e-mailadres."),
        (me.employee_number, "Kies een collega, niet jezelf."),
    ):
        response = client.post(reverse("recognition:blue_heart_send"), {"colleague": colleague, "message": "Dank"})
        assert response.status_code == 200
        assert response.context["form"].errors["colleague"] == [message]
    assert not BlueHeart.objects.exists()


def test_an_eremedaille_nomination_goes_to_the_unit_leadership_and_the_nominator_sees_its_status(
    organisation: Any, login_as: Any, client: Any
) -> None:
    nominee = organisation.people["outsider"]
    # A leidinggevende of a node below a top node is not the unit's leadership.
    sub_node = OrgNodeFactory(unit=organisation.unit, parent=organisation.team, kind=NodeKind.TEAM)
    sub_lead = UserFactory(username="sub-lead")
    PersonFactory(user=sub_lead, team=sub_node)
    RoleAssignmentFactory(user=sub_lead, role=Role.LEIDINGGEVENDE, node=sub_node)

    login_as(organisation.users[Role.MEDEWERKER])
    response = client.post(
        reverse("recognition:medal_nominate"), {"colleague": nominee.employee_number, "reason": "Redde twee mensen."}
    )
    assert response.status_code == 302
    nomination = MedalNomination.objects.get()
    assert nomination.unit == organisation.unit and nomination.status == NominationStatus.SUBMITTED

    login_as(sub_lead)
    assert client.get(reverse("recognition:nomination", args=[nomination.pk])).status_code == 404

    login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert nominee.full_name in client.get(reverse("recognition:unit_nominations")).content.decode()
    client.post(reverse("recognition:nomination", args=[nomination.pk]), {"status": NominationStatus.IN_REVIEW})
    client.post(reverse("recognition:nomination", args=[nomination.pk]), {"status": NominationStatus.FORWARDED})

    login_as(organisation.users[Role.MEDEWERKER])
    page = client.get(reverse("recognition:my_nominations")).content.decode()
    assert "Voorgedragen voor de Eremedaille" in page


def test_a_status_that_cannot_follow_is_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    nomination = MedalNomination.objects.create(
        nominator=organisation.people[Role.MEDEWERKER],
        nominee=organisation.people["outsider"],
        unit=organisation.unit,
        reason="x",
    )
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.post(
        reverse("recognition:nomination", args=[nomination.pk]), {"status": NominationStatus.FORWARDED}
    )
    assert "status" in response.context["form"].errors
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SUBMITTED


def test_a_leader_does_not_see_a_nomination_of_themself(organisation: Any, login_as: Any) -> None:
    nomination = MedalNomination.objects.create(
        nominator=organisation.people[Role.MEDEWERKER],
        nominee=organisation.people[Role.LEIDINGGEVENDE],
        unit=organisation.unit,
        reason="x",
    )
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert client.get(reverse("recognition:nomination", args=[nomination.pk])).status_code == 404


def test_a_team_award_nomination_names_a_team_from_the_tree(organisation: Any, login_as: Any, client: Any) -> None:
    login_as(organisation.users[Role.MEDEWERKER])
    response = client.post(
        reverse("recognition:team_award_nominate"), {"team": organisation.other_team.pk, "reason": "Geweldig werk."}
    )
    assert response.status_code == 302
    assert TeamAwardNomination.objects.get().team == organisation.other_team
    login_as(organisation.users[Role.INHOUDSBEHEERDER])
    assert "Geweldig werk." in client.get(reverse("recognition:team_awards")).content.decode()


def test_the_editor_adds_an_edition_and_the_history_keeps_the_first(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.INHOUDSBEHEERDER])
    form = client.get(reverse("recognition:page_edit", args=["blauw-hart"])).context["form"]
    data = {**form.initial, "summary": "Een nieuwe samenvatting."}
    client.post(reverse("recognition:page_edit", args=["blauw-hart"]), data)
    history = client.get(reverse("recognition:page_history", args=["blauw-hart"]))
    assert [edition.edition for edition in history.context["editions"]] == [2, 1]
    login_as(organisation.users[Role.MEDEWERKER])
    assert "Een nieuwe samenvatting." in client.get(reverse("recognition:page", args=["blauw-hart"])).content.decode()


def test_a_shared_blue_heart_reaches_the_receivers_own_manager_not_every_leader_above(
    organisation: Any, login_as: Any, client: Any
) -> None:
    from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

    receiver = organisation.people[Role.MEDEWERKER]
    heart = BlueHeart.objects.create(
        sender=organisation.people[Role.BMW], receiver=receiver, message="Dank je wel!", shared_with_manager=True
    )
    unit_leader: Any = PersonFactory(team=organisation.other_team, user=UserFactory())
    RoleAssignmentFactory(user=unit_leader.user, role=Role.LEIDINGGEVENDE, node=organisation.team)
    login_as(unit_leader.user)
    assert heart.message not in client.get(reverse("recognition:team")).content.decode()
    login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert heart.message in client.get(reverse("recognition:team")).content.decode()


def test_a_team_award_nomination_without_a_team_or_reason_is_refused_at_the_fields(
    organisation: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    response = client.post(reverse("recognition:team_award_nominate"), {"team": "999999", "reason": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["team"] == ["Kies een team uit de lijst."]
    assert errors["reason"] == ["Schrijf op waarom je dit team voordraagt."]
    assert not TeamAwardNomination.objects.exists()


def test_a_page_edit_without_a_title_is_refused_at_the_field_and_adds_no_edition(
    organisation: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.INHOUDSBEHEERDER])
    form = client.get(reverse("recognition:page_edit", args=["blauw-hart"])).context["form"]
    response = client.post(reverse("recognition:page_edit", args=["blauw-hart"]), {**form.initial, "title": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == ["Dit veld is vereist."]
    history = client.get(reverse("recognition:page_history", args=["blauw-hart"]))
    assert [edition.edition for edition in history.context["editions"]] == [1]
