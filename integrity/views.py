"""Pages of the integrity app: thin — parse input, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import access
from core.audit import log_read, log_reads
from core.middleware import unlogged
from integrity import check, selectors, services, workflow
from integrity.constants import CardState, ReportCategory, SessionStatus, Stage
from integrity.forms import (
    CardEditForm,
    ChangeReportForm,
    DecisionForm,
    DilemmaCheckForm,
    FollowUpForm,
    JoinForm,
    LibraryFilterForm,
    PlanForm,
    SeatsForm,
    SessionCloseForm,
    SessionCreateForm,
    SessionRequestForm,
    SessionStepForm,
    SignalForm,
    SurveyCloseForm,
    SurveyForm,
    SurveyRoundForm,
    VerifyForm,
    VoteForm,
)
from integrity.models import Card, ChangeReport, IntegritySignal, LiveSession, SessionRequest, SurveyRound
from integrity.qr import qr_svg
from organisation.models import Unit

#: The participant's random token lives only in this signed cookie (never in the database).
PARTICIPANT_COOKIE = "zw_doe_mee"
PARTICIPANT_SALT = "integrity.participant"


# --- Overview and library ------------------------------------------------------------------


@never_cache
@access.public_page
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    may = {
        action.split(".")[1]: access.can(request.user, action)
        for action in (
            "integrity.facilitate",
            "integrity.reports_team",
            "integrity.plan_sessions",
            "integrity.triage",
            "integrity.survey",
            "content.manage",
        )
    }
    return render(request, "integrity/index.html", {"may": may, "staff": any(may.values())})


@never_cache
@access.public_page
@require_GET
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    theme = query = ""
    if form.is_valid():
        theme, query = form.cleaned_data["thema"], form.cleaned_data["zoek"]
    context = {"form": form, "cards": selectors.cards(theme=theme, query=query), "themes": selectors.theme_counts()}
    return render(request, "integrity/library.html", context)


@never_cache
@access.public_page
@require_GET
def card_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "integrity/card.html", {"card": get_object_or_404(Card, slug=slug)})


@access.permission_required("content.manage")
@require_GET
def editor_list(request: HttpRequest) -> HttpResponse:
    return render(request, "integrity/editor_list.html", {"cards": Card.objects.all()})


@access.permission_required("content.manage")
@require_http_methods(["GET", "POST"])
def card_edit(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_object_or_404(Card, pk=pk)
    initial = {
        "version": card.version,
        "title": card.title,
        "theme": card.theme,
        "text": card.text,
        "options": "\n".join(item["label"] for item in card.options),
        "prompts": card.prompts,
        "rules": card.rules,
    }
    form = CardEditForm(request.POST if request.method == "POST" else None, initial=initial, card=card)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.card_update(
                card=card,
                actor=request.user,
                version=data["version"],
                title=data["title"],
                text=data["text"],
                theme=data["theme"],
                options=data["options"],
                prompts=data["prompts"],
                rules=data["rules"],
            )
        except services.StaleEdit:
            form.add_error("title", _("Iemand anders heeft deze kaart net opgeslagen. Open de kaart opnieuw."))
        else:
            messages.success(request, _("De kaart is opgeslagen als nieuwe versie."))
            return redirect("integrity:card_edit", pk=card.pk)
    versions = card.versions.select_related("edited_by")
    return render(request, "integrity/card_edit.html", {"card": card, "form": form, "versions": versions})


# --- Live sessions: facilitator ------------------------------------------------------------


def _own_session(request: HttpRequest, pk: int) -> LiveSession:
    return get_object_or_404(LiveSession.objects.filter(access.integrity_sessions_filter(request.user)), pk=pk)


@access.permission_required("integrity.facilitate")
@require_GET
def sessions(request: HttpRequest) -> HttpResponse:
    own = LiveSession.objects.filter(access.integrity_sessions_filter(request.user))
    return render(request, "integrity/sessions.html", {"sessions": own})


@access.permission_required("integrity.facilitate")
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest) -> HttpResponse:
    form = SessionCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        chosen = sorted(form.cleaned_data["cards"], key=lambda card: card.number)
        made = services.session_create(
            facilitator=request.user, title=form.cleaned_data["title"], cards=chosen, seats=form.cleaned_data["seats"]
        )
        return redirect("integrity:session", pk=made.pk)
    return render(request, "integrity/session_new.html", {"form": form})


def _live_context(session: LiveSession) -> dict[str, Any]:
    card = selectors.live_card(session) if session.status == SessionStatus.OPEN else None
    return {"session": session, "live": selectors.card_result(card) if card else None, "statuses": SessionStatus}


@never_cache
@access.permission_required("integrity.facilitate")
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _own_session(request, pk)
    join_url = request.build_absolute_uri(reverse("integrity:participate", kwargs={"code": session.code}))
    # The live card is the last card shown so far, as in ``_live_context``; read with the others.
    results = selectors.session_results(session)
    shown = [result for result in results if result.state != CardState.WAITING]
    context = {
        "session": session,
        "live": shown[-1] if shown and session.status == SessionStatus.OPEN else None,
        "statuses": SessionStatus,
        "join_url": join_url,
        "qr": qr_svg(join_url, _("QR-code om mee te doen met code %(code)s") % {"code": session.code}),
        "results": results,
        "close_form": SessionCloseForm(),
        "seats_form": SeatsForm(initial={"seats": session.seats}),
        "has_next": len(shown) < len(results),
        "card_states": CardState,
    }
    return render(request, "integrity/session.html", context)


@never_cache
@access.permission_required("integrity.facilitate")
@require_GET
def session_live(request: HttpRequest, pk: int) -> HttpResponse:
    """The small part of the facilitator's screen that htmx fetches every second."""
    return render(request, "integrity/_live.html", _live_context(_own_session(request, pk)))


