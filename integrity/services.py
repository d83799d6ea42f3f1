"""Every write of the integrity app: keyword-only, one transaction each, audit row where a
person's record changes. Votes are the exception on purpose: they write no audit row, no time
and no identity (docs/integrity.md, "Decisions")."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from core.audit import log_change, record
from core.models import AuditAction
from integrity import selectors, survey, workflow
from integrity.constants import (
    AUDIENCE_PRIORITY,
    CardState,
    KeepResults,
    RequestStatus,
    SessionStatus,
    Stage,
)
from integrity.models import (
    Card,
    CardVersion,
    ChangeReport,
    IntegritySignal,
    JoinMarker,
    LiveSession,
    ReportFollowUp,
    SessionCard,
    SessionRequest,
    SurveyAnswerCount,
    SurveyMarker,
    SurveyRound,
    TriageDecision,
    VoteCount,
    VoteMarker,
)

#: Letters and digits that cannot be mistaken for one another when read from a screen.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def _random_code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


class StaleEdit(Exception):
    """Someone else saved the card since this form was opened."""


# --- Dilemma cards -------------------------------------------------------------------------


@transaction.atomic
def card_update(
    *,
    card: Card,
    actor: Any,
    version: int,
    title: str,
    text: str,
    theme: str,
    options: list[dict[str, str]],
    prompts: str,
    rules: str,
) -> Card:
    """Save a new version of a card; the old versions stay as they were."""
    locked = Card.objects.select_for_update().get(pk=card.pk)
    if locked.version != version:
        raise StaleEdit
    locked.version += 1
    locked.title, locked.text, locked.theme = title, text, theme
    locked.options, locked.prompts, locked.rules = options, prompts, rules
    locked.save()
    CardVersion.objects.create(
        card=locked,
        version=locked.version,
        title=title,
        text=text,
        theme=theme,
        options=options,
        prompts=prompts,
        rules=rules,
        edited_by=actor,
    )
    record(action=AuditAction.UPDATE, actor=actor, obj=locked, fields=["title", "text", "theme", "options"])
    return locked


# --- Live sessions -------------------------------------------------------------------------


@transaction.atomic
def session_create(*, facilitator: Any, title: str, cards: list[Card], seats: int | None = None) -> LiveSession:
    """A session in draft with its cards in the given order and a zero counter per answer.
    ``seats``: how many phones may join (the pages always ask for it; ``None`` is no limit)."""
    code = _random_code(CODE_LENGTH)
    while LiveSession.objects.filter(code=code).exists():
        code = _random_code(CODE_LENGTH)
    session = LiveSession.objects.create(code=code, title=title, facilitator=facilitator, seats=seats)
    for position, card in enumerate(cards, start=1):
        session_card = SessionCard.objects.create(
            session=session, card=card, position=position, title=card.title, text=card.text, options=card.options
        )
        VoteCount.objects.bulk_create(
            VoteCount(session_card=session_card, option=option["key"]) for option in card.options
        )
    return session


@transaction.atomic
def session_open(*, session: LiveSession) -> LiveSession:
    """Open the session: the first card is open for votes."""
    locked = LiveSession.objects.select_for_update().get(pk=session.pk)
    workflow.ensure_session_can_move(locked.status, SessionStatus.OPEN)
    locked.status = SessionStatus.OPEN
    locked.save(update_fields=["status"])
    first = locked.cards.order_by("position").first()
    if first is not None:
        first.state = CardState.VOTING
        first.save(update_fields=["state"])
    return locked


@transaction.atomic
def card_reveal(*, session: LiveSession) -> SessionCard:
    """Stop the votes on the current card and show its result (when there are enough votes)."""
    locked = LiveSession.objects.select_for_update().get(pk=session.pk)
    if locked.status != SessionStatus.OPEN:
        raise workflow.TransitionNotAllowed(_("Deze sessie is niet open."))
    card = selectors.live_card(locked)
    if card is None:
        raise workflow.TransitionNotAllowed(_("Er is nog geen kaart open."))
    workflow.ensure_card_can_move(card.state, CardState.REVEALED)
    card.state = CardState.REVEALED
    card.save(update_fields=["state"])
    return card


@transaction.atomic
def card_next(*, session: LiveSession) -> SessionCard:
    """Move to the next card: the current one is revealed (if it was not yet), the next opens."""
    locked = LiveSession.objects.select_for_update().get(pk=session.pk)
    if locked.status != SessionStatus.OPEN:
        raise workflow.TransitionNotAllowed(_("Deze sessie is niet open."))
    card = selectors.live_card(locked)
    following = locked.cards.filter(state=CardState.WAITING, position__gt=card.position if card else 0).first()
    if following is None:
        raise workflow.TransitionNotAllowed(_("Dit was de laatste kaart."))
    if card is not None and card.state == CardState.VOTING:
        card.state = CardState.REVEALED
        card.save(update_fields=["state"])
    following.state = CardState.VOTING
    following.save(update_fields=["state"])
    return following


@transaction.atomic
def session_close(*, session: LiveSession, keep: str, minimum: int) -> LiveSession:
    """Close the session. The markers go; the counters stay only for cards with at least
    ``minimum`` votes and only when the facilitator chose to keep them."""
    locked = LiveSession.objects.select_for_update().get(pk=session.pk)
    workflow.ensure_session_can_move(locked.status, SessionStatus.CLOSED)
    VoteMarker.objects.filter(session_card__session=locked).delete()
    JoinMarker.objects.filter(session=locked).delete()
    counts = VoteCount.objects.filter(session_card__session=locked)
    if keep == KeepResults.KEEP:
        totals: dict[int, int] = {}
        for session_card_id, count in counts.values_list("session_card_id", "count"):
            totals[session_card_id] = totals.get(session_card_id, 0) + count
        too_few = [pk for pk, total in totals.items() if total < minimum]
        counts.filter(session_card_id__in=too_few).delete()
    else:
        counts.delete()
    locked.cards.exclude(state=CardState.REVEALED).update(state=CardState.REVEALED)
    locked.status = SessionStatus.CLOSED
    locked.keep_results = keep
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "keep_results", "closed_at"])
    return locked


class SeatsRefused(Exception):
    """Fewer seats than phones that already joined."""


@transaction.atomic
def session_seats(*, session: LiveSession, seats: int) -> LiveSession:
    """Change how many phones may join (e.g. someone came in late). Never below those joined."""
    locked = LiveSession.objects.select_for_update().get(pk=session.pk)
    if locked.status == SessionStatus.CLOSED:
        raise workflow.TransitionNotAllowed(_("Deze sessie is gesloten."))
    if seats < locked.joined:
        raise SeatsRefused
    locked.seats = seats
    locked.save(update_fields=["seats"])
    return locked


class SessionFull(Exception):
    """Every seat of the session is taken: this browser cannot join."""


def join_marker(*, session_id: int, token: str) -> str:
    """A keyed hash of the session and the browser's token (another salt than the vote marker,
    so a join and a vote of the same browser cannot be linked without the token)."""
    return salted_hmac("integrity.join-marker", f"{session_id}:{token}", algorithm="sha256").hexdigest()


def has_joined(*, session_id: int, token: str) -> bool:
    return JoinMarker.objects.filter(marker=join_marker(session_id=session_id, token=token)).exists()


def participant_join(*, session: LiveSession, token: str) -> None:
    """Take a seat for this browser, once per session. A browser that cleared its cookies comes
    back as a new one and takes another seat; when all seats are taken, nobody new gets in."""
    if has_joined(session_id=session.pk, token=token):
        return
    if connection.vendor == "sqlite":
        with _sqlite_writer:
            _participant_join(session_id=session.pk, token=token)
    else:
        _participant_join(session_id=session.pk, token=token)


@transaction.atomic
def _participant_join(*, session_id: int, token: str) -> None:
    marker = join_marker(session_id=session_id, token=token)
    # The conditional UPDATE takes the seat and checks the limit in one statement: two phones
    # arriving at once for the last seat cannot both get it.
    limit = Q(seats__isnull=True) | Q(joined__lt=F("seats"))
    open_session = LiveSession.objects.filter(pk=session_id).exclude(status=SessionStatus.CLOSED)
    try:
        with transaction.atomic():
            JoinMarker.objects.create(marker=marker, session_id=session_id)
    except IntegrityError:
        return  # joined a moment ago in another tab
    if not open_session.filter(limit).update(joined=F("joined") + 1):
        raise SessionFull


def new_participant_token() -> str:
    """The random token a participant's browser keeps in a signed cookie; never stored as such."""
    return secrets.token_urlsafe(24)


