"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

"Waar kan ik terecht?" and the reporter's side of the anonymous line are open to everyone, logged
in or not, and to a care-data role before the second factor: they show no one's personal data.

The request rows use one request of each kind by the plain medewerker persona: an MCU (seen by the
eenheidspsycholoog of the unit), a request to the vertrouwenspersoon persona, and a mediation with
a colleague of another unit whose mediator comes from a third unit. The manager, the HR analist
and the functioneel beheerder get 404 on all of them, like everyone else who is not involved.
"""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import ANONYMOUS, FORBIDDEN, LOGIN, NOT_FOUND, OK, ROLES, Case, everyone, logged_in, only


def _request(org: Organisation, kind: str) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from confidential.constants import RequestStatus
    from confidential.models import Request

    requester = org.people[Role.MEDEWERKER]
    existing = Request.objects.filter(person=requester, kind=kind).first()
    if existing is not None:
        return existing
    handler = org.people[Role.VERTROUWENSPERSOON] if kind == "vertrouwenspersoon" else None
    other: Any = None
    if kind == "mediation":
        from organisation.tests.factories import OrgNodeFactory, PersonFactory, UnitFactory, UserFactory

        elsewhere = OrgNodeFactory(unit=UnitFactory(code="matrix-b", name="Matrix B"))
        other = PersonFactory(user=UserFactory(username="matrix-other-party"), team=elsewhere)
        handler = PersonFactory(team=OrgNodeFactory(unit=UnitFactory(code="matrix-c", name="Matrix C")))
    return Request.objects.create(
        kind=kind,
        person=requester,
        unit=org.unit,
        handler=handler,
        other_party=other,
        topic="Samenwerking" if other else "",
        support_options=["luisteren"] if kind == "vertrouwenspersoon" else [],
        status=RequestStatus.NEW,
        due_at=timezone.now() + timedelta(days=3),
    )


def mcu_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": _request(org, "mcu").pk}


def vp_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": _request(org, "vertrouwenspersoon").pk}


def mediation_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": _request(org, "mediation").pk}


def found_by(*roles: str) -> dict[str, str]:
    """Everyone else logged in gets 404, as if the request did not exist."""
    return {**dict.fromkeys(ROLES, NOT_FOUND), ANONYMOUS: LOGIN, **dict.fromkeys(roles, OK)}


def line_report_pk(org: Organisation) -> dict[str, Any]:
    from confidential import line
    from confidential.models import LineReport

    existing = LineReport.objects.first()
    if existing is not None:
        return {"pk": existing.pk}
    vp = org.users[Role.VERTROUWENSPERSOON]
    line.recipient_setup(user=vp, passphrase="matrix wachtzin lang genoeg")
    report, _receipt = line.report_create(route="vertrouwenspersoon", unit=org.unit, text="Matrixbericht")
    return {"pk": report.pk}


ROWS: dict[str, Case] = {
    "confidential:router": Case(everyone()),
    "confidential:manager_guide": Case(everyone()),
    "confidential-router-list": Case(
        everyone(), data={"gevaar": "nee", "wat": "praten", "over": "collega", "leidinggevende": "ja"}
    ),
    # Requests without the manager.
    "confidential:requests": Case(logged_in()),
    "confidential:mcu": Case(logged_in()),
    "confidential:vertrouwenspersoon": Case(logged_in()),
    "confidential:mediation": Case(logged_in()),
    "confidential:inbox": Case(only(Role.EENHEIDSPSYCHOLOOG, Role.VERTROUWENSPERSOON, Role.MEDIATOR)),
    "confidential:heavy_teams": Case(only(Role.EENHEIDSPSYCHOLOOG)),
    "confidential:team_counts": Case(only(Role.LEIDINGGEVENDE)),
    "confidential:request": Case(found_by(Role.MEDEWERKER, Role.EENHEIDSPSYCHOLOOG), kwargs=mcu_pk),
    "confidential:request_options": Case(
        found_by(Role.MEDEWERKER), method="post", kwargs=vp_pk, data={"options": "verwijzen"}
    ),
    # The plain medewerker is the requester, not the other party: only the other party answers.
    "confidential:request_consent": Case(found_by(), method="post", kwargs=mediation_pk, data={"answer": "nee"}),
    "confidential:request_schedule": Case(found_by(Role.VERTROUWENSPERSOON), method="post", kwargs=vp_pk),
    "confidential:request_close": Case(
        found_by(Role.MEDEWERKER, Role.EENHEIDSPSYCHOLOOG), method="post", kwargs=mcu_pk
    ),
    "confidential-own-list": Case(logged_in(anonymous=FORBIDDEN)),
    # The anonymous line: the reporter's side needs no login.
    "confidential:line_start": Case(everyone()),
    "confidential:line_read": Case(everyone()),
    "confidential:line_reply": Case(everyone(), method="post", data={"receipt": "ONBEKEND"}),
    "confidential:line_attachment": Case(dict.fromkeys([*ROLES, ANONYMOUS], NOT_FOUND), method="post"),
    "confidential:line_inbox": Case(only(Role.VERTROUWENSPERSOON)),
    "confidential:line_key": Case(only(Role.VERTROUWENSPERSOON)),
    # Only a vertrouwenspersoon may use the recipient's side (others: 403); a report not sealed
    # to them, or an attachment asked for without the passphrase, is 404.
    "confidential:line_report": Case(only(Role.VERTROUWENSPERSOON), kwargs=line_report_pk),
    "confidential:line_report_attachment": Case(
        {**only(Role.VERTROUWENSPERSOON), Role.VERTROUWENSPERSOON: NOT_FOUND}, method="post", kwargs=line_report_pk
    ),
}

#: URL names of this app that a care-data role may open before passing the second factor: the
#: public router and the reporter's side of the anonymous line (no personal data, no login).
TWO_FACTOR_EXEMPT: set[str] = {
    "confidential:router",
    "confidential:manager_guide",
    "confidential-router-list",
    "confidential:line_start",
    "confidential:line_read",
    "confidential:line_reply",
    "confidential:line_attachment",
}
