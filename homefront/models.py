"""The one farewell mail per person before they leave service (a unique row makes it exactly once)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.models import Person


class FarewellMail(models.Model):
    person = models.OneToOneField(Person, verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("afscheidsmail")
        verbose_name_plural = _("afscheidsmails")

    def __str__(self) -> str:
        return f"{self.person} ({self.sent_at:%d-%m-%Y})"
