"""The home page says what needs the user today, each one click from the action (issue 15 §2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from aftercare.models import EventType
from aftercare.tests.conftest import register
from barista.tests.factories import signal_for
from monitor import jobs, submission
from monitor.models import Invitation
from monitor.tests.factories import all_answers, campaign, token_of
from organisation.constants import Role
from organisation.tests.factories import PersonFactory, UserFactory
from portal.work import work_for

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_a_manager_sees_their_overdue_step_first_marked_late_with_a_link_to_it(organisation: Any, clock: Any) -> None:
    (plan,) = register(organisation, when=NOW)
    clock.shift(dt.timedelta(days=3))  # the contact step (24 hours) is now over its deadline
    work = work_for(organisation.users[Role.LEIDINGGEVENDE])
    first = work.steps[0]
    contact = plan.steps.get(kind="contact")
    assert first.overdue and first.title == contact.title
    assert first.url == f"{reverse('aftercare:plan', args=[plan.pk])}#step-{contact.pk}"
    assert work.overdue_count >= 1
    deadlines = [item.due for item in work.steps if isinstance(item.due, dt.datetime)]
    assert deadlines == sorted(deadlines) and len(deadlines) == len(work.steps)


def test_a_step_owned_by_someone_else_is_not_on_my_list(organisation: Any, clock: Any) -> None:
    register(organisation, when=NOW)
    assert work_for(organisation.users[Role.HR_ANALIST]).steps == []
    assert work_for(organisation.users[Role.BMW]).empty


def test_the_employee_sees_their_own_plan_in_plain_words_and_not_its_steps(organisation: Any, clock: Any) -> None:
    (plan,) = register(organisation, when=NOW, kind=EventType.objects.get(code="reanimatie"))
    work = work_for(organisation.users[Role.MEDEWERKER])
    assert [item.url for item in work.own_plans] == [reverse("aftercare:plan", args=[plan.pk])]
    assert work.steps == []


def test_an_open_barista_invitation_is_listed_for_the_invited_manager(organisation: Any, clock: Any) -> None:
    signal = signal_for(organisation.people[Role.MEDEWERKER], now=NOW)
    items = work_for(organisation.users[Role.LEIDINGGEVENDE]).invitations
    assert [item.url for item in items] == [reverse("barista:invitation", args=[signal.pk])]


def _sent_campaign(organisation: Any) -> Any:
    person = organisation.people[Role.MEDEWERKER]
    person.email = "medewerker@politie.example"
    person.save(update_fields=["email"])
    measurement = campaign(nodes=[organisation.team])
    jobs.campaign_send_invitations(campaign=measurement, actor=None, base_url="https://zw.example/")
    return measurement


def test_a_survey_waits_for_an_invited_employee_until_they_answer(
    organisation: Any, clock: Any, mailoutbox: Any
) -> None:
    measurement = _sent_campaign(organisation)
    person = organisation.people[Role.MEDEWERKER]
    user = organisation.users[Role.MEDEWERKER]
    token = token_of(measurement, person)
    assert len(mailoutbox) == 1
    (item,) = work_for(user).surveys
    assert item.url == reverse("monitor:respond", args=[token])
    before = Invitation.objects.count()
    submission.response_submit(token=token, answers=all_answers())
    assert work_for(user).surveys == []
    assert Invitation.objects.count() == before  # looking stored nothing


def test_no_survey_is_listed_for_someone_outside_the_measured_teams(
    organisation: Any, clock: Any, mailoutbox: Any
) -> None:
    _sent_campaign(organisation)
    assert work_for(organisation.people["outsider"].user or UserFactory()).surveys == []
    newcomer: Any = PersonFactory(team=organisation.other_team, user=UserFactory())
    assert work_for(newcomer.user).surveys == []


def test_the_home_page_shows_the_work_and_opens_the_step_in_one_click(
    organisation: Any, clock: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    (plan,) = register(organisation, when=NOW)
    clock.shift(dt.timedelta(days=3))
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])
    client.get("/")
    with django_assert_max_num_queries(30):
        response = client.get("/")
    content = response.content.decode()
    assert 'data-testid="work"' in content
    assert f"{reverse('aftercare:plan', args=[plan.pk])}#step-" in content
    assert "Te laat" in content


def test_someone_with_nothing_waiting_is_told_so(organisation: Any, clock: Any, login_as: Any) -> None:
    response = login_as(organisation.users[Role.INHOUDSBEHEERDER]).get("/")
    assert 'data-testid="work-empty"' in response.content.decode()


def test_the_survey_check_costs_the_same_few_queries_for_any_number_of_campaigns(
    organisation: Any, clock: Any, mailoutbox: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = organisation.users[Role.MEDEWERKER]
    _sent_campaign(organisation)
    work_for(user)  # warm the caches
    with CaptureQueriesContext(connection) as one:
        assert len(work_for(user).surveys) == 1
    for _ in range(3):
        jobs.campaign_send_invitations(
            campaign=campaign(nodes=[organisation.team]), actor=None, base_url="https://zw.example/"
        )
    with CaptureQueriesContext(connection) as four:
        assert len(work_for(user).surveys) == 4
    assert len(four.captured_queries) == len(one.captured_queries)


def test_every_casework_item_reaches_the_home_page_through_the_query_that_asks_which_lists_hold_something(
    organisation: Any, clock: Any
) -> None:
    from casework import presentation, services
    from casework.tests.factories import buddy, flagged_plan, match

    employee = organisation.people[Role.MEDEWERKER]
    services.consent_give(plan=flagged_plan(employee), actor=employee.user)  # their own case
    # Their buddy, on a plan that waits for consent.
    match(buddy(organisation.people[Role.COLLEGIAAL_ONDERSTEUNER]), employee)
    match(buddy(employee), organisation.people[Role.BMW])  # and they are a buddy themselves
    everything = presentation.waiting_for(employee.user)  # every list read, none skipped
    assert {item.title.split(":")[0] for item in everything} >= {
        "Team Beroepsrisico kan je helpen",
        "Je zaak bij Team Beroepsrisico",
        "Je buddy",
        f"Je bent buddy van {organisation.people[Role.BMW].full_name}",
    }
    work = work_for(employee.user)
    shown = {(item.title, item.url) for item in [*work.own_plans, *work.steps]}
    assert {(item.title, item.url) for item in everything} <= shown


def test_someone_with_nothing_waiting_costs_a_few_queries_not_one_per_list(organisation: Any, clock: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = organisation.users[Role.MEDEWERKER]
    work_for(user)  # the roles are read once per request
    with CaptureQueriesContext(connection) as queries:
        assert work_for(user).empty
    # Their person, which of the seven lists hold anything (one query), the open surveys of the
    # team: before, each list was a query of its own with its joins (eight for this user).
    assert len(queries.captured_queries) <= 4, [query["sql"][:80] for query in queries.captured_queries]


def test_a_casemanager_sees_their_running_case_and_a_case_to_take_through_the_same_question(
    organisation: Any, clock: Any
) -> None:
    from casework import services
    from casework.models import Case
    from casework.tests.factories import flagged_plan

    employee, colleague = organisation.people[Role.MEDEWERKER], organisation.people[Role.BMW]
    managed = services.consent_give(plan=flagged_plan(employee), actor=employee.user)
    casemanager = managed.casemanager.user  # type: ignore[union-attr]
    waiting = services.consent_give(plan=flagged_plan(colleague), actor=colleague.user)
    Case.objects.filter(pk=waiting.pk).update(casemanager=None)  # nobody has taken it yet
    steps = work_for(casemanager).steps
    assert [item.detail for item in steps if item.title.startswith("Zaak beroepsrisico")] == [
        managed.person.full_name,
        colleague.full_name,
    ]
