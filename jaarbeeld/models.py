"""Indicators, their values and the editions of the Sociaal Jaarbeeld (docs/jaarbeeld.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import AppendOnlyModel
from jaarbeeld.constants import (
    Block,
    Breakdown,
    Computation,
    DatePrecision,
    DimensionCode,
    Direction,
    EditionStatus,
    IndicatorMeasure,
    Nature,
    SourceKind,
    ThreadPart,
)
from organisation.models import Unit


class Dimension(models.Model):
    """One of the four forms of wellbeing."""

    code = models.CharField(_("code"), max_length=20, choices=DimensionCode.choices, unique=True)
    short_name = models.CharField(_("korte naam"), max_length=40)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("dimensie")
        verbose_name_plural = _("dimensies")

    def __str__(self) -> str:
        return self.get_code_display()


class DimensionDefinition(models.Model):
    """A version of a dimension's definition; an edition uses the newest one valid in its year."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="definitions")
    version = models.PositiveSmallIntegerField(_("versie"))
    valid_from = models.PositiveSmallIntegerField(_("geldig vanaf jaar"))
    text = models.CharField(_("omschrijving"), max_length=300)
    source = models.CharField(_("bron"), max_length=200)

    class Meta:
        ordering = ["dimension", "version"]
        verbose_name = _("definitie van een dimensie")
        verbose_name_plural = _("definities van dimensies")
        constraints = [models.UniqueConstraint(fields=["dimension", "version"], name="jaarbeeld_definition_version")]

    def __str__(self) -> str:
        return f"{self.dimension.code} v{self.version}"


class Indicator(models.Model):
    """One thing the Jaarbeeld follows over the years."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    dimension = models.ForeignKey(Dimension, verbose_name=_("dimensie"), on_delete=models.PROTECT)
    definition = models.TextField(_("definitie"))
    measure = models.CharField(_("eenheid van meting"), max_length=20, choices=IndicatorMeasure.choices)
    period = models.CharField(_("periode"), max_length=60, default=_("kalenderjaar"))
    breakdown = models.CharField(_("uitsplitsing"), max_length=20, choices=Breakdown.choices)
    source_kind = models.CharField(_("soort bron"), max_length=20, choices=SourceKind.choices)
    source = models.CharField(_("bron"), max_length=200)
    owner = models.CharField(_("eigenaar"), max_length=120)
    computation = models.CharField(_("berekening"), max_length=40, choices=Computation.choices, blank=True)
    figure_table = models.SlugField(_("tabel in Feiten en cijfers"), max_length=60, blank=True)
    figure_label = models.CharField(_("regel in Feiten en cijfers"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["dimension__position", "position", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """The value of an indicator in one year, for the organisation (no unit) or one unit.

    ``suppressed``: a platform figure withheld by the anonymity rules; it is stored as withheld so
    that no later read can show it (values of a closed year are frozen once)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("jaar"))
    unit = models.ForeignKey(Unit, verbose_name=_("eenheid"), on_delete=models.PROTECT, null=True, blank=True)
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=1, null=True, blank=True)
    direction = models.CharField(_("richting"), max_length=20, choices=Direction.choices, blank=True)
    suppressed = models.BooleanField(_("niet getoond (te kleine groep)"), default=False)
    nature = models.CharField(_("aard"), max_length=20, choices=Nature.choices, default=Nature.FEIT)
    interpretation = models.TextField(_("duiding"), blank=True)
    source = models.CharField(_("bron"), max_length=200)
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now=True)

    class Meta:
        ordering = ["indicator", "year", "unit__name"]
        verbose_name = _("waarde van een indicator")
        verbose_name_plural = _("waarden van indicatoren")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "unit"], condition=Q(unit__isnull=False), name="jaarbeeld_value_unit"
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"], condition=Q(unit__isnull=True), name="jaarbeeld_value_organisation"
            ),
            models.CheckConstraint(condition=Q(year__gte=1990, year__lte=2100), name="jaarbeeld_value_year"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year} {self.unit_id or '-'}"


class Edition(models.Model):
    """The Jaarbeeld of one year."""

    year = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=EditionStatus.choices, default=EditionStatus.CONCEPT)
    summary = models.TextField(_("samenvatting"), blank=True)
    classification = models.CharField(_("rubricering"), max_length=80, blank=True)
    finalised_on = models.DateField(_("definitief op"), null=True, blank=True)
    evaluation_on = models.DateField(_("evaluatie op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("editie")
        verbose_name_plural = _("edities")

    def __str__(self) -> str:
        return self.title


class EditionStatusChange(AppendOnlyModel):
    """Append-only: every status change of an edition."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("van"), max_length=20, choices=EditionStatus.choices, blank=True)
    to_status = models.CharField(_("naar"), max_length=20, choices=EditionStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.edition_id}: {self.from_status} → {self.to_status}"


class ConsultationRound(models.Model):
    """One step of the discussion and decision history: when, with whom, what came out of it."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rounds")
    position = models.PositiveSmallIntegerField(_("volgnummer"))
    held_on = models.DateField(_("datum"))
    precision = models.CharField(_("nauwkeurigheid"), max_length=10, choices=DatePrecision.choices, default="dag")
    body = models.CharField(_("overleg of gremium"), max_length=200)
    subject = models.CharField(_("onderwerp"), max_length=300, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=300, blank=True)

    class Meta:
        ordering = ["edition", "position"]
        verbose_name = _("consultatieronde")
        verbose_name_plural = _("consultatierondes")
        constraints = [models.UniqueConstraint(fields=["edition", "position"], name="jaarbeeld_round_position")]

    def __str__(self) -> str:
        return f"{self.held_on} {self.body}"


class ThreadItem(models.Model):
    """One statement on the "rode draden" page, in one of its four parts."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="thread_items")
    part = models.CharField(_("onderdeel"), max_length=20, choices=ThreadPart.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("tekst"), max_length=500)
    nature = models.CharField(_("aard"), max_length=20, choices=Nature.choices, default=Nature.DUIDING)

    class Meta:
        ordering = ["edition", "part", "position", "pk"]
        verbose_name = _("rode draad")
        verbose_name_plural = _("rode draden")

    def __str__(self) -> str:
        return self.text


class BlockItem(models.Model):
    """One statement in one of the three blocks of a dimension page; with an indicator, the page
    shows that indicator's live figures under the statement."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="block_items")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    block = models.CharField(_("blok"), max_length=20, choices=Block.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("tekst"), max_length=500)
    nature = models.CharField(_("aard"), max_length=20, choices=Nature.choices, default=Nature.FEIT)
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["edition", "dimension__position", "block", "position", "pk"]
        verbose_name = _("uitspraak")
        verbose_name_plural = _("uitspraken")

    def __str__(self) -> str:
        return self.text
