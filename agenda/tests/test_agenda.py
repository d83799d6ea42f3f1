"""The Sociale Agenda as loaded, the progress of actions, coverage and the units' answers."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from agenda import selectors, services
from agenda.models import Action, ActionUpdate, EffortItem, Priority, UnitAnswer
from conftest import verified_login
from organisation.constants import Role
from organisation.tests.factories import RoleAssignmentFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_four_priorities_have_5_4_3_and_3_agenda_questions() -> None:
    assert [p.questions.count() for p in Priority.objects.order_by("number")] == [5, 4, 3, 3]


def test_18_actions_with_marker_totals_17_4_5_7() -> None:
    found = list(selectors.actions())
    assert len(found) == 18
    assert selectors.marker_totals(found, [1, 2, 3, 4]) == [17, 4, 5, 7]


def test_action_16_owner_reads_exactly_as_the_agenda_names_it() -> None:
    action = Action.objects.get(number=16)
    assert action.owner == "Ketenregisseur i.s.m. eenheden, PA en Dienst HRM"
    assert action.lead_owner == "Ketenregisseur"
    assert action.co_owners == "eenheden, PA en Dienst HRM"


def test_the_loaded_actions_have_no_status_dates_or_progress() -> None:
    assert not Action.objects.exclude(status="").exists()
    assert not Action.objects.filter(starts_on__isnull=False).exists()
    assert not ActionUpdate.objects.exists()


def test_the_more_effort_list_keeps_its_two_approval_dates() -> None:
    approved = sorted(d for d in EffortItem.objects.values_list("approved_on", flat=True) if d is not None)
    assert [(d.year, d.month) for d in approved] == [(2022, 12), (2023, 6)]
    assert EffortItem.objects.count() == 9


def test_the_overview_page_shows_the_totals_and_the_owner_of_action_16(client: Any, organisation: Any) -> None:
    verified_login(client, organisation.users[Role.MEDEWERKER])
    html = client.get(reverse("agenda:overview")).content.decode()
    assert html.count('data-testid="action-row"') == 18
    for total in (17, 4, 5, 7):
        assert f'data-testid="marker-total">{total}<' in html
    assert "Ketenregisseur i.s.m. eenheden, PA en Dienst HRM" in html
    assert "Goedgekeurd in december 2022." in html and "Goedgekeurd in juni 2023." in html


def test_an_action_links_to_its_catalogue_provision_when_the_catalogue_has_it(client: Any, organisation: Any) -> None:
    from catalogue.models import Provision

    verified_login(client, organisation.users[Role.MEDEWERKER])
    html = client.get(reverse("agenda:action", kwargs={"number": 6})).content.decode()
    if Provision.objects.filter(slug="gezond-werken-app").exists():
        assert reverse("catalogue:provision", kwargs={"slug": "gezond-werken-app"}) in html
    risicowijzer = client.get(reverse("agenda:action", kwargs={"number": 5})).content.decode()
    assert "Risicowijzer politie (nog geen pagina in de Zorgwijzer)" in risicowijzer


def test_progress_is_appended_with_its_status_and_dates(client: Any, organisation: Any) -> None:
    verified_login(client, organisation.users[Role.HR_ANALIST])
    url = reverse("agenda:action_progress", kwargs={"number": 17})
    client.post(url, {"status": "gepland", "starts_on": "2024-01-01", "note": "Plan gemaakt."})
    client.post(url, {"status": "loopt", "starts_on": "2024-01-01", "ends_on": "2025-12-31", "note": "Gestart."})
    action = Action.objects.get(number=17)
    assert action.status == "loopt"
    assert list(action.updates.values_list("note", flat=True)) == ["Gestart.", "Plan gemaakt."]
    update = action.updates.first()
    assert update is not None
    update.note = "Anders."
    with pytest.raises(ValueError, match="append-only"):
        update.save()


def test_an_end_before_the_start_is_refused_at_the_field(client: Any, organisation: Any) -> None:
    verified_login(client, organisation.users[Role.HR_ANALIST])
    response = client.post(
        reverse("agenda:action_progress", kwargs={"number": 17}),
        {"status": "loopt", "starts_on": "2024-05-01", "ends_on": "2024-01-01", "note": "x"},
    )
    assert response.status_code == 400
    assert "Het einde ligt voor de start." in response.content.decode()
    assert not ActionUpdate.objects.exists()


def test_coverage_names_priority_2_as_having_the_fewest_actions_and_lists_unaddressed_findings() -> None:
    rows = selectors.coverage()
    assert [r.priority.number for r in rows if r.fewest] == [2]
    findings = selectors.unaddressed_findings(selectors.latest_final_edition())
    assert len(findings) == 5  # no action is linked in the loaded content
    Action.objects.get(number=12).findings.add(findings[0])
    assert len(selectors.unaddressed_findings(selectors.latest_final_edition())) == 4


def test_a_unit_answers_within_its_own_scope_only(client: Any, organisation: Any) -> None:
    other: Any = UnitFactory(code="elders")
    manager = organisation.users[Role.LEIDINGGEVENDE]
    verified_login(client, manager)
    question = Priority.objects.get(number=2).questions.get(position=1)
    response = client.post(
        reverse("agenda:unit_edit", kwargs={"code": organisation.unit.code}),
        {f"vraag_{question.pk}": "Roosters samen maken."},
    )
    assert response.status_code == 302
    assert UnitAnswer.objects.get(unit=organisation.unit, question=question).text == "Roosters samen maken."
    refused = client.post(reverse("agenda:unit_edit", kwargs={"code": other.code}), {f"vraag_{question.pk}": "x"})
    assert refused.status_code == 403
    assert not UnitAnswer.objects.filter(unit=other).exists()


def test_a_too_long_answer_is_refused_at_the_field(client: Any, organisation: Any) -> None:
    verified_login(client, organisation.users[Role.LEIDINGGEVENDE])
    question = Priority.objects.get(number=2).questions.get(position=1)
    response = client.post(
        reverse("agenda:unit_edit", kwargs={"code": organisation.unit.code}), {f"vraag_{question.pk}": "x" * 4001}
    )
    assert response.status_code == 400
    assert "Zorg dat deze waarde niet meer dan 4000 tekens bevat" in response.content.decode()
    assert not UnitAnswer.objects.filter(unit=organisation.unit).exists()


def test_every_unit_reads_the_answers_of_another(client: Any, organisation: Any) -> None:
    question = Priority.objects.get(number=4).questions.first()
    assert question is not None
    services.unit_answers_save(unit=organisation.unit, answers={question: "Buddy voor elke aspirant."}, actor=None)
    outsider = UserFactory()
    RoleAssignmentFactory(user=outsider, role=Role.LEIDINGGEVENDE, node=None, unit=UnitFactory())
    verified_login(client, outsider)
    html = client.get(reverse("agenda:unit", kwargs={"code": organisation.unit.code})).content.decode()
    assert "Buddy voor elke aspirant." in html
    assert reverse("agenda:unit_edit", kwargs={"code": organisation.unit.code}) not in html


def test_the_demo_answers_are_fictional_and_loading_twice_changes_nothing() -> None:
    from agenda.receivers import demo_data
    from organisation.models import Unit

    unit = Unit.objects.get(code="amsterdam")
    demo_data(sender=None)
    demo_data(sender=None)
    answers = list(UnitAnswer.objects.filter(unit=unit))
    assert len(answers) == 2
    assert all(a.text.startswith("Voorbeeld (fictief)") for a in answers)
