"""The Barista rules with a frozen clock: window edges, several events only, summed impact,
cool-down, absence, open aftercare plans, per-unit versions, reminders and expiry."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from barista import evaluation, retention, services, signalling
from barista.constants import NoticeKind, Reason, SignalStatus
from barista.models import Absence, Exposure, Notice, RuleSet, Scope, Signal
from barista.tests.conftest import NOW
from barista.tests.factories import expose
from organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def new_rules(unit: Any = None, **changes: Any) -> RuleSet:
    base = evaluation.current_rules()[None]
    values = {f: getattr(base, f) for f in services.RULE_FIELDS} | changes
    return services.rules_save(unit=unit, values=values, actor=None)


def signals_of(person: Any) -> list[Signal]:
    return list(Signal.objects.filter(person=person))


def test_the_default_rules_are_three_within_thirty_days(frozen: Any) -> None:
    rules = evaluation.current_rules()[None]
    assert (rules.count_n, rules.count_days, rules.highest_enabled) == (3, 30, False)


def test_three_events_within_thirty_days_invite_the_direct_manager(frozen: Any, employee: Any, manager: Any) -> None:
    for days in (20, 10, 1):
        expose(employee, NOW - days * DAY)
    assert signalling.evaluate(now=NOW).created == 1
    (signal,) = signals_of(employee)
    assert signal.recipient == manager and not signal.recipient_is_deputy
    assert signal.reasons == [Reason.AANTAL]
    assert signal.exposures.count() == 3
    assert Notice.objects.filter(signal=signal, kind=NoticeKind.INVITATION, recipient=manager).exists()


def test_two_events_are_not_enough(frozen: Any, employee: Any) -> None:
    for days in (20, 1):
        expose(employee, NOW - days * DAY)
    assert signalling.evaluate(now=NOW).created == 0


def test_an_event_exactly_thirty_days_old_still_counts(frozen: Any, employee: Any) -> None:
    expose(employee, NOW - 30 * DAY)
    expose(employee, NOW - 5 * DAY)
    expose(employee, NOW)
    assert signalling.evaluate(now=NOW).created == 1


def test_an_event_one_second_older_than_thirty_days_does_not_count(frozen: Any, employee: Any) -> None:
    expose(employee, NOW - 30 * DAY - timedelta(seconds=1))
    expose(employee, NOW - 5 * DAY)
    expose(employee, NOW)
    assert signalling.evaluate(now=NOW).created == 0


def test_a_future_event_does_not_count_yet(frozen: Any, employee: Any) -> None:
    expose(employee, NOW - 2 * DAY)
    expose(employee, NOW - DAY)
    expose(employee, NOW + timedelta(minutes=1))
    assert signalling.evaluate(now=NOW).created == 0


def test_one_event_of_the_highest_class_is_not_enough(frozen: Any, employee: Any) -> None:
    # Barista is for several incidents (seed 000 L2483-2485); more in test_sources.py.
    expose(employee, NOW - 2 * DAY, code="schietincident")
    assert signalling.evaluate(now=NOW).created == 0


def test_summed_impact_must_be_above_the_threshold(frozen: Any, employee: Any) -> None:
    new_rules(count_n=20, weight_threshold=8, weight_days=90)
    expose(employee, NOW - 80 * DAY, code="poging-zware-mishandeling")  # weight 4
    expose(employee, NOW - 60 * DAY, code="ernstig-geweld")  # weight 4: sum 8, not above 8
    assert signalling.evaluate(now=NOW).created == 0
    expose(employee, NOW - DAY, code="belediging")  # weight 1: sum 9
    signalling.evaluate(now=NOW)
    (signal,) = signals_of(employee)
    assert signal.reasons == [Reason.GEWICHT]
    assert signal.exposures.count() == 3


def test_summed_impact_ignores_events_outside_its_window(frozen: Any, employee: Any) -> None:
    new_rules(count_n=20, weight_threshold=8, weight_days=90)
    expose(employee, NOW - 91 * DAY, code="poging-zware-mishandeling")
    expose(employee, NOW - 60 * DAY, code="ernstig-geweld")
    expose(employee, NOW - DAY, code="belediging")
    assert signalling.evaluate(now=NOW).created == 0


def test_the_same_exposures_never_invite_twice(frozen: Any, employee: Any) -> None:
    new_rules(cooldown_days=0)  # no cool-down period: only the exposures themselves hold it back
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    (signal,) = signals_of(employee)
    services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=None)
    assert signalling.evaluate(now=NOW + timedelta(hours=1)).created == 0
    expose(employee, NOW)
    expose(employee, NOW)
    assert signalling.evaluate(now=NOW + timedelta(hours=1)).created == 0  # two new ones: not three
    expose(employee, NOW)
    assert signalling.evaluate(now=NOW + timedelta(hours=1)).created == 1
    assert Signal.objects.latest("created_at").exposures.count() == 3


def test_no_new_invitation_during_the_cool_down_after_a_conversation(frozen: Any, employee: Any) -> None:
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    services.record_outcome(signal=signals_of(employee)[0], outcome=SignalStatus.GESPREK, actor=None)
    outcome_at = Signal.objects.get().outcome_at
    assert outcome_at is not None
    for days in (1, 2, 3):
        expose(employee, NOW + days * DAY)
    assert signalling.evaluate(now=outcome_at + 29 * DAY).created == 0  # cool-down of 30 days
    for days in (29, 30):
        expose(employee, NOW + days * DAY)
    expose(employee, outcome_at + 30 * DAY + timedelta(minutes=1))
    result = signalling.evaluate(now=outcome_at + 30 * DAY + timedelta(hours=1))
    assert result.created == 1
    newest = Signal.objects.latest("created_at")
    assert newest.status == SignalStatus.OPEN
    assert not set(newest.exposures.values_list("pk", flat=True)) & set(
        Signal.objects.exclude(pk=newest.pk).get().exposures.values_list("pk", flat=True)
    )


def test_an_absent_employee_gets_no_signal_until_back(frozen: Any, employee: Any) -> None:
    Absence.objects.create(person=employee, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 16))
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    assert signalling.evaluate(now=NOW).created == 0
    assert signalling.evaluate(now=NOW + 2 * DAY).created == 1


def test_an_absent_manager_passes_the_invitation_to_the_deputy(frozen: Any, employee: Any, manager: Any) -> None:
    deputy: Any = PersonFactory(team=employee.team)
    Absence.objects.create(person=manager, starts_on=date(2026, 6, 10), deputy=deputy)
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    (signal,) = signals_of(employee)
    assert signal.recipient == deputy and signal.recipient_is_deputy


def test_without_a_deputy_the_invitation_goes_to_the_managers_manager(frozen: Any, employee: Any, manager: Any) -> None:
    above = PersonFactory(team=employee.team)
    manager.manager = above
    manager.save()
    Absence.objects.create(person=manager, starts_on=date(2026, 6, 10))
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    assert signals_of(employee)[0].recipient == above


def test_without_any_manager_no_signal_is_made_and_it_is_retried(frozen: Any, employee: Any, manager: Any) -> None:
    employee.manager = None
    employee.save()
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    assert signalling.evaluate(now=NOW).created == 0
    employee.manager = manager
    employee.save()
    assert signalling.evaluate(now=NOW).created == 1


def test_exposures_in_an_open_aftercare_plan_of_the_same_manager_do_not_count(
    frozen: Any, organisation: Any, employee: Any
) -> None:
    from aftercare.constants import PlanStatus
    from aftercare.models import Plan
    from aftercare.tests.conftest import register

    plans = []
    for days in (3, 2, 1):
        plans += register(organisation, when=NOW - days * DAY)
    assert Exposure.objects.filter(person=employee, aftercare_plan__isnull=False).count() == 3
    assert signalling.evaluate(now=NOW).created == 0
    Plan.objects.filter(pk=plans[0].pk).update(status=PlanStatus.CLOSED)
    expose(employee, NOW - DAY)
    expose(employee, NOW - DAY)
    assert signalling.evaluate(now=NOW).created == 1  # the closed plan's exposure counts again
    assert Signal.objects.get().exposures.count() == 3


def test_an_open_plan_with_another_manager_does_count(frozen: Any, organisation: Any, employee: Any) -> None:
    from aftercare.models import Plan
    from aftercare.tests.conftest import register

    for days in (3, 2, 1):
        register(organisation, when=NOW - days * DAY)
    Plan.objects.update(manager=PersonFactory(team=employee.team))
    assert signalling.evaluate(now=NOW).created == 1


def test_rules_are_per_unit_and_versioned(frozen: Any, organisation: Any, employee: Any) -> None:
    other_unit_person = PersonFactory(manager=organisation.people["leidinggevende"])
    for person in (employee, other_unit_person):
        expose(person, NOW - 2 * DAY)
        expose(person, NOW - DAY)
    first = new_rules(unit=organisation.unit, count_n=2)
    assert first.version == 1
    assert new_rules(unit=organisation.unit, count_n=2).version == 2
    signalling.evaluate(now=NOW)
    assert [s.person for s in Signal.objects.all()] == [employee]
    assert Signal.objects.get().ruleset.version == 2


def test_evaluating_twice_makes_one_signal_and_the_database_allows_one_open_signal(frozen: Any, employee: Any) -> None:
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    signalling.evaluate(now=NOW)
    (signal,) = signals_of(employee)
    with pytest.raises(IntegrityError), transaction.atomic():
        Signal.objects.create(person=employee, ruleset=signal.ruleset, created_at=NOW, expires_at=NOW + DAY, reasons=[])


def test_a_new_exposure_is_evaluated_at_once(
    frozen: Any, organisation: Any, employee: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from barista.models import ExposureType

    expose(employee, NOW - 2 * DAY)
    expose(employee, NOW - DAY)
    with django_capture_on_commit_callbacks(execute=True):
        services.exposure_add(
            person=employee,
            type=ExposureType.objects.get(code="reanimatie"),
            occurred_at=NOW - timedelta(hours=1),
            actor=organisation.users["leidinggevende"],
        )
    assert len(signals_of(employee)) == 1


def test_every_involved_employee_of_an_aftercare_event_is_an_exposure(frozen: Any, organisation: Any) -> None:
    from aftercare.tests.conftest import register

    people = [organisation.people["medewerker"], organisation.people["outsider"]]
    plans = register(organisation, people=people, when=NOW - DAY)
    exposures = Exposure.objects.filter(aftercare_plan__in=plans)
    assert sorted(e.person_id for e in exposures) == sorted(p.pk for p in people)
    assert {e.type.code for e in exposures} == {"reanimatie"}


def test_reminder_after_seven_days_and_escalation_after_fourteen_once(frozen: Any, employee: Any, manager: Any) -> None:
    above = PersonFactory(team=employee.team)
    manager.manager = above
    manager.save()
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    assert signalling.deadline_scan(now=NOW + 7 * DAY - timedelta(minutes=1)) == signalling.ScanResult(0, 0)
    assert signalling.deadline_scan(now=NOW + 7 * DAY) == signalling.ScanResult(1, 0)
    assert signalling.deadline_scan(now=NOW + 8 * DAY) == signalling.ScanResult(0, 0)
    assert signalling.deadline_scan(now=NOW + 14 * DAY) == signalling.ScanResult(0, 1)
    assert signalling.deadline_scan(now=NOW + 15 * DAY) == signalling.ScanResult(0, 0)
    assert Notice.objects.get(kind=NoticeKind.ESCALATION).recipient == above
    assert Notice.objects.get(kind=NoticeKind.REMINDER).recipient == manager


def test_escalation_can_be_switched_off_and_a_recorded_outcome_stops_reminders(frozen: Any, employee: Any) -> None:
    new_rules(escalation_days=None)
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    assert signalling.deadline_scan(now=NOW + 30 * DAY) == signalling.ScanResult(1, 0)
    other = PersonFactory(team=employee.team, manager=employee.manager)
    for days in (3, 2, 1):
        expose(other, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    services.record_outcome(signal=signals_of(other)[0], outcome=SignalStatus.WILDE_NIET, actor=None)
    assert signalling.deadline_scan(now=NOW + 30 * DAY) == signalling.ScanResult(0, 0)


def test_signals_expire_and_old_exposures_are_deleted(frozen: Any, employee: Any, settings: Any) -> None:
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    signal = signals_of(employee)[0]
    assert retention.expire_signals(now=signal.expires_at - timedelta(seconds=1)) == 0
    assert retention.expire_signals(now=signal.expires_at) == 1
    assert not Signal.objects.exists() and not Notice.objects.exists()
    settings.BARISTA_EXPOSURE_RETENTION_DAYS = 10
    expose(employee, NOW - 11 * DAY)
    assert retention.delete_old_exposures(now=NOW) == 1
    assert Exposure.objects.count() == 3


def test_an_outcome_is_recorded_once(frozen: Any, employee: Any) -> None:
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    signal = signals_of(employee)[0]
    services.record_outcome(
        signal=signal, outcome=SignalStatus.DOORVERWEZEN, actor=None, provision=("mental-check-up", "Mental Check Up")
    )
    with pytest.raises(services.AlreadyRecorded):
        services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=None)
    signal.refresh_from_db()
    assert (signal.status, signal.referred_to_slug) == (SignalStatus.DOORVERWEZEN, "mental-check-up")


def test_the_anonymised_aftercare_plan_loses_its_link_to_the_exposure(frozen: Any, organisation: Any) -> None:
    from aftercare import retention as aftercare_retention
    from aftercare.constants import PlanStatus
    from aftercare.models import Plan
    from aftercare.tests.conftest import register

    (plan,) = register(organisation, when=NOW - 800 * DAY)
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.CLOSED, closed_at=NOW - 760 * DAY)
    assert aftercare_retention.retention_anonymise(now=NOW) == 1
    assert not Exposure.objects.filter(aftercare_plan__isnull=False).exists()


def test_an_outcome_keeps_the_signal_until_the_cool_down_has_passed(frozen: Any, employee: Any) -> None:
    new_rules(expiry_days=30, cooldown_days=30, weight_days=30)
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    signal = signals_of(employee)[0]
    frozen.shift(25 * DAY)
    services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=None)
    signal.refresh_from_db()
    assert signal.outcome_at is not None
    assert signal.expires_at >= signal.outcome_at + 30 * DAY
    assert retention.expire_signals(now=NOW + 31 * DAY) == 0


def test_expired_signals_leave_an_anonymous_tally_and_their_events_stay_outside_every_window(
    frozen: Any, employee: Any
) -> None:
    from barista.models import SignalTally

    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    expires = signals_of(employee)[0].expires_at
    retention.expire_signals(now=expires)
    tally = SignalTally.objects.get()
    assert (tally.team_id, tally.status) == (employee.team_id, SignalStatus.OPEN)
    assert signalling.evaluate(now=expires).created == 0  # the three events are a year old by now


def test_the_cool_down_ends_exactly_after_cooldown_days(frozen: Any, employee: Any) -> None:
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    services.record_outcome(signal=signals_of(employee)[0], outcome=SignalStatus.GESPREK, actor=None)
    outcome_at = Signal.objects.get().outcome_at
    assert outcome_at is not None
    for minutes in (1, 2, 3):
        expose(employee, outcome_at + timedelta(minutes=minutes))
    assert signalling.evaluate(now=outcome_at + 30 * DAY - timedelta(seconds=1)).created == 0
    for minutes in (1, 2, 3):
        expose(employee, outcome_at + 30 * DAY - timedelta(minutes=minutes))
    assert signalling.evaluate(now=outcome_at + 30 * DAY + timedelta(seconds=1)).created == 1


def test_the_last_day_of_an_absence_still_counts_as_absent(frozen: Any, employee: Any) -> None:
    Absence.objects.create(person=employee, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 15))
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    assert signalling.evaluate(now=NOW).created == 0


def test_an_absence_someone_records_for_themselves_does_not_stop_signals_about_them(
    frozen: Any, organisation: Any, manager: Any
) -> None:
    above = PersonFactory(team=manager.team)
    manager.manager = above
    manager.save()
    Absence.objects.create(person=manager, starts_on=date(2026, 6, 1), recorded_by=organisation.users["leidinggevende"])
    for days in (3, 2, 1):
        expose(manager, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    assert signals_of(manager)[0].recipient == above


def test_an_open_invitation_moves_to_the_deputy_when_the_manager_becomes_absent(
    frozen: Any, employee: Any, manager: Any
) -> None:
    for days in (3, 2, 1):
        expose(employee, NOW - days * DAY)
    signalling.evaluate(now=NOW)
    deputy: Any = PersonFactory(team=employee.team)
    Absence.objects.create(person=manager, starts_on=date(2026, 6, 16), deputy=deputy)
    signalling.deadline_scan(now=NOW + DAY)
    signal = signals_of(employee)[0]
    assert signal.recipient == deputy and signal.recipient_is_deputy
    assert Notice.objects.filter(signal=signal, kind=NoticeKind.FORWARDED, recipient=deputy).exists()
    signalling.deadline_scan(now=NOW + 2 * DAY)
    assert Notice.objects.filter(kind=NoticeKind.FORWARDED).count() == 1


def test_the_preview_of_the_organisation_rules_leaves_out_units_with_their_own_rules(
    frozen: Any, organisation: Any, employee: Any
) -> None:
    from barista.views import _preview

    other: Any = PersonFactory(manager=employee.manager)  # in a unit of its own (factory)
    Scope.objects.create(unit=other.team.unit)  # Barista runs there too
    for person in (employee, other):
        expose(person, NOW - 2 * DAY)
        expose(person, NOW - DAY)
    new_rules(unit=organisation.unit)
    current = evaluation.current_rules()
    values = {f: getattr(current[None], f) for f in services.RULE_FIELDS} | {"count_n": 2}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: NOW)
        assert _preview(None, current, values)["new_proposed"] == 1  # only the other unit's employee
        assert _preview(organisation.unit, current, values)["new_proposed"] == 1


def test_an_aftercare_event_type_without_an_exposure_type_gets_one(frozen: Any, organisation: Any) -> None:
    from aftercare.models import EventType
    from aftercare.tests.conftest import register
    from barista.models import ExposureType

    new_kind = EventType.objects.create(code="nieuw-soort", name="Nieuwe soort", category="ingrijpend")
    (plan,) = register(organisation, kind=new_kind, when=NOW - DAY)
    exposure = Exposure.objects.get(aftercare_plan=plan)
    assert exposure.type == ExposureType.objects.get(aftercare_type=new_kind)
    assert (exposure.type.code, exposure.type.weight) == ("nieuw-soort", 2)
