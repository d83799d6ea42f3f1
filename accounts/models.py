"""Per-account security state that Django's user model does not hold, and the API tokens of systems."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountSecurity(models.Model):
    """Sessions started before ``sessions_valid_after`` are ended ("uitloggen op alle apparaten")."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="security"
    )
    sessions_valid_after = models.DateTimeField(_("sessies geldig vanaf"), null=True, blank=True)

    class Meta:
        verbose_name = _("accountbeveiliging")
        verbose_name_plural = _("accountbeveiliging")

    def __str__(self) -> str:
        return str(self.user)


class ApiToken(models.Model):
    """The credential of a system that pushes data (an incident system delivering exposures).

    Only the SHA-256 hash of the token is stored, never the token: it is shown once, when it is
    made (``accounts.tokens``). ``prefix`` is the token's visible start, to tell tokens apart in the
    list, the audit trail and the logs. A token is not a person's account: it holds no role and
    opens only the endpoints of its ``scopes``.
    """

    name = models.CharField(_("naam"), max_length=100)
    prefix = models.CharField(_("herkenningscode"), max_length=16, unique=True)
    secret_hash = models.CharField(_("hash van het token"), max_length=64, unique=True)
    scopes = models.JSONField(_("rechten"), default=list)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    expires_on = models.DateField(_("verloopt op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingetrokken door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"{self.prefix} ({self.name})"

    def is_expired(self, today: dt.date) -> bool:
        """Expired from the start of ``expires_on`` (a token "verloopt op" that day)."""
        return self.expires_on is not None and today >= self.expires_on

    @property
    def audit_name(self) -> str:
        """Who the token is in the audit trail and the logs: its prefix and name, never the secret."""
        return f"API-token {self.prefix} ({self.name})"[:150]
