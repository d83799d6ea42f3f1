"""Retention: a complaint finished longer ago than the retention period is erased — content,
people, documents — and only an anonymous statistics row stays. The test searches the whole
database and the storage for what was erased."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from complaints import retention, services, tasks
from complaints.constants import Stage, Verdict
from complaints.models import AnonymousComplaint, AnonymousElement, Complaint
from complaints.tests import factories
from complaints.tests.conftest import at

pytestmark = pytest.mark.django_db

SECRETS = ["Uitgelachen-in-de-kantine", "Buitenstaander-Bep", "Klager-Karel", "Punt-van-de-commissie", "brief-k.txt"]


def _database_contains(text: str) -> list[str]:
    """Every text column of every table that holds ``text``."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, models.CharField | models.TextField | models.FileField) or not field.concrete:
                continue
            if model._default_manager.filter(**{f"{field.name}__contains": text}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def _storage_contains(root: Path, text: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


@pytest.fixture
def closed_complaint(organisation: Any, settings: Any) -> Complaint:
    settings.COMPLAINTS_RETENTION_DAYS = 365
    with time_machine.travel(at(2024, 3, 1), tick=False):
        complaint = services.complaint_register(
            actor=None,
            received_on=at(2024, 2, 21).date(),
            unit=organisation.unit,
            channel="vakbond",
            content="Uitgelachen-in-de-kantine door een collega.",
            complainant_name="Klager-Karel",
            respondents=[organisation.people["outsider"]],
            respondent_names="Buitenstaander-Bep",
            elements=[services.NewElement(factories.category(), "Uitgelachen-in-de-kantine")],
        )
        services.document_add(
            complaint=complaint,
            actor=None,
            kind="klachtbrief",
            upload=SimpleUploadedFile("brief-k.txt", b"Uitgelachen-in-de-kantine"),
            content_type="text/plain",
        )
        complaint = factories.to_committee(organisation, complaint)
        services.committee_point_add(complaint=complaint, actor=None, text="Punt-van-de-commissie")
        element = complaint.elements.get()
        services.advice_record(complaint=complaint, actor=None, advice={element.pk: (Verdict.FOUNDED, "")})
        complaint = factories.move(organisation, complaint, Stage.DECISION)
        services.decision_record(complaint=complaint, actor=None, decisions={element.pk: (Verdict.FOUNDED, "")})
        return factories.move(organisation, complaint, Stage.COMMUNICATED, Stage.CLOSED)


def test_a_complaint_is_kept_until_the_retention_period_has_passed(closed_complaint: Complaint) -> None:
    with time_machine.travel(at(2025, 2, 28), tick=False):
        assert retention.retention_erase() == 0
    assert Complaint.objects.filter(pk=closed_complaint.pk).exists()


def test_after_the_retention_period_only_an_anonymous_row_remains_in_database_and_storage(
    closed_complaint: Complaint, document_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    for secret in SECRETS:
        assert _database_contains(secret) or _storage_contains(document_root, secret), secret
    with time_machine.travel(at(2025, 3, 2), tick=False):
        with django_capture_on_commit_callbacks(execute=True):  # the files go once the erasure commits
            assert tasks.erase_expired_complaints.call() == {"erased": 1}
        assert tasks.erase_expired_complaints.call() == {"erased": 0}
    for secret in SECRETS:
        assert _database_contains(secret) == [], secret
        assert _storage_contains(document_root, secret) == [], secret
    assert not any(p.is_file() for p in document_root.rglob("*"))
    assert not Complaint.objects.exists()
    (row,) = AnonymousComplaint.objects.values_list("year", "unit_id", "final_stage")
    assert row == (2024, closed_complaint.unit_id, Stage.CLOSED)
    assert list(AnonymousElement.objects.values_list("category__name", "verdict")) == [("Bejegening", "gegrond")]


def test_an_open_complaint_is_never_erased(organisation: Any, settings: Any) -> None:
    settings.COMPLAINTS_RETENTION_DAYS = 1
    with time_machine.travel(at(2024, 3, 1), tick=False):
        factories.complaint(organisation)
    with time_machine.travel(at(2026, 3, 1), tick=False):
        assert retention.retention_erase() == 0
    assert Complaint.objects.count() == 1


def test_the_erased_complaint_still_counts_in_the_statistics(closed_complaint: Complaint) -> None:
    from complaints import selectors

    before = [(y.year, y.total) for y in selectors.statistics()]
    with time_machine.travel(at(2025, 3, 2), tick=False):
        retention.retention_erase()
    assert [(y.year, y.total) for y in selectors.statistics()] == before == [(2024, 1)]


def test_erasure_is_in_the_audit_trail_without_the_complainant(closed_complaint: Complaint) -> None:
    from core.models import AuditAction, AuditEvent

    with time_machine.travel(at(2025, 3, 2) + timedelta(hours=1), tick=False):
        retention.retention_erase()
    event = AuditEvent.objects.get(action=AuditAction.DELETE, object_type="complaints.complaint")
    assert event.object_id == str(closed_complaint.pk) and event.subject_employee_number == ""
