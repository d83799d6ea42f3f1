from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrityConfig(AppConfig):
    """Integrity (VIK): dilemma library, live sessions, dilemma check, meldplicht, session requests, triage."""

    name = "integrity"
    verbose_name = _("Integriteit (VIK)")

    def ready(self) -> None:
        from integrity import receivers  # noqa: F401  (demo data)