def vote_marker(*, session_card_id: int, token: str) -> str:
    """A keyed hash of the card and the browser's token: the same browser gets a different,
    unlinkable marker on every card, and the marker holds nothing about a person or an answer."""
    return salted_hmac("integrity.vote-marker", f"{session_card_id}:{token}", algorithm="sha256").hexdigest()


class VoteRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "closed", "option", "already", "not_joined"


#: SQLite lets one writer in at a time and makes the others sleep and retry (with growing
#: pauses); a room voting at once would mostly wait. Threads of one process take turns here
#: instead; processes still meet SQLite's busy timeout. PostgreSQL needs no turns: the counter
#: row's lock orders the ``count + 1`` updates.
_sqlite_writer = threading.Lock()


def vote_cast(*, session_card_id: int, option: str, token: str) -> None:
    """Count one vote: a marker (one vote per browser per card) and ``count + 1`` on the answer's
    counter, in one transaction. Nothing else is written: no time, no identity, no audit row."""
    if connection.vendor == "sqlite":
        with _sqlite_writer:
            _vote_cast(session_card_id=session_card_id, option=option, token=token)
    else:
        _vote_cast(session_card_id=session_card_id, option=option, token=token)


@transaction.atomic
def _vote_cast(*, session_card_id: int, option: str, token: str) -> None:
    card = SessionCard.objects.select_related("session").get(pk=session_card_id)
    if card.session.status != SessionStatus.OPEN or card.state != CardState.VOTING:
        raise VoteRefused("closed")
    if option not in {item["key"] for item in card.options}:
        raise VoteRefused("option")
    if not has_joined(session_id=card.session_id, token=token):
        raise VoteRefused("not_joined")
    try:
        with transaction.atomic():
            VoteMarker.objects.create(marker=vote_marker(session_card_id=card.pk, token=token), session_card=card)
    except IntegrityError:
        raise VoteRefused("already") from None
    VoteCount.objects.filter(session_card=card, option=option).update(count=F("count") + 1)


