"""What the pages of the integrity app show, as small frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OptionResult:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class CardResult:
    """One card of a session as the facilitator's screen shows it."""

    pk: int
    position: int
    title: str
    text: str
    state: str
    state_label: str
    total: int
    #: False while the card is still open for votes or when there are too few votes.
    shown: bool
    too_few: bool
    options: tuple[OptionResult, ...]


@dataclass(frozen=True)
class ThemeCount:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class CheckOutcome:
    """The end of the dilemma check: do, don't, or discuss first, and where to go."""

    verdict: str  # "doen", "niet-doen", "bespreken"
    reasons: tuple[str, ...]
    routes: tuple[tuple[str, str], ...]  # (who, why)


@dataclass(frozen=True)
class SurveyAnswerResult:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class SurveyQuestionResult:
    number: int
    key: str
    text: str
    answers: tuple[SurveyAnswerResult, ...]


@dataclass(frozen=True)
class SurveyResults:
    """A questionnaire period as the results page shows it. ``shown`` only when the period is
    closed and has at least the anonymity threshold of responses; otherwise no figure at all
    (not even the exact number of responses)."""

    pk: int
    title: str
    is_open: bool
    shown: bool
    #: The number of responses, only when ``shown``.
    responses: int | None
    threshold: int
    questions: tuple[SurveyQuestionResult, ...]
