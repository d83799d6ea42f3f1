"""Importing exposures from an incident system, shaped like ``organisation.services.hr_import_run``.

``exposure_import_run`` reads an uploaded CSV file and calls ``exposure_import_apply``, which the
JSON API calls directly with its records: check every row, then write all records in one
transaction with an audit row each, then evaluate the people concerned after the commit. A file
or delivery with any invalid row writes nothing; a record delivered before changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction

from barista import exposure_csv, retention, services
from barista.constants import Source
from barista.exposure_csv import Delivered, Record, Reference
from barista.models import Exposure, ExposureType
from core import audit
from core.csv_import import ErrorList, Row, RowError
from core.models import AuditAction
from organisation.models import Person


@dataclass
class ExposureImportReport(ErrorList):
    """What an import did: the counts when it wrote, or every error when it wrote nothing."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    unchanged: int = 0


def exposure_import_run(*, data: bytes, actor: Any, request: Any = None) -> ExposureImportReport:
    """Read an uploaded CSV file and import it (see ``exposure_import_apply``)."""
    rows, errors = exposure_csv.read_csv(data, max_bytes=settings.BARISTA_IMPORT_MAX_BYTES)
    if errors:
        return ExposureImportReport(errors=errors)
    return exposure_import_apply(rows=rows, actor=actor, request=request)


def exposure_import_apply(*, rows: list[Row], actor: Any, request: Any = None) -> ExposureImportReport:
    """Check the rows against the database and, when every row is valid, write them."""
    report = ExposureImportReport(rows=len(rows), errors=exposure_csv.count_errors(rows))
    if report.errors:
        return report
    checked = exposure_csv.validate(rows, load_reference(rows))
    if not checked.ok:
        report.errors = checked.errors
        return report
    report.created = _write(checked.records, actor=actor, request=request)
    report.unchanged = len(checked.records) - report.created
    return report


def load_reference(rows: list[Row]) -> Reference:
    """What the rows refer to, in one query per table."""
    numbers = {row.values.get(exposure_csv.EMPLOYEE_NUMBER, "") for row in rows}
    external_ids = [row.values.get(exposure_csv.EXTERNAL_ID, "") for row in rows]
    delivered = Exposure.objects.filter(source=Source.IMPORT, external_id__in=external_ids)
    return Reference(
        retention=retention.exposure_retention(),
        people=dict(Person.objects.filter(employee_number__in=numbers).values_list("employee_number", "pk")),
        types=dict(ExposureType.objects.filter(is_active=True).values_list("code", "pk")),
        delivered={
            external_id: Delivered(person_id, type_id, occurred_at)
            for external_id, person_id, type_id, occurred_at in delivered.values_list(
                "external_id", "person_id", "type_id", "occurred_at"
            )
        },
    )


@transaction.atomic
def _write(records: list[Record], *, actor: Any, request: Any) -> int:
    """Store the records whose external id is new; returns how many. Call only with checked records.

    Imports run one at a time (a row lock), so two identical deliveries at once store each record
    once and both report correctly.
    """
    ExposureType.objects.select_for_update().filter(code="anders").first()  # the import lock
    existing = set(
        Exposure.objects.filter(source=Source.IMPORT, external_id__in=[r.external_id for r in records]).values_list(
            "external_id", flat=True
        )
    )
    recorder = actor if getattr(actor, "is_authenticated", False) else None
    created = Exposure.objects.bulk_create(
        [
            Exposure(
                person_id=r.person_id,
                type_id=r.type_id,
                occurred_at=r.occurred_at,
                source=Source.IMPORT,
                external_id=r.external_id,
                recorded_by=recorder,
            )
            for r in records
            if r.external_id not in existing
        ],
        batch_size=1000,
    )
    _audit(created, actor=actor, request=request)
    # After the commit: in-process for a few people, as a background task for a large import.
    services.evaluate_after_commit(e.person_id for e in created)
    return len(created)


def _audit(created: list[Exposure], *, actor: Any, request: Any) -> None:
    """One audit row per new exposure, with the employee number as its subject, in batches."""
    numbers = dict(Person.objects.filter(pk__in={e.person_id for e in created}).values_list("pk", "employee_number"))
    audit.record_many(
        entries=[
            audit.Entry(
                action=AuditAction.IMPORT,
                object_type=Exposure._meta.label_lower,
                object_id=str(e.pk),
                person=_Numbered(numbers.get(e.person_id, "")),
                fields=["type", "occurred_at", "external_id"],
            )
            for e in created
        ],
        actor=actor,
        request=request,
    )


@dataclass(frozen=True)
class _Numbered:
    """Enough of a person for the audit trail's subject: the employee number."""

    employee_number: str
