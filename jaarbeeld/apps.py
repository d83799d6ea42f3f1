from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JaarbeeldConfig(AppConfig):
    """Sociaal Jaarbeeld: indicators, editions with consultation history, HTML and PDF (issue 16)."""

    name = "jaarbeeld"
    verbose_name = _("Sociaal Jaarbeeld")
