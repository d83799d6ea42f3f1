from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomefrontConfig(AppConfig):
    """The home front and former colleagues: public information sections and the leaflet (issue 21)."""

    name = "homefront"
    verbose_name = _("Thuisfront en oud-collega's")

    def ready(self) -> None:
        from core.schedule import Every, RecurringJob, register
        from homefront import tasks

        register(RecurringJob("homefront.scan_farewells", tasks.scan_farewells, Every.DAY, hour=8, minute=5))
