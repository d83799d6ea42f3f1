"""Jubilees (with the one reminder each), Eremedaille and Team Award nominations, Blauw Hart thanks,
and the recognition content pages kept as editions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisation.models import OrgNode, Person, Unit
from recognition.constants import Medal, Milestone, NominationStatus, Section


class Jubilee(models.Model):
    """A service jubilee the platform has acted on: reminded the manager of, or the manager arranged."""

    person = models.ForeignKey(Person, verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="+")
    milestone = models.PositiveSmallIntegerField(_("jubileum"), choices=Milestone.choices)
    on = models.DateField(_("datum"))
    medal = models.CharField(_("onderscheiding"), max_length=30, choices=Medal.choices, blank=True)
    arranged_at = models.DateTimeField(_("geregeld op"), null=True, blank=True)
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("geregeld door"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("jubileum")
        verbose_name_plural = _("jubilea")
        constraints = [models.UniqueConstraint(fields=["person", "milestone"], name="jubilee_once_per_milestone")]

    def __str__(self) -> str:
        return f"{self.get_milestone_display()} ({self.on:%d-%m-%Y})"


class JubileeReminder(models.Model):
    """The one reminder to the manager for a jubilee: the unique row makes it exactly once."""

    jubilee = models.OneToOneField(Jubilee, on_delete=models.CASCADE, related_name="reminder")
    recipient = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("herinnering jubileum")
        verbose_name_plural = _("herinneringen jubileum")

    def __str__(self) -> str:
        return f"{self.jubilee} ({self.sent_at:%d-%m-%Y})"


class MedalNomination(models.Model):
    """A nomination for the Eremedaille voor Verdienste, routed to the leadership of the nominee's unit."""

    nominator = models.ForeignKey(
        Person, verbose_name=_("voorgedragen door"), on_delete=models.CASCADE, related_name="+"
    )
    nominee = models.ForeignKey(Person, verbose_name=_("collega"), on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("eenheid"), on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("waarom"))
    status = models.CharField(
        _("status"), max_length=20, choices=NominationStatus.choices, default=NominationStatus.SUBMITTED
    )
    created_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("voordracht Eremedaille")
        verbose_name_plural = _("voordrachten Eremedaille")
        constraints = [
            models.CheckConstraint(condition=~Q(nominator=models.F("nominee")), name="medal_nomination_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} ({self.get_status_display()})"


class TeamAwardNomination(models.Model):
    """A nomination of a team for WEP's monthly Team Award."""

    nominator = models.ForeignKey(
        Person, verbose_name=_("voorgedragen door"), on_delete=models.CASCADE, related_name="+"
    )
    team = models.ForeignKey(OrgNode, verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("waarom"))
    created_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("voordracht Team Award")
        verbose_name_plural = _("voordrachten Team Award")

    def __str__(self) -> str:
        return str(self.team)


class BlueHeart(models.Model):
    """A Blauw Hart: a thank-you from one colleague to another. Only the receiver decides whether
    their manager may see it."""

    sender = models.ForeignKey(Person, verbose_name=_("van"), on_delete=models.CASCADE, related_name="+")
    receiver = models.ForeignKey(Person, verbose_name=_("voor"), on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("bedankje"), max_length=600)
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    shared_with_manager = models.BooleanField(_("zichtbaar voor leidinggevende"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Blauw Hart")
        verbose_name_plural = _("Blauwe Harten")
        constraints = [models.CheckConstraint(condition=~Q(sender=models.F("receiver")), name="blue_heart_not_self")]

    def __str__(self) -> str:
        return f"{self.sender} → {self.receiver}"


class PageEdition(models.Model):
    """One edition of a recognition content page. Editions are never changed: an edit adds the
    next edition, so the history stays; the page shows the highest edition of its slug."""

    slug = models.SlugField(_("adres (slug)"), max_length=60)
    edition = models.PositiveIntegerField(_("editie"))
    section = models.CharField(_("onderdeel"), max_length=20, choices=Section.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=120)
    summary = models.CharField(_("korte samenvatting"), max_length=240)
    body = models.TextField(_("tekst"), help_text=_("Laat een witregel tussen alinea's."))
    how_to_join = models.TextField(_("meedoen of aanmelden"), blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["section", "order", "title"]
        verbose_name = _("erkenningspagina")
        verbose_name_plural = _("erkenningspagina's")
        constraints = [models.UniqueConstraint(fields=["slug", "edition"], name="page_edition_unique")]

    def __str__(self) -> str:
        return f"{self.title} ({self.edition})"
