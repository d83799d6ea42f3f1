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
    NavItem(_("Mijn verzoeken"), "confidential:requests", "confidential.request"),
    NavItem(_("Postvak verzoeken"), "confidential:inbox", "confidential.inbox"),
    NavItem(_("Anonieme meldingen"), "confidential:line_inbox", "confidential.vertrouwenspersoon"),
    # [complaints] navigation
    NavItem(_("Mijn klachten"), "complaints:mine", "complaints.own"),
    NavItem(_("Klachten ongewenst gedrag"), "complaints:index", "complaints.list"),
    NavItem(_("Cijfers klachten"), "complaints:statistics", "complaints.statistics"),
    # [integrity] navigation
    NavItem(_("Integriteit"), "integrity:index", None),
    NavItem(_("Dilemmasessies"), "integrity:sessions", "integrity.facilitate"),
    NavItem(_("VIK-triage"), "integrity:triage", "integrity.triage"),
    # [jaarbeeld] navigation
    NavItem(_("Sociaal Jaarbeeld"), "jaarbeeld:index", "jaarbeeld.read"),
    # [agenda] navigation
    NavItem(_("Sociale Agenda"), "agenda:overview", "agenda.read"),
    # [teamcare] navigation
    NavItem(_("Teams in beeld"), "teamcare:index", "teamcare.use"),
    NavItem(_("Mijn waardengesprekken"), "teamcare:my_dialogues", "teamcare.evaluate"),
    # [recognition] navigation
    NavItem(_("Waardering"), "recognition:index", "recognition.view"),
    NavItem(_("Jubilea in mijn team"), "recognition:team", "recognition.team"),
    # [homefront] navigation
    NavItem(_("Thuisfront"), "homefront:homefront", None),
    NavItem(_("Organisatie"), "organisation:units", "organisation.view"),
    NavItem(_("Medewerkers"), "organisation:people", "people.view"),
    NavItem(_("HR-import"), "organisation:import", "organisation.import"),
    NavItem(_("Rollen"), "organisation:roles", "roles.manage"),
    NavItem(_("Audittrail"), "portal:audit", "audit.view"),
    NavItem(_("Beheer Zorgwijzer"), "catalogue:editor_home", "content.manage"),
    NavItem(_("Thema's beheren"), "healththemes:manage", "content.manage"),
]


#: The menu's areas, in this order (issue 15 §2): what helps me, my team, my work as a
#: professional or staff member, and administration. Empty areas are not shown.
CARE, TEAM, WORK, ADMIN = "zorg", "team", "werk", "beheer"
GROUP_LABELS: dict[str, str | Promise] = {
    CARE: _("Zorg en hulp"),
    TEAM: _("Mijn team"),
    WORK: _("Mijn werk"),
    ADMIN: _("Beheer"),
}
#: Area of a menu entry by URL name, else by its app (the part before the colon); else CARE.
GROUP_BY_URL_NAME: dict[str, str] = {
    "aftercare:team": TEAM,
    "aftercare:cases": WORK,
    "aftercare:coordination": WORK,
    "monitor:dashboard": TEAM,
    "monitor:plans": TEAM,
    "monitor:campaigns": WORK,
    "barista:invitations": TEAM,
    "barista:exposure_add": TEAM,
    "barista:rules": ADMIN,
    "barista:statistics": WORK,
    "organisation:people": TEAM,
    "organisation:import": ADMIN,
    "organisation:roles": ADMIN,
    "portal:audit": ADMIN,
    "catalogue:editor_home": ADMIN,
    "healththemes:manage": ADMIN,
    "complaints:index": WORK,
    "complaints:statistics": WORK,
    "integrity:sessions": WORK,
    "integrity:triage": WORK,
    "teamcare:index": WORK,
    "recognition:team": TEAM,
    "confidential:inbox": WORK,
    "confidential:line_inbox": WORK,
}
GROUP_BY_APP: dict[str, str] = {"jaarbeeld": WORK, "agenda": WORK}


def group_of(item: NavItem) -> str:
    return GROUP_BY_URL_NAME.get(item.url_name) or GROUP_BY_APP.get(item.url_name.split(":")[0], CARE)


def navigation(request: HttpRequest) -> dict[str, object]:
    user = request.user
    items = [item for item in NAVIGATION if item.action is None or access.can(user, item.action)]
    urls = [(item, item.url()) for item in items]
    nav: list[dict[str, object]] = [
        {"label": item.label, "url": url, "current": url == request.path} for item, url in urls
    ]
    grouped: dict[str, list[dict[str, object]]] = {group: [] for group in GROUP_LABELS}
    for (item, _url), entry in zip(urls, nav, strict=True):
        grouped[group_of(item)].append(entry)
    groups = [{"key": key, "label": GROUP_LABELS[key], "items": entries} for key, entries in grouped.items() if entries]
    return {
        # The 24/7 Loket in the header: one tap to call from every page (catalogue.help_lines).
        "help_line": help_lines().loket,
        "main_navigation": nav,
        "navigation_groups": groups,
        "user_roles": sorted(access.roles_of(user)),
    }
