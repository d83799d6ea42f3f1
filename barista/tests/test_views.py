"""The Barista pages: the manager records an outcome in one click, nobody else sees the
invitation, the employee sees their own signals and the rules, bad input gets Dutch messages,
the rule preview saves nothing, and small groups are suppressed in the statistics."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from barista import services, signalling
from barista.constants import SignalStatus
from barista.models import Exposure, ExposureType, RuleSet, Signal
from barista.tests.factories import expose, signal_for
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

#: The default rules as the rules form posts them.
RULE_VALUES = {
    "count_n": 3,
    "count_days": 30,
    "weight_threshold": 12,
    "weight_days": 90,
    "cooldown_days": 30,
    "reminder_days": 7,
    "escalation_days": 14,
    "expiry_days": 365,
}


def test_the_manager_sees_the_invitation_and_records_the_outcome_once(login_as: Any, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    signal = signal_for(employee)
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    listing = client.get(reverse("barista:invitations")).content.decode()
    assert f"Tijd voor een bakkie met {employee.full_name}" in listing
    page = client.get(reverse("barista:invitation", args=[signal.pk])).content.decode()
    assert "Reanimatie" in page and "Zo voer je het gesprek" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.READ, object_id=str(signal.pk), subject_employee_number=employee.employee_number
    ).exists()
    response = client.post(reverse("barista:invitation", args=[signal.pk]), {"outcome": "gesprek_gevoerd"}, follow=True)
    assert "De uitkomst is vastgelegd" in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == SignalStatus.GESPREK and signal.outcome_by == organisation.users[Role.LEIDINGGEVENDE]
    again = client.post(reverse("barista:invitation", args=[signal.pk]), {"outcome": "wilde_niet"}, follow=True)
    assert "was al vastgelegd" in again.content.decode()
    signal.refresh_from_db()
    assert signal.status == SignalStatus.GESPREK


def test_a_referral_needs_a_provision_from_the_catalogue(login_as: Any, organisation: Any) -> None:
    signal = signal_for(organisation.people[Role.MEDEWERKER])
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    url = reverse("barista:invitation", args=[signal.pk])
    missing = client.post(url, {"outcome": "doorverwezen"}).content.decode()
    assert "Kies naar welke voorziening je hebt doorverwezen." in missing
    invented = client.post(url, {"outcome": "doorverwezen", "provision": "bestaat-niet"}).content.decode()
    assert "Kies een voorziening uit de lijst." in invented
    assert Signal.objects.get().status == SignalStatus.OPEN
    client.post(url, {"outcome": "doorverwezen", "provision": "mental-check-up"})
    signal.refresh_from_db()
    assert (signal.status, signal.referred_to_slug, signal.referred_to_name) == (
        "doorverwezen",
        "mental-check-up",
        "Mental Check Up",
    )


def test_a_manager_of_another_team_cannot_see_the_signal(client: Any, organisation: Any) -> None:
    from conftest import verified_login

    signal = signal_for(organisation.people[Role.MEDEWERKER])
    other_user = UserFactory(username="andere-leidinggevende")
    PersonFactory(user=other_user, team=organisation.other_team)
    RoleAssignmentFactory(user=other_user, role=Role.LEIDINGGEVENDE, node=organisation.other_team)
    verified_login(client, other_user)
    assert client.get(reverse("barista:invitation", args=[signal.pk])).status_code == 404
    assert (
        client.post(reverse("barista:invitation", args=[signal.pk]), {"outcome": "gesprek_gevoerd"}).status_code == 404
    )
    assert (
        organisation.people[Role.MEDEWERKER].full_name
        not in client.get(reverse("barista:invitations")).content.decode()
    )


def test_the_employee_sees_their_signals_why_and_the_rules(login_as: Any, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    signal_for(employee)
    client = login_as(organisation.users[Role.MEDEWERKER])
    page = client.get(reverse("barista:own")).content.decode()
    assert "Meerdere ingrijpende gebeurtenissen kort na elkaar" in page
    assert "Reanimatie" in page
    assert "3 of meer ingrijpende gebeurtenissen in de laatste 30 dagen" in page
    api = client.get(reverse("barista-own-list")).json()
    assert api[0]["reasons"] == ["aantal"] and len(api[0]["exposures"]) == 3
    colleague = login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    assert "Er zijn geen signalen over jou." in colleague.get(reverse("barista:own")).content.decode()


def test_manual_exposure_entry_checks_the_fields_in_dutch(frozen: Any, login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    url = reverse("barista:exposure_add")
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    content = client.post(
        url, {"person": organisation.people["outsider"].pk, "type": "", "occurred_at": future}
    ).content.decode()
    assert "Je kunt voor deze medewerker niets vastleggen." in content
    assert "Kies de soort gebeurtenis." in content
    assert "Deze datum ligt in de toekomst." in content
    assert not Exposure.objects.exists()
    own = client.post(url, {"person": organisation.people[Role.LEIDINGGEVENDE].pk}).content.decode()
    assert "Je kunt voor deze medewerker niets vastleggen." in own
    now = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    reanimatie = ExposureType.objects.get(code="reanimatie").pk
    response = client.post(
        url, {"person": organisation.people[Role.MEDEWERKER].pk, "type": reanimatie, "occurred_at": now}
    )
    assert response.status_code == 302
    assert Exposure.objects.get().source == "handmatig"


def test_the_rule_preview_counts_without_saving_and_saving_adds_a_version(login_as: Any, organisation: Any) -> None:
    employee = organisation.people[Role.MEDEWERKER]
    now = timezone.now()
    expose(employee, now - timedelta(days=2))
    expose(employee, now - timedelta(days=1))
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    url = reverse("barista:rules_edit", args=[organisation.unit.code])
    values = {**RULE_VALUES, "count_n": 2}
    preview = client.post(url, {**values, "actie": "voorbeeld"}).content.decode()
    assert "0 met de huidige regels, 1 met de nieuwe" in preview
    assert not RuleSet.objects.filter(unit=organisation.unit).exists()
    bad = client.post(url, {**values, "count_n": 1, "escalation_days": 5, "actie": "opslaan"}).content.decode()
    assert "Vul minstens 2 in." in bad
    assert "De escalatie komt na de herinnering" in bad
    assert not RuleSet.objects.filter(unit=organisation.unit).exists()
    client.post(url, {**values, "actie": "opslaan"})
    assert RuleSet.objects.get(unit=organisation.unit).version == 1
    assert not Signal.objects.exists()  # new rules apply from the next evaluation
    signalling.evaluate()
    assert Signal.objects.get().person == employee


def test_the_beheerder_edits_an_exposure_type_weight(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    kind = ExposureType.objects.get(code="reanimatie")
    url = reverse("barista:type_edit", args=[kind.pk])
    bad = client.post(url, {"name": kind.name, "weight": 11, "impact_class": 1, "is_active": "on"}).content.decode()
    assert "Het gewicht is hoogstens 10." in bad
    client.post(url, {"name": kind.name, "weight": 5, "impact_class": 3, "is_active": "on", "code": "iets-anders"})
    kind.refresh_from_db()
    assert (kind.weight, kind.impact_class, kind.code) == (5, 3, "reanimatie")  # the code stays


def test_absence_form_checks_dates_and_deputy(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    manager = organisation.people[Role.LEIDINGGEVENDE]
    response = client.post(
        reverse("barista:absences"),
        {"person": manager.pk, "starts_on": "2026-12-10", "ends_on": "2026-12-01", "deputy": manager.pk},
    ).content.decode()
    assert "De laatste dag ligt vóór de eerste dag." in response
    assert "Iemand kan niet zijn eigen waarnemer zijn." in response


def _signals_in(team: Any, count: int, status: str = SignalStatus.GESPREK) -> None:
    from barista import evaluation

    rules = evaluation.current_rules()[None]
    now = timezone.now()
    for _ in range(count):
        person: Any = PersonFactory(team=team)
        Signal.objects.create(
            person=person,
            team=team,
            ruleset=rules,
            reasons=["aantal"],
            created_at=now - timedelta(days=10),
            expires_at=now + timedelta(days=300),
            status=status,
            outcome_at=None if status == SignalStatus.OPEN else now - timedelta(days=7),
        )


def test_statistics_suppress_small_teams_and_what_subtraction_would_reveal(login_as: Any, organisation: Any) -> None:
    third = OrgNodeFactory(unit=organisation.unit, name="Team West", code="TWEST")
    _signals_in(organisation.team, 6)
    _signals_in(organisation.other_team, 5)
    _signals_in(third, 2, status=SignalStatus.OPEN)
    client = login_as(organisation.users[Role.HR_ANALIST])
    rows = {row["name"]: row for row in client.get(reverse("barista-statistics-list")).json()}
    assert not rows["Team West"]["shown"] and rows["Team West"]["invitations"] is None
    # The unit (13) minus the shown teams would give Team West's 2: one more group is hidden.
    shown_teams = [n for n in ("Team Noord", "Team Zuid") if rows[n]["shown"]]
    assert len(shown_teams) <= 1 or not rows[organisation.unit.name]["shown"]
    page = client.get(reverse("barista:statistics")).content.decode()
    assert "niet getoond (te kleine groep)" in page
    csv_text = client.get(reverse("barista:statistics"), {"formaat": "csv"}).content.decode()
    assert "Team West;Team;niet getoond" in csv_text


def test_statistics_show_share_followed_up_and_median_days(login_as: Any, organisation: Any) -> None:
    _signals_in(organisation.team, 5)
    _signals_in(organisation.other_team, 5, status=SignalStatus.OPEN)
    client = login_as(organisation.users[Role.HR_ANALIST])
    rows = {row["name"]: row for row in client.get(reverse("barista-statistics-list")).json()}
    assert rows["Team Noord"]["followed_up_share"] == 1.0
    assert rows["Team Noord"]["median_days_to_conversation"] == 3.0
    assert rows["Team Zuid"]["followed_up_share"] == 0.0
    assert rows[""]["invitations"] == 10


def _other_manager(organisation: Any, username: str) -> tuple[Any, Any]:
    user = UserFactory(username=username)
    person = PersonFactory(user=user, team=organisation.team)
    RoleAssignmentFactory(user=user, role=Role.LEIDINGGEVENDE, node=organisation.other_team)
    return user, person


def test_a_former_manager_and_the_escalation_recipient_cannot_open_the_invitation(
    client: Any, organisation: Any
) -> None:
    from conftest import verified_login

    employee = organisation.people[Role.MEDEWERKER]
    manager = organisation.people[Role.LEIDINGGEVENDE]
    boss_user, boss = _other_manager(organisation, "baas")
    manager.manager = boss
    manager.save()
    signal = signal_for(employee)
    signalling.deadline_scan(now=signal.created_at + timedelta(days=15))
    verified_login(client, boss_user)
    assert client.get(reverse("barista:invitation", args=[signal.pk])).status_code == 404
    listing = client.get(reverse("barista:invitations")).content.decode()
    assert "een uitnodiging voor een gesprek open" in listing  # the escalation, without the employee
    assert employee.full_name not in listing
    # The employee moves to another manager: the former one keeps only what is addressed to them
    # while open, the new one never sees what was handled before them.
    new_user, new_manager = _other_manager(organisation, "nieuwe-leidinggevende")
    employee.manager = new_manager
    employee.save()
    verified_login(client, organisation.users[Role.LEIDINGGEVENDE])
    assert client.get(reverse("barista:invitation", args=[signal.pk])).status_code == 200
    services.record_outcome(signal=signal, outcome=SignalStatus.GESPREK, actor=organisation.users[Role.LEIDINGGEVENDE])
    assert client.get(reverse("barista:invitation", args=[signal.pk])).status_code == 404
    verified_login(client, new_user)
    assert client.get(reverse("barista:invitation", args=[signal.pk])).status_code == 404


def test_a_manual_event_cannot_be_entered_twice(frozen: Any, login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    now = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    data = {
        "person": organisation.people[Role.MEDEWERKER].pk,
        "type": ExposureType.objects.get(code="reanimatie").pk,
        "occurred_at": now,
    }
    assert client.post(reverse("barista:exposure_add"), data).status_code == 302
    again = client.post(reverse("barista:exposure_add"), data).content.decode()
    assert "Deze gebeurtenis is al vastgelegd voor deze medewerker op dit moment." in again
    assert Exposure.objects.count() == 1


def test_a_deputy_must_come_from_the_same_unit_or_from_above(login_as: Any, organisation: Any) -> None:
    from barista.models import Absence

    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    manager = organisation.people[Role.LEIDINGGEVENDE]
    far_user = UserFactory(username="ver-weg")
    far: Any = PersonFactory(user=far_user)  # a team in another unit
    RoleAssignmentFactory(user=far_user, role=Role.LEIDINGGEVENDE, node=far.team)
    url = reverse("barista:absences")
    refused = client.post(url, {"person": manager.pk, "starts_on": "2026-12-01", "deputy": far.pk}).content.decode()
    assert "Kies een leidinggevende uit de lijst." in refused
    assert not Absence.objects.exists()
    _near_user, near = _other_manager(organisation, "dichtbij")
    client.post(url, {"person": manager.pk, "starts_on": "2026-12-01", "deputy": near.pk})
    assert Absence.objects.get().deputy == near


def test_the_coordinator_does_not_see_absences(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    assert client.get(reverse("barista:absences")).status_code == 403


def test_a_signal_must_outlive_the_windows_and_the_cool_down(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    values = {**RULE_VALUES, "expiry_days": 60, "actie": "opslaan"}
    before = RuleSet.objects.count()
    content = client.post(reverse("barista:rules_edit", args=["organisatie"]), values).content.decode()
    assert "minstens zo lang blijven als de langste periode hierboven (90 dagen)" in content
    assert RuleSet.objects.count() == before


def test_the_invitation_links_to_the_mirror_tco_and_mental_check_up(login_as: Any, organisation: Any) -> None:
    signal = signal_for(organisation.people[Role.MEDEWERKER])
    page = login_as(organisation.users[Role.LEIDINGGEVENDE]).get(reverse("barista:invitation", args=[signal.pk]))
    content = page.content.decode()
    for url in (
        reverse("selftests:run", args=["mirror"]),
        reverse("catalogue:provision", args=["team-collegiale-ondersteuning"]),
        reverse("catalogue:provision", args=["mental-check-up"]),
    ):
        assert f'href="{url}"' in content


def test_a_type_code_takes_only_lower_case_letters_digits_and_hyphens(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    data = {"name": "Aanrijding", "code": "Aanrijding 1", "weight": 3, "impact_class": 1, "is_active": "on"}
    content = client.post(reverse("barista:type_add"), data).content.decode()
    assert "Gebruik alleen kleine letters, cijfers en streepjes." in content
    assert not ExposureType.objects.filter(name="Aanrijding").exists()
    client.post(reverse("barista:type_add"), {**data, "code": "aanrijding-1"})
    assert ExposureType.objects.get(name="Aanrijding").code == "aanrijding-1"


def test_an_unknown_statistics_period_falls_back_to_twelve_months(login_as: Any, organisation: Any) -> None:
    client = login_as(organisation.users[Role.HR_ANALIST])
    page = client.get(reverse("barista:statistics"), {"periode": "99j"})
    assert page.status_code == 200
    assert '<option value="12m" selected>' in page.content.decode()
    assert client.get(reverse("barista-statistics-list"), {"periode": "99j"}).status_code == 200
