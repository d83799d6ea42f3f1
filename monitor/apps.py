from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "monitor"
    verbose_name = _("Weerbaarheidsmonitor")

    def ready(self) -> None:
        from core.schedule import Every, RecurringJob, register
        from monitor import tasks

        register(
            RecurringJob("monitor.close_due_campaigns", tasks.close_due_campaigns, Every.DAY, hour=2, minute=40),
            RecurringJob(
                "monitor.send_scheduled_reminders", tasks.send_scheduled_reminders, Every.DAY, hour=9, minute=0
            ),
        )
        from monitor import receivers  # noqa: F401  (demo data)
