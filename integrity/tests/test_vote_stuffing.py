"""Vote stuffing: a participant who clears cookies comes back as a new phone. Phones take seats
(the facilitator counts the room), a vote needs a seat, and when the seats are taken nobody new
gets in, so one person cannot quietly vote several times to reach the 3-vote minimum and work out
another person's vote by subtraction. Nothing identifying is stored for a seat."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from integrity import services
from integrity.models import Card, JoinMarker, LiveSession, VoteCount
from integrity.tests import factories
from organisation.constants import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(organisation: Any) -> Any:
    return organisation.users[Role.LEIDINGGEVENDE]


def _room(facilitator: Any, seats: int) -> LiveSession:
    made = services.session_create(
        facilitator=facilitator, title="Zaal", cards=list(Card.objects.order_by("number")[:1]), seats=seats
    )
    return services.session_open(session=made)


def test_a_phone_that_cleared_its_cookies_takes_a_new_seat_and_a_full_room_lets_no_one_in(
    facilitator: Any, login_as: Any
) -> None:
    live = _room(facilitator, seats=3)
    url = reverse("integrity:participate", args=[live.code])
    # The attacker votes, clears cookies (a fresh client) and votes again: two seats gone.
    for _ in range(2):
        attacker = Client()
        attacker.get(url)
        assert attacker.post(url, {"option": "eens"}).status_code == 302
    victim = Client()
    victim.get(url)
    victim.post(url, {"option": "oneens"})
    # A third attempt of the attacker finds the room full: no seat, no vote.
    again = Client()
    page = again.get(url)
    assert 'data-testid="session-full"' in page.content.decode()
    assert again.post(url, {"option": "eens"}).status_code == 200
    live.refresh_from_db()
    assert live.joined == 3
    card = live.cards.get()
    assert sum(VoteCount.objects.filter(session_card=card).values_list("count", flat=True)) == 3
    # The facilitator sees how many seats are taken next to the votes.
    fragment = login_as(facilitator).get(reverse("integrity:session_live", args=[live.pk]))
    assert "3 van 3 plaatsen bezet" in fragment.content.decode()


def test_a_vote_from_a_browser_without_a_seat_is_refused(facilitator: Any) -> None:
    live = _room(facilitator, seats=5)
    card = live.cards.get()
    with pytest.raises(services.VoteRefused) as refused:
        services.vote_cast(session_card_id=card.pk, option="eens", token=services.new_participant_token())
    assert refused.value.reason == "not_joined"
    assert sum(VoteCount.objects.filter(session_card=card).values_list("count", flat=True)) == 0


def test_the_facilitator_adds_a_seat_but_cannot_go_below_the_phones_that_joined(
    facilitator: Any, login_as: Any
) -> None:
    live = _room(facilitator, seats=3)
    for _ in range(3):
        services.participant_join(session=live, token=services.new_participant_token())
    late = services.new_participant_token()
    with pytest.raises(services.SessionFull):
        services.participant_join(session=live, token=late)
    client = login_as(facilitator)
    step = reverse("integrity:session_step", args=[live.pk])
    refused = client.post(step, {"step": "plaatsen", "seats": "2"}, follow=True)
    assert "Een sessie is voor minstens 3 mensen." in refused.content.decode()
    client.post(step, {"step": "plaatsen", "seats": "4"})
    services.participant_join(session=live, token=late)
    live.refresh_from_db()
    assert (live.seats, live.joined) == (4, 4)
    services.participant_join(session=live, token=late)  # the same phone again takes no second seat
    live.refresh_from_db()
    assert live.joined == 4
    lower = client.post(step, {"step": "plaatsen", "seats": "3"}, follow=True)
    assert "Er doen al 4 telefoons mee" in lower.content.decode()
    live.refresh_from_db()
    assert live.seats == 4


def test_a_seat_stores_only_a_keyed_hash_and_goes_when_the_session_closes(facilitator: Any) -> None:
    live = _room(facilitator, seats=10)
    token = services.new_participant_token()
    factories.vote(live, "eens", token=token)
    assert {f.name for f in JoinMarker._meta.concrete_fields} == {"marker", "session"}
    marker = JoinMarker.objects.get()
    assert token not in marker.marker
    card = live.cards.get()
    assert marker.marker != services.vote_marker(session_card_id=card.pk, token=token)
    services.session_close(session=live, keep="wissen", minimum=3)
    assert not JoinMarker.objects.exists()


def test_making_a_session_asks_how_many_people_take_part(facilitator: Any, login_as: Any) -> None:
    client = login_as(facilitator)
    card = Card.objects.order_by("number").first()
    assert card is not None
    url = reverse("integrity:session_new")
    refused = client.post(url, {"title": "Teamdag", "cards": [card.pk], "seats": "2"})
    assert refused.context["form"].errors["seats"] == ["Een sessie is voor minstens 3 mensen."]
    assert not LiveSession.objects.exists()
    client.post(url, {"title": "Teamdag", "cards": [card.pk], "seats": "12"})
    assert LiveSession.objects.get().seats == 12


def test_without_a_number_of_seats_the_facilitator_still_sees_how_many_phones_joined(
    facilitator: Any, login_as: Any
) -> None:
    made = services.session_create(facilitator=facilitator, title="Open zaal", cards=list(Card.objects.all()[:1]))
    live = services.session_open(session=made)
    for _ in range(4):
        services.participant_join(session=live, token=services.new_participant_token())
    fragment = login_as(facilitator).get(reverse("integrity:session_live", args=[live.pk])).content.decode()
    assert "4 telefoons doen mee" in fragment
