from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogus")

    def ready(self) -> None:
        from catalogue import checks, receivers  # noqa: F401 - checks register themselves; receivers connect
