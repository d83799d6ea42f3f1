"""Buddy pools and matches: only a trained buddy whose intervision is not overdue can be matched
(refused at the field otherwise); the employee sees their buddy, the buddy their matches."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework import buddies, services
from casework.models import Buddy, BuddyMatch
from casework.tests.conftest import at
from casework.tests.factories import buddy, flagged_plan, match
from organisation.constants import Role
from organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

COORDINATOR, BUDDY = Role.COORDINATOR_TCO, Role.COLLEGIAAL_ONDERSTEUNER


def test_intervision_is_up_to_date_until_the_last_day_of_the_interval(organisation: Any, settings: Any) -> None:
    settings.CASEWORK_BUDDY_INTERVISION_DAYS = 120
    with time_machine.travel(at(2026, 6, 1), tick=False):
        found = buddy(organisation.people[BUDDY], trained_days_ago=200, intervision_days_ago=120)
        assert found.last_intervision_on == dt.date(2026, 2, 1)
        assert buddies.intervision_due_on(found) == dt.date(2026, 6, 1)
        assert buddies.is_matchable(found, dt.date(2026, 6, 1))
    assert not buddies.is_matchable(found, dt.date(2026, 6, 2))
    assert buddies.intervision_overdue(found, dt.date(2026, 6, 2))


def test_before_the_first_intervision_the_training_date_counts(organisation: Any) -> None:
    found = buddy(organisation.people[BUDDY], trained_days_ago=10)
    assert buddies.intervision_due_on(found) == found.training_completed_on + dt.timedelta(days=120)  # type: ignore[operator]
    untrained = buddy(PersonFactory(team=organisation.team), trained_days_ago=None)
    assert not buddies.is_trained(untrained, dt.date.today()) and not buddies.is_matchable(untrained, dt.date.today())


def _post_match(client: Any, plan: Any, found: Buddy) -> Any:
    return client.post(reverse("casework:match_add"), {"plan": plan.pk, "buddy": found.pk, "agreed": "on"})


def test_an_untrained_buddy_is_refused_at_the_field(organisation: Any, employee: Any, login_as: Any) -> None:
    plan = flagged_plan(employee)
    found = buddy(organisation.people[BUDDY], trained_days_ago=None)
    response = _post_match(login_as(organisation.users[COORDINATOR]), plan, found)
    assert response.status_code == 200
    assert response.context["form"].errors["buddy"] == [
        "Deze buddy heeft de opleiding nog niet afgerond en kan niet gekoppeld worden."
    ]
    assert not BuddyMatch.objects.exists()


def test_a_buddy_with_overdue_intervision_is_refused_at_the_field(
    organisation: Any, employee: Any, login_as: Any
) -> None:
    plan = flagged_plan(employee)
    found = buddy(organisation.people[BUDDY], trained_days_ago=400, intervision_days_ago=121)
    response = _post_match(login_as(organisation.users[COORDINATOR]), plan, found)
    assert "De intervisie van deze buddy is te laat" in response.context["form"].errors["buddy"][0]
    assert not BuddyMatch.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.match_create(plan=plan, buddy=found, actor=organisation.users[COORDINATOR])
    assert "buddy" in error.value.error_dict


def test_the_coordinator_matches_a_trained_buddy_and_both_see_it(
    organisation: Any, employee: Any, login_as: Any
) -> None:
    plan = flagged_plan(employee)
    buddy_person = organisation.people[BUDDY]
    buddy_person.email = "buddy@example.org"
    buddy_person.save()
    found = buddy(buddy_person, trained_days_ago=60, phone="06-12345678")
    response = _post_match(login_as(organisation.users[COORDINATOR]), plan, found)
    assert response.status_code == 302
    created = BuddyMatch.objects.get()
    assert created.person == employee and created.buddy == found

    own = login_as(employee.user).get(reverse("casework:my_buddy")).content.decode()
    assert buddy_person.full_name in own and "tel:06-12345678" in own and "mailto:buddy@example.org" in own

    theirs = login_as(buddy_person.user).get(reverse("casework:my_matches")).content.decode()
    assert employee.full_name in theirs


def test_only_employees_with_work_related_injury_can_get_a_buddy(organisation: Any, employee: Any) -> None:
    plan = flagged_plan(employee, beroepsrisico="")
    found = buddy(organisation.people[BUDDY])
    with pytest.raises(ValidationError) as error:
        services.match_create(plan=plan, buddy=found, actor=organisation.users[COORDINATOR])
    assert "plan" in error.value.error_dict


def test_the_match_form_needs_the_employees_agreement(organisation: Any, employee: Any, login_as: Any) -> None:
    plan, found = flagged_plan(employee), buddy(organisation.people[BUDDY])
    response = login_as(organisation.users[COORDINATOR]).post(
        reverse("casework:match_add"), {"plan": plan.pk, "buddy": found.pk}
    )
    assert "agreed" in response.context["form"].errors
    assert not BuddyMatch.objects.exists()


def test_an_employee_has_one_running_buddy_at_a_time(organisation: Any, employee: Any) -> None:
    first = buddy(organisation.people[BUDDY])
    second = buddy(organisation.people[Role.BMW])
    existing = match(first, employee)
    with pytest.raises(ValidationError):
        services.match_create(plan=flagged_plan(employee), buddy=second, actor=organisation.users[COORDINATOR])
    services.match_end(match=existing, actor=organisation.users[COORDINATOR])
    services.match_create(plan=flagged_plan(employee), buddy=second, actor=organisation.users[COORDINATOR])
    assert BuddyMatch.objects.filter(ended_on__isnull=True).get().buddy == second


def test_someone_outside_the_pools_does_not_find_the_buddy_page(organisation: Any, login_as: Any) -> None:
    buddy(organisation.people[BUDDY])
    assert login_as(organisation.users[Role.BMW]).get(reverse("casework:my_matches")).status_code == 404
    assert login_as(organisation.users[BUDDY]).get(reverse("casework:my_matches")).status_code == 200


def test_a_buddy_of_another_employee_sees_only_their_own_matches(
    organisation: Any, employee: Any, login_as: Any
) -> None:
    mine = buddy(organisation.people[BUDDY])
    other = buddy(organisation.people[Role.BMW])
    match(other, employee)
    page = login_as(organisation.users[BUDDY]).get(reverse("casework:my_matches")).content.decode()
    assert employee.full_name not in page
    assert mine.pk


def test_the_coordinator_adds_a_buddy_by_employee_number_with_dates(organisation: Any, login_as: Any) -> None:
    colleague = organisation.people[Role.BMW]
    client = login_as(organisation.users[COORDINATOR])
    today = dt.date.today()
    response = client.post(
        reverse("casework:buddy_add"),
        {
            "employee_number": colleague.employee_number,
            "unit": organisation.unit.pk,
            "phone": "",
            "training_completed_on": (today + dt.timedelta(days=3)).isoformat(),
            "is_active": "on",
        },
    )
    assert response.context["form"].errors["training_completed_on"] == ["Deze datum ligt in de toekomst."]
    assert not Buddy.objects.exists()
    response = client.post(
        reverse("casework:buddy_add"),
        {
            "employee_number": colleague.employee_number,
            "unit": organisation.unit.pk,
            "training_completed_on": today.isoformat(),
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Buddy.objects.get().person == colleague


def test_the_pool_page_shows_the_status_of_each_buddy_in_few_queries(
    organisation: Any, employee: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    buddy(organisation.people[BUDDY], trained_days_ago=400, intervision_days_ago=200)
    for _ in range(5):
        match(buddy(PersonFactory(team=organisation.team)), PersonFactory(team=organisation.team))
    client = login_as(organisation.users[COORDINATOR])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("casework:buddies"))
    page = response.content.decode()
    assert "Nee, intervisie te laat" in page
    assert len(response.context["matches"]) == 5
