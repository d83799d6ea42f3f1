from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    """Complaints register for unwanted behaviour: intake, mediation, written views, committee advice
    per element, decision, deadlines, retention and statistics (issue 18)."""

    name = "complaints"
    verbose_name = _("Klachten ongewenst gedrag")

    def ready(self) -> None:
        from complaints import receivers, tasks  # noqa: F401 - receivers connect on import
        from core.schedule import Every, RecurringJob, register

        register(
            # Safety net for the per-stage reminder and escalation tasks (a worker that died mid-run).
            RecurringJob("complaints.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=25),
            RecurringJob("complaints.erase_expired", tasks.erase_expired_complaints, Every.DAY, hour=3, minute=50),
        )
