"""The main navigation, built per role from ``access``.

To add a menu entry, add a ``NavItem`` to ``NAVIGATION`` guarded by an action of ``access``."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import access
from catalogue.help_lines import help_lines


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    action: str | None  # None: every visitor sees it

    def url(self) -> str:
        return reverse(self.url_name)


#: Later modules add their entries here, guarded by an action of access.
NAVIGATION: list[NavItem] = [
    NavItem(_("Home"), "portal:home", None),
    NavItem(_("Zorgwijzer"), "catalogue:overview", None),
    NavItem(_("Gezond werken"), "healththemes:index", None),
    NavItem(_("Zelftests"), "selftests:index", None),
    NavItem(_("Feiten en cijfers"), "figures:overview", None),
    NavItem(_("Waar kan ik terecht?"), "confidential:router", None),
    NavItem(_("Mijn nazorg"), "aftercare:my_plans", "aftercare.own"),
    NavItem(_("Nazorg in mijn team"), "aftercare:team", "aftercare.team"),
    NavItem(_("Mijn ondersteuning"), "aftercare:cases", "aftercare.cases"),
    NavItem(_("Coördinatie opvang en nazorg"), "aftercare:coordination", "aftercare.coordinate"),
    NavItem(_("Weerbaarheid"), "monitor:dashboard", "monitor.dashboard"),
    NavItem(_("Metingen"), "monitor:campaigns", "monitor.campaigns"),
    NavItem(_("Plannen van Aanpak"), "monitor:plans", "monitor.plans"),
    NavItem(_("Barista-uitnodigingen"), "barista:invitations", "barista.invitations"),
    NavItem(_("Mijn Barista-signalen"), "barista:own", "barista.own"),
    NavItem(_("Barista: gebeurtenis vastleggen"), "barista:exposure_add", "barista.exposures"),
    NavItem(_("Barista-beheer"), "barista:rules", "barista.manage"),
    NavItem(_("Barista-cijfers"), "barista:statistics", "barista.statistics"),
    NavItem(_("Organisatie"), "organisation:units", "organisation.view"),
    NavItem(_("Medewerkers"), "organisation:people", "people.view"),
    NavItem(_("HR-import"), "organisation:import", "organisation.import"),
    NavItem(_("Rollen"), "organisation:roles", "roles.manage"),
    NavItem(_("Audittrail"), "portal:audit", "audit.view"),
    NavItem(_("Beheer Zorgwijzer"), "catalogue:editor_home", "content.manage"),
    NavItem(_("Thema's beheren"), "healththemes:manage", "content.manage"),
]


def navigation(request: HttpRequest) -> dict[str, object]:
    user = request.user
    items = [item for item in NAVIGATION if item.action is None or access.can(user, item.action)]
    urls = [(item, item.url()) for item in items]
    nav = [{"label": item.label, "url": url, "current": url == request.path} for item, url in urls]
    return {
        # The 24/7 Loket in the header: one tap to call from every page (catalogue.help_lines).
        "help_line": help_lines().loket,
        "main_navigation": nav,
        "user_roles": sorted(access.roles_of(user)),
    }
