from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AftercareConfig(AppConfig):
    name = "aftercare"
    verbose_name = _("Opvang en nazorg")

    def ready(self) -> None:
        from aftercare import tasks
        from core.schedule import Every, RecurringJob, register

        register(
            # Safety net for the per-step reminder and escalation tasks (a worker that died mid-run).
            RecurringJob("aftercare.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=15),
            RecurringJob(
                "aftercare.anonymise_closed_plans", tasks.anonymise_closed_plans, Every.DAY, hour=3, minute=40
            ),
        )
        from aftercare import receivers  # noqa: F401  (demo data)
