"""Reads of requests and of the anonymous line, shared by views, API, deadlines and tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet

from access.confidential import confidential_line_filter, confidential_requests_filter
from confidential.constants import OPEN_STATUSES, NoticeKind, RequestKind, RequestStatus
from confidential.models import HeavyLoadTeam, LineReport, McuInvitation, RecipientKey, Request
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.models import OrgNode, Person, RoleAssignment


def _base() -> QuerySet[Request]:
    return Request.objects.select_related(
        "person", "person__team", "unit", "handler", "other_party", "other_party__team"
    )


def visible_requests(user: Any) -> QuerySet[Request]:
    """Every request this user may open (the requester, the pool, the parties, the handler)."""
    return _base().filter(confidential_requests_filter(user))


def request_for(user: Any, pk: int) -> Request | None:
    return visible_requests(user).filter(pk=pk).first()


def own_requests(user: Any) -> QuerySet[Request]:
    return _base().filter(person__user_id=user.pk)


def asked_to_consent(user: Any) -> QuerySet[Request]:
    """Mediations where this user is the other party."""
    return _base().filter(kind=RequestKind.MEDIATION, other_party__user_id=user.pk)


def inbox(user: Any, kind: str) -> QuerySet[Request]:
    """Open requests of one kind for a pool member (not their own), oldest deadline first."""
    return (
        visible_requests(user)
        .filter(kind=kind, status__in=[RequestStatus.NEW, RequestStatus.SCHEDULED])
        .exclude(person__user_id=user.pk)
        .exclude(other_party__user_id=user.pk)
        .order_by("due_at", "pk")
    )


def reads_of(request: Request) -> QuerySet[AuditEvent]:
    """ "Wie heeft mijn verzoek gelezen": every audited read of the request."""
    return AuditEvent.objects.filter(
        object_type=Request._meta.label_lower, object_id=str(request.pk), action=AuditAction.READ
    ).order_by("-occurred_at", "-id")


def people_of_users(user_ids: Iterable[int | None]) -> dict[int, Person]:
    ids = {uid for uid in user_ids if uid is not None}
    return {p.user_id: p for p in Person.objects.filter(user_id__in=ids) if p.user_id is not None}


def _role_holders(role: str, unit_id: int | None = None) -> QuerySet[Person]:
    assignments = RoleAssignment.objects.filter(role=role)
    if unit_id is not None:
        assignments = assignments.filter(Q(unit_id=unit_id) | Q(node__unit_id=unit_id))
    return Person.objects.filter(is_active=True, user_id__in=assignments.values("user_id")).select_related(
        "team", "team__unit"
    )


def psychologists(unit_id: int) -> list[Person]:
    return list(_role_holders(Role.EENHEIDSPSYCHOLOOG, unit_id))


def functional_admins() -> list[Person]:
    return list(_role_holders(Role.FUNCTIONEEL_BEHEERDER))


def vertrouwenspersonen(unit_id: int | None = None) -> QuerySet[Person]:
    return _role_holders(Role.VERTROUWENSPERSOON, unit_id).order_by("team__unit__name", "last_name", "first_name")


def is_vertrouwenspersoon(person: Person) -> bool:
    return vertrouwenspersonen().filter(pk=person.pk).exists()


def _mediator_units(mediators: list[Person]) -> dict[int, set[int]]:
    """Per mediator the units they belong to: those of their assignments and of their own team
    (one query for all of them)."""
    units = {p.pk: {p.team.unit_id} if p.team is not None else set() for p in mediators}
    by_user = {p.user_id: p.pk for p in mediators if p.user_id is not None}
    for user_id, unit_id, node_unit in RoleAssignment.objects.filter(
        user_id__in=by_user, role=Role.MEDIATOR
    ).values_list("user_id", "unit_id", "node__unit_id"):
        units[by_user[user_id]].update(u for u in (unit_id, node_unit) if u is not None)
    return units


def eligible_mediators(excluded_units: set[int]) -> list[Person]:
    """Mediators from no unit in ``excluded_units``, the least busy first."""
    mediators = list(_role_holders(Role.MEDIATOR))
    units = _mediator_units(mediators)
    candidates = [p for p in mediators if not (units[p.pk] & excluded_units)]
    load = dict(
        Request.objects.filter(kind=RequestKind.MEDIATION, status__in=OPEN_STATUSES, handler__in=candidates)
        .values_list("handler_id")
        .annotate(n=Count("pk"))
        .values_list("handler_id", "n")
    )
    return sorted(candidates, key=lambda p: (load.get(p.pk, 0), p.pk))


def parties_units(request: Request) -> set[int]:
    units = {request.person.team.unit_id} if request.person.team is not None else set()
    if request.other_party is not None and request.other_party.team is not None:
        units.add(request.other_party.team.unit_id)
    return units


def waiting_for_response() -> QuerySet[Request]:
    """Requests in a pool that nobody has planned yet."""
    return Request.objects.filter(status=RequestStatus.NEW, due_at__isnull=False)


def needing_reminder(now: datetime, lead: Any) -> QuerySet[Request]:
    return (
        waiting_for_response().filter(due_at__lte=now + lead, due_at__gt=now).exclude(notices__kind=NoticeKind.REMINDER)
    )


def overdue(now: datetime) -> QuerySet[Request]:
    return waiting_for_response().filter(due_at__lte=now).exclude(notices__kind=NoticeKind.ESCALATION)


# --- Heavily loaded teams -------------------------------------------------------------------


def heavy_teams(unit_ids: set[int] | None = None) -> QuerySet[HeavyLoadTeam]:
    teams = HeavyLoadTeam.objects.select_related("team", "team__unit").order_by("team__name")
    return teams.filter(team__unit_id__in=unit_ids) if unit_ids is not None else teams


def unit_teams(unit_ids: set[int]) -> QuerySet[OrgNode]:
    return OrgNode.objects.filter(unit_id__in=unit_ids).order_by("name")


def members_to_invite(year: int) -> QuerySet[Person]:
    """Active members of heavily loaded teams without an invitation this year."""
    invited = McuInvitation.objects.filter(year=year).values("person_id")
    return (
        Person.objects.filter(is_active=True, team__in=HeavyLoadTeam.objects.values("team_id"))
        .exclude(pk__in=invited)
        .select_related("team")
    )


def invitation_of(person: Person | None, year: int) -> McuInvitation | None:
    if person is None:
        return None
    return McuInvitation.objects.filter(person=person, year=year).first()


def team_counts(team_ids: list[int], year: int) -> dict[int, tuple[int, int, int]]:
    """Per team: (members, invitations this year, MCU requests this year)."""
    members = dict(
        Person.objects.filter(team_id__in=team_ids, is_active=True)
        .values_list("team_id")
        .annotate(n=Count("pk"))
        .values_list("team_id", "n")
    )
    invites = dict(
        McuInvitation.objects.filter(team_id__in=team_ids, year=year)
        .values_list("team_id")
        .annotate(n=Count("pk"))
        .values_list("team_id", "n")
    )
    requests = dict(
        Request.objects.filter(kind=RequestKind.MCU, person__team_id__in=team_ids, created_at__year=year)
        .values_list("person__team_id")
        .annotate(n=Count("pk"))
        .values_list("person__team_id", "n")
    )
    return {t: (members.get(t, 0), invites.get(t, 0), requests.get(t, 0)) for t in team_ids}


# --- The anonymous line -------------------------------------------------------------------------


def recipient_key(user: Any) -> RecipientKey | None:
    return RecipientKey.objects.filter(user_id=user.pk).first()


def line_units() -> list[Any]:
    """Units with at least one vertrouwenspersoon who has set up their key: the line can reach them."""
    from organisation.models import Unit

    keyed = RecipientKey.objects.values("user_id")
    assignments = RoleAssignment.objects.filter(role=Role.VERTROUWENSPERSOON, user_id__in=keyed)
    unit_ids = set(assignments.values_list("unit_id", flat=True)) | set(
        assignments.values_list("node__unit_id", flat=True)
    )
    return list(Unit.objects.filter(pk__in=unit_ids - {None}).order_by("name"))


def line_recipient_keys(unit_id: int) -> list[RecipientKey]:
    users = _role_holders(Role.VERTROUWENSPERSOON, unit_id).values("user_id")
    assigned = RoleAssignment.objects.filter(role=Role.VERTROUWENSPERSOON).filter(
        Q(unit_id=unit_id) | Q(node__unit_id=unit_id)
    )
    return list(RecipientKey.objects.filter(user_id__in=users).filter(user_id__in=assigned.values("user_id")))


def line_reports_for(user: Any) -> QuerySet[LineReport]:
    return LineReport.objects.filter(confidential_line_filter(user)).select_related("unit").distinct()


def line_report_for(user: Any, pk: int) -> LineReport | None:
    return line_reports_for(user).filter(pk=pk).first()
