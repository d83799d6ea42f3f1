"""The main navigation, built per role from ``access``.

To add a menu entry, add a ``NavItem`` to ``NAVIGATION`` guarded by an action of ``access``,
with the menu area it belongs in (``CARE`` unless said)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import access
from catalogue.help_lines import help_lines

#: The menu's areas, in this order (issue 15 §2): what helps me, my team, my work as a
#: professional or staff member, and administration. Empty areas are not shown.
CARE, TEAM, WORK, ADMIN = "zorg", "team", "werk", "beheer"
GROUP_LABELS: dict[str, str | Promise] = {
    CARE: _("Zorg en hulp"),
    TEAM: _("Mijn team"),
    WORK: _("Mijn werk"),
    ADMIN: _("Beheer"),
}


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    action: str | None  # None: every visitor sees it
    group: str = CARE  # the menu's area (GROUP_LABELS)

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
    NavItem(_("Nazorg in mijn team"), "aftercare:team", "aftercare.team", TEAM),
    NavItem(_("Mijn ondersteuning"), "aftercare:cases", "aftercare.cases", WORK),
    NavItem(_("Coördinatie opvang en nazorg"), "aftercare:coordination", "aftercare.coordinate", WORK),
    NavItem(_("Mijn dossiers nazorg"), "aftercare:casework", "aftercare.casework", WORK),
    NavItem(_("Sjablonen nazorg"), "aftercare:templates", "aftercare.templates", ADMIN),
    NavItem(_("Weerbaarheid"), "monitor:dashboard", "monitor.dashboard", TEAM),
    NavItem(_("Metingen"), "monitor:campaigns", "monitor.campaigns", WORK),
    NavItem(_("Plannen van Aanpak"), "monitor:plans", "monitor.plans", TEAM),
    NavItem(_("Barista-uitnodigingen"), "barista:invitations", "barista.invitations", TEAM),
    NavItem(_("Mijn Barista-signalen"), "barista:own", "barista.own"),
    NavItem(_("Barista: gebeurtenis vastleggen"), "barista:exposure_add", "barista.exposures", TEAM),
    NavItem(_("Barista-beheer"), "barista:rules", "barista.manage", ADMIN),
    NavItem(_("Barista-cijfers"), "barista:statistics", "barista.statistics", WORK),
    NavItem(_("Mijn verzoeken"), "confidential:requests", "confidential.request"),
    NavItem(_("Postvak verzoeken"), "confidential:inbox", "confidential.inbox", WORK),
    NavItem(_("Anonieme meldingen"), "confidential:line_inbox", "confidential.vertrouwenspersoon", WORK),
    # [complaints] navigation
    NavItem(_("Mijn klachten"), "complaints:mine", "complaints.own"),
    NavItem(_("Klachten ongewenst gedrag"), "complaints:index", "complaints.list", WORK),
    NavItem(_("Cijfers klachten"), "complaints:statistics", "complaints.statistics", WORK),
    # [integrity] navigation
    NavItem(_("Integriteit"), "integrity:index", None),
    NavItem(_("Dilemmasessies"), "integrity:sessions", "integrity.facilitate", WORK),
    NavItem(_("VIK-triage"), "integrity:triage", "integrity.triage", WORK),
    # [jaarbeeld] navigation
    NavItem(_("Sociaal Jaarbeeld"), "jaarbeeld:index", "jaarbeeld.read", WORK),
    # [agenda] navigation
    NavItem(_("Sociale Agenda"), "agenda:overview", "agenda.read", WORK),
    # [teamcare] navigation
    NavItem(_("Teams in beeld"), "teamcare:index", "teamcare.use", WORK),
    NavItem(_("Mijn waardengesprekken"), "teamcare:my_dialogues", "teamcare.evaluate"),
    # [recognition] navigation
    NavItem(_("Waardering"), "recognition:index", "recognition.view"),
    NavItem(_("Jubilea in mijn team"), "recognition:team", "recognition.team", TEAM),
    # [homefront] navigation
    NavItem(_("Thuisfront"), "homefront:homefront", None),
    # [casework] navigation
    NavItem(_("Beroepsrisico en buddy"), "casework:own", "casework.own"),
    NavItem(_("Zaken beroepsrisico"), "casework:cases", "casework.cases", WORK),
    NavItem(_("Buddypoules"), "casework:buddies", "casework.buddies", WORK),
    NavItem(_("Organisatie"), "organisation:units", "organisation.view"),
    NavItem(_("Medewerkers"), "organisation:people", "people.view", TEAM),
    NavItem(_("HR-import"), "organisation:import", "organisation.import", ADMIN),
    NavItem(_("Rollen"), "organisation:roles", "roles.manage", ADMIN),
    NavItem(_("Audittrail"), "portal:audit", "audit.view", ADMIN),
    NavItem(_("API-tokens"), "accounts:api_tokens", "api_tokens.manage", ADMIN),
    NavItem(_("Beheer Zorgwijzer"), "catalogue:editor_home", "content.manage", ADMIN),
    NavItem(_("Thema's beheren"), "healththemes:manage", "content.manage", ADMIN),
]


def navigation(request: HttpRequest) -> dict[str, object]:
    user = request.user
    items = [item for item in NAVIGATION if item.action is None or access.can(user, item.action)]
    grouped: dict[str, list[dict[str, object]]] = {group: [] for group in GROUP_LABELS}
    for item in items:
        url = item.url()
        grouped[item.group].append({"label": item.label, "url": url, "current": url == request.path})
    groups = [{"key": key, "label": GROUP_LABELS[key], "items": entries} for key, entries in grouped.items() if entries]
    return {
        # The 24/7 Loket in the header: one tap to call from every page (catalogue.help_lines).
        "help_line": help_lines().loket,
        "navigation_groups": groups,
        "user_roles": sorted(access.roles_of(user)),
    }
