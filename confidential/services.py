"""Every write of the requests without the manager: MCU, mediation, a named vertrouwenspersoon,
and marking a team heavily loaded. Each write is atomic with its audit row; deadlines are
scheduled (through ``tasks``) once the transaction commits."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confidential import selectors, tasks
from confidential.constants import OPEN_STATUSES, RequestKind, RequestStatus, SupportOption
from confidential.models import HeavyLoadTeam, Request
from core.audit import log_change
from core.models import AuditAction
from organisation.models import OrgNode, Person


class RequestError(Exception):
    """A request that cannot be made or changed; ``field`` names the form field it belongs to."""

    def __init__(self, message: Any, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def response_due(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) + timedelta(hours=int(settings.CONFIDENTIAL_RESPONSE_HOURS))


def _schedule(request: Request) -> None:
    transaction.on_commit(lambda: tasks.schedule_request_deadlines(request))


def _unit_of(person: Person) -> Any:
    if person.team is None:
        raise RequestError(
            _("Je staat niet bij een team of eenheid ingeschreven. Neem contact op met functioneel beheer.")
        )
    return person.team.unit


@transaction.atomic
def mcu_request(*, person: Person, actor: Any, message: str = "") -> Request:
    """An MCU for ``person``: to the eenheidspsychologen of their unit, never to the manager."""
    if Request.objects.filter(person=person, kind=RequestKind.MCU, status__in=OPEN_STATUSES).exists():
        raise RequestError(_("Je hebt al een Mental Check Up aangevraagd die nog loopt."), field="message")
    year = timezone.localdate().year
    request = Request.objects.create(
        kind=RequestKind.MCU,
        person=person,
        unit=_unit_of(person),
        message=message,
        invited=selectors.invitation_of(person, year) is not None,
        due_at=response_due(),
    )
    log_change(actor=actor, obj=request, action=AuditAction.CREATE, fields=["kind", "message"])
    _schedule(request)
    return request


@transaction.atomic
def vertrouwenspersoon_request(
    *, person: Person, actor: Any, vertrouwenspersoon: Person, options: list[str], message: str = ""
) -> Request:
    """A request to one named vertrouwenspersoon (own unit or, if chosen, another)."""
    if not selectors.is_vertrouwenspersoon(vertrouwenspersoon) or vertrouwenspersoon.pk == person.pk:
        raise RequestError(_("Kies een vertrouwenspersoon uit de lijst."), field="vertrouwenspersoon")
    options = _valid_options(options)
    request = Request.objects.create(
        kind=RequestKind.VERTROUWENSPERSOON,
        person=person,
        unit=_unit_of(vertrouwenspersoon),
        handler=vertrouwenspersoon,
        support_options=options,
        message=message,
        due_at=response_due(),
    )
    log_change(actor=actor, obj=request, action=AuditAction.CREATE, fields=["handler", "support_options", "message"])
    _schedule(request)
    return request


def _valid_options(options: list[str]) -> list[str]:
    valid = [value for value in SupportOption.values if value in set(options)]
    if not valid:
        raise RequestError(_("Kies minstens één vorm van ondersteuning."), field="options")
    return valid


@transaction.atomic
def request_change_options(*, request: Request, actor: Any, options: list[str]) -> Request:
    """The employee changes what they want from their vertrouwenspersoon (they stay at the helm)."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    if request.kind != RequestKind.VERTROUWENSPERSOON or request.status not in OPEN_STATUSES:
        raise RequestError(_("Dit verzoek kun je niet meer aanpassen."))
    request.support_options = _valid_options(options)
    request.save(update_fields=["support_options"])
    log_change(actor=actor, obj=request, fields=["support_options"])
    return request


