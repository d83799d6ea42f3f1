"""Every write of the jaarbeeld app: frozen platform values, the CSV import, edition texts,
consultation rounds and the status workflow. Each in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.models import AuditAction
from jaarbeeld import indicators as computing
from jaarbeeld import values_csv, workflow
from jaarbeeld.constants import Block, EditionStatus, SourceKind, ThreadPart
from jaarbeeld.models import (
    BlockItem,
    ConsultationRound,
    Dimension,
    Edition,
    EditionStatusChange,
    Indicator,
    IndicatorValue,
    ThreadItem,
)
from organisation.models import Unit


class WorkflowError(Exception):
    """A change the edition's status does not allow (the message is Dutch, for the page)."""


def platform_values_freeze(*, year: int, today: dt.date | None = None) -> int:
    """Compute and store the platform indicators of a closed year, once. Returns how many
    indicators were stored now (0 when all were stored before or the year is not over)."""
    today = today or timezone.localdate()
    if year >= today.year:
        return 0
    # Every page of an edition asks this: one query tells which indicators are frozen already.
    frozen = IndicatorValue.objects.filter(year=year).values("indicator_id")
    pending = list(
        Indicator.objects.filter(source_kind=SourceKind.PLATFORM).exclude(computation="").exclude(pk__in=frozen)
    )
    if not pending:
        return 0
    unit_ids = list(Unit.objects.order_by("pk").values_list("pk", flat=True))
    stored = 0
    for indicator in pending:
        found = computing.compute(indicator.computation, year, unit_ids)
        if not found:
            continue  # nothing recorded for this year: nothing to show, nothing to freeze
        try:
            with transaction.atomic():
                IndicatorValue.objects.bulk_create(
                    [
                        IndicatorValue(
                            indicator=indicator,
                            year=year,
                            unit_id=unit_id,
                            value=figure.value,
                            suppressed=figure.suppressed,
                            source=indicator.source,
                        )
                        for unit_id, figure in found.items()
                    ]
                )
        except IntegrityError:
            continue  # another process froze this indicator first: keep its values
        stored += 1
    return stored


@dataclass
class ImportReport:
    checked: values_csv.Checked
    created: int = 0
    updated: int = 0


