"""Test builders of the integrity app (people, teams and roles: organisation/tests/factories.py)."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps as django_apps

from integrity import services
from integrity.models import Card, LiveSession


def load_cards() -> None:
    """Transactional tests flush the database, data migrations included: load the cards again."""
    importlib.import_module("integrity.migrations.0002_dilemma_cards_2022").load(django_apps, None)


def session(facilitator: Any, *, cards: int = 2, title: str = "Teamoverleg", opened: bool = False) -> LiveSession:
    made = services.session_create(
        facilitator=facilitator, title=title, cards=list(Card.objects.order_by("number")[:cards])
    )
    return services.session_open(session=made) if opened else made


def vote(live: LiveSession, option: str, *, token: str | None = None) -> None:
    """One vote on the open card by a browser that joins first (as the page does)."""
    card = live.cards.get(state="stemmen")
    token = token or services.new_participant_token()
    services.participant_join(session=live, token=token)
    services.vote_cast(session_card_id=card.pk, option=option, token=token)


def survey_answers(**chosen: str) -> dict[str, str]:
    """A complete questionnaire: the first answer to every question, unless chosen otherwise."""
    from integrity import survey

    return {question.key: chosen.get(question.key, question.answer_keys()[0]) for question in survey.QUESTIONS}


def survey_response(round_id: int, **chosen: str) -> None:
    services.survey_submit(round_id=round_id, answers=survey_answers(**chosen), token=services.new_participant_token())
