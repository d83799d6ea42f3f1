"""Values dialogues: at most 15 participants, exactly two trained facilitators from outside the
requesting team, refused at the field; the anonymous evaluation shows only above the threshold."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import anonymity
from organisation.constants import Role
from organisation.tests.factories import PersonFactory
from teamcare import services
from teamcare.constants import DialogueStatus, TrainingStatus
from teamcare.forms import DialoguePlanForm, FacilitatorForm
from teamcare.models import Dialogue, Evaluation, Facilitator, Invitation
from teamcare.tests.factories import DialogueFactory, FacilitatorFactory

pytestmark = pytest.mark.django_db


def _form(dialogue: Dialogue, participants: list[Any], facilitators: list[Facilitator]) -> DialoguePlanForm:
    from teamcare import selectors

    data = {
        "starts_at": (timezone.localtime() + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Bureau Noord",
        "participants": [p.pk for p in participants],
        "facilitators": [f.pk for f in facilitators],
    }
    return DialoguePlanForm(
        data,
        people=selectors.team_people(dialogue.team_id),
        pool=selectors.facilitator_pool(),
        team_id=dialogue.team_id,
    )


@pytest.fixture
def dialogue(organisation: Any) -> Dialogue:
    return DialogueFactory.create(team=organisation.team, requested_by=organisation.users[Role.LEIDINGGEVENDE])


@pytest.fixture
def pool(organisation: Any) -> list[Facilitator]:
    return [FacilitatorFactory.create(person=PersonFactory.create(team=organisation.other_team)) for _ in range(3)]


def test_sixteen_participants_are_refused_at_the_field(dialogue: Dialogue, pool: list[Facilitator]) -> None:
    people = [PersonFactory.create(team=dialogue.team) for _ in range(16)]
    form = _form(dialogue, people, pool[:2])
    assert not form.is_valid()
    assert form.errors["participants"] == ["Een gesprek heeft hoogstens 15 deelnemers."]
    assert _form(dialogue, people[:15], pool[:2]).is_valid()


def test_one_facilitator_is_refused_at_the_field(dialogue: Dialogue, pool: list[Facilitator]) -> None:
    form = _form(dialogue, [PersonFactory.create(team=dialogue.team)], pool[:1])
    assert not form.is_valid()
    assert form.errors["facilitators"] == ["Kies precies twee procesbegeleiders."]


def test_a_facilitator_from_the_requesting_team_is_refused_at_the_field(
    dialogue: Dialogue, pool: list[Facilitator]
) -> None:
    insider = FacilitatorFactory.create(person=PersonFactory.create(team=dialogue.team))
    form = _form(dialogue, [PersonFactory.create(team=dialogue.team)], [pool[0], insider])
    assert not form.is_valid()
    assert form.errors["facilitators"] == ["Een procesbegeleider komt niet uit het team dat het gesprek aanvraagt."]


def test_an_untrained_facilitator_is_refused(dialogue: Dialogue, pool: list[Facilitator]) -> None:
    trainee = FacilitatorFactory.create(
        person=PersonFactory.create(), training=TrainingStatus.IN_OPLEIDING, trained_on=None
    )
    form = _form(dialogue, [PersonFactory.create(team=dialogue.team)], [pool[0], trainee])
    assert not form.is_valid()
    assert "facilitators" in form.errors


def test_a_facilitator_with_an_unknown_number_or_no_training_date_is_refused_at_the_field(organisation: Any) -> None:
    form = FacilitatorForm({"employee_number": "ONBEKEND", "training": TrainingStatus.GETRAIND})
    assert form.errors["employee_number"] == ["Er is geen medewerker in dienst met dit personeelsnummer."]
    assert form.errors["trained_on"] == ["Vul in wanneer de training is afgerond."]


def test_the_service_refuses_too_what_the_form_refuses(dialogue: Dialogue, pool: list[Facilitator]) -> None:
    with pytest.raises(services.DialogueRefused):
        services.dialogue_confirm(
            dialogue=dialogue,
            actor=None,
            starts_at=timezone.now(),
            place="x",
            participants=[PersonFactory.create(team=dialogue.team)],
            facilitators=pool[:1],
        )
    dialogue.refresh_from_db()
    assert dialogue.status == DialogueStatus.AANGEVRAAGD


def test_the_hr_adviser_plans_and_invites_through_the_page(
    organisation: Any, dialogue: Dialogue, pool: list[Facilitator], login_as: Any
) -> None:
    participant = PersonFactory.create(team=dialogue.team)
    data = {
        "starts_at": (timezone.localtime() + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Bureau Noord",
        "participants": [participant.pk],
        "facilitators": [pool[0].pk, pool[1].pk],
    }
    response = login_as(organisation.users[Role.HR_ADVISEUR]).post(
        reverse("teamcare:dialogue", args=[dialogue.pk]), data
    )
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.status == DialogueStatus.BEVESTIGD
    assert list(Invitation.objects.values_list("person_id", flat=True)) == [participant.pk]


def test_the_planned_dialogue_page_reads_the_invited_people_in_one_query(
    organisation: Any, dialogue: Dialogue, pool: list[Facilitator], login_as: Any
) -> None:
    invited = [PersonFactory.create(team=dialogue.team) for _ in range(6)]
    services.dialogue_confirm(
        dialogue=dialogue,
        actor=organisation.users[Role.HR_ADVISEUR],
        starts_at=timezone.now() + dt.timedelta(days=7),
        place="Bureau Noord",
        participants=invited,
        facilitators=pool[:2],
    )
    client = login_as(organisation.users[Role.HR_ADVISEUR])
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("teamcare:dialogue", args=[dialogue.pk]))
    assert page.status_code == 200 and pool[0].person.full_name in page.content.decode()
    # Not one query per invited person or facilitator.
    people = [q for q in queries.captured_queries if q["sql"].startswith('SELECT "organisation_person"')]
    assert len(people) <= 4


def test_a_name_with_markup_characters_is_shown_as_text(
    organisation: Any, dialogue: Dialogue, pool: list[Facilitator], login_as: Any
) -> None:
    pool[0].person.last_name = "van 't Erve <b>"
    pool[0].person.save()
    services.dialogue_confirm(
        dialogue=dialogue,
        actor=organisation.users[Role.HR_ADVISEUR],
        starts_at=timezone.now() + dt.timedelta(days=7),
        place="Bureau Noord",
        participants=[PersonFactory.create(team=dialogue.team)],
        facilitators=pool[:2],
    )
    page = login_as(organisation.users[Role.HR_ADVISEUR]).get(reverse("teamcare:dialogue", args=[dialogue.pk]))
    text = page.content.decode()
    assert "van &#x27;t Erve &lt;b&gt;" in text and "Erve <b>" not in text


def test_the_requesting_chief_cannot_plan(
    organisation: Any, dialogue: Dialogue, pool: list[Facilitator], login_as: Any
) -> None:
    response = login_as(organisation.users[Role.LEIDINGGEVENDE]).post(
        reverse("teamcare:dialogue", args=[dialogue.pk]), {"place": "x"}
    )
    assert response.status_code == 404


def test_the_evaluation_shows_only_from_the_threshold_on_and_is_anonymous(dialogue: Dialogue) -> None:
    from teamcare import selectors

    people = [PersonFactory.create(team=dialogue.team) for _ in range(anonymity.threshold())]
    invitations = [Invitation.objects.create(dialogue=dialogue, person=p) for p in people]
    for invitation in invitations[:-1]:
        assert services.evaluation_submit(invitation=invitation, openness=4, usefulness=5)
    assert selectors.evaluation_summary(dialogue) is None
    assert services.evaluation_submit(invitation=invitations[-1], openness=2, usefulness=5)
    summary = selectors.evaluation_summary(dialogue)
    assert summary is not None and summary["n"] == anonymity.threshold()
    assert not services.evaluation_submit(invitation=invitations[0], openness=1, usefulness=1)  # once per invitation
    assert Evaluation.objects.count() == anonymity.threshold()
    assert {f.name for f in Evaluation._meta.get_fields()} == {"id", "dialogue", "openness", "usefulness"}


def test_only_an_invited_person_evaluates_and_only_after_the_dialogue(
    organisation: Any, dialogue: Dialogue, login_as: Any
) -> None:
    me = organisation.people[Role.MEDEWERKER]
    dialogue.status, dialogue.starts_at = DialogueStatus.BEVESTIGD, timezone.now() + dt.timedelta(days=1)
    dialogue.save()
    Invitation.objects.create(dialogue=dialogue, person=me)
    client = login_as(organisation.users[Role.MEDEWERKER])
    url = reverse("teamcare:evaluate", args=[dialogue.pk])
    assert client.get(url).status_code == 404
    Dialogue.objects.filter(pk=dialogue.pk).update(starts_at=timezone.now() - dt.timedelta(hours=2))
    assert client.post(url, {"openness": "4", "usefulness": "3"}).status_code == 302
    assert Evaluation.objects.count() == 1
