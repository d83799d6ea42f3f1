"""Health themes (voeding, slaap, PTSS, …) and their items: articles, short exercises and stories.

The content is information only: the pages never diagnose. The inhoudsbeheerder writes and
publishes items; visitors only see published themes and published items.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from healththemes.constants import RESERVED_THEME_SLUGS, ItemAudience, ItemKind


class HealthTheme(models.Model):
    """One theme of the Gezond Werken App content, such as slaap or werkstress."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    intro = models.TextField(_("inleiding"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_published = models.BooleanField(_("gepubliceerd"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("gezondheidsthema")
        verbose_name_plural = _("gezondheidsthema's")
        constraints = [
            models.CheckConstraint(condition=~Q(slug__in=RESERVED_THEME_SLUGS), name="healththeme_slug_not_reserved"),
        ]

    def __str__(self) -> str:
        return self.name


class ThemeItem(models.Model):
    """An article, a short exercise or an experience story within one theme."""

    theme = models.ForeignKey(HealthTheme, verbose_name=_("thema"), on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("soort"), max_length=20, choices=ItemKind.choices)
    audience = models.CharField(
        _("voor wie"), max_length=20, choices=ItemAudience.choices, default=ItemAudience.EMPLOYEE
    )
    title = models.CharField(_("titel"), max_length=120)
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=80,
        help_text=_("Het laatste deel van het webadres. Laat je het leeg, dan maken we het uit de titel."),
    )
    summary = models.CharField(
        _("korte samenvatting"), max_length=200, blank=True, help_text=_("Eén zin die in het overzicht staat.")
    )
    body = models.TextField(_("tekst"), help_text=_("Laat een witregel tussen alinea's."))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["theme__order", "order", "title"]
        verbose_name = _("thema-item")
        verbose_name_plural = _("thema-items")
        constraints = [
            models.UniqueConstraint(fields=["theme", "slug"], name="themeitem_slug_once_per_theme"),
            models.CheckConstraint(condition=Q(kind__in=ItemKind.values), name="themeitem_kind_valid"),
            models.CheckConstraint(condition=Q(audience__in=ItemAudience.values), name="themeitem_audience_valid"),
            models.CheckConstraint(condition=~Q(slug=""), name="themeitem_slug_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_for_managers(self) -> bool:
        return self.audience == ItemAudience.MANAGER
