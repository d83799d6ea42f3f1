from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamcareConfig(AppConfig):
    """Teams that need attention: combined signals, the guided route, values dialogues and
    periodic check-ups (issue 20)."""

    name = "teamcare"
    verbose_name = _("Teams in beeld")

    def ready(self) -> None:
        from core.schedule import Every, RecurringJob, register
        from teamcare import checks, receivers, tasks  # noqa: F401  (checks register, receivers connect on import)

        register(RecurringJob("teamcare.scan_checkups", tasks.scan_checkups, Every.DAY, hour=6, minute=20))
        register(RecurringJob("teamcare.freeze_feedback", tasks.freeze_feedback, Every.DAY, hour=6, minute=40))
