from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Basis")

    def ready(self) -> None:
        from core import tasks
        from core.schedule import Every, RecurringJob, register

        register(
            RecurringJob("core.clear_expired_sessions", tasks.clear_expired_sessions, Every.HOUR, minute=5),
            RecurringJob(
                "core.reset_expired_axes_attempts", tasks.reset_expired_axes_attempts, Every.DAY, hour=3, minute=10
            ),
            RecurringJob(
                "core.prune_finished_task_results", tasks.prune_finished_task_results, Every.DAY, hour=3, minute=20
            ),
            RecurringJob("core.prune_scheduled_runs", tasks.prune_scheduled_runs, Every.DAY, hour=3, minute=30),
        )
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core import checks, public_cache  # noqa: F401 - checks register themselves

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(public_cache.content_changed, dispatch_uid=f"public-page-{signal!r}")
