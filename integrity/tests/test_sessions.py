"""Live dilemma sessions: opening, voting without an account, the 3-vote rule, closing, and that
nothing stored identifies a voter — also with 300 votes at once."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEvent
from integrity import services
from integrity.models import LiveSession, SessionCard, VoteCount, VoteMarker
from integrity.tests import factories
from integrity.views import PARTICIPANT_COOKIE
from organisation.constants import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(organisation: Any) -> Any:
    return organisation.users[Role.LEIDINGGEVENDE]


def test_a_participant_joins_by_code_without_an_account_and_votes_once_per_card(facilitator: Any, client: Any) -> None:
    live = factories.session(facilitator, opened=True)
    joined = client.get(reverse("integrity:join"), {"code": live.code.lower()})
    assert joined.status_code == 302 and joined["Location"] == reverse("integrity:participate", args=[live.code])
    page = client.get(joined["Location"])
    assert page.status_code == 200 and "Stem" in page.content.decode()
    cookie = page.cookies[PARTICIPANT_COOKIE]
    assert cookie["httponly"] and cookie["path"] == reverse("integrity:join")
    card = live.cards.get(position=1)
    voted = client.post(reverse("integrity:participate", args=[live.code]), {"option": "eens"})
    assert voted.status_code == 302
    again = client.post(reverse("integrity:participate", args=[live.code]), {"option": "oneens"}, follow=True)
    assert "Je hebt op deze kaart al gestemd" in again.content.decode()
    assert dict(VoteCount.objects.filter(session_card=card).values_list("option", "count")) == {"eens": 1, "oneens": 0}


def test_an_unknown_code_is_refused_at_the_field(client: Any) -> None:
    response = client.get(reverse("integrity:join"), {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "Deze code kennen we niet" in str(response.context["form"].errors["code"])


def test_a_vote_for_an_answer_the_card_does_not_have_is_refused_at_the_field(facilitator: Any, client: Any) -> None:
    live = factories.session(facilitator, opened=True)
    response = client.post(reverse("integrity:participate", args=[live.code]), {"option": "misschien"})
    assert response.context["form"].errors["option"]
    assert sum(VoteCount.objects.values_list("count", flat=True)) == 0


def test_no_result_is_shown_for_fewer_than_three_votes_and_reveal_stops_voting(facilitator: Any, login_as: Any) -> None:
    live = factories.session(facilitator, opened=True)
    factories.vote(live, "eens")
    factories.vote(live, "oneens")
    client = login_as(facilitator)
    live_url = reverse("integrity:session_live", args=[live.pk])
    assert "2 stemmen" in client.get(live_url).content.decode()
    client.post(reverse("integrity:session_step", args=[live.pk]), {"step": "onthullen"})
    fragment = client.get(live_url).content.decode()
    assert 'data-testid="too-few"' in fragment and 'data-testid="distribution"' not in fragment
    revealed = live.cards.get(position=1)
    with pytest.raises(services.VoteRefused):
        services.vote_cast(session_card_id=revealed.pk, option="eens", token=services.new_participant_token())


def test_the_live_fragment_polled_every_second_reads_the_app_in_a_few_queries(facilitator: Any, login_as: Any) -> None:
    live = factories.session(facilitator, cards=5, opened=True)
    for option in ("eens", "eens", "oneens"):
        factories.vote(live, option)
    client = login_as(facilitator)
    url = reverse("integrity:session_live", args=[live.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert "3 stemmen" in client.get(url).content.decode()
    # The session, its live card and that card's counters; the rest is login and role lookups.
    assert len([q for q in queries.captured_queries if '"integrity_' in q["sql"]]) <= 3


def test_three_votes_show_the_distribution_after_reveal_only(facilitator: Any, login_as: Any) -> None:
    live = factories.session(facilitator, opened=True)
    for option in ("eens", "eens", "oneens"):
        factories.vote(live, option)
    client = login_as(facilitator)
    live_url = reverse("integrity:session_live", args=[live.pk])
    assert 'data-testid="distribution"' not in client.get(live_url).content.decode()
    client.post(reverse("integrity:session_step", args=[live.pk]), {"step": "onthullen"})
    result = client.get(live_url).context["live"]
    assert result.shown and [(o.label, o.count, o.percent) for o in result.options] == [
        ("Eens", 2, 67),
        ("Oneens", 1, 33),
    ]


def test_next_card_opens_the_following_card_and_close_keeps_only_distributions_with_enough_votes(
    facilitator: Any, login_as: Any
) -> None:
    live = factories.session(facilitator, opened=True)
    for option in ("eens", "eens", "oneens"):
        factories.vote(live, option)
    client = login_as(facilitator)
    step = reverse("integrity:session_step", args=[live.pk])
    page = client.get(reverse("integrity:session", args=[live.pk])).context
    assert (page["live"].position, page["live"].total, page["has_next"]) == (1, 3, True)
    client.post(step, {"step": "volgende"})
    assert list(live.cards.values_list("state", flat=True)) == ["onthuld", "stemmen"]
    page = client.get(reverse("integrity:session", args=[live.pk])).context
    assert (page["live"].position, page["has_next"]) == (2, False)
    factories.vote(live, "oneens")  # one vote on card 2: too few to keep
    refused = client.post(step, {"step": "sluiten"}, follow=True)
    assert "Kies of de verdeling per kaart bewaard blijft" in refused.content.decode()
    client.post(step, {"step": "sluiten", "keep": "bewaren"})
    live.refresh_from_db()
    assert live.status == "gesloten" and VoteMarker.objects.count() == 0
    first, second = live.cards.order_by("position")
    assert dict(VoteCount.objects.filter(session_card=first).values_list("option", "count")) == {"eens": 2, "oneens": 1}
    assert not VoteCount.objects.filter(session_card=second).exists()


def test_closing_with_nothing_kept_leaves_no_counts(facilitator: Any) -> None:
    live = factories.session(facilitator, opened=True)
    for option in ("eens", "eens", "oneens"):
        factories.vote(live, option)
    services.session_close(session=live, keep="wissen", minimum=3)
    assert not VoteCount.objects.filter(session_card__session=live).exists()
    assert not VoteMarker.objects.exists()


def test_another_facilitator_gets_404_on_a_session_they_did_not_make(organisation: Any, login_as: Any) -> None:
    live = factories.session(organisation.users[Role.LEIDINGGEVENDE])
    client = login_as(organisation.users[Role.VIK_PREVENTIE])
    assert client.get(reverse("integrity:session", args=[live.pk])).status_code == 404
    assert client.get(reverse("integrity:session_live", args=[live.pk])).status_code == 404


def test_the_facilitator_creates_a_session_from_cards_and_sees_the_code_and_an_inline_qr_code(
    facilitator: Any, login_as: Any
) -> None:
    client = login_as(facilitator)
    from integrity.models import Card

    picked = list(Card.objects.filter(theme="geweld").values_list("pk", flat=True))
    made = client.post(reverse("integrity:session_new"), {"title": "Geweld", "cards": picked, "seats": "20"})
    live = LiveSession.objects.get(title="Geweld")
    assert made["Location"] == reverse("integrity:session", args=[live.pk])
    page = client.get(made["Location"]).content.decode()
    assert live.code in page and '<svg role="img"' in page and 'hx-trigger="every 1s"' in page
    assert list(live.cards.values_list("card_id", flat=True)) == sorted(
        picked, key=lambda pk: Card.objects.get(pk=pk).number
    )


def test_the_vote_tables_have_no_column_that_could_identify_a_voter_or_a_moment() -> None:
    assert {f.name for f in VoteCount._meta.concrete_fields} == {"id", "session_card", "option", "count"}
    assert {f.name for f in VoteMarker._meta.concrete_fields} == {"marker", "session_card"}


def test_a_marker_differs_per_card_and_does_not_contain_the_token() -> None:
    token = services.new_participant_token()
    one, two = (services.vote_marker(session_card_id=pk, token=token) for pk in (1, 2))
    assert one != two and token not in one


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_300_simultaneous_votes_on_one_card_are_counted_exactly_and_identify_no_one(organisation: Any) -> None:
    factories.load_cards()
    live = factories.session(organisation.users[Role.LEIDINGGEVENDE], cards=1, opened=True)
    card = SessionCard.objects.get(session=live)
    audit_before = AuditEvent.objects.count()
    tokens = [services.new_participant_token() for _ in range(300)]
    options = ["eens" if index % 3 else "oneens" for index in range(300)]  # 200 eens, 100 oneens
    for token in tokens:  # each phone opens the page first, which takes its seat
        services.participant_join(session=live, token=token)
    errors: list[str] = []
    sqlite = connection.vendor == "sqlite"
    # SQLite serialises writers: on the shared in-memory test database a lock takes turns safely;
    # PostgreSQL gets the votes truly at once (30 threads × 10 votes, each thread its own connection).
    serial = threading.Lock()
    barrier = threading.Barrier(30)

    def worker(batch: range) -> None:
        try:
            barrier.wait()
            for index in batch:
                try:
                    if sqlite:
                        with serial:
                            services.vote_cast(session_card_id=card.pk, option=options[index], token=tokens[index])
                    else:
                        services.vote_cast(session_card_id=card.pk, option=options[index], token=tokens[index])
                except Exception as error:
                    errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(range(start, start + 10),)) for start in range(0, 300, 10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counts = dict(VoteCount.objects.filter(session_card=card).values_list("option", "count"))
    assert counts == {"eens": 200, "oneens": 100}
    assert VoteMarker.objects.filter(session_card=card).count() == 300
    # Nothing stored says who voted or when: no token, no audit row, and the markers do not
    # reveal the answer (the same number of markers whatever the answers were).
    stored_markers = set(VoteMarker.objects.values_list("marker", flat=True))
    assert not any(token in marker for token in tokens for marker in list(stored_markers)[:5])
    assert AuditEvent.objects.count() == audit_before
    # A second vote from one of those browsers is refused and changes nothing.
    with pytest.raises(services.VoteRefused):
        services.vote_cast(session_card_id=card.pk, option="eens", token=tokens[0])
    assert sum(VoteCount.objects.filter(session_card=card).values_list("count", flat=True)) == 300


def test_watching_the_live_screen_between_two_votes_does_not_reveal_how_someone_voted(
    facilitator: Any, login_as: Any
) -> None:
    """The attacker watches the projected screen, sees a neighbour tap, and compares: only the
    total moves; no per-answer figure is on the screen while the card is open."""
    live = factories.session(facilitator, opened=True)
    for option in ("eens", "eens", "oneens"):
        factories.vote(live, option)
    client = login_as(facilitator)
    url = reverse("integrity:session_live", args=[live.pk])
    before = client.get(url).context["live"]
    factories.vote(live, "oneens")
    after = client.get(url).context["live"]
    assert (before.total, after.total) == (3, 4)
    assert before.options == () and after.options == ()
    fragment = client.get(url).content.decode()
    assert "Eens" not in fragment and "Oneens" not in fragment
