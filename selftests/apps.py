from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelftestsConfig(AppConfig):
    name = "selftests"
    verbose_name = _("Zelftests")

    def ready(self) -> None:
        from selftests import checks  # noqa: F401 - registers the system check
