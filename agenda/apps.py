from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    """Sociale Agenda 2023-2027: priorities, agenda questions, national actions with status, unit answers (issue 16)."""

    name = "agenda"
    verbose_name = _("Sociale Agenda")

    def ready(self) -> None:
        from agenda import receivers  # noqa: F401 - receivers connect on import