@transaction.atomic
def mediation_request(*, person: Person, actor: Any, other_party: Person, topic: str, message: str = "") -> Request:
    """Ask for mediation with ``other_party``; they are asked for consent first."""
    if other_party.pk == person.pk:
        raise RequestError(_("Kies de collega met wie je mediation wilt, niet jezelf."), field="other_party")
    if other_party.user_id is None or not other_party.is_active:
        raise RequestError(
            _("Deze collega kan Zorgwijzer niet gebruiken en kan dus geen toestemming geven."), field="other_party"
        )
    request = Request(
        kind=RequestKind.MEDIATION,
        person=person,
        unit=_unit_of(person),
        other_party=other_party,
        topic=topic,
        message=message,
        status=RequestStatus.CONSENT,
    )
    if not selectors.eligible_mediators(selectors.parties_units(request)):
        raise RequestError(
            _(
                "Er is nu geen mediator beschikbaar van buiten jullie eenheden. Neem contact op met Mediation "
                "Politie via de vertrouwenspersoon of je bedrijfsmaatschappelijk werker."
            ),
            field="other_party",
        )
    request.save()
    log_change(actor=actor, obj=request, action=AuditAction.CREATE, fields=["other_party", "topic", "message"])
    return request


@transaction.atomic
def mediation_answer(*, request: Request, actor: Any, agree: bool, message: str = "") -> Request:
    """The other party agrees (a mediator from outside both units is assigned) or declines."""
    request = (
        Request.objects.select_for_update(of=("self",))
        .select_related("person__team", "other_party__team")
        .get(pk=request.pk)
    )
    if request.kind != RequestKind.MEDIATION or request.status != RequestStatus.CONSENT:
        raise RequestError(_("Op dit verzoek is al geantwoord."))
    if not agree:
        request.status = RequestStatus.DECLINED
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "closed_at"])
        log_change(actor=actor, obj=request, fields=["status"])
        return request
    mediators = selectors.eligible_mediators(selectors.parties_units(request))
    request.handler = mediators[0] if mediators else None
    request.other_message = message
    request.status = RequestStatus.NEW
    request.due_at = response_due()
    request.save(update_fields=["handler", "other_message", "status", "due_at"])
    log_change(actor=actor, obj=request, fields=["status", "handler", "other_message"])
    _schedule(request)
    return request


@transaction.atomic
def request_schedule(*, request: Request, actor: Any, handler: Person, appointment_at: datetime, place: str) -> Request:
    """The psychologist, vertrouwenspersoon or mediator plans the conversation (and takes it on)."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    if request.status not in (RequestStatus.NEW, RequestStatus.SCHEDULED):
        raise RequestError(_("Dit verzoek is niet meer open."))
    if appointment_at <= timezone.now():
        raise RequestError(_("Kies een moment in de toekomst."), field="appointment_at")
    request.handler = handler
    request.appointment_at = appointment_at
    request.appointment_place = place
    request.status = RequestStatus.SCHEDULED
    request.save(update_fields=["handler", "appointment_at", "appointment_place", "status"])
    log_change(actor=actor, obj=request, fields=["handler", "appointment_at", "appointment_place", "status"])
    return request


@transaction.atomic
def request_close(*, request: Request, actor: Any, withdraw: bool = False) -> Request:
    """The handler closes a request, or the requester withdraws it."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    if request.status not in OPEN_STATUSES:
        raise RequestError(_("Dit verzoek is al afgesloten."))
    request.status = RequestStatus.WITHDRAWN if withdraw else RequestStatus.DONE
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at"])
    log_change(actor=actor, obj=request, fields=["status"])
    return request


@transaction.atomic
def team_mark_heavy(*, team: OrgNode, actor: Any, heavy: bool) -> None:
    """Mark (or unmark) a team as heavily loaded: its members get a yearly MCU invitation."""
    if heavy:
        marking, created = HeavyLoadTeam.objects.get_or_create(team=team, defaults={"marked_by": actor})
        if created:
            log_change(actor=actor, obj=marking, action=AuditAction.CREATE, fields=["team"])
        transaction.on_commit(lambda: tasks.invite_heavy_teams.enqueue())
        return
    for marking in HeavyLoadTeam.objects.filter(team=team):
        log_change(actor=actor, obj=marking, action=AuditAction.DELETE, fields=["team"])
        marking.delete()
