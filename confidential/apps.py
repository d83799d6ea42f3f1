from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfidentialConfig(AppConfig):
    """Confidential routes: where an employee can go with something that should stop, be looked
    into, talked about or advised on, with or without their manager (docs/confidential.md)."""

    name = "confidential"
    verbose_name = _("Vertrouwelijke routes")
