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
    card = live.cards.get(state="stemmen")
    services.vote_cast(session_card_id=card.pk, option=option, token=token or services.new_participant_token())
