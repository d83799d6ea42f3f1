from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    """Recognition: jubilees and medals, nominations, Blauw Hart, recognition content (issue 21)."""

    name = "recognition"
    verbose_name = _("Waardering en erkenning")

    def ready(self) -> None:
        from core.schedule import Every, RecurringJob, register
        from recognition import receivers, tasks  # noqa: F401 - connects the demo receiver

        register(RecurringJob("recognition.scan_jubilees", tasks.scan_jubilees, Every.DAY, hour=7, minute=10))