@access.permission_required("integrity.facilitate")
@require_POST
def session_step(request: HttpRequest, pk: int) -> HttpResponse:
    session = _own_session(request, pk)
    form = SessionStepForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("integrity:session", pk=session.pk)
    step = form.cleaned_data["step"]
    try:
        if step == "open":
            services.session_open(session=session)
        elif step == "onthullen":
            services.card_reveal(session=session)
        elif step == "volgende":
            services.card_next(session=session)
        elif step == "plaatsen":
            services.session_seats(session=session, seats=form.cleaned_data["seats"])
            messages.success(request, _("Het aantal plaatsen is aangepast."))
        else:
            services.session_close(session=session, keep=form.cleaned_data["keep"], minimum=selectors.min_votes())
    except workflow.TransitionNotAllowed as refused:
        messages.error(request, str(refused))
    except services.SeatsRefused:
        messages.error(
            request,
            _("Er doen al %(joined)s telefoons mee. Kies minstens dat aantal plaatsen.") % {"joined": session.joined},
        )
    return redirect("integrity:session", pk=session.pk)


# --- Live sessions: participant (no account) -------------------------------------------------


def _participant_token(request: HttpRequest) -> tuple[str, bool]:
    """The browser's random token and whether it is new (then the response sets the cookie)."""
    max_age = settings.INTEGRITY_PARTICIPANT_COOKIE_HOURS * 3600
    token = request.get_signed_cookie(PARTICIPANT_COOKIE, default=None, salt=PARTICIPANT_SALT, max_age=max_age)
    return (token, False) if token else (services.new_participant_token(), True)


