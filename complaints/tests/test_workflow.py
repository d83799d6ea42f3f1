"""The transition table, its conditions and the append-only history."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import pytest
from django.utils import timezone

from complaints import services, workflow
from complaints.constants import EXIT_STAGES, FINAL_STAGES, Channel, ContactKind, ContactOutcome, Stage
from complaints.models import StageChange
from complaints.tests import factories
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def test_every_open_stage_may_leave_by_every_exit_and_final_stages_go_nowhere() -> None:
    for stage, allowed in workflow.TRANSITIONS.items():
        if stage in FINAL_STAGES:
            assert allowed == frozenset(), stage
        else:
            assert allowed >= EXIT_STAGES, stage


def test_the_main_road_leads_from_received_to_closed() -> None:
    road = [Stage.RECEIVED, Stage.INFORMAL, Stage.INTAKE, Stage.MEDIATION_OFFERED, Stage.MEDIATION_REFUSED,
            Stage.VIEWS_REQUESTED, Stage.VIEWS_RECEIVED, Stage.COMMITTEE, Stage.DECISION, Stage.COMMUNICATED,
            Stage.CLOSED]  # fmt: skip
    for here, there in pairwise(road):
        assert there in workflow.TRANSITIONS[here], (here, there)


def test_a_move_records_who_when_from_to_and_the_note(organisation: Any) -> None:
    complaint = factories.complaint(organisation)
    services.complaint_move(
        complaint=complaint, actor=organisation.users[Role.KLACHTBEHANDELAAR], to_stage=Stage.INFORMAL, note="Gebeld"
    )
    last = complaint.history.last()
    assert last is not None
    assert (last.from_stage, last.to_stage, last.note) == (Stage.RECEIVED, Stage.INFORMAL, "Gebeld")
    assert last.actor == organisation.users[Role.KLACHTBEHANDELAAR]


def test_the_history_is_append_only(organisation: Any) -> None:
    change = factories.complaint(organisation).history.get()
    change.note = "achteraf"
    with pytest.raises(ValueError, match="append-only"):
        change.save()


def test_a_move_outside_the_table_is_refused(organisation: Any) -> None:
    complaint = factories.complaint(organisation)
    with pytest.raises(workflow.TransitionNotAllowed):
        services.complaint_move(complaint=complaint, actor=None, to_stage=Stage.DECISION)
    assert StageChange.objects.filter(complaint=complaint).count() == 1


def test_a_closed_complaint_cannot_move_or_be_added_to(organisation: Any) -> None:
    complaint = factories.move(organisation, factories.complaint(organisation), Stage.WITHDRAWN)
    assert complaint.closed_at is not None
    with pytest.raises(workflow.TransitionNotAllowed):
        services.complaint_move(complaint=complaint, actor=None, to_stage=Stage.INTAKE)
    with pytest.raises(workflow.TransitionNotAllowed):
        services.element_add(complaint=complaint, actor=None, category=factories.category(), summary="x")


def _attempt(complaint: Any, kind: str, outcome: str = ContactOutcome.NO_REPLY) -> None:
    services.contact_attempt_add(complaint=complaint, actor=None, kind=kind, on=date(2024, 3, 1), outcome=outcome)


def test_considered_withdrawn_is_refused_until_the_configured_attempts_are_logged(organisation: Any) -> None:
    complaint = factories.move(organisation, factories.complaint(organisation), Stage.INTAKE)
    for kind in (ContactKind.CALL, ContactKind.CALL, ContactKind.SMS, ContactKind.MAIL):
        _attempt(complaint, kind)
    _attempt(complaint, ContactKind.CALL, ContactOutcome.REACHED)  # a call that was answered does not count
    with pytest.raises(workflow.TransitionNotAllowed, match="gebeld: 1"):
        services.complaint_move(complaint=complaint, actor=None, to_stage=Stage.CONSIDERED_WITHDRAWN)
    _attempt(complaint, ContactKind.CALL)
    moved = services.complaint_move(complaint=complaint, actor=None, to_stage=Stage.CONSIDERED_WITHDRAWN)
    assert moved.stage == Stage.CONSIDERED_WITHDRAWN


def test_the_required_attempts_come_from_the_setting(organisation: Any, settings: Any) -> None:
    settings.COMPLAINTS_CONTACT_ATTEMPTS_REQUIRED = {"call": 1, "sms": 0, "mail": 0}
    complaint = factories.complaint(organisation)
    _attempt(complaint, ContactKind.CALL)
    moved = services.complaint_move(complaint=complaint, actor=None, to_stage=Stage.CONSIDERED_WITHDRAWN)
    assert moved.stage == Stage.CONSIDERED_WITHDRAWN


def test_considered_withdrawn_is_refused_at_the_stage_field_of_the_page(organisation: Any, login_as: Any) -> None:
    complaint = factories.move(organisation, factories.complaint(organisation), Stage.INTAKE)
    client = login_as(organisation.users[Role.KLACHTBEHANDELAAR])
    response = client.post(
        f"/klachten/{complaint.pk}/fase/",
        {"version": complaint.version, "to_stage": Stage.CONSIDERED_WITHDRAWN, "note": ""},
    )
    assert response.status_code == 200
    errors = response.context["move_form"].errors
    assert "to_stage" in errors and "contactpogingen" in errors["to_stage"][0]
    assert 'id="id_to_stage-error"' in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.stage == Stage.INTAKE


def test_the_committee_needs_elements_and_the_decision_needs_advice_on_each(organisation: Any) -> None:
    bare = factories.move(organisation, factories.complaint(organisation, elements=0), Stage.INTAKE)
    with pytest.raises(workflow.TransitionNotAllowed, match="klachtonderdelen"):
        services.complaint_move(complaint=bare, actor=None, to_stage=Stage.COMMITTEE)
    two = factories.to_committee(organisation, factories.complaint(organisation, elements=2))
    with pytest.raises(workflow.TransitionNotAllowed, match="advies"):
        services.complaint_move(complaint=two, actor=None, to_stage=Stage.DECISION)


def test_a_stale_form_is_refused(organisation: Any) -> None:
    complaint = factories.complaint(organisation)
    old = complaint.version
    factories.move(organisation, complaint, Stage.INTAKE)
    with pytest.raises(services.StaleComplaint):
        services.complaint_move(complaint=complaint, actor=None, to_stage=Stage.INFORMAL, version=old)


def test_registering_with_bad_input_shows_the_message_at_each_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.KLACHTCOORDINATOR])
    response = client.post(
        "/klachten/nieuw/",
        {
            "received_on": (timezone.localdate() + timedelta(days=1)).isoformat(),
            "unit": organisation.unit.pk,
            "channel": Channel.DIRECT,
            "respondent_numbers": "999999",
            "content": "Een klacht.",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["received_on"] == ["Deze datum ligt in de toekomst."]
    assert errors["respondent_numbers"] == ["Onbekend personeelsnummer: 999999."]
    assert errors["complainant_number"] == ["Vul het personeelsnummer of de naam van de klager in."]
    response = client.post("/klachten/nieuw/", {"complainant_number": "999999", "content": ""})
    errors = response.context["form"].errors
    assert errors["complainant_number"] == ["Er is geen medewerker met dit personeelsnummer."]
    assert errors["content"] == ["Beschrijf waar de klacht over gaat."]
    assert 'id="id_complainant_number-error"' in response.content.decode()
