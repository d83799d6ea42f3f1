"""Complaints about unwanted behaviour: the complaint, its elements with the committee's advice
and the decision per element, the committee's extra points, contact attempts, documents, the
append-only stage history, deadline notices, and the anonymous rows that outlive erasure.

Everything personal hangs off ``Complaint`` and is erased with it (``retention``); only
``AnonymousComplaint`` / ``AnonymousElement`` (year, unit, category, verdict) stay.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _

from complaints.constants import (
    Channel,
    ContactKind,
    ContactOutcome,
    DocumentKind,
    NoticeKind,
    Stage,
    Verdict,
)
from core.models import AppendOnlyModel


class PrivateStorage(FileSystemStorage):
    """Files under ``COMPLAINTS_DOCUMENT_ROOT``, outside static and media: they have no URL and
    are only ever sent by the guarded download view."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.COMPLAINTS_DOCUMENT_ROOT)

    @property  # type: ignore[override]
    def location(self) -> str:
        return str(settings.COMPLAINTS_DOCUMENT_ROOT)

    def url(self, name: str | None) -> str:
        raise ValueError("complaint documents have no public URL")


_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    return _storage


def document_path(instance: Any, filename: str) -> str:
    """A random name per file: the original name (which may hold a name) is kept in the database only."""
    suffix = PurePosixPath(filename).suffix.lower()[:6]
    return f"{uuid.uuid4().hex}{suffix}"


