from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    """Occupational disease and PTSS recognition cases, and buddy coordination (issue 22 §1)."""

    name = "casework"
    verbose_name = _("Beroepsrisico en buddy's")

    def ready(self) -> None:
        from casework import receivers  # noqa: F401  (aftercare anonymisation, demo data)
