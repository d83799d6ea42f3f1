from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthThemesConfig(AppConfig):
    name = "healththemes"
    verbose_name = _("Gezondheidsthema's")
