"""Requests without the manager: ask for an MCU, mediation or a named vertrouwenspersoon; the
pools' inboxes; the request page (every read audited and shown to the requester)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from access import assignments_with, has_role, node_ids_below, own_person, permission_required
from access.confidential import confidential_pool_units, confidential_request_relation
from confidential import presentation, selectors, services
from confidential.constants import RequestKind, RequestStatus
from confidential.forms import (
    ConsentForm,
    HeavyTeamForm,
    McuForm,
    MediationForm,
    OptionsForm,
    ScheduleForm,
    VertrouwenspersoonForm,
)
from confidential.models import Request
from core.audit import log_read, log_reads
from organisation.constants import Role
from organisation.models import OrgNode, Person


def _person(request: HttpRequest) -> Person:
    person = own_person(request.user)
    if person is None:
        raise Http404
    return person


def _apply(form: Any, error: services.RequestError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@permission_required("confidential.request")
def my_requests(request: HttpRequest) -> HttpResponse:
    person = own_person(request.user)
    own = list(selectors.own_requests(request.user)) if person else []
    consent = list(selectors.asked_to_consent(request.user)) if person else []
    invitation = selectors.invitation_of(person, timezone.localdate().year)
    context = {"own": own, "consent": consent, "invitation": invitation}
    return render(request, "confidential/my_requests.html", context)


@permission_required("confidential.request")
@require_http_methods(["GET", "POST"])
def mcu(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    form = McuForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.mcu_request(person=person, actor=request.user, message=form.cleaned_data["message"])
        except services.RequestError as error:
            _apply(form, error)
        else:
            return redirect("confidential:request", pk=made.pk)
    return render(request, "confidential/mcu.html", {"form": form})


@permission_required("confidential.request")
@require_http_methods(["GET", "POST"])
def vertrouwenspersoon(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    other_units = request.GET.get("eenheid") == "alle" or request.POST.get("eenheid") == "alle"
    own_unit = person.team.unit_id if person.team is not None else None
    people = selectors.vertrouwenspersonen(None if other_units else own_unit).exclude(pk=person.pk)
    form = VertrouwenspersoonForm(request.POST if request.method == "POST" else None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.vertrouwenspersoon_request(
                person=person,
                actor=request.user,
                vertrouwenspersoon=form.cleaned_data["vertrouwenspersoon"],
                options=form.cleaned_data["options"],
                message=form.cleaned_data["message"],
            )
        except services.RequestError as error:
            _apply(form, error)
        else:
            return redirect("confidential:request", pk=made.pk)
    context = {"form": form, "other_units": other_units, "none": not people.exists()}
    return render(request, "confidential/vertrouwenspersoon.html", context)


@permission_required("confidential.request")
@require_http_methods(["GET", "POST"])
def mediation(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    form = MediationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.mediation_request(
                person=person,
                actor=request.user,
                other_party=form.cleaned_data["other_party"],
                topic=form.cleaned_data["topic"],
                message=form.cleaned_data["message"],
            )
        except services.RequestError as error:
            _apply(form, error)
        else:
            return redirect("confidential:request", pk=made.pk)
    return render(request, "confidential/mediation.html", {"form": form})


def _visible(request: HttpRequest, pk: int) -> Request:
    found = selectors.request_for(request.user, pk)
    if found is None:
        raise Http404  # out of reach looks the same as not there
    return found


def _detail(
    request: HttpRequest, item: Request, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    relation = confidential_request_relation(request.user, item)
    log_read(request, item)
    forms = forms or {}
    is_open = item.status in (RequestStatus.NEW, RequestStatus.SCHEDULED)
    context: dict[str, Any] = {
        "item": item,
        "relation": relation,
        "is_open": is_open,
        "reads": presentation.read_log(item, request.user.pk) if relation == "requester" else [],
        "options_form": forms.get("options")
        or (OptionsForm(initial_options=item.support_options) if relation == "requester" else None),
        "consent_form": forms.get("consent") or ConsentForm(),
        "schedule_form": forms.get("schedule")
        or ScheduleForm(initial={"place": item.appointment_place, "appointment_at": item.appointment_at}),
        "overdue": item.status == RequestStatus.NEW and item.due_at is not None and item.due_at <= timezone.now(),
    }
    return render(request, "confidential/request_detail.html", context, status=status)


@permission_required("confidential.request")
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _visible(request, pk))


def _act(
    request: HttpRequest, pk: int, *, relation: str, key: str, form_class: type[Any], act: Callable[..., Any]
) -> HttpResponse:
    """One form on the request page, for one relation (else 404): valid input is passed to ``act``
    (a service); a refusal or bad input shows the page again with the error at the field."""
    item = _visible(request, pk)
    if confidential_request_relation(request.user, item) != relation:
        raise Http404
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(item, form.cleaned_data)
        except services.RequestError as error:
            _apply(form, error)
        else:
            return redirect("confidential:request", pk=item.pk)
    return _detail(request, item, {key: form})


@permission_required("confidential.request")
@require_POST
def request_options(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        relation="requester",
        key="options",
        form_class=OptionsForm,
        act=lambda item, data: services.request_change_options(
            request=item, actor=request.user, options=data["options"]
        ),
    )


@permission_required("confidential.request")
@require_POST
def request_consent(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        relation="other_party",
        key="consent",
        form_class=ConsentForm,
        act=lambda item, data: services.mediation_answer(
            request=item, actor=request.user, agree=data["answer"] == "ja", message=data["message"]
        ),
    )


@permission_required("confidential.request")
@require_POST
def request_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        relation="handler",
        key="schedule",
        form_class=ScheduleForm,
        act=lambda item, data: services.request_schedule(
            request=item,
            actor=request.user,
            handler=_person(request),
            appointment_at=data["appointment_at"],
            place=data["place"],
        ),
    )


@permission_required("confidential.request")
@require_POST
def request_close(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible(request, pk)
    relation = confidential_request_relation(request.user, item)
    if relation == "other_party":
        raise Http404
    with contextlib.suppress(services.RequestError):  # already closed: the page shows the status
        services.request_close(request=item, actor=request.user, withdraw=relation == "requester")
    return redirect("confidential:request", pk=item.pk)


@permission_required("confidential.inbox")
def inbox(request: HttpRequest) -> HttpResponse:
    sections = []
    for action_role, kind in (
        (Role.EENHEIDSPSYCHOLOOG, RequestKind.MCU),
        (Role.VERTROUWENSPERSOON, RequestKind.VERTROUWENSPERSOON),
        (Role.MEDIATOR, RequestKind.MEDIATION),
    ):
        if has_role(request.user, action_role):
            items = list(selectors.inbox(request.user, kind))
            log_reads(request, items)  # a list that names requesters is a read of each request
            sections.append((str(kind), RequestKind(kind).label, items))
    context = {"sections": sections, "now": timezone.now()}
    return render(request, "confidential/inbox.html", context)


@permission_required("confidential.psychologist")
@require_http_methods(["GET", "POST"])
def heavy_teams(request: HttpRequest) -> HttpResponse:
    units = confidential_pool_units(request.user, Role.EENHEIDSPSYCHOLOOG)
    teams = selectors.unit_teams(units)
    form = HeavyTeamForm(request.POST if request.method == "POST" else None, teams=teams)
    if request.method == "POST" and form.is_valid():
        services.team_mark_heavy(
            team=form.cleaned_data["team"], actor=request.user, heavy=request.POST.get("actie") != "verwijderen"
        )
        return redirect("confidential:heavy_teams")
    context = {"form": form, "marked": list(selectors.heavy_teams(units))}
    return render(request, "confidential/heavy_teams.html", context)


@permission_required("confidential.team_counts")
def team_counts(request: HttpRequest) -> HttpResponse:
    roots = [a.node for a in assignments_with(request.user, Role.LEIDINGGEVENDE) if a.node is not None]
    teams = list(OrgNode.objects.filter(pk__in=node_ids_below(roots)).order_by("name"))
    year = timezone.localdate().year
    rows, total = presentation.team_counts(teams, year)
    return render(request, "confidential/team_counts.html", {"rows": rows, "total": total, "year": year})