def _with_token(request: HttpRequest, response: HttpResponse, token: str, new: bool) -> HttpResponse:
    if new:
        response.set_signed_cookie(
            PARTICIPANT_COOKIE,
            token,
            salt=PARTICIPANT_SALT,
            max_age=settings.INTEGRITY_PARTICIPANT_COOKIE_HOURS * 3600,
            path=reverse("integrity:join"),
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


@unlogged
@never_cache
@access.public_page
@require_GET
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        found = selectors.session_by_code(form.cleaned_data["code"])
        if found is not None and found.status != SessionStatus.CLOSED:
            return redirect("integrity:participate", code=found.code)
        form.add_error(
            "code", _("Deze code kennen we niet, of de sessie is al afgelopen. Kijk nog eens op het scherm.")
        )
    return render(request, "integrity/join.html", {"form": form})


def _take_seat(request: HttpRequest, session: LiveSession, token: str) -> HttpResponse | None:
    """Every phone takes a seat before it sees a card; when the seats are taken, the page says so."""
    if session.status == SessionStatus.CLOSED:
        return None
    try:
        services.participant_join(session=session, token=token)
    except services.SessionFull:
        return render(request, "integrity/session_full.html", {"session": session})
    return None


@unlogged
@never_cache
@access.public_page
@require_http_methods(["GET", "POST"])
def participate(request: HttpRequest, code: str) -> HttpResponse:
    session = selectors.session_by_code(code)
    if session is None:
        raise Http404
    token, new = _participant_token(request)
    full = _take_seat(request, session, token)
    if full is not None:
        return _with_token(request, full, token, new)
    card = selectors.live_card(session) if session.status == SessionStatus.OPEN else None
    voting = card is not None and card.state == CardState.VOTING
    voted = voting and not new and services.has_voted(session_card_id=card.pk, token=token)  # type: ignore[union-attr]
    form = VoteForm(request.POST if request.method == "POST" else None, options=card.options if card else [])
    if request.method == "POST":
        if not voting or card is None:
            messages.info(request, _("Deze kaart is al gesloten. Wacht op de volgende kaart."))
            return _with_token(request, redirect("integrity:participate", code=session.code), token, new)
        if form.is_valid():
            try:
                services.vote_cast(session_card_id=card.pk, option=form.cleaned_data["option"], token=token)
            except services.VoteRefused as refused:
                if refused.reason == "already":
                    messages.info(request, _("Je hebt op deze kaart al gestemd."))
                elif refused.reason == "closed":
                    messages.info(request, _("Deze kaart is al gesloten. Wacht op de volgende kaart."))
                else:
                    form.add_error("option", _("Kies een van de antwoorden."))
            if not form.errors:
                return _with_token(request, redirect("integrity:participate", code=session.code), token, new)
    context = {"session": session, "card": card, "voting": voting, "voted": voted, "form": form}
    return _with_token(request, render(request, "integrity/participate.html", context), token, new)


# --- Screening experience questionnaire --------------------------------------------------------

#: The questionnaire's random browser token lives only in this signed cookie, scoped to the
#: period's own address (never in the database; only a keyed hash of it, until the period closes).
SURVEY_COOKIE = "zw_ervaring"
SURVEY_SALT = "integrity.survey"
SURVEY_COOKIE_DAYS = 180


def _vik_only(request: HttpRequest) -> None:
    """Everyone but VIK roles gets 404: that the questionnaire's results exist is VIK's business."""
    if not access.can(request.user, "integrity.survey"):
        raise Http404


@access.login_required
@require_http_methods(["GET", "POST"])
def survey_rounds(request: HttpRequest) -> HttpResponse:
    _vik_only(request)
    units = Unit.objects.filter(pk__in=access.integrity_vik_unit_ids(request.user)).order_by("name")
    form = SurveyRoundForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        made = services.survey_round_open(
            unit=form.cleaned_data["unit"], title=form.cleaned_data["title"], actor=request.user
        )
        messages.success(request, _("De periode is geopend. Geef de link na elk screeningsgesprek."))
        return redirect("integrity:survey_round", pk=made.pk)
    found = selectors.survey_rounds(access.integrity_survey_rounds_filter(request.user))
    return render(request, "integrity/survey_rounds.html", {"form": form, "rounds": found})


def _reachable_round(request: HttpRequest, pk: int) -> SurveyRound:
    _vik_only(request)
    rounds = SurveyRound.objects.filter(access.integrity_survey_rounds_filter(request.user)).select_related("unit")
    return get_object_or_404(rounds, pk=pk)


@never_cache
@access.login_required
@require_GET
def survey_round(request: HttpRequest, pk: int) -> HttpResponse:
    return _survey_round_page(request, _reachable_round(request, pk))


def _survey_round_page(
    request: HttpRequest, found: SurveyRound, close_form: SurveyCloseForm | None = None
) -> HttpResponse:
    results = selectors.survey_results(found)
    if results.shown:
        log_read(request, found)
    link = request.build_absolute_uri(reverse("integrity:survey", kwargs={"code": found.code}))
    context = {
        "round": found,
        "results": results,
        "link": link,
        "qr": qr_svg(link, _("QR-code van de vragenlijst over de screening")) if found.is_open else "",
        "close_form": close_form or SurveyCloseForm(),
    }
    return render(request, "integrity/survey_round.html", context)


@access.login_required
@require_POST
def survey_round_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = _reachable_round(request, pk)
    form = SurveyCloseForm(request.POST)
    if not form.is_valid():
        return _survey_round_page(request, found, form)
    try:
        services.survey_round_close(survey_round=found, actor=request.user)
    except workflow.TransitionNotAllowed as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("De periode is gesloten. Er kunnen geen antwoorden meer bij."))
    return redirect("integrity:survey_round", pk=found.pk)


