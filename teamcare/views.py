"""Pages under /teams-in-beeld/: the team signals, the chief's guided route, values dialogues and
periodic check-ups. Thin: parse input, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

import access
from access import permission_required
from core import anonymity, audit
from core.models import AuditAction
from teamcare import guide, periods, presentation, selectors, services
from teamcare.constants import DialogueStatus, RouteKind
from teamcare.forms import (
    AbsenceImportForm,
    ChecklistForm,
    CheckupForm,
    DialoguePlanForm,
    DialogueRequestForm,
    EvaluationForm,
    FacilitatorForm,
    IncidentForm,
    NoteForm,
    PeriodForm,
    ReportingNormForm,
    RouteForm,
    RouteStepsForm,
)

# --- Hub ------------------------------------------------------------------------------------


@never_cache
@permission_required("teamcare.use")
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "teamcare/index.html",
        {
            "can_signals": bool(access.teamcare_signal_team_ids(user)),
            "can_route": access.can(user, "teamcare.route"),
            "can_hr": access.can(user, "teamcare.hr"),
            "escalations": list(selectors.escalations_for(user)),
        },
    )


# --- Signals --------------------------------------------------------------------------------


def _period_form(request: HttpRequest) -> PeriodForm:
    """The period choice: a quarter between the start of the history and today, else an error at the field."""
    first, last = selectors.signal_period_bounds()
    data = request.GET if "periode" in request.GET else None
    form = PeriodForm(data, first=first, last=last)
    if data is None:
        form.initial = {"periode": last.code}
    return form


def _chosen(form: PeriodForm) -> periods.Period | None:
    if not form.is_bound:
        return form.last
    return form.cleaned_data["periode"] if form.is_valid() else None


@never_cache
@permission_required("teamcare.signals")
def signals(request: HttpRequest) -> HttpResponse:
    form = _period_form(request)
    period = _chosen(form)
    if period is None:
        # Nothing is computed or logged for a quarter that cannot be asked for.
        return render(
            request, "teamcare/signals.html", {"form": form, "minimum": settings.TEAMCARE_MIN_SIGNALS}, status=400
        )
    teams = selectors.signal_teams(request.user)
    rows = selectors.attention_list(teams, period)
    audit.record(action=AuditAction.READ, request=request, object_type="teamcare.signals", object_id=period.code)
    return render(
        request,
        "teamcare/signals.html",
        {
            "rows": rows,
            "period": period,
            "form": form,
            "checked": teams.count(),
            "minimum": settings.TEAMCARE_MIN_SIGNALS,
        },
    )


@never_cache
@permission_required("teamcare.signals")
def team_signals(request: HttpRequest, pk: int) -> HttpResponse:
    team = selectors.signal_team(request.user, pk)
    if team is None:
        raise Http404
    form = _period_form(request)
    period = _chosen(form)
    if period is None:
        return render(request, "teamcare/team_signals.html", {"team": team, "form": form}, status=400)
    found = selectors.team_signals(team, period)
    audit.log_read(request, team)
    return render(
        request,
        "teamcare/team_signals.html",
        {"team": team, "found": found, "period": period, "form": form, "minimum": settings.TEAMCARE_MIN_SIGNALS},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.hr")
def absence_import(request: HttpRequest) -> HttpResponse:
    report = None
    form = AbsenceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = services.absence_import(data=form.cleaned_data["file"].read(), actor=request.user, request=request)
        if report.ok:
            messages.success(
                request,
                _("Verzuimcijfers ingelezen: %(created)s nieuw, %(updated)s bijgewerkt, %(unchanged)s ongewijzigd.")
                % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged},
            )
            return redirect("teamcare:absence_import")
    return render(request, "teamcare/absence_import.html", {"form": form, "report": report})


# --- Logbook and team biography -------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.route")
def notes(request: HttpRequest) -> HttpResponse:
    teams = selectors.led_teams(request.user)
    form = NoteForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.note_create(
            author=request.user, team=data["team"], kind=data["kind"], text=data["text"], request=request
        )
        messages.success(request, _("Je notitie is bewaard. Alleen jij kunt hem lezen."))
        return redirect("teamcare:notes")
    return render(
        request,
        "teamcare/notes.html",
        {"form": form, "notes": list(selectors.own_notes(request.user)), "has_team": teams.exists()},
    )


@never_cache
@permission_required("teamcare.use")
def note(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.note_for(request.user, pk)
    if found is None:
        raise Http404
    audit.log_read(request, found)
    return render(request, "teamcare/note.html", {"note": found, "is_author": found.author_id == request.user.pk})


@require_POST
@permission_required("teamcare.route")
def note_share(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.own_notes(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404
    share = request.POST.get("delen") == "ja"
    services.note_share(note=found, actor=request.user, share=share, request=request)
    messages.success(
        request, _("Je HR-adviseur kan deze notitie nu lezen.") if share else _("De notitie is weer alleen voor jou.")
    )
    return redirect("teamcare:note", pk=found.pk)


@never_cache
@permission_required("teamcare.hr")
def shared(request: HttpRequest) -> HttpResponse:
    found = list(selectors.shared_notes(request.user))
    audit.log_reads(request, found)
    return render(request, "teamcare/shared.html", {"notes": found})


# --- Action routes and checklists -----------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.route")
def routes(request: HttpRequest) -> HttpResponse:
    form = RouteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        route = services.route_create(
            author=request.user, kind=form.cleaned_data["kind"], title=form.cleaned_data["title"], request=request
        )
        return redirect("teamcare:route", pk=route.pk)
    rows = presentation.route_rows(list(selectors.own_routes(request.user)))
    return render(request, "teamcare/routes.html", {"form": form, "rows": rows})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.route")
def route(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.route_for(request.user, pk)
    if found is None:
        raise Http404
    steps = guide.TEAM_ROUTE if found.kind == RouteKind.TEAM else guide.LEADER_ROUTE
    form = RouteStepsForm(request.POST or None, steps=steps, saved=found.steps)
    if request.method == "POST" and form.is_valid():
        services.route_update(route=found, actor=request.user, steps=form.steps_data(), request=request)
        messages.success(request, _("De route is bewaard."))
        return redirect("teamcare:route", pk=found.pk)
    return render(
        request,
        "teamcare/route.html",
        {"route": found, "form": form, "split": 6 if found.kind == RouteKind.LEIDINGGEVENDE else None},
    )


@never_cache
@permission_required("teamcare.route")
def checklist(request: HttpRequest) -> HttpResponse:
    """The checklists; nothing is stored: the result exists only on this page."""
    form = ChecklistForm(request.GET or None)
    result = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        slugs = [s.slug for s in guide.suggestions(len(data["early"]), len(data["neglect"]), len(data["overload"]))]
        result = presentation.checklist_result(
            len(data["early"]), len(data["neglect"]), len(data["overload"]), selectors.published_provisions(slugs)
        )
    return render(request, "teamcare/checklist.html", {"form": form, "result": result})


# --- Values dialogues -----------------------------------------------------------------------


@never_cache
@permission_required("teamcare.use")
def dialogues(request: HttpRequest) -> HttpResponse:
    return render(request, "teamcare/dialogues.html", {"dialogues": list(selectors.dialogues_for(request.user))})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.use")
def dialogue_request(request: HttpRequest) -> HttpResponse:
    teams = selectors.request_teams(request.user)
    form = DialogueRequestForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        dialogue = services.dialogue_request(
            requester=request.user,
            team=data["team"],
            kind=data["kind"],
            level=data["level"],
            goals=data["goals"],
            request=request,
        )
        messages.success(
            request, _("Je aanvraag is ontvangen. De HR-adviseur plant het gesprek met twee procesbegeleiders.")
        )
        return redirect("teamcare:dialogue", pk=dialogue.pk)
    return render(request, "teamcare/dialogue_request.html", {"form": form, "has_team": teams.exists()})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.use")
def dialogue(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.dialogue_for(request.user, pk)
    if found is None:
        raise Http404
    form = None
    if selectors.can_plan(request.user, found):
        initial = {
            "starts_at": found.starts_at,
            "place": found.place,
            "facilitators": list(found.facilitators.all()),
            "participants": [i.person for i in found.invitations.select_related("person")],
        }
        form = DialoguePlanForm(
            request.POST or None,
            initial=initial,
            people=selectors.team_people(found.team_id),
            pool=selectors.facilitator_pool(),
            team_id=found.team_id,
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            services.dialogue_confirm(
                dialogue=found,
                actor=request.user,
                starts_at=data["starts_at"],
                place=data["place"],
                participants=list(data["participants"]),
                facilitators=list(data["facilitators"]),
                request=request,
            )
            messages.success(request, _("Het gesprek is gepland en de deelnemers zijn uitgenodigd."))
            return redirect("teamcare:dialogue", pk=found.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "teamcare/dialogue.html",
        {
            "dialogue": found,
            "form": form,
            "goals": [label for value, label in _goal_choices() if value in found.goals],
            "invited": found.invitations.count(),
            "summary": selectors.evaluation_summary(found),
            "confirmed": found.status == DialogueStatus.BEVESTIGD,
        },
    )


def _goal_choices() -> list[tuple[str, Any]]:
    from teamcare.constants import DialogueGoal

    return list(DialogueGoal.choices)


@never_cache
@permission_required("teamcare.evaluate")
def my_dialogues(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    return render(
        request,
        "teamcare/my_dialogues.html",
        {"invitations": list(selectors.own_invitations(request.user)), "now": now},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.evaluate")
def evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = selectors.invitation_for(request.user, pk)
    if invitation is None:
        raise Http404
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and not invitation.evaluated and form.is_valid():
        services.evaluation_submit(
            invitation=invitation, openness=form.cleaned_data["openness"], usefulness=form.cleaned_data["usefulness"]
        )
        messages.success(request, _("Dank je wel. Je antwoord is anoniem bewaard."))
        return redirect("teamcare:my_dialogues")
    return render(request, "teamcare/evaluate.html", {"form": form, "invitation": invitation})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.hr")
def facilitators(request: HttpRequest) -> HttpResponse:
    form = FacilitatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.facilitator_save(
            person=data["employee_number"],
            training=data["training"],
            trained_on=data["trained_on"],
            actor=request.user,
            request=request,
        )
        messages.success(request, _("De procesbegeleider is bewaard."))
        return redirect("teamcare:facilitators")
    return render(request, "teamcare/facilitators.html", {"form": form, "pool": list(selectors.facilitator_pool())})


# --- Check-ups and incidents ----------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.route")
def checkups(request: HttpRequest) -> HttpResponse:
    teams = selectors.led_teams(request.user)
    form = IncidentForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.incident_record(
            team=data["team"],
            actor=request.user,
            description=data["description"],
            follow_up=data["follow_up"],
            follow_up_due=data["follow_up_due"],
            request=request,
        )
        messages.success(request, _("Vastgelegd, met de vervolgstap en de datum."))
        return redirect("teamcare:checkups")
    return render(
        request,
        "teamcare/checkups.html",
        {
            "checkups": list(selectors.open_checkups(request.user)),
            "incidents": list(selectors.incidents_for(request.user)),
            "form": form,
            "has_team": teams.exists(),
            "today": timezone.localdate(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.route")
def checkup(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.checkup_for(request.user, pk)
    if found is None:
        raise Http404
    form = CheckupForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.checkup_hold(
            checkup=found,
            actor=request.user,
            answers=form.answers(),
            held_on=form.cleaned_data["held_on"],
            request=request,
        )
        messages.success(request, _("De check-up is vastgelegd. De volgende staat al in je overzicht."))
        return redirect("teamcare:checkups")
    return render(request, "teamcare/checkup.html", {"checkup": found, "form": form})


@require_POST
@permission_required("teamcare.route")
def incident_done(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.incident_for(request.user, pk)
    if found is None:
        raise Http404
    services.incident_done(incident=found, actor=request.user, request=request)
    return redirect("teamcare:checkups")


# --- Reporting norm and the quarterly summary to the team -----------------------------------


@never_cache
@permission_required("teamcare.evaluate")
def norms(request: HttpRequest) -> HttpResponse:
    return render(request, "teamcare/norms.html", {"teams": list(selectors.norm_teams(request.user))})


@never_cache
@permission_required("teamcare.evaluate")
def norm(request: HttpRequest, pk: int) -> HttpResponse:
    team = selectors.norm_team(request.user, pk)
    if team is None:
        raise Http404
    versions = selectors.norm_versions(team)
    audit.record(action=AuditAction.READ, request=request, object_type="teamcare.feedback", object_id=str(team.pk))
    return render(
        request,
        "teamcare/norm.html",
        {
            "team": team,
            "current": versions[0] if versions else None,
            "history": versions[1:],
            "feedback": selectors.team_feedback(team),
            "threshold": anonymity.threshold(),
            "can_edit": selectors.can_edit_norm(request.user, team),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("teamcare.route")
def norm_edit(request: HttpRequest, pk: int) -> HttpResponse:
    team = selectors.norm_team(request.user, pk)
    if team is None or not selectors.can_edit_norm(request.user, team):
        raise Http404
    current = selectors.current_norm(team)
    initial = {"items": "\n".join(current.items)} if current is not None else {}
    form = ReportingNormForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.reporting_norm_set(team=team, items=form.cleaned_data["items"], actor=request.user, request=request)
        messages.success(request, _("De meldnorm van %(team)s is opgeslagen.") % {"team": team.name})
        return redirect("teamcare:norm", pk=team.pk)
    return render(request, "teamcare/norm_edit.html", {"team": team, "form": form})
