"""Choices of the agenda app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    UNKNOWN = "", _("Nog niet vastgelegd")
    PLANNED = "gepland", _("Gepland")
    RUNNING = "loopt", _("Loopt")
    DONE = "afgerond", _("Afgerond")
    STOPPED = "gestopt", _("Gestopt")


class EffortSection(models.TextChoices):
    GAP = "inzet", _("Dit verdient landelijk meer inzet")
    SUPPORT = "ondersteuning", _("Hoe organiseren we de ondersteuning beter")
