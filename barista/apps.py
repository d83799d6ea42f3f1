from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaristaConfig(AppConfig):
    name = "barista"
    verbose_name = _("Barista")

    def ready(self) -> None:
        from barista import tasks
        from core.schedule import Every, RecurringJob, register

        register(
            RecurringJob("barista.evaluate_all", tasks.evaluate_all, Every.DAY, hour=6, minute=0),
            RecurringJob("barista.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=25),
            RecurringJob("barista.expire_and_retain", tasks.expire_and_retain, Every.DAY, hour=3, minute=50),
        )

        from barista import receivers  # noqa: F401  (connects the aftercare receivers)
