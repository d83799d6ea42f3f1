"""Reads of the integrity app, shared by pages, the API and the bench."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from core import anonymity
from integrity import survey
from integrity.constants import CardState, Theme
from integrity.models import (
    Card,
    ChangeReport,
    IntegritySignal,
    LiveSession,
    SessionCard,
    SessionRequest,
    SurveyAnswerCount,
    SurveyRound,
    VoteCount,
)
from integrity.presentation import (
    CardResult,
    OptionResult,
    SurveyAnswerResult,
    SurveyQuestionResult,
    SurveyResults,
    ThemeCount,
)


def min_votes() -> int:
    """No distribution is shown for a card with fewer votes than this (never below 3)."""
    return max(3, int(settings.INTEGRITY_SESSION_MIN_VOTES))


def cards(*, theme: str = "", query: str = "") -> QuerySet[Card]:
    found = Card.objects.all()
    if theme:
        found = found.filter(theme=theme)
    for word in query.split()[:8]:
        found = found.filter(Q(title__icontains=word) | Q(text__icontains=word) | Q(prompts__icontains=word))
    return found


def theme_counts() -> list[ThemeCount]:
    counted = dict(Card.objects.values_list("theme").annotate(n=Count("pk")).values_list("theme", "n"))
    return [ThemeCount(value=theme.value, label=str(theme.label), count=counted.get(theme.value, 0)) for theme in Theme]


def session_cards(session: LiveSession) -> list[SessionCard]:
    return list(session.cards.order_by("position"))


def _result(card: SessionCard, counts: dict[str, int]) -> CardResult:
    total = sum(counts.values())
    revealed = card.state == CardState.REVEALED
    enough = total >= min_votes()
    shown = revealed and enough
    options = tuple(
        OptionResult(
            label=item["label"],
            count=counts.get(item["key"], 0),
            percent=round(100 * counts.get(item["key"], 0) / total) if total else 0,
        )
        for item in card.options
    )
    return CardResult(
        pk=card.pk,
        position=card.position,
        title=card.title,
        text=card.text,
        state=card.state,
        state_label=str(CardState(card.state).label),
        total=total,
        shown=shown,
        too_few=revealed and not enough,
        options=options if shown else (),
    )


def card_result(card: SessionCard) -> CardResult:
    """The counters of one card, read in one query (the live fragment polls this every second)."""
    counts = dict(VoteCount.objects.filter(session_card=card).values_list("option", "count"))
    return _result(card, counts)


def session_results(session: LiveSession) -> list[CardResult]:
    """Every card of the session with its (kept) distribution, in two queries."""
    found = session_cards(session)
    counts: dict[int, dict[str, int]] = {}
    for card_id, option, count in VoteCount.objects.filter(session_card__session=session).values_list(
        "session_card_id", "option", "count"
    ):
        counts.setdefault(card_id, {})[option] = count
    return [_result(card, counts.get(card.pk, {})) for card in found]


def live_card(session: LiveSession) -> SessionCard | None:
    """The card being voted on or last revealed (the highest position that left "waiting")."""
    return session.cards.exclude(state=CardState.WAITING).order_by("-position").first()


def session_by_code(code: str) -> LiveSession | None:
    return LiveSession.objects.filter(code=code.strip().upper()).first()


def reports_for_manager(user: Any) -> QuerySet[ChangeReport]:
    return ChangeReport.objects.filter(manager__user_id=user.pk).select_related("person", "manager")


def requests_to_plan(condition: Q) -> QuerySet[SessionRequest]:
    return SessionRequest.objects.filter(condition).select_related("unit").order_by("status", "priority", "created_at")


def signals(condition: Q) -> QuerySet[IntegritySignal]:
    return IntegritySignal.objects.filter(condition).select_related("unit")


def survey_rounds(condition: Q) -> QuerySet[SurveyRound]:
    return SurveyRound.objects.filter(condition).select_related("unit")


def survey_results_of(rounds: list[SurveyRound]) -> list[SurveyResults]:
    """``survey_results`` of several periods, their counters read in one query."""
    shown = [item.pk for item in rounds if _survey_shown(item)]
    counts: dict[int, dict[tuple[str, str], int]] = {}
    for round_id, question, answer, count in SurveyAnswerCount.objects.filter(survey_round_id__in=shown).values_list(
        "survey_round_id", "question", "answer", "count"
    ):
        counts.setdefault(round_id, {})[(question, answer)] = count
    return [_survey_results(item, counts.get(item.pk, {})) for item in rounds]


def _survey_shown(survey_round: SurveyRound) -> bool:
    return not survey_round.is_open and anonymity.may_show(survey_round.responses)


def survey_results(survey_round: SurveyRound) -> SurveyResults:
    """The counts per question and answer of one period, or nothing at all while the period is
    open or has fewer responses than the anonymity threshold (``core.anonymity``).

    Only closed periods are shown, so no one can compare the figures before and after a
    response. Periods are never added up or compared, and every question must be answered, so
    each question's total is the period's total and no figure follows from others by subtraction.
    """
    counts: dict[tuple[str, str], int] = {}
    if _survey_shown(survey_round):
        counts = {
            (question, answer): count
            for question, answer, count in SurveyAnswerCount.objects.filter(survey_round=survey_round).values_list(
                "question", "answer", "count"
            )
        }
    return _survey_results(survey_round, counts)


def _survey_results(survey_round: SurveyRound, counts: dict[tuple[str, str], int]) -> SurveyResults:
    shown = _survey_shown(survey_round)
    questions: tuple[SurveyQuestionResult, ...] = ()
    if shown:
        total = survey_round.responses
        questions = tuple(
            SurveyQuestionResult(
                number=number,
                key=question.key,
                text=str(question.text),
                answers=tuple(
                    SurveyAnswerResult(
                        label=str(label),
                        count=counts.get((question.key, key), 0),
                        percent=round(100 * counts.get((question.key, key), 0) / total) if total else 0,
                    )
                    for key, label in question.answers
                ),
            )
            for number, question in enumerate(survey.QUESTIONS, start=1)
        )
    return SurveyResults(
        pk=survey_round.pk,
        title=survey_round.title,
        is_open=survey_round.is_open,
        shown=shown,
        responses=survey_round.responses if shown else None,
        threshold=anonymity.threshold(),
        questions=questions,
    )
