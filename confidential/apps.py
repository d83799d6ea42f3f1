from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfidentialConfig(AppConfig):
    """Confidential routes: where an employee can go with something that should stop, be looked
    into, talked about or advised on, requests that bypass the manager (MCU, mediation, a named
    vertrouwenspersoon) and the anonymous two-way line (docs/confidential.md)."""

    name = "confidential"
    verbose_name = _("Vertrouwelijke routes")

    def ready(self) -> None:
        import access.confidential  # noqa: F401  (registers the capabilities; also imported by access)
        from confidential import receivers, tasks  # noqa: F401 - receivers connect on import
        from core.schedule import Every, RecurringJob, register

        register(
            # Safety net for the per-request reminder and escalation tasks.
            RecurringJob("confidential.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=20),
            # Exactly once per person per year (unique row); daily so new team members are invited too.
            RecurringJob("confidential.invite_heavy_teams", tasks.invite_heavy_teams, Every.DAY, hour=7, minute=10),
            RecurringJob(
                "confidential.erase_expired_reports", tasks.erase_expired_reports, Every.DAY, hour=3, minute=50
            ),
        )
