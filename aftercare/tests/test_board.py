"""The coordinator's board (issue 15 §3): every open plan by its next deadline, with supporter and
overdue marker and filters; assigning from the plan shows each supporter's load and completes the
assignment step; the supporter's list shows their own next step."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from aftercare import services
from aftercare.constants import StepKind, StepStatus
from aftercare.models import Plan
from aftercare.tests.conftest import register
from organisation.constants import Role
from organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

URL = reverse("aftercare:coordination")


def _rows(client: Any, **query: str) -> list[str]:
    response = client.get(URL, query)
    assert response.status_code == 200
    return [row.plan.person.full_name for row in response.context["plans"]]


@pytest.fixture
def plans(organisation: Any) -> dict[str, Plan]:
    now = timezone.now()
    late: Any = PersonFactory(team=organisation.team, first_name="Lotte", last_name="Laat")
    fresh: Any = PersonFactory(team=organisation.team, first_name="Fien", last_name="Vers")
    (old,) = register(organisation, people=[late], when=now - timedelta(days=3))
    (new,) = register(organisation, people=[fresh], when=now - timedelta(hours=1))
    return {"late": old, "fresh": new}


def test_the_board_lists_open_plans_by_next_deadline_with_the_overdue_marker(
    organisation: Any, plans: dict[str, Plan], login_as: Any
) -> None:
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    assert _rows(client) == ["Lotte Laat", "Fien Vers"]
    page = client.get(URL).content.decode()
    assert page.count('data-testid="board-row"') == 2
    assert "te laat" in page


def test_the_board_filters_late_plans_plans_without_supporter_and_names(
    organisation: Any, plans: dict[str, Plan], login_as: Any
) -> None:
    services.plan_assign_supporter(
        plan=plans["fresh"],
        version=plans["fresh"].version,
        supporter=organisation.people[Role.COLLEGIAAL_ONDERSTEUNER],
        actor=None,
    )
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    assert _rows(client, alleen="te-laat") == ["Lotte Laat"]
    assert _rows(client, alleen="zonder-ondersteuner") == ["Lotte Laat"]
    assert _rows(client, zoek="vers") == ["Fien Vers"]
    bad = client.get(URL, {"alleen": "alles-en-nog-wat"})
    assert "Kies een van de mogelijkheden." in bad.content.decode()


def test_the_board_answers_htmx_with_only_the_results(organisation: Any, plans: dict[str, Plan], login_as: Any) -> None:
    response = login_as(organisation.users[Role.COORDINATOR_TCO]).get(URL, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert 'id="board-results"' in content and "<html" not in content


def test_assigning_shows_each_supporters_load_and_completes_the_assignment_step(
    organisation: Any, plans: dict[str, Plan], login_as: Any
) -> None:
    plan = plans["late"]
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    page = client.get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert "(0 van 5 plannen lopend)" in page
    assert page.index('id="assign-heading"') < page.index(">Stappen<")  # at the top of the plan
    response = client.post(
        reverse("aftercare:plan_assign", args=[plan.pk]),
        {"version": plan.version, "supporter": organisation.people[Role.COLLEGIAAL_ONDERSTEUNER].pk},
    )
    assert response.status_code == 302
    offer = plan.steps.get(kind=StepKind.SUPPORT_OFFER)
    assert offer.status == StepStatus.DONE
    assert offer.history.filter(to_status=StepStatus.DONE).get().actor == organisation.users[Role.COORDINATOR_TCO]


def test_the_supporters_list_shows_their_own_next_step(
    organisation: Any, plans: dict[str, Plan], login_as: Any
) -> None:
    plan = services.plan_assign_supporter(
        plan=plans["fresh"],
        version=plans["fresh"].version,
        supporter=organisation.people[Role.COLLEGIAAL_ONDERSTEUNER],
        actor=None,
    )
    response = login_as(organisation.users[Role.COLLEGIAAL_ONDERSTEUNER]).get(reverse("aftercare:cases"))
    (row,) = response.context["plans"]
    assert row.plan == plan
    assert row.next_step.owner == organisation.people[Role.COLLEGIAAL_ONDERSTEUNER]
    assert row.next_step.kind == StepKind.CHECK_IN  # not the manager's contact step, which comes first


def test_the_board_is_paged_most_urgent_first_and_only_the_shown_plans_are_logged(
    organisation: Any, plans: dict[str, Plan], login_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aftercare import views
    from core.models import AuditAction, AuditEvent

    later: Any = PersonFactory(team=organisation.team, first_name="Lars", last_name="Later")
    (newest,) = register(organisation, people=[later], when=timezone.now() - timedelta(minutes=5))
    monkeypatch.setattr(views, "BOARD_PER_PAGE", 2)
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    reads = AuditEvent.objects.filter(action=AuditAction.READ, object_type="aftercare.plan")

    first = client.get(URL)
    assert [row.plan for row in first.context["plans"]] == [plans["late"], plans["fresh"]]
    page = first.content.decode()
    assert "3 lopende nazorgplannen" in page
    assert "Pagina 1 van 2" in page and "pagina=2" in page
    assert set(reads.values_list("object_id", flat=True)) == {str(plans["late"].pk), str(plans["fresh"].pk)}

    second = client.get(URL, {"pagina": "2"})
    assert [row.plan for row in second.context["plans"]] == [newest]
    assert reads.filter(object_id=str(newest.pk)).count() == 1
    # A page number that is no number or past the end shows a page that exists.
    assert client.get(URL, {"pagina": "veel"}).context["page"].number == 1
    assert client.get(URL, {"pagina": "99"}).context["page"].number == 2


def test_the_filters_narrow_the_board_before_it_is_paged(
    organisation: Any, plans: dict[str, Plan], login_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aftercare import views

    monkeypatch.setattr(views, "BOARD_PER_PAGE", 1)
    client = login_as(organisation.users[Role.COORDINATOR_TCO])
    response = client.get(URL, {"alleen": "te-laat"})
    assert [row.plan for row in response.context["plans"]] == [plans["late"]]
    assert response.context["page"].paginator.count == 1
    assert "1 lopend nazorgplan," in response.content.decode()
    # The next page's link keeps the filter.
    searched = client.get(URL, {"zoek": "e"})
    assert searched.context["page"].paginator.count == 2
    assert "zoek=e&amp;pagina=2" in searched.content.decode()