def has_voted(*, session_card_id: int, token: str) -> bool:
    return VoteMarker.objects.filter(marker=vote_marker(session_card_id=session_card_id, token=token)).exists()


# --- Meldplicht ----------------------------------------------------------------------------


class NoManager(Exception):
    """The employee has no manager in the HR data: there is no one to report to."""


@dataclass(frozen=True)
class ReceiptMail:
    subject: str
    body: str


def receipt_mail(report: ChangeReport) -> ReceiptMail:
    moment = timezone.localtime(report.reported_at).strftime("%d-%m-%Y %H:%M")
    subject = _("Ontvangstbewijs van je melding (meldplicht)")
    body = _(
        "Je hebt een verandering in je persoonlijke situatie gemeld.\n\n"
        "Datum en tijd: %(moment)s\nSoort verandering: %(category)s\nGemeld aan: %(manager)s\n"
        "Controlecode: %(code)s\n\nBewaar deze e-mail. Met de controlecode kun je later laten zien dat je "
        "dit gemeld hebt."
    ) % {
        "moment": moment,
        "category": report.get_category_display(),
        "manager": report.manager.full_name,
        "code": report.verification_code,
    }
    return ReceiptMail(subject=subject, body=body)


def _verification_code() -> str:
    raw = _random_code(10)
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def report_create(*, person: Any, category: str, explanation: str, actor: Any) -> ChangeReport:
    """Report a change to the employee's own manager; the receipt mail leaves after the commit."""
    if person.manager is None:
        raise NoManager
    code = _verification_code()
    while ChangeReport.objects.filter(verification_code=code).exists():
        code = _verification_code()
    report = ChangeReport.objects.create(
        person=person, manager=person.manager, category=category, explanation=explanation, verification_code=code
    )
    log_change(actor=actor, obj=report, action=AuditAction.CREATE, fields=["category", "explanation"], person=person)
    if person.email:
        mail = receipt_mail(report)
        address = person.email
        transaction.on_commit(lambda: send_mail(mail.subject, mail.body, None, [address]))
    return report


