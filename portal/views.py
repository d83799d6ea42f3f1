"""The site's own pages: the home page and 'Direct hulp' (the audit trail is in ``views_audit``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from access import public_page, roles_of
from catalogue import selectors as catalogue_selectors
from catalogue.constants import TCO_PROVISION
from catalogue.help_lines import help_lines
from core.anonymous_page import cached_for_anonymous
from organisation.constants import Role
from portal.work import work_for


# The page can carry the user's own survey link: no copy in any browser or proxy cache. An
# anonymous visitor's page is the same for everyone and comes from the server's page cache.
@cached_for_anonymous
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    labels = dict(Role.choices)
    role_labels = [labels[role] for role in sorted(roles_of(request.user)) if role in labels]
    work = work_for(request.user)
    groups = [
        (work.steps, _("Stappen in de nazorg")),
        (work.invitations, _("Barista-uitnodigingen")),
        (work.surveys, _("Vragenlijsten")),
        (work.own_plans, _("Je eigen nazorg")),
    ]
    return render(request, "portal/home.html", {"role_labels": role_labels, "work": work, "work_groups": groups})


@public_page
@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    """'Direct hulp': emergency numbers, the 24/7 Loket and the TCO of the visitor's unit.
    Always reachable, no login; the numbers come from the published catalogue (``catalogue.help_lines``)."""
    unit = catalogue_selectors.visitor_unit(request, catalogue_selectors.units())
    context = {
        "lines": help_lines(unit.pk if unit is not None else None),
        "unit": unit,
        "tco_url": reverse("catalogue:provision", args=[TCO_PROVISION]),
    }
    return render(request, "portal/help.html", context)
