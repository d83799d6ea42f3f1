from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaristaConfig(AppConfig):
    name = "barista"
    verbose_name = _("Barista")

    def ready(self) -> None:
        from barista import receivers  # noqa: F401  (connects the aftercare hook)