@unlogged
@never_cache
@access.public_page
@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, code: str) -> HttpResponse:
    """The questionnaire itself: no account, no session, no log line; only counters are raised."""
    found = SurveyRound.objects.filter(code=code.strip().upper()).first()
    if found is None:
        raise Http404
    if not found.is_open:
        return render(request, "integrity/survey_answer.html", {"round": found, "closed": True}, status=410)
    max_age = SURVEY_COOKIE_DAYS * 24 * 3600
    token = request.get_signed_cookie(SURVEY_COOKIE, default=None, salt=SURVEY_SALT, max_age=max_age)
    new = token is None
    token = token or services.new_participant_token()
    answered = not new and services.has_answered(round_id=found.pk, token=token)
    form = SurveyForm(request.POST if request.method == "POST" and not answered else None)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            services.survey_submit(round_id=found.pk, answers=form.answers(), token=token)
        except services.SurveyRefused as refused:
            if refused.reason == "closed":
                return render(request, "integrity/survey_answer.html", {"round": found, "closed": True}, status=410)
            # "already": another tab of this browser sent it a moment ago; the page says thanks.
        response: HttpResponse = redirect("integrity:survey", code=found.code)
    else:
        response = render(request, "integrity/survey_answer.html", {"round": found, "form": form, "answered": answered})
    if new:
        response.set_signed_cookie(
            SURVEY_COOKIE,
            token,
            salt=SURVEY_SALT,
            max_age=max_age,
            path=reverse("integrity:survey", kwargs={"code": found.code}),
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


# --- Dilemma check ---------------------------------------------------------------------------


@never_cache
@access.public_page
@require_GET
def dilemma_check(request: HttpRequest) -> HttpResponse:
    asked = any(name in request.GET for name in DilemmaCheckForm.base_fields)
    form = DilemmaCheckForm(request.GET if asked else None)
    outcome = check.evaluate(form.cleaned_data) if asked and form.is_valid() else None
    return render(request, "integrity/check.html", {"form": form, "outcome": outcome})


# --- Meldplicht ------------------------------------------------------------------------------


@access.permission_required("integrity.report")
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    person = access.own_person(request.user)
    form = ChangeReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if person is None or person.manager is None:
            form.add_error(
                "category", _("We weten niet wie je leidinggevende is. Meld de verandering zelf per e-mail.")
            )
        else:
            made = services.report_create(
                person=person,
                category=form.cleaned_data["category"],
                explanation=form.cleaned_data["explanation"],
                actor=request.user,
            )
            return redirect("integrity:report_detail", pk=made.pk)
    context = {"form": form, "person": person, "categories": ReportCategory}
    return render(request, "integrity/report.html", context)


def _reachable_report(request: HttpRequest, pk: int) -> ChangeReport:
    reports = ChangeReport.objects.filter(access.integrity_reports_filter(request.user))
    return get_object_or_404(reports.select_related("person", "manager"), pk=pk)


@access.login_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = _reachable_report(request, pk)
    is_manager = access.integrity_is_report_manager(request.user, found)
    if found.person.user_id != request.user.pk:
        log_read(request, found, person=found.person)
    context = {
        "report": found,
        "is_manager": is_manager,
        "follow_ups": found.follow_ups.all(),
        "form": FollowUpForm() if is_manager else None,
    }
    return render(request, "integrity/report_detail.html", context)


@access.login_required
@require_POST
def report_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    found = _reachable_report(request, pk)
    if not access.integrity_is_report_manager(request.user, found):
        raise Http404
    form = FollowUpForm(request.POST)
    if form.is_valid():
        services.report_follow_up(report=found, text=form.cleaned_data["text"], actor=request.user)
        messages.success(request, _("De opvolging is vastgelegd."))
        return redirect("integrity:report_detail", pk=found.pk)
    context = {"report": found, "is_manager": True, "follow_ups": found.follow_ups.all(), "form": form}
    return render(request, "integrity/report_detail.html", context)


@access.login_required
@require_GET
def report_verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET if "code" in request.GET else None)
    found = None
    if form.is_valid():
        code = form.cleaned_data["code"].strip().upper()
        reports = ChangeReport.objects.filter(access.integrity_reports_filter(request.user))
        found = reports.select_related("person", "manager").filter(verification_code=code).first()
        if found is None:
            form.add_error("code", _("Met deze code vinden we geen melding van jou of aan jou."))
        elif found.person.user_id != request.user.pk:
            log_read(request, found, person=found.person)
    return render(request, "integrity/verify.html", {"form": form, "report": found})