@transaction.atomic
def report_follow_up(*, report: ChangeReport, text: str, actor: Any) -> ReportFollowUp:
    follow_up = ReportFollowUp.objects.create(report=report, text=text, recorded_by=actor)
    log_change(actor=actor, obj=report, fields=["follow_up"], person=report.person)
    return follow_up


# --- Session requests ----------------------------------------------------------------------


@transaction.atomic
def request_create(
    *,
    requester: Any,
    unit: Any,
    group_name: str,
    group_kind: str,
    audience: str,
    session_type: str,
    learning_questions: str,
    conditions_accepted: bool,
) -> SessionRequest:
    if not conditions_accepted:
        raise ValueError("conditions must be accepted")
    made = SessionRequest.objects.create(
        requester=requester,
        unit=unit,
        group_name=group_name,
        group_kind=group_kind,
        audience=audience,
        priority=AUDIENCE_PRIORITY[audience],
        session_type=session_type,
        learning_questions=learning_questions,
        conditions_accepted=True,
    )
    record(action=AuditAction.CREATE, actor=requester, obj=made, fields=["session_type", "learning_questions"])
    return made


@transaction.atomic
def request_plan(*, session_request: SessionRequest, planned_for: date, actor: Any) -> SessionRequest:
    session_request.planned_for = planned_for
    session_request.status = RequestStatus.PLANNED
    session_request.save(update_fields=["planned_for", "status"])
    record(action=AuditAction.UPDATE, actor=actor, obj=session_request, fields=["planned_for", "status"])
    return session_request


# --- Triage --------------------------------------------------------------------------------


@transaction.atomic
def signal_create(*, unit: Any, source: str, summary: str, checklist: dict[str, bool], actor: Any) -> IntegritySignal:
    reference = f"VIK-{_random_code(6)}"
    while IntegritySignal.objects.filter(reference=reference).exists():
        reference = f"VIK-{_random_code(6)}"
    signal = IntegritySignal.objects.create(
        reference=reference, unit=unit, source=source, summary=summary, created_by=actor, **checklist
    )
    log_change(actor=actor, obj=signal, action=AuditAction.CREATE, fields=["summary", *checklist])
    return signal


