from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Basis")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core import checks, public_cache  # noqa: F401 - checks register themselves

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(public_cache.content_changed, dispatch_uid=f"public-page-{signal!r}")
