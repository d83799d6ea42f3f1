"""Per-account security state that Django's user model does not hold."""

from __future__ import annotations

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