@access.permission_required("integrity.reports_team")
@require_GET
def reports_team(request: HttpRequest) -> HttpResponse:
    found = list(selectors.reports_for_manager(request.user))
    log_reads(request, found)
    return render(request, "integrity/reports_team.html", {"reports": found})


# --- Session requests ------------------------------------------------------------------------


@access.permission_required("integrity.request_session")
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    person = access.own_person(request.user)
    form = SessionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = person.team.unit if person is not None and person.team is not None else None
        if unit is None:
            form.add_error("group_name", _("We weten niet in welke eenheid je werkt. Vraag de sessie per e-mail aan."))
        else:
            data = form.cleaned_data
            made = services.request_create(
                requester=request.user,
                unit=unit,
                group_name=data["group_name"],
                group_kind=data["group_kind"],
                audience=data["audience"],
                session_type=data["session_type"],
                learning_questions=data["learning_questions"],
                conditions_accepted=data["conditions"],
            )
            return redirect("integrity:request_detail", pk=made.pk)
    return render(request, "integrity/request_new.html", {"form": form})


@access.login_required
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(SessionRequest.objects.filter(access.integrity_requests_filter(request.user)), pk=pk)
    return render(request, "integrity/request_detail.html", {"item": found})


@access.permission_required("integrity.plan_sessions")
@require_GET
def requests_planning(request: HttpRequest) -> HttpResponse:
    found = selectors.requests_to_plan(access.integrity_planned_requests_filter(request.user))
    return render(request, "integrity/requests.html", {"requests": found, "form": PlanForm()})


@access.permission_required("integrity.plan_sessions")
@require_POST
def request_plan(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        SessionRequest.objects.filter(access.integrity_planned_requests_filter(request.user)), pk=pk
    )
    form = PlanForm(request.POST)
    if form.is_valid():
        services.request_plan(session_request=found, planned_for=form.cleaned_data["planned_for"], actor=request.user)
        messages.success(request, _("De sessie is gepland."))
    else:
        messages.error(request, _("Vul een geldige datum in om de sessie te plannen."))
    return redirect("integrity:requests")


# --- Triage ----------------------------------------------------------------------------------


@access.permission_required("integrity.triage")
@require_GET
def triage(request: HttpRequest) -> HttpResponse:
    found = selectors.signals(access.integrity_signals_filter(request.user))
    return render(request, "integrity/triage.html", {"signals": found})


@access.permission_required("integrity.triage")
@require_http_methods(["GET", "POST"])
def signal_new(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.filter(pk__in=access.integrity_vik_unit_ids(request.user))
    form = SignalForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        made = services.signal_create(
            unit=form.cleaned_data["unit"],
            source=form.cleaned_data["source"],
            summary=form.cleaned_data["summary"],
            checklist=form.checklist(),
            actor=request.user,
        )
        return redirect("integrity:signal", pk=made.pk)
    return render(request, "integrity/signal_new.html", {"form": form})


def _reachable_signal(request: HttpRequest, pk: int) -> IntegritySignal:
    """Only VIK roles reach a signal, and only of their own units; everyone else gets 404."""
    return get_object_or_404(IntegritySignal.objects.filter(access.integrity_signals_filter(request.user)), pk=pk)


def _signal_page(
    request: HttpRequest, signal: IntegritySignal, form: DecisionForm | None, status: int = 200
) -> HttpResponse:
    stages = sorted(workflow.next_stages(signal.stage))
    context = {
        "signal": signal,
        "decisions": signal.decisions.select_related("decided_by"),
        "form": form or (DecisionForm(stages=stages) if stages else None),
        "in_triage": signal.stage == Stage.TRIAGE,
    }
    return render(request, "integrity/signal.html", context, status=status)


@access.login_required
@require_GET
def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = _reachable_signal(request, pk)
    log_read(request, found)
    return _signal_page(request, found, None)


@access.login_required
@require_POST
def signal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    found = _reachable_signal(request, pk)
    form = DecisionForm(request.POST, stages=sorted(workflow.next_stages(found.stage)))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.signal_decide(
                signal=found,
                to_stage=data["to_stage"],
                rationale=data["rationale"],
                allocation=data["allocation"],
                participants=data["participants"],
                actor=request.user,
            )
        except services.DecisionRefused as refused:
            form.add_error(refused.field, refused.message)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect("integrity:signal", pk=found.pk)
    return _signal_page(request, found, form)
