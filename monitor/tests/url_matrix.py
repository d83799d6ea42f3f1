"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them)."""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import CARE_PROFESSIONAL_ROLES, Role
from tests.matrix import FORBIDDEN, Case, everyone, logged_in, only

CAMPAIGN_ROLES = (Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES)
PLAN_ROLES = (Role.LEIDINGGEVENDE, *CAMPAIGN_ROLES)


def campaign_pk(org: Organisation) -> dict[str, Any]:
    from monitor.models import Campaign
    from monitor.tests import factories

    found = Campaign.objects.filter(name="Matrix").first() or factories.campaign(
        nodes=[org.team], actor=org.users[Role.HR_ANALIST], name="Matrix"
    )
    return {"pk": found.pk}


def invitation_token(org: Organisation) -> dict[str, Any]:
    from monitor.models import Campaign
    from monitor.tests import factories

    token = "matrix-token".ljust(43, "x")
    campaign = Campaign.objects.get(pk=campaign_pk(org)["pk"])
    factories.bare_invitation(campaign, org.team, token)
    return {"token": token}


def team_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": org.team.pk}


def measure_pk(org: Organisation) -> dict[str, Any]:
    from monitor.models import Measure

    measure, _created = Measure.objects.get_or_create(
        team=org.team, title="Nabespreken na zware diensten", defaults={"owner": "Teamchef", "scales": ["werkdruk"]}
    )
    return {"pk": measure.pk}


ROWS: dict[str, Case] = {
    "monitor:dashboard": Case(logged_in()),
    "monitor:dashboard_csv": Case(logged_in()),
    "monitor:dashboard_pdf": Case(logged_in()),
    "monitor:campaigns": Case(only(*CAMPAIGN_ROLES)),
    "monitor:campaign_create": Case(only(*CAMPAIGN_ROLES)),
    "monitor:campaign": Case(only(*CAMPAIGN_ROLES), kwargs=campaign_pk),
    "monitor:campaign_send": Case(only(*CAMPAIGN_ROLES), method="post", kwargs=campaign_pk),
    "monitor:campaign_remind": Case(only(*CAMPAIGN_ROLES), method="post", kwargs=campaign_pk),
    "monitor:campaign_close": Case(only(*CAMPAIGN_ROLES), method="post", kwargs=campaign_pk),
    # The questionnaire behind an invitation link: no login, no second factor (it shows nobody's data).
    "monitor:respond": Case(everyone(), kwargs=invitation_token),
    "monitor:respond_done": Case(everyone()),
    "monitor:plans": Case(only(*PLAN_ROLES)),
    "monitor:plan": Case(only(*PLAN_ROLES), kwargs=team_pk),
    # Only the team's leidinggevende changes a measure; analysts and care professionals read.
    # Aggregates only, for the user's own scope (session authentication: anonymous gets 403).
    "monitor-result-list": Case(logged_in(anonymous=FORBIDDEN)),
    "monitor:measure": Case(only(Role.LEIDINGGEVENDE), method="post", kwargs=measure_pk, data={"m0-status": "bezig"}),
    "monitor:measure_edit": Case(only(Role.LEIDINGGEVENDE), kwargs=measure_pk),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {"monitor:respond", "monitor:respond_done"}
