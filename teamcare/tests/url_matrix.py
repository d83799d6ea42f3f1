"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

Rows that need a record make it lazily: the leidinggevende persona (chief of Team Noord) wrote a
note and a route, requested a dialogue (the medewerker persona was invited to it, and it took
place yesterday), and Team Noord has an open check-up and an incident."""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import ANONYMOUS, FORBIDDEN, LOGIN, NOT_FOUND, OK, ROLES, Case, logged_in, only

CHIEF, HR = Role.LEIDINGGEVENDE, Role.HR_ADVISEUR


def _note(org: Organisation) -> dict[str, Any]:
    from teamcare.models import Note

    note = Note.objects.filter(author=org.users[CHIEF]).first() or Note.objects.create(
        author=org.users[CHIEF], team=org.team, text="Toch raar."
    )
    return {"pk": note.pk}


def _route(org: Organisation) -> dict[str, Any]:
    from teamcare.models import Route

    route = Route.objects.filter(author=org.users[CHIEF]).first() or Route.objects.create(
        author=org.users[CHIEF], kind="team", title="Zorg"
    )
    return {"pk": route.pk}


def _dialogue(org: Organisation) -> dict[str, Any]:
    import datetime as dt

    from django.utils import timezone

    from teamcare.models import Dialogue, Invitation

    dialogue = Dialogue.objects.filter(team=org.team).first()
    if dialogue is None:
        dialogue = Dialogue.objects.create(
            requested_by=org.users[CHIEF],
            team=org.team,
            kind="waardenvol",
            level="collectief",
            goals=["leren"],
            status="bevestigd",
            starts_at=timezone.now() - dt.timedelta(days=1),
            place="Bureau",
        )
        Invitation.objects.create(dialogue=dialogue, person=org.people[Role.MEDEWERKER])
    return {"pk": dialogue.pk}


def _checkup(org: Organisation) -> dict[str, Any]:
    from django.utils import timezone

    from teamcare.models import Checkup

    checkup = Checkup.objects.filter(team=org.team, status="open").first() or Checkup.objects.create(
        team=org.team, due_on=timezone.localdate()
    )
    return {"pk": checkup.pk}


def _incident(org: Organisation) -> dict[str, Any]:
    from django.utils import timezone

    from teamcare.models import Incident

    incident = Incident.objects.filter(team=org.team).first() or Incident.objects.create(
        team=org.team, description="Spanning", follow_up="Gesprek", follow_up_due=timezone.localdate()
    )
    return {"pk": incident.pk}


def _roles(**outcomes: str) -> dict[str, str]:
    """Everyone without the capability gets 403; the given roles the given outcome."""
    return {**dict.fromkeys(ROLES, FORBIDDEN), ANONYMOUS: LOGIN, **outcomes}


ROWS: dict[str, Case] = {
    "teamcare:index": Case(only(CHIEF, HR)),
    "teamcare:signals": Case(only(CHIEF, HR)),
    # Team Zuid: the HR adviser of the unit sees it; the chief of Team Noord does not reach it.
    "teamcare:team_signals": Case(_roles(**{CHIEF: NOT_FOUND, HR: OK}), kwargs=lambda org: {"pk": org.other_team.pk}),
    "teamcare:absence_import": Case(only(HR)),
    "teamcare:notes": Case(only(CHIEF)),
    # Not shared: only the author; the HR adviser may use the page but does not find the note.
    "teamcare:note": Case(_roles(**{CHIEF: OK, HR: NOT_FOUND}), kwargs=_note),
    "teamcare:note_share": Case(only(CHIEF), method="post", kwargs=_note, data={"delen": "nee"}),
    "teamcare:shared": Case(only(HR)),
    "teamcare:routes": Case(only(CHIEF)),
    "teamcare:route": Case(only(CHIEF), kwargs=_route),
    "teamcare:checklist": Case(only(CHIEF)),
    "teamcare:dialogues": Case(only(CHIEF, HR)),
    "teamcare:dialogue_request": Case(only(CHIEF, HR)),
    "teamcare:dialogue": Case(only(CHIEF, HR), kwargs=_dialogue),
    "teamcare:evaluate": Case(
        {**dict.fromkeys(ROLES, NOT_FOUND), ANONYMOUS: LOGIN, Role.MEDEWERKER: OK}, kwargs=_dialogue
    ),
    "teamcare:my_dialogues": Case(logged_in()),
    "teamcare:facilitators": Case(only(HR)),
    "teamcare:checkups": Case(only(CHIEF)),
    "teamcare:checkup": Case(only(CHIEF), kwargs=_checkup),
    "teamcare:incident_done": Case(only(CHIEF), method="post", kwargs=_incident),
    "teamcare-signals-list": Case(only(CHIEF, HR, anonymous=FORBIDDEN)),
    "teamcare:norms": Case(logged_in()),
    # Every persona is a member of Team Noord (and the chief leads it); other teams are 404 (test_norm.py).
    "teamcare:norm": Case(logged_in(), kwargs=lambda org: {"pk": org.team.pk}),
    "teamcare:norm_edit": Case(only(CHIEF), kwargs=lambda org: {"pk": org.team.pk}),
    "teamcare-norm-list": Case(logged_in(anonymous=FORBIDDEN)),
    "teamcare-norm-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=lambda org: {"pk": org.team.pk}),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
