"""Stored tables of published facts (Zorgwijzer section 2): one row per label and year.

The staff strength per unit (§2.1) is not stored here: it lives in ``organisation.UnitStrength``.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from figures.constants import DECIMALS, Measure
from organisation.models import Unit


class FigureTable(models.Model):
    """A published table, e.g. absence per year or the ten most frequent forms of violence."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    section = models.CharField(_("paragraaf"), max_length=10, help_text=_("Bijvoorbeeld 2.2."))
    source = models.CharField(_("bron"), max_length=200)
    measure = models.CharField(_("eenheid van meting"), max_length=20, choices=Measure.choices)
    notes = models.TextField(_("toelichting"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    ranked = models.BooleanField(
        _("gerangschikt"),
        default=False,
        help_text=_("Zet de regels op volgorde van de waarde in het laatste jaar, de hoogste bovenaan."),
    )

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("cijfertabel")
        verbose_name_plural = _("cijfertabellen")

    def __str__(self) -> str:
        return f"§{self.section} {self.title}"

    @property
    def decimals(self) -> int:
        return DECIMALS[Measure(self.measure)]


class FigureRow(models.Model):
    """One number: the value of one label in one year, as the source gives it."""

    table = models.ForeignKey(FigureTable, verbose_name=_("tabel"), on_delete=models.CASCADE, related_name="rows")
    label = models.CharField(_("omschrijving"), max_length=200)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    year = models.PositiveSmallIntegerField(_("jaar"))
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=1)
    is_total = models.BooleanField(
        _("totaalregel"), default=False, help_text=_("Een totaal uit de bron; staat onder de andere regels.")
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("eenheid"), on_delete=models.PROTECT, null=True, blank=True, related_name="figures"
    )
    note = models.CharField(_("opmerking"), max_length=300, blank=True)

    class Meta:
        ordering = ["table", "is_total", "order", "label", "year"]
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        constraints = [
            models.UniqueConstraint(fields=["table", "label", "year"], name="figure_row_once_per_label_and_year"),
            models.CheckConstraint(condition=Q(value__gte=0), name="figure_row_value_not_negative"),
            models.CheckConstraint(condition=Q(year__gte=1990, year__lte=2100), name="figure_row_plausible_year"),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.year}: {self.value}"
