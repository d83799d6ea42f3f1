"""Health themes (voeding, slaap, PTSS, …) and their items: articles, short exercises and stories.

The content is information only: the pages never diagnose. The inhoudsbeheerder writes and
publishes items; visitors only see published themes and published items.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from healththemes.constants import RESERVED_THEME_SLUGS, ItemAudience, ItemKind


def shows_english() -> bool:
    """Whether the interface language is English (the only translation the content has)."""
    return (get_language() or "").startswith("en")


class Translated:
    """Content with an English text next to each Dutch one (``<field>_en``).

    ``shown("title")`` is the English text when the interface is English and it is filled in,
    else the Dutch text; ``shown_lang("title")`` says which language that is, for ``lang=``.
    """

    def shown(self, field: str) -> str:
        english = getattr(self, f"{field}_en", "")
        return str(english) if english and shows_english() else str(getattr(self, field))

    def shown_lang(self, field: str) -> str:
        english: str = getattr(self, f"{field}_en", "")
        return "en" if english and shows_english() else "nl"


class HealthTheme(Translated, models.Model):
    """One theme of the Gezond Werken App content, such as slaap or werkstress."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    intro = models.TextField(_("inleiding"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_published = models.BooleanField(_("gepubliceerd"), default=True)
    name_en = models.CharField(
        _("naam in het Engels"),
        max_length=100,
        blank=True,
        help_text=_("Leeg: Engelse bezoekers zien de Nederlandse naam."),
    )
    intro_en = models.TextField(
        _("inleiding in het Engels"), blank=True, help_text=_("Leeg: Engelse bezoekers zien de Nederlandse inleiding.")
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("gezondheidsthema")
        verbose_name_plural = _("gezondheidsthema's")
        constraints = [
            models.CheckConstraint(condition=~Q(slug__in=RESERVED_THEME_SLUGS), name="healththeme_slug_not_reserved"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        return self.shown("name")

    @property
    def name_lang(self) -> str:
        return self.shown_lang("name")

    @property
    def shown_intro(self) -> str:
        return self.shown("intro")

    @property
    def intro_lang(self) -> str:
        return self.shown_lang("intro")


class ThemeItem(Translated, models.Model):
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
    title_en = models.CharField(
        _("kop in het Engels"),
        max_length=120,
        blank=True,
        help_text=_("De titel in het Engels. Leeg: Engelse bezoekers zien de Nederlandse titel."),
    )
    summary_en = models.CharField(
        _("korte samenvatting in het Engels"),
        max_length=200,
        blank=True,
        help_text=_("Leeg: Engelse bezoekers zien de Nederlandse samenvatting."),
    )
    body_en = models.TextField(
        _("inhoud in het Engels"),
        blank=True,
        help_text=_("De tekst in het Engels. Leeg: Engelse bezoekers zien de Nederlandse tekst."),
    )

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
    def shown_title(self) -> str:
        return self.shown("title")

    @property
    def title_lang(self) -> str:
        return self.shown_lang("title")

    @property
    def shown_summary(self) -> str:
        return self.shown("summary")

    @property
    def summary_lang(self) -> str:
        return self.shown_lang("summary")

    @property
    def shown_body(self) -> str:
        return self.shown("body")

    @property
    def body_lang(self) -> str:
        return self.shown_lang("body")

    @property
    def is_for_managers(self) -> bool:
        return self.audience == ItemAudience.MANAGER
