"""The combined team signals: never one signal alone; with enough coinciding signals the team is
brought to attention with exactly those reasons, in neutral words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from organisation.models import OrgNode
from organisation.tests.factories import OrgNodeFactory, PersonFactory
from teamcare import signalling
from teamcare.constants import SignalKind
from teamcare.periods import period_of
from teamcare.tests.factories import absence, leaders, members, monitor_risk

pytestmark = pytest.mark.django_db

Setup = Callable[[OrgNode, OrgNode], None]


def _absence(team: OrgNode, other: OrgNode) -> None:
    absence(team, percentage="9.5")


def _three_leaders(team: OrgNode, other: OrgNode) -> None:
    leaders(team, [600, 300, 100])


def _three_leaders_over_four_years(team: OrgNode, other: OrgNode) -> None:
    leaders(team, [1500, 1000, 900])


def _monitor(team: OrgNode, other: OrgNode) -> None:
    monitor_risk(team, other)


def _low_absence(team: OrgNode, other: OrgNode) -> None:
    absence(team, percentage="3.0", frequency="0.8")


CASES: list[tuple[str, list[Setup], set[str], bool]] = [
    ("only high absence", [_absence], {SignalKind.VERZUIM}, False),
    ("absence and three leaders", [_absence, _three_leaders], {SignalKind.VERZUIM, SignalKind.LEIDING}, False),
    (
        "absence, three leaders in two years and a monitor risk scale",
        [_absence, _three_leaders, _monitor],
        {SignalKind.VERZUIM, SignalKind.LEIDING, SignalKind.MONITOR},
        True,
    ),
    ("three leaders spread over four years", [_three_leaders_over_four_years, _absence], {SignalKind.VERZUIM}, False),
    (
        "low absence, leaders and monitor",
        [_low_absence, _three_leaders, _monitor],
        {SignalKind.LEIDING, SignalKind.MONITOR},
        False,
    ),
]


@pytest.mark.parametrize(("name", "setups", "kinds", "attention"), CASES, ids=[case[0] for case in CASES])
def test_a_team_is_brought_to_attention_only_when_enough_signals_coincide(
    name: str, setups: list[Setup], kinds: set[str], attention: bool
) -> None:
    team, other = OrgNodeFactory.create(), OrgNodeFactory.create()
    for setup in setups:
        setup(team, other)
    found = signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate()))
    signals = found.get(team.pk, signalling.TeamSignals(team.pk))
    assert {reason.kind for reason in signals.reasons} == kinds
    assert signals.needs_attention is attention


def test_the_reasons_say_why_in_neutral_words() -> None:
    team, other = OrgNodeFactory.create(), OrgNodeFactory.create()
    _absence(team, other)
    _three_leaders(team, other)
    _monitor(team, other)
    signals = signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate()))[team.pk]
    texts = [reason.text for reason in signals.reasons]
    assert len(texts) == 3
    assert texts[0].startswith("3 verschillende leidinggevenden")
    assert "9,5%" in texts[1]
    assert "Sociale veiligheid" in texts[2]
    assert not any("kwetsba" in text.lower() for text in texts)


@override_settings(TEAMCARE_MIN_SIGNALS=2)
def test_the_number_of_coinciding_signals_is_configurable() -> None:
    team, other = OrgNodeFactory.create(), OrgNodeFactory.create()
    _absence(team, other)
    _three_leaders(team, other)
    signals = signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate()))[team.pk]
    assert signals.needs_attention


@override_settings(TEAMCARE_ABSENCE_PERCENT=10.0)
def test_a_threshold_is_configurable() -> None:
    team = OrgNodeFactory.create()
    absence(team, percentage="9.5", frequency="1.0")
    assert signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate())) == {}


def test_outflow_and_low_mobility_come_from_the_membership_history() -> None:
    today = timezone.localdate()
    leaving, staying = OrgNodeFactory.create(), OrgNodeFactory.create()
    gone = members(leaving, 10, since=today - dt.timedelta(days=2000), initial=True)
    for person in gone[:3]:
        from teamcare.models import Membership

        Membership.objects.filter(person=person).update(
            ended_on=today - dt.timedelta(days=30), ended_because="uit_dienst"
        )
    members(staying, 10, since=today - dt.timedelta(days=2000), initial=True)
    found = signalling.compute(OrgNode.objects.filter(pk__in=[leaving.pk, staying.pk]), period_of(today))
    assert {r.kind for r in found[leaving.pk].reasons} == {SignalKind.UITSTROOM}
    assert {r.kind for r in found[staying.pk].reasons} == {SignalKind.MOBILITEIT}


def test_a_monitor_group_that_is_not_shown_gives_no_signal(organisation: Any) -> None:
    from monitor import results
    from monitor.tests.factories import answered_campaign

    team, other = OrgNodeFactory.create(), OrgNodeFactory.create()
    campaign = answered_campaign({team: 2, other: 6}, value_of=lambda node, i: 1 if node == team else 4)
    results.freeze(campaign)
    assert signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate())) == {}


def test_an_unfrozen_campaign_is_not_read_so_nothing_is_written() -> None:
    from monitor.models import ResultSnapshot
    from monitor.tests.factories import answered_campaign

    team, other = OrgNodeFactory.create(), OrgNodeFactory.create()
    answered_campaign({team: 6, other: 6}, value_of=lambda node, i: 1 + i % 2)
    signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate()))
    assert not ResultSnapshot.objects.exists()


def test_barista_and_aftercare_are_told_as_at_least_the_threshold_never_as_a_count() -> None:
    from barista.models import Signal, SignalTally

    team = OrgNodeFactory.create()
    old = timezone.now() - dt.timedelta(days=40)
    for _ in range(7):
        SignalTally.objects.create(team=team, status="open", created_at=old)
    signals = signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate()))[team.pk]
    (reason,) = signals.reasons
    assert reason.kind == SignalKind.BARISTA
    assert "Minstens 5" in reason.text and "7" not in reason.text.split("tot en met")[0]
    assert Signal.objects.count() == 0


def test_an_invitation_followed_up_in_time_does_not_count() -> None:
    from barista.models import SignalTally

    team = OrgNodeFactory.create()
    old = timezone.now() - dt.timedelta(days=40)
    for _ in range(3):
        SignalTally.objects.create(
            team=team, status="gesprek_gevoerd", created_at=old, outcome_at=old + dt.timedelta(days=3)
        )
    assert signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate())) == {}


def test_aftercare_events_with_team_members_count_once_per_event(organisation: Any) -> None:
    from aftercare.models import Event, EventType, Plan

    team = OrgNodeFactory.create()
    people = [PersonFactory.create(team=team) for _ in range(3)]
    kind = EventType.objects.first() or EventType.objects.create(code="x", name="Test")
    for days in (10, 20, 30, 40, 50):
        event = Event.objects.create(
            occurred_at=timezone.now() - dt.timedelta(days=days), kind=kind, severity="ernstig"
        )
        for person in people:
            Plan.objects.create(event=event, person=person, unit=team.unit)
    signals = signalling.compute(OrgNode.objects.filter(pk=team.pk), period_of(timezone.localdate()))[team.pk]
    assert [reason.kind for reason in signals.reasons] == [SignalKind.NAZORG]


def test_an_attacker_comparing_teams_or_periods_learns_no_count() -> None:
    """Two teams (or one team in two quarters) with 5 and 9 late invitations read exactly alike:
    subtracting what is shown gives nothing."""
    from barista.models import SignalTally

    few, many = OrgNodeFactory.create(), OrgNodeFactory.create()
    old = timezone.now() - dt.timedelta(days=40)
    for team, count in ((few, 5), (many, 9)):
        for _ in range(count):
            SignalTally.objects.create(team=team, status="open", created_at=old)
    found = signalling.compute(OrgNode.objects.filter(pk__in=[few.pk, many.pk]), period_of(timezone.localdate()))
    assert found[few.pk].reasons == found[many.pk].reasons


def _late_invitations(team: OrgNode, count: int) -> None:
    from barista.models import SignalTally

    old = timezone.now() - dt.timedelta(days=40)
    for _ in range(count):
        SignalTally.objects.create(team=team, status="open", created_at=old)


def _aftercare_events(team: OrgNode, count: int) -> None:
    from aftercare.models import Event, EventType, Plan

    person = PersonFactory.create(team=team)
    kind = EventType.objects.first() or EventType.objects.create(code="x", name="Test")
    for days in range(count):
        event = Event.objects.create(
            occurred_at=timezone.now() - dt.timedelta(days=5 + days), kind=kind, severity="ernstig"
        )
        Plan.objects.create(event=event, person=person, unit=team.unit)


@pytest.mark.parametrize("threshold", [5, 7])
@pytest.mark.parametrize("fill", [_late_invitations, _aftercare_events], ids=["barista", "nazorg"])
@override_settings(TEAMCARE_BARISTA_MIN=1, TEAMCARE_AFTERCARE_MIN=2)
def test_barista_and_aftercare_never_use_a_threshold_below_the_anonymity_threshold(
    fill: Callable[[OrgNode, int], None], threshold: int
) -> None:
    """A configured minimum of 1 or 2 is raised to the anonymity threshold: threshold − 1 gives no
    signal, the threshold does, and the reason names the threshold in use."""
    below, at = OrgNodeFactory.create(), OrgNodeFactory.create()
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=threshold):
        fill(below, threshold - 1)
        fill(at, threshold)
        found = signalling.compute(OrgNode.objects.filter(pk__in=[below.pk, at.pk]), period_of(timezone.localdate()))
    assert below.pk not in found
    (reason,) = found[at.pk].reasons
    assert f"Minstens {threshold} " in reason.text


@override_settings(TEAMCARE_BARISTA_MIN=8, TEAMCARE_AFTERCARE_MIN=9)
def test_a_minimum_above_the_anonymity_threshold_is_used_as_configured() -> None:
    assert (signalling.barista_min(), signalling.aftercare_min()) == (8, 9)


@pytest.mark.parametrize(
    ("barista", "aftercare", "flagged"),
    [
        (4, 5, {"TEAMCARE_BARISTA_MIN"}),
        (5, 3, {"TEAMCARE_AFTERCARE_MIN"}),
        (2, 1, {"TEAMCARE_BARISTA_MIN", "TEAMCARE_AFTERCARE_MIN"}),
        (5, 6, set()),
    ],
)
def test_the_system_check_warns_about_a_minimum_below_the_anonymity_threshold(
    barista: int, aftercare: int, flagged: set[str]
) -> None:
    from django.core import checks

    with override_settings(
        ZORGWIJZER_ANONYMITY_THRESHOLD=5, TEAMCARE_BARISTA_MIN=barista, TEAMCARE_AFTERCARE_MIN=aftercare
    ):
        found = [
            message for message in checks.run_checks(include_deployment_checks=True) if message.id == "teamcare.W001"
        ]
    assert {message.obj for message in found} == flagged
    assert all(message.level == checks.WARNING for message in found)
