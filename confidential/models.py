"""Requests that bypass the manager (Mental Check Up, mediation, a named vertrouwenspersoon) and
the anonymous two-way line (encrypted at rest; docs/confidential.md, "Threat model")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from confidential.constants import (
    Forwarding,
    LineAuthor,
    LineRoute,
    LineStatus,
    NoticeKind,
    RequestKind,
    RequestStatus,
    SupportOption,
)


class Request(models.Model):
    """One request of an employee. ``person`` is the requester; ``unit`` the unit whose pool
    receives it (MCU: the psychologists of the requester's unit). The manager is never involved."""

    kind = models.CharField(_("soort"), max_length=20, choices=RequestKind.choices)
    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("aanvrager"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW)
    handler = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("behandelaar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(_("toelichting"), blank=True, max_length=2000)
    support_options = models.JSONField(_("gekozen ondersteuning"), default=list, blank=True)
    other_party = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("andere partij"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    topic = models.CharField(_("onderwerp"), max_length=200, blank=True)
    other_message = models.TextField(_("toelichting van de ander"), blank=True, max_length=2000)
    appointment_at = models.DateTimeField(_("afspraak"), null=True, blank=True)
    appointment_place = models.CharField(_("plaats of manier"), max_length=200, blank=True)
    invited = models.BooleanField(_("na een jaarlijkse uitnodiging"), default=False)
    due_at = models.DateTimeField(_("reactie uiterlijk"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("verzoek")
        verbose_name_plural = _("verzoeken")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def support_labels(self) -> list[str]:
        labels = dict(SupportOption.choices)
        return [str(labels[value]) for value in self.support_options if value in labels]


class RequestNotice(models.Model):
    """A reminder or escalation of a request's service-level deadline: at most one per kind (the
    unique constraint makes "exactly once" hold even when two workers race)."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("soort"), max_length=20, choices=NoticeKind.choices)
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "kind"], name="confidential_notice_once")]

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind}"


class HeavyLoadTeam(models.Model):
    """A team marked heavily loaded: its members get a yearly MCU invitation."""

    team = models.OneToOneField(
        "organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(_("gemarkeerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("zwaarbelast team")
        verbose_name_plural = _("zwaarbelaste teams")

    def __str__(self) -> str:
        return f"{self.team}"


class McuInvitation(models.Model):
    """The yearly MCU invitation of one member of a heavily loaded team: one per person per year."""

    person = models.ForeignKey("organisation.Person", on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey("organisation.OrgNode", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField(_("jaar"))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="confidential_invitation_once")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.year}"


# --- The anonymous two-way line -----------------------------------------------------------------
# Nothing below identifies a reporter: no user, no IP, no user agent, times only as a date.
# Message texts and attachments exist only as ciphertext (confidential/crypto.py).


class RecipientKey(models.Model):
    """A vertrouwenspersoon's X25519 key pair; the private key is encrypted with a key derived
    (scrypt) from a passphrase only they know. The server cannot unlock it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    public_key = models.BinaryField(_("publieke sleutel"))
    private_key_box = models.BinaryField(_("versleutelde privésleutel"))
    salt = models.BinaryField(_("zout"))
    created_on = models.DateField(_("aangemaakt op"), auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user_id}"


class LineReport(models.Model):
    """One anonymous conversation. ``lookup`` is a keyed hash of the receipt code (to find the
    row); ``verifier`` and the reporter's key come from scrypt over the receipt with ``salt``."""

    lookup = models.CharField(max_length=64, unique=True)
    salt = models.BinaryField()
    verifier = models.BinaryField()
    reporter_public_key = models.BinaryField()
    reporter_private_key_box = models.BinaryField()
    route = models.CharField(_("route"), max_length=20, choices=LineRoute.choices)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=LineStatus.choices, default=LineStatus.OPEN)
    support_option = models.CharField(
        _("gekozen ondersteuning"), max_length=20, choices=SupportOption.choices, blank=True
    )
    forwarding = models.CharField(_("doorgeven"), max_length=20, choices=Forwarding.choices, default=Forwarding.NOTHING)
    created_on = models.DateField(_("gestart op"))
    last_activity_on = models.DateField(_("laatste bericht op"))
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)

    class Meta:
        ordering = ["-last_activity_on", "-id"]
        verbose_name = _("anonieme melding")
        verbose_name_plural = _("anonieme meldingen")

    def __str__(self) -> str:
        return f"#{self.pk}"


class LineMessage(models.Model):
    """One message, sealed: ``ciphertext`` under a fresh message key, that key wrapped for the
    reporter and for each recipient in ``envelopes`` ({"melder": …, "<user id>": …})."""

    report = models.ForeignKey(LineReport, on_delete=models.CASCADE, related_name="messages")
    position = models.PositiveIntegerField()
    author = models.CharField(max_length=20, choices=LineAuthor.choices)
    ciphertext = models.BinaryField()
    envelopes = models.JSONField(default=dict)
    created_on = models.DateField()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["report", "position"], name="confidential_message_position")]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.position}"


class LineAttachment(models.Model):
    """An attachment of a message, encrypted with the message key (name and type included)."""

    message = models.ForeignKey(LineMessage, on_delete=models.CASCADE, related_name="attachments")
    ciphertext = models.BinaryField()

    def __str__(self) -> str:
        return f"{self.message_id}"
