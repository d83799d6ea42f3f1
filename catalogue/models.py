"""Editions of the Zorgwijzer with their provisions (voorzieningen) and expert roles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalogue.channels import channel_errors, website_href
from catalogue.constants import (
    AccessRoute,
    Audience,
    Battery,
    ChannelKind,
    Confidentiality,
    EditionStatus,
    ExpertTeam,
    Theme,
)


class Edition(models.Model):
    """One yearly edition of the Zorgwijzer. Only published editions are shown to visitors."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("titel"), max_length=120)
    status = models.CharField(_("status"), max_length=20, choices=EditionStatus.choices, default=EditionStatus.CONCEPT)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        ordering = ["-published_at", "-code"]
        verbose_name = _("editie")
        verbose_name_plural = _("edities")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=EditionStatus.CONCEPT) | Q(published_at__isnull=False),
                name="edition_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ThemeTag(models.Model):
    """A theme a provision is about (mentaal, fysiek, …); a table so it can be filtered on."""

    code = models.CharField(_("code"), max_length=30, unique=True, choices=Theme.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return str(self.get_code_display())


class AudienceTag(models.Model):
    """A group a provision is meant for (medewerker, leidinggevende, thuisfront, …)."""

    code = models.CharField(_("code"), max_length=40, unique=True, choices=Audience.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self) -> str:
        return str(self.get_code_display())


class Provision(models.Model):
    """A provision or instrument of the care system, within one edition."""

    edition = models.ForeignKey(Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="provisions")
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("naam"), max_length=160)
    summary = models.CharField(_("samenvatting"), max_length=300)
    description = models.TextField(_("beschrijving"))
    how_to_start = models.CharField(_("zo begin je"), max_length=300, blank=True)
    versterken = models.BooleanField(_("versterken"), default=False)
    voorkomen = models.BooleanField(_("voorkomen"), default=False)
    herstellen = models.BooleanField(_("herstellen"), default=False)
    themes = models.ManyToManyField(ThemeTag, verbose_name=_("thema's"), blank=True, related_name="provisions")
    audiences = models.ManyToManyField(
        AudienceTag, verbose_name=_("doelgroepen"), blank=True, related_name="provisions"
    )
    access_route = models.CharField(_("toegang"), max_length=30, choices=AccessRoute.choices)
    confidentiality = models.CharField(_("vertrouwelijkheid"), max_length=30, choices=Confidentiality.choices)
    provider = models.CharField(_("aanbieder"), max_length=200, blank=True)
    availability = models.CharField(_("bereikbaarheid"), max_length=200, blank=True)
    cost = models.CharField(_("kosten"), max_length=200, blank=True)
    waiting_time = models.CharField(_("wachttijd"), max_length=200, blank=True)
    keywords = models.TextField(
        _("zoekwoorden"), blank=True, help_text=_("Woorden en synoniemen, gescheiden door komma's.")
    )
    sections = models.CharField(_("paragrafen in de Zorgwijzer"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hoort bij"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_provisions",
    )
    related = models.ManyToManyField("self", verbose_name=_("zie ook"), blank=True, symmetrical=False)
    # English translations of the texts a visitor reads (issue 15 §5), shown when the interface is in
    # English; an empty translation falls back to the Dutch text. See TRANSLATED_FIELDS.
    name_en = models.CharField(_("naam (Engels)"), max_length=160, blank=True)
    summary_en = models.CharField(_("samenvatting (Engels)"), max_length=300, blank=True)
    description_en = models.TextField(_("beschrijving (Engels)"), blank=True)
    how_to_start_en = models.CharField(_("zo begin je (Engels)"), max_length=300, blank=True)
    provider_en = models.CharField(_("aanbieder (Engels)"), max_length=200, blank=True)
    availability_en = models.CharField(_("bereikbaarheid (Engels)"), max_length=200, blank=True)
    cost_en = models.CharField(_("kosten (Engels)"), max_length=200, blank=True)
    waiting_time_en = models.CharField(_("wachttijd (Engels)"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="provision_slug_once_per_edition"),
            models.CheckConstraint(
                condition=Q(versterken=True) | Q(voorkomen=True) | Q(herstellen=True) | Q(parent__isnull=False),
                name="provision_has_a_battery",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def batteries(self) -> list[str]:
        return [battery.value for battery in Battery if getattr(self, battery.value)]

    def localized(self, name: str) -> str:
        """The text of field ``name`` in the interface language: the English translation when the
        language is English and a translation exists, otherwise the Dutch text."""
        if name not in TRANSLATED_FIELDS:
            raise ValueError(name)
        if (get_language() or "nl").startswith("en"):
            return str(getattr(self, f"{name}_en", "") or getattr(self, name))
        return str(getattr(self, name))

    # Templates read these: {{ provision.local_name }}.
    @property
    def local_name(self) -> str:
        return self.localized("name")

    @property
    def local_summary(self) -> str:
        return self.localized("summary")

    @property
    def local_description(self) -> str:
        return self.localized("description")

    @property
    def local_how_to_start(self) -> str:
        return self.localized("how_to_start")

    @property
    def local_provider(self) -> str:
        return self.localized("provider")

    @property
    def local_availability(self) -> str:
        return self.localized("availability")

    @property
    def local_cost(self) -> str:
        return self.localized("cost")

    @property
    def local_waiting_time(self) -> str:
        return self.localized("waiting_time")


#: The texts of a provision a visitor reads, each with an English translation field ``<name>_en``.
TRANSLATED_FIELDS: tuple[str, ...] = (
    "name",
    "summary",
    "description",
    "how_to_start",
    "provider",
    "availability",
    "cost",
    "waiting_time",
)


class ProvisionSearchEntry(models.Model):
    """The search document of one provision, rebuilt by ``catalogue.search`` whenever it changes.

    ``document`` holds the normalised words that PostgreSQL indexes with its ``dutch`` text search
    configuration (GIN index, migration 0003); ``terms`` holds the same words stemmed once, in
    Python, with the field weights used for ranking on every database.
    """

    provision = models.OneToOneField(
        Provision,
        verbose_name=_("voorziening"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
    )
    document = models.TextField(_("zoekdocument"))
    vocabulary = models.TextField(_("woordenlijst"))
    terms = models.JSONField(_("gewogen zoektermen"), default=dict)

    class Meta:
        verbose_name = _("zoekregel")
        verbose_name_plural = _("zoekregels")

    def __str__(self) -> str:
        return str(self.provision_id)


class ExpertRole(models.Model):
    """An expert role (Zorgwijzer §2.5 and §2.6): what you can go to them for, and how."""

    edition = models.ForeignKey(Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="experts")
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("naam"), max_length=160)
    team = models.CharField(_("team"), max_length=20, choices=ExpertTeam.choices)
    for_what = models.TextField(_("waarvoor kun je bij hen terecht"))
    how_to_reach = models.TextField(_("zo bereik je hen"), blank=True)

    class Meta:
        ordering = ["team", "name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="expert_slug_once_per_edition")]

    def __str__(self) -> str:
        return self.name


class ContactChannel(models.Model):
    """One way to reach a provision or an expert role: for everyone, or for the people of one unit.

    The detail pages show the channels of the visitor's own unit first, then those for everyone.
    Channels belong to one edition through their provision or expert, and are copied with it.
    """

    provision = models.ForeignKey(
        Provision,
        verbose_name=_("voorziening"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="channels",
    )
    expert = models.ForeignKey(
        ExpertRole,
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="channels",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("eenheid"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_channels",
        help_text=_("Leeg: geldt voor iedereen."),
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ChannelKind.choices)
    label = models.CharField(_("naam"), max_length=160, help_text=_("Bijvoorbeeld: VGW-team Eenheid Oost-Brabant."))
    value = models.CharField(
        _("gegevens"), max_length=300, help_text=_("Het nummer, adres, de link of de plek op intranet.")
    )
    availability = models.CharField(_("bereikbaar"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("contactkanaal")
        verbose_name_plural = _("contactkanalen")
        constraints = [
            models.CheckConstraint(
                condition=Q(provision__isnull=False, expert__isnull=True)
                | Q(provision__isnull=True, expert__isnull=False),
                name="channel_belongs_to_a_provision_or_an_expert",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"

    @property
    def href(self) -> str:
        """A link for the kinds a browser can open; intranet places, apps and desks have none."""
        if self.kind == ChannelKind.PHONE:
            return "tel:" + "".join(ch for ch in self.value if ch.isdigit() or ch == "+")
        if self.kind == ChannelKind.EMAIL:
            return f"mailto:{self.value}"
        if self.kind == ChannelKind.WEBSITE:
            return website_href(self.value)
        return ""

    def clean(self) -> None:
        errors = channel_errors({"kind": self.kind, "label": self.label, "value": self.value})
        if errors:
            raise ValidationError(errors)


class EditionHistoryIsAppendOnly(Exception):
    """Raised on an attempt to change a recorded status change."""


class EditionStatusChange(models.Model):
    """One step of an edition through its workflow (catalogue/workflow.py). Append-only: the
    history of who created and published which edition is never rewritten."""

    edition = models.ForeignKey(
        Edition, verbose_name=_("editie"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("van status"), max_length=20, choices=EditionStatus.choices, blank=True)
    to_status = models.CharField(_("naar status"), max_length=20, choices=EditionStatus.choices)
    changed_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("statuswijziging van een editie")
        verbose_name_plural = _("statuswijzigingen van edities")

    def __str__(self) -> str:
        return f"{self.edition}: {self.from_status or '-'} → {self.to_status}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise EditionHistoryIsAppendOnly(_("De statusgeschiedenis van een editie wordt nooit gewijzigd."))
        super().save(*args, **kwargs)