@transaction.atomic
def values_import(*, data: bytes, max_bytes: int, actor: Any) -> ImportReport:
    """Store checked values (insert or replace on indicator, year and unit); a file with any bad
    row writes nothing. Importing the same file twice changes nothing the second time."""
    indicators = {
        code: (pk, kind in (SourceKind.IMPORT, SourceKind.EDITORIAL))
        for code, pk, kind in Indicator.objects.values_list("code", "pk", "source_kind")
    }
    units = dict(Unit.objects.values_list("code", "pk"))
    checked = values_csv.check(data, max_bytes=max_bytes, indicators=indicators, units=units)
    report = ImportReport(checked=checked)
    if not checked.ok:
        return report
    existing_values = {
        (value.indicator_id, value.year, value.unit_id): value
        for value in IndicatorValue.objects.filter(
            indicator_id__in={r.indicator_id for r in checked.records}, year__in={r.year for r in checked.records}
        )
    }
    for record in checked.records:
        fields = {
            "value": record.value,
            "direction": record.direction,
            "nature": record.nature,
            "interpretation": record.interpretation,
            "source": record.source,
            "suppressed": False,
        }
        existing = existing_values.get((record.indicator_id, record.year, record.unit_id))
        if existing is None:
            IndicatorValue.objects.create(
                indicator_id=record.indicator_id, year=record.year, unit_id=record.unit_id, **fields
            )
            report.created += 1
        elif any(getattr(existing, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.save()
            report.updated += 1
    if report.created or report.updated:
        audit.record(
            action=AuditAction.IMPORT,
            actor=actor,
            object_type="jaarbeeld.indicatorvalue",
            object_id=f"{report.created}+{report.updated}",
        )
    return report


def _editable(edition: Edition) -> None:
    if not workflow.is_editable(edition.status):
        raise WorkflowError(_("Deze editie is definitief en kan niet meer worden gewijzigd."))


ItemInput = tuple[str, str, Indicator | None]


@transaction.atomic
def block_items_save(*, edition: Edition, dimension: Dimension, block: str, items: list[ItemInput], actor: Any) -> None:
    """Replace the statements of one block of a dimension page, in the given order."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _editable(edition)
    assert block in Block.values
    BlockItem.objects.filter(edition=edition, dimension=dimension, block=block).delete()
    BlockItem.objects.bulk_create(
        BlockItem(
            edition=edition, dimension=dimension, block=block, position=n, text=text, nature=nature, indicator=ind
        )
        for n, (text, nature, ind) in enumerate(items, start=1)
    )
    edition.save(update_fields=["updated_at"])
    audit.log_change(actor=actor, obj=edition, fields=[f"{dimension.code}.{block}"])


@transaction.atomic
def thread_items_save(*, edition: Edition, part: str, items: list[ItemInput], actor: Any) -> None:
    """Replace the statements of one part of the rode-draden page."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _editable(edition)
    assert part in ThreadPart.values
    ThreadItem.objects.filter(edition=edition, part=part).delete()
    ThreadItem.objects.bulk_create(
        ThreadItem(edition=edition, part=part, position=n, text=text, nature=nature)
        for n, (text, nature, _indicator) in enumerate(items, start=1)
    )
    edition.save(update_fields=["updated_at"])
    audit.log_change(actor=actor, obj=edition, fields=[f"rode_draden.{part}"])


@transaction.atomic
def consultation_round_add(
    *, edition: Edition, held_on: dt.date, body: str, subject: str, outcome: str, actor: Any
) -> ConsultationRound:
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _editable(edition)
    last = edition.rounds.order_by("-position").values_list("position", flat=True).first() or 0
    found = ConsultationRound.objects.create(
        edition=edition, position=last + 1, held_on=held_on, body=body, subject=subject, outcome=outcome
    )
    audit.log_change(actor=actor, obj=found, action=AuditAction.CREATE, fields=["held_on", "body", "outcome"])
    return found


@transaction.atomic
def edition_transition(*, edition: Edition, to: str, actor: Any, evaluation_on: dt.date | None = None) -> Edition:
    """Move an edition to another status. Definitief needs an evaluation date and at least one
    consultation round."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if not workflow.allowed(edition.status, to):
        raise WorkflowError(_("Deze stap kan niet vanuit de huidige status."))
    if to == EditionStatus.DEFINITIEF:
        if evaluation_on is None:
            raise WorkflowError(_("Vul de datum van de evaluatie in."))
        if not edition.rounds.exists():
            raise WorkflowError(_("Leg eerst minstens één consultatieronde vast."))
        edition.evaluation_on = evaluation_on
        edition.finalised_on = timezone.localdate()
    EditionStatusChange.objects.create(edition=edition, from_status=edition.status, to_status=to, actor=actor)
    edition.status = to
    edition.save()
    audit.log_change(actor=actor, obj=edition, fields=["status"])
    return edition


@transaction.atomic
def edition_create(*, year: int, actor: Any) -> Edition:
    """A new concept edition, starting from the texts of the most recent earlier edition."""
    if Edition.objects.filter(year=year).exists():
        raise WorkflowError(_("Voor dit jaar bestaat al een editie."))
    previous = Edition.objects.filter(year__lt=year).order_by("-year").first()
    edition = Edition.objects.create(
        year=year,
        title=f"Sociaal Jaarbeeld {year}",
        summary=previous.summary if previous else "",
        classification=previous.classification if previous else "",
    )
    if previous is not None:
        ThreadItem.objects.bulk_create(
            ThreadItem(edition=edition, part=i.part, position=i.position, text=i.text, nature=i.nature)
            for i in previous.thread_items.all()
        )
        BlockItem.objects.bulk_create(
            BlockItem(
                edition=edition,
                dimension_id=i.dimension_id,
                block=i.block,
                position=i.position,
                text=i.text,
                nature=i.nature,
                indicator_id=i.indicator_id,
            )
            for i in previous.block_items.all()
        )
    EditionStatusChange.objects.create(edition=edition, from_status="", to_status=EditionStatus.CONCEPT, actor=actor)
    audit.log_change(actor=actor, obj=edition, action=AuditAction.CREATE, fields=["year"])
    return edition
