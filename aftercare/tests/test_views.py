"""The pages: registration in one form, the duplicate warning, messages at the field, the audit
trail of every plan view, optimistic locking, the coordinator's figures and retention."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from aftercare import retention, services
from aftercare.constants import PlanStatus, StepKind
from aftercare.models import Evaluation, Event, EventType, Plan, SupportNote
from aftercare.tests.conftest import at, register, supported_plans
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


#: The form's event time is "now": frozen, so it is never an hour that daylight saving time skips
#: or repeats, nor a day on which "tomorrow" falls in one.
FROZEN = pytest.mark.time_machine(at(2026, 11, 25, 12, 0), tick=False)


def form_data(org: Any, people: list[Any], **extra: Any) -> dict[str, Any]:
    return {
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "kind": EventType.objects.get(code="poging-doodslag").pk,
        "severity": "zeer_ernstig",
        "involved": [p.pk for p in people],
        "actie": "opslaan",
        **extra,
    }


@FROZEN
def test_a_manager_registers_three_employees_in_one_form(organisation: Any, login_as: Any) -> None:
    people = [organisation.people[r] for r in (Role.MEDEWERKER, Role.BMW, Role.HR_ANALIST)]
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.post(reverse("aftercare:register"), form_data(organisation, people, gtpa_casemanager="on"))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.gtpa_casemanager and event.beroepsrisico == ""
    assert {p.person for p in event.plans.all()} == set(people)
    # The casemanager GTPA follows up: the GTPA template (the standard 8, the aangifte, 2 casework steps).
    assert all(p.steps.count() == 11 for p in event.plans.all())
    assert all(p.steps.filter(owner_role="casemanager").count() == 2 for p in event.plans.all())
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="aftercare.plan").count() == 3


@FROZEN
def test_missing_and_wrong_fields_get_a_dutch_message_at_the_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    response = client.post(reverse("aftercare:register"), {"actie": "opslaan", "occurred_at": "gisteren"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_occurred_at-error"' in page and "Vul een geldige datum en tijd in" in page
    assert "Kies de soort gebeurtenis." in page
    assert 'id="id_involved-error"' in page and "Kies ten minste één betrokken medewerker." in page
    future = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    people = [organisation.people[Role.MEDEWERKER]]
    page = client.post(reverse("aftercare:register"), form_data(organisation, people, occurred_at=future)).content
    assert "De gebeurtenis kan niet in de toekomst liggen." in page.decode()
    assert not Event.objects.exists()


@FROZEN
def test_an_employee_cannot_register_a_colleague(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    response = client.post(reverse("aftercare:register"), form_data(organisation, [organisation.people["outsider"]]))
    assert "Je kunt deze medewerker niet aanmelden." in response.content.decode()
    assert not Event.objects.exists()
    response = client.post(
        reverse("aftercare:register"), form_data(organisation, [organisation.people[Role.MEDEWERKER]])
    )
    assert response.status_code == 302 and response["Location"] == reverse("aftercare:my_plans")
    assert Plan.objects.get().person == organisation.people[Role.MEDEWERKER]


@FROZEN
def test_a_likely_duplicate_is_shown_before_saving(organisation: Any, login_as: Any) -> None:
    people = [organisation.people[Role.MEDEWERKER]]
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    client.post(reverse("aftercare:register"), form_data(organisation, people))
    response = client.post(reverse("aftercare:register"), form_data(organisation, people))
    assert "Deze gebeurtenis is misschien al gemeld." in response.content.decode()
    assert Event.objects.count() == 1
    client.post(reverse("aftercare:register"), form_data(organisation, people, confirm_duplicate="on"))
    assert Event.objects.count() == 2


def test_the_search_finds_people_by_name_or_number_within_reach(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    number = organisation.people[Role.BMW].employee_number
    page = client.get(reverse("aftercare:people_search"), {"zoek": number}).content.decode()
    assert organisation.people[Role.BMW].full_name in page
    page = client.get(reverse("aftercare:people_search"), {"zoek": "Buiten"}).content.decode()
    assert "Buiten Team" not in page  # in another team: out of the manager's reach


def test_every_view_of_a_plan_is_audited_and_the_employee_sees_who_looked(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    url = reverse("aftercare:plan", args=[plan.pk])
    login_as(organisation.users[Role.LEIDINGGEVENDE]).get(url)
    login_as(organisation.users[Role.COORDINATOR_TCO]).get(url)
    reads = AuditEvent.objects.filter(action=AuditAction.READ, object_type="aftercare.plan", object_id=str(plan.pk))
    assert reads.count() == 2
    assert set(reads.values_list("subject_employee_number", flat=True)) == {
        organisation.people[Role.MEDEWERKER].employee_number
    }
    page = login_as(organisation.users[Role.MEDEWERKER]).get(url).content.decode()
    assert "Wie heeft jouw plan bekeken?" in page
    assert f"{organisation.people[Role.LEIDINGGEVENDE].full_name} (Leidinggevende)" in page
    assert reads.count() == 3


def test_the_second_of_two_coordinators_editing_the_same_plan_is_refused_and_loses_nothing(
    organisation: Any, login_as: Any
) -> None:
    (plan,) = register(organisation)
    second_coordinator: Any = UserFactory()
    RoleAssignmentFactory(user=second_coordinator, role=Role.COORDINATOR_TCO, unit=organisation.unit)
    other_supporter_user: Any = UserFactory()
    other_supporter: Any = PersonFactory(user=other_supporter_user, team=organisation.other_team)
    RoleAssignmentFactory(user=other_supporter_user, role=Role.COLLEGIAAL_ONDERSTEUNER, unit=organisation.unit)
    url = reverse("aftercare:plan_assign", args=[plan.pk])
    first_choice = organisation.people[Role.COLLEGIAAL_ONDERSTEUNER]
    # Both opened the plan at version 1.
    first = login_as(organisation.users[Role.COORDINATOR_TCO]).post(url, {"supporter": first_choice.pk, "version": 1})
    assert first.status_code == 302
    second = login_as(second_coordinator).post(url, {"supporter": other_supporter.pk, "version": 1})
    assert second.status_code == 409
    page = second.content.decode()
    assert "Iemand anders heeft dit plan gewijzigd nadat je het opende" in page
    assert f'<option value="{other_supporter.pk}" selected>' in page  # their choice is still in the form
    plan.refresh_from_db()
    assert plan.supporter == first_choice and plan.version == 2
    again = login_as(second_coordinator).post(url, {"supporter": other_supporter.pk, "version": 2})
    assert again.status_code == 302


def test_the_coordinator_sees_figures_per_unit_only_for_five_people_or_more(
    organisation: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    roles = [Role.MEDEWERKER, Role.BMW, Role.HR_ANALIST, Role.CASEMANAGER]
    register(organisation, people=[organisation.people[r] for r in roles])
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    page = client.get(reverse("aftercare:coordination")).content.decode()
    assert "Minder dan vijf personen: niet getoond" in page
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("aftercare:coordination_csv")).content.decode()), delimiter=";")
    )
    assert rows[1][:2] == ["Testeenheid", "minder dan 5 personen"]
    register(organisation, people=[organisation.people[Role.EENHEIDSPSYCHOLOOG]])
    with django_assert_max_num_queries(25):
        page = client.get(reverse("aftercare:coordination")).content.decode()
    assert "Minder dan vijf personen" not in page
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("aftercare:coordination_csv")).content.decode()), delimiter=";")
    )
    assert rows[1][:3] == ["Testeenheid", "5", "0"]


def test_the_team_page_does_not_grow_queries_with_plans(
    organisation: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    register(organisation, people=[organisation.people[r] for r in (Role.MEDEWERKER, Role.BMW, Role.HR_ANALIST)])
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    with django_assert_max_num_queries(20):
        response = client.get(reverse("aftercare:team"))
    assert response.content.decode().count("/nazorg/plan/") == 3


def test_the_employee_asks_for_contact_consents_to_the_home_front_and_evaluates_anonymously(
    organisation: Any, plan: Plan, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    url = reverse("aftercare:plan_own", args=[plan.pk])
    client.post(url, {"actie": "contact"})
    client.post(url, {"actie": "thuisfront"})
    assert plan.steps.filter(
        kind=StepKind.CONTACT_REQUEST, owner=organisation.people[Role.COLLEGIAAL_ONDERSTEUNER]
    ).exists()
    assert plan.steps.filter(kind=StepKind.HOME_FRONT).count() == 1
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.CLOSURE),
        actor=organisation.users[Role.COORDINATOR_TCO],
    )
    client.post(url, {"actie": "evaluatie", "score": "8"})
    client.post(url, {"actie": "evaluatie", "score": "2"})  # only once
    assert list(Evaluation.objects.values_list("score", flat=True)) == [8]


def test_closed_plans_are_anonymised_after_the_retention_period(organisation: Any, plan: Plan, settings: Any) -> None:
    settings.AFTERCARE_RETENTION_DAYS = 30
    services.note_add(plan=plan, actor=organisation.users[Role.COLLEGIAAL_ONDERSTEUNER], text="vertrouwelijk")
    with time_machine.travel(at(2026, 11, 25, 12, 0), tick=False):
        services.step_complete(
            reason="Vooruit afgerond in de test",
            step=plan.steps.get(kind=StepKind.CLOSURE),
            actor=organisation.users[Role.COORDINATOR_TCO],
        )
    with time_machine.travel(at(2026, 12, 24, 12, 0), tick=False):
        assert retention.retention_anonymise() == 0
    with time_machine.travel(at(2026, 12, 26, 12, 0), tick=False):
        assert retention.retention_anonymise() == 1
    plan.refresh_from_db()
    assert (plan.person, plan.manager, plan.supporter, plan.status) == (None, None, None, PlanStatus.ANONYMISED)
    assert plan.unit == organisation.unit and plan.steps.count() == 8  # the aggregates remain
    assert not SupportNote.objects.exists()


def test_the_plan_page_does_not_ask_the_database_per_step(
    organisation: Any, plan: Plan, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    with django_assert_max_num_queries(30):
        response = client.get(reverse("aftercare:plan", args=[plan.pk]))
    # Every open step has its button; the support offer was done when the supporter was assigned.
    assert response.content.decode().count('value="afronden"') == 7


def test_a_closed_plan_asks_the_employee_for_an_anonymous_rating(organisation: Any, plan: Plan, login_as: Any) -> None:
    services.step_complete(
        reason="Vooruit afgerond in de test",
        step=plan.steps.get(kind=StepKind.CLOSURE),
        actor=organisation.users[Role.COORDINATOR_TCO],
    )
    page = login_as(organisation.users[Role.MEDEWERKER]).get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert "Welk rapportcijfer geef je de opvang en nazorg?" in page
    assert "Ik wil contact" not in page


@pytest.mark.parametrize(
    ("role", "url"), [(Role.LEIDINGGEVENDE, "aftercare:team"), (Role.COLLEGIAAL_ONDERSTEUNER, "aftercare:cases")]
)
def test_the_team_and_supporter_lists_show_every_running_plan_and_page_the_closed_ones(
    organisation: Any, login_as: Any, monkeypatch: pytest.MonkeyPatch, role: str, url: str
) -> None:
    from aftercare import views

    plans = supported_plans(organisation, 4, last_name="Nummer", apart=timedelta(days=1))
    # The two oldest are closed; the newest closed one is listed first.
    Plan.objects.filter(pk__in=[plans[0].pk, plans[1].pk]).update(status=PlanStatus.CLOSED)
    monkeypatch.setattr(views, "CLOSED_PER_PAGE", 1)
    client = login_as(organisation.users[role])
    reads = AuditEvent.objects.filter(action=AuditAction.READ, object_type="aftercare.plan")

    first = client.get(reverse(url))
    assert [row.plan for row in first.context["plans"]] == [plans[3], plans[2]]
    assert [row.plan for row in first.context["closed"]] == [plans[1]]
    # A step the plan still had open when it was closed waits for no one.
    assert [(row.next_step, row.overdue) for row in first.context["closed"]] == [(None, 0)]
    page = first.content.decode()
    assert "2 afgesloten nazorgplannen" in page and "afgesloten=2" in page
    assert set(reads.values_list("object_id", flat=True)) == {str(plans[i].pk) for i in (1, 2, 3)}

    second = client.get(reverse(url), {"afgesloten": "2"})
    assert [row.plan for row in second.context["closed"]] == [plans[0]]
    assert [row.plan for row in second.context["plans"]] == [plans[3], plans[2]]
    assert reads.filter(object_id=str(plans[0].pk)).count() == 1