class Category(models.Model):
    """An entry of the managed list of complaint categories (bejegening, privacy, …)."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("soort klacht")
        verbose_name_plural = _("soorten klachten")

    def __str__(self) -> str:
        return self.name


class Complaint(models.Model):
    """One complaint about unwanted behaviour, as received by the complaints coordinator."""

    received_on = models.DateField(_("ontvangen op"))
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT, related_name="complaints"
    )
    channel = models.CharField(_("hoe kwam de klacht binnen"), max_length=20, choices=Channel.choices)
    complainant = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("klager"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints_filed",
    )
    complainant_name = models.CharField(
        _("klager (als die niet in het personeelsbestand staat)"), max_length=160, blank=True
    )
    respondents = models.ManyToManyField(
        "organisation.Person", verbose_name=_("beklaagden"), blank=True, related_name="complaints_about"
    )
    respondent_names = models.TextField(
        _("beklaagden die niet in het personeelsbestand staan"), max_length=1000, blank=True
    )
    content = models.TextField(_("inhoud van de klacht"), max_length=10000)
    stage = models.CharField(_("fase"), max_length=30, choices=Stage.choices, default=Stage.RECEIVED)
    stage_started_at = models.DateTimeField(_("fase begonnen op"))
    stage_due_at = models.DateTimeField(_("termijn van de fase"), null=True, blank=True)
    handler = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("klachtbehandelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints_handled",
    )
    decision_maker = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("beslisser"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints_to_decide",
    )
    current_change = models.ForeignKey(
        "StageChange",
        verbose_name=_("huidige fase"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    committee_at = models.DateTimeField(_("naar de klachtencommissie op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    version = models.PositiveIntegerField(_("versie"), default=1)
    #: Set for the demo data set only (``manage.py demo``), so loading it twice changes nothing.
    demo_key = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        indexes = [models.Index(fields=["stage", "stage_due_at"], name="complaints_stage_due")]
        constraints = [
            models.UniqueConstraint(fields=["demo_key"], condition=~models.Q(demo_key=""), name="complaint_demo_once")
        ]

    def __str__(self) -> str:
        return _("Klacht %(number)s") % {"number": self.reference}

    @property
    def reference(self) -> str:
        return f"K-{self.received_on:%Y}-{self.pk:04d}"


class Element(models.Model):
    """One complaint element: its category, the committee's advice and the decision (the verdict)."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("klacht"), on_delete=models.CASCADE, related_name="elements"
    )
    position = models.PositiveSmallIntegerField(_("nummer"))
    category = models.ForeignKey(Category, verbose_name=_("soort klacht"), on_delete=models.PROTECT)
    summary = models.CharField(_("korte omschrijving"), max_length=300)
    advice = models.CharField(_("advies van de commissie"), max_length=20, choices=Verdict.choices, blank=True)
    advice_note = models.TextField(_("toelichting bij het advies"), max_length=2000, blank=True)
    verdict = models.CharField(_("oordeel"), max_length=20, choices=Verdict.choices, blank=True)
    deviation_reason = models.TextField(_("reden om af te wijken van het advies"), max_length=2000, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("klachtonderdeel")
        verbose_name_plural = _("klachtonderdelen")
        constraints = [models.UniqueConstraint(fields=["complaint", "position"], name="complaint_element_position")]

    def __str__(self) -> str:
        return f"{self.position}. {self.category}"

    @property
    def deviates(self) -> bool:
        return bool(self.advice and self.verdict and self.advice != self.verdict)


class CommitteePoint(models.Model):
    """An extra point the committee asks to investigate."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("klacht"), on_delete=models.CASCADE, related_name="committee_points"
    )
    text = models.TextField(_("extra punt om te onderzoeken"), max_length=2000)
    added_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("extra punt van de commissie")
        verbose_name_plural = _("extra punten van de commissie")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class ContactAttempt(models.Model):
    """A call, text or mail to the complainant, with its date and outcome."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("klacht"), on_delete=models.CASCADE, related_name="contact_attempts"
    )
    kind = models.CharField(_("soort contact"), max_length=10, choices=ContactKind.choices)
    on = models.DateField(_("datum"))
    outcome = models.CharField(_("resultaat"), max_length=20, choices=ContactOutcome.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("contactpoging")
        verbose_name_plural = _("contactpogingen")

    def __str__(self) -> str:
        return f"{self.kind} {self.on:%d-%m-%Y}"


class Document(models.Model):
    """A file of a complaint (letter, intake report, written views, advice, decision)."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("klacht"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("soort stuk"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("bestand"), storage=private_storage, upload_to=document_path, max_length=200)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    size = models.PositiveIntegerField(_("grootte in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("stuk")
        verbose_name_plural = _("stukken")

    def __str__(self) -> str:
        return self.original_name


class StageChange(AppendOnlyModel):
    """Append-only history: who moved the complaint from which stage to which, when, and why."""

    complaint = models.ForeignKey(Complaint, verbose_name=_("klacht"), on_delete=models.CASCADE, related_name="history")
    from_stage = models.CharField(_("van"), max_length=30, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("naar"), max_length=30, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("tijdstip"))
    note = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")

    def __str__(self) -> str:
        return f"{self.from_stage or '–'} → {self.to_stage}"


class DeadlineNotice(models.Model):
    """That the reminder or the escalation of one stage period was sent: at most once each."""

    change = models.ForeignKey(StageChange, verbose_name=_("fase"), on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("soort"), max_length=20, choices=NoticeKind.choices)
    recipients = models.ManyToManyField("organisation.Person", verbose_name=_("ontvangers"), related_name="+")
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("termijnbericht klacht")
        verbose_name_plural = _("termijnberichten klachten")
        constraints = [models.UniqueConstraint(fields=["change", "kind"], name="complaint_notice_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.change_id}"


class AnonymousComplaint(models.Model):
    """What is left of an erased complaint: the year it came in, its unit and how it ended."""

    year = models.PositiveSmallIntegerField(_("jaar"))
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT, related_name="+")
    final_stage = models.CharField(_("afloop"), max_length=30, choices=Stage.choices)

    class Meta:
        verbose_name = _("geanonimiseerde klacht")
        verbose_name_plural = _("geanonimiseerde klachten")

    def __str__(self) -> str:
        return f"{self.year} {self.unit_id}"


class AnonymousElement(models.Model):
    """The category and verdict of one element of an erased complaint."""

    complaint = models.ForeignKey(
        AnonymousComplaint, verbose_name=_("klacht"), on_delete=models.CASCADE, related_name="elements"
    )
    category = models.ForeignKey(Category, verbose_name=_("soort klacht"), on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(_("oordeel"), max_length=20, choices=Verdict.choices, blank=True)

    class Meta:
        verbose_name = _("onderdeel van een geanonimiseerde klacht")
        verbose_name_plural = _("onderdelen van geanonimiseerde klachten")

    def __str__(self) -> str:
        return f"{self.category_id} {self.verdict}"
