"""No table links a person to a response; answering leaves no trace of who or when."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from core.models import AuditEvent
from monitor import jobs, tokens
from monitor.models import Invitation, PendingResponse, Response, ScaleScore
from monitor.tests import factories
from organisation.models import Person

pytestmark = pytest.mark.django_db

#: Models that hold answers or the trace of an invitation.
SURVEY_MODELS = (Invitation, PendingResponse, Response, ScaleScore)


def _targets(model: type[models.Model]) -> set[type[models.Model]]:
    return {field.related_model for field in model._meta.get_fields() if field.is_relation and field.related_model}


def test_no_survey_table_references_a_person_an_account_or_each_other() -> None:
    forbidden = {Person, get_user_model()}
    for model in SURVEY_MODELS:
        targets = _targets(model)
        assert not targets & forbidden, f"{model.__name__} links to a person or account"
    for model in (PendingResponse, Response, ScaleScore):
        assert Invitation not in _targets(model)
    assert Response not in _targets(ScaleScore)


def test_no_table_anywhere_references_a_response_or_its_scores() -> None:
    for model in apps.get_models():
        hits = _targets(model) & {Response, ScaleScore}
        assert not hits or model in SURVEY_MODELS, f"{model._meta.label} references {hits}"


def test_answers_carry_no_time_and_no_free_text() -> None:
    for model in SURVEY_MODELS:
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.DateField | models.DateTimeField | models.TimeField), field
            assert not isinstance(field, models.TextField), field


def test_answering_writes_no_audit_row_and_stores_neither_token_nor_identity(organisation: Any, client: Any) -> None:
    person = factories.staff(organisation.team, 1)[0]
    campaign = factories.campaign(nodes=[organisation.team])
    jobs.campaign_send_invitations(campaign=campaign, actor=None, base_url="https://zw.example/")
    token = tokens.token_for(campaign.pk, person.pk)
    audit_rows = AuditEvent.objects.count()
    client.post(reverse("monitor:respond", kwargs={"token": token}), {**factories.all_answers(), "actie": "versturen"})
    assert len(factories.stored_answers()) == 1
    assert AuditEvent.objects.count() == audit_rows
    stored = repr(list(PendingResponse.objects.values())) + repr(list(Invitation.objects.values()))
    for secret in (token, person.employee_number, person.email, str(person.pk) + ":"):
        assert secret not in stored