class DecisionRefused(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@transaction.atomic
def signal_decide(
    *,
    signal: IntegritySignal,
    to_stage: str,
    rationale: str,
    actor: Any,
    allocation: str = "",
    participants: str = "",
    checklist: dict[str, bool] | None = None,
) -> TriageDecision:
    """Move a signal one stage on, with its written rationale, in the append-only history."""
    locked = IntegritySignal.objects.select_for_update().get(pk=signal.pk)
    if not rationale.strip():
        raise DecisionRefused("rationale", _("Schrijf op waarom je dit besluit. Zonder onderbouwing geen besluit."))
    try:
        workflow.ensure_signal_can_move(locked.stage, to_stage)
    except workflow.TransitionNotAllowed as refused:
        raise DecisionRefused("to_stage", str(refused)) from None
    if checklist is not None:
        for name, value in checklist.items():
            setattr(locked, name, value)
    if locked.stage == Stage.TRIAGE:
        if not participants.strip():
            raise DecisionRefused("participants", _("Noem wie aan deze triage deelnamen."))
        if to_stage == Stage.PREPARATION and not allocation:
            raise DecisionRefused("allocation", _("Kies of de eenheid of het landelijk team het onderzoek doet."))
        if to_stage == Stage.RIJKSRECHERCHE and not locked.rijksrecherche_applies:
            raise DecisionRefused(
                "to_stage",
                _("Geen punt van de Rijksrecherche-lijst is aangevinkt: dit is geen zaak voor de Rijksrecherche."),
            )
    decision = TriageDecision.objects.create(
        signal=locked,
        from_stage=locked.stage,
        to_stage=to_stage,
        allocation=allocation if to_stage == Stage.PREPARATION else "",
        participants=participants,
        rationale=rationale.strip(),
        decided_by=actor,
    )
    locked.stage = to_stage
    if to_stage == Stage.PREPARATION:
        locked.allocation = allocation
    locked.save()
    log_change(actor=actor, obj=locked, fields=["stage", "allocation"])
    return decision


# --- Screening experience questionnaire ----------------------------------------------------

SURVEY_CODE_LENGTH = 10


@transaction.atomic
def survey_round_open(*, unit: Any, title: str, actor: Any) -> SurveyRound:
    """Open a questionnaire period with its own link code and a zero counter per answer."""
    code = _random_code(SURVEY_CODE_LENGTH)
    while SurveyRound.objects.filter(code=code).exists():
        code = _random_code(SURVEY_CODE_LENGTH)
    made = SurveyRound.objects.create(
        code=code, title=title, unit=unit, opened_by=actor, opened_on=timezone.localdate()
    )
    SurveyAnswerCount.objects.bulk_create(
        SurveyAnswerCount(survey_round=made, question=question.key, answer=answer)
        for question in survey.QUESTIONS
        for answer in question.answer_keys()
    )
    record(action=AuditAction.CREATE, actor=actor, obj=made, fields=["title", "unit"])
    return made


@transaction.atomic
def survey_round_close(*, survey_round: SurveyRound, actor: Any) -> SurveyRound:
    """Close a period: no more answers, the browser markers go, the counters stay."""
    locked = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
    if locked.closed_on is not None:
        raise workflow.TransitionNotAllowed(_("Deze periode is al gesloten."))
    SurveyMarker.objects.filter(survey_round=locked).delete()
    locked.closed_on = timezone.localdate()
    locked.save(update_fields=["closed_on"])
    record(action=AuditAction.UPDATE, actor=actor, obj=locked, fields=["closed_on"])
    return locked


class SurveyRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "closed", "answers", "already"


def survey_marker(*, round_id: int, token: str) -> str:
    """A keyed hash of the period and the browser's token: says only "this browser answered"."""
    return salted_hmac("integrity.survey-marker", f"{round_id}:{token}", algorithm="sha256").hexdigest()


def has_answered(*, round_id: int, token: str) -> bool:
    return SurveyMarker.objects.filter(marker=survey_marker(round_id=round_id, token=token)).exists()


def survey_submit(*, round_id: int, answers: dict[str, str], token: str) -> None:
    """Count one questionnaire: a marker (once per browser per period) and ``count + 1`` on the
    counter of each chosen answer, all or nothing. No row per respondent, no time, no identity,
    no audit row."""
    if connection.vendor == "sqlite":
        with _sqlite_writer:
            _survey_submit(round_id=round_id, answers=answers, token=token)
    else:
        _survey_submit(round_id=round_id, answers=answers, token=token)


@transaction.atomic
def _survey_submit(*, round_id: int, answers: dict[str, str], token: str) -> None:
    complete = set(answers) == set(survey.BY_KEY) and all(
        answers[key] in survey.BY_KEY[key].answer_keys() for key in survey.BY_KEY
    )
    if not complete:
        raise SurveyRefused("answers")
    # Counting the response on the period row also checks, in the same statement, that it is open.
    if not SurveyRound.objects.filter(pk=round_id, closed_on__isnull=True).update(responses=F("responses") + 1):
        raise SurveyRefused("closed")
    try:
        with transaction.atomic():
            SurveyMarker.objects.create(marker=survey_marker(round_id=round_id, token=token), survey_round_id=round_id)
    except IntegrityError:
        raise SurveyRefused("already") from None
    for question, answer in answers.items():
        counted = SurveyAnswerCount.objects.filter(survey_round_id=round_id, question=question, answer=answer).update(
            count=F("count") + 1
        )
        if not counted:  # an answer added to the questionnaire after this period was opened
            SurveyAnswerCount.objects.create(survey_round_id=round_id, question=question, answer=answer, count=1)
