from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The site around the modules: home page, 'Direct hulp', main navigation, audit trail.

    Unlike ``core`` (the ground floor, which imports no app), this app may know every module:
    it is where they meet on one screen.
    """

    name = "portal"
    verbose_name = _("Portaal")
