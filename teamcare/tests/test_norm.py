"""The manager's reporting norm and the quarterly summary to the team (issue 22, Arq 002): the team
and its leidinggevende see them, nobody else (404); only the leidinggevende edits the norm and
every version stays; each count below the anonymity threshold is hidden, and a frozen quarter
never changes, so no subtraction between readings, quarters or teams yields a number."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from core.models import AuditEvent
from organisation.constants import NodeKind, Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory, RoleAssignmentFactory, UserFactory
from teamcare import feedback, selectors
from teamcare.models import FeedbackSummary, ReportingNorm
from teamcare.periods import Period

pytestmark = pytest.mark.django_db

IN_Q1 = dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.UTC)
IN_Q2 = dt.datetime(2026, 4, 20, 9, 0, tzinfo=dt.UTC)
Q1 = Period(2026, 1)
CHIEF, HR, MEMBER = Role.LEIDINGGEVENDE, Role.HR_ADVISEUR, Role.MEDEWERKER


def _event(when: dt.datetime) -> Any:
    from aftercare.models import Event, EventType

    kind = EventType.objects.first() or EventType.objects.create(code="x", name="Test")
    return Event.objects.create(occurred_at=when, kind=kind, severity="ernstig")


def _plans(team: Any, *, events: int, plans: int, steps: int, when: dt.datetime = IN_Q1) -> None:
    """``events`` events touching the team, ``plans`` plans for its members (spread over the events),
    ``steps`` completed steps; all in the quarter of ``when``."""
    from aftercare.models import Plan, Step

    with time_machine.travel(when, tick=False):
        made = [_event(when) for _ in range(events)]
        created = []
        for index in range(plans):
            person = PersonFactory.create(team=team)
            created.append(Plan.objects.create(event=made[index % len(made)], person=person, unit=team.unit))
        for index in range(steps):
            Step.objects.create(
                plan=created[index % len(created)],
                kind="contact",
                title="Contact",
                owner_role="leidinggevende",
                due_at=when,
                status="afgerond",
                completed_at=when,
            )


@pytest.fixture
def district(organisation: Any) -> Any:
    """A district above Team Noord with its own head (who is not in Team Noord)."""
    node = OrgNodeFactory.create(unit=organisation.unit, kind=NodeKind.DISTRICT, name="District Oost")
    organisation.team.parent = node
    organisation.team.save()
    head = UserFactory.create(username="districtchef")
    PersonFactory.create(user=head, team=node)
    RoleAssignmentFactory.create(user=head, role=CHIEF, node=node)
    return head


def _url(name: str, team: Any) -> str:
    return reverse(f"teamcare:{name}", args=[team.pk])


# --- Access -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [MEMBER, CHIEF, HR])
def test_the_team_and_its_chief_see_the_norm_page_and_the_read_is_logged(
    organisation: Any, login_as: Any, role: str
) -> None:
    response = login_as(organisation.users[role]).get(_url("norm", organisation.team))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(
        object_type="teamcare.feedback", object_id=str(organisation.team.pk), actor_username=f"persona-{role}"
    ).exists()


@pytest.mark.parametrize("role", [MEMBER, CHIEF, HR])
def test_another_team_is_404_for_everyone_outside_it(organisation: Any, login_as: Any, role: str) -> None:
    client = login_as(organisation.users[role])
    assert client.get(_url("norm", organisation.other_team)).status_code == 404
    assert client.get(f"/api/v1/teams-in-beeld-meldnorm/{organisation.other_team.pk}/").status_code == 404


def test_the_head_of_the_parent_node_does_not_see_the_team_norm(
    organisation: Any, district: Any, login_as: Any
) -> None:
    client = login_as(district)
    assert client.get(_url("norm", organisation.team)).status_code == 404
    assert client.get(_url("norm_edit", organisation.team)).status_code == 404


@pytest.mark.parametrize(("role", "status"), [(MEMBER, 403), (HR, 403)])
def test_only_the_leidinggevende_may_edit(organisation: Any, login_as: Any, role: str, status: int) -> None:
    client = login_as(organisation.users[role])
    assert client.post(_url("norm_edit", organisation.team), {"items": "Geweld"}).status_code == status
    assert not ReportingNorm.objects.exists()
    assert "Meldnorm aanpassen" not in client.get(_url("norm", organisation.team)).content.decode()


# --- The norm and its history ------------------------------------------------------------------


def test_the_chief_sets_the_norm_and_every_version_is_kept(organisation: Any, login_as: Any) -> None:
    chief = login_as(organisation.users[CHIEF])
    with time_machine.travel(IN_Q1, tick=False):
        response = chief.post(_url("norm_edit", organisation.team), {"items": "Geweld tegen collega's\n\nBedreiging\n"})
    assert response.status_code == 302
    with time_machine.travel(IN_Q2, tick=False):
        chief.post(_url("norm_edit", organisation.team), {"items": "Geweld tegen collega's\nPrikincident"})
    versions = selectors.norm_versions(organisation.team)
    assert [v.items for v in versions] == [
        ["Geweld tegen collega's", "Prikincident"],
        ["Geweld tegen collega's", "Bedreiging"],
    ]
    assert versions[0].author_name == organisation.people[CHIEF].full_name
    page = login_as(organisation.users[MEMBER]).get(_url("norm", organisation.team))
    assert [v.items for v in page.context["history"]] == [["Geweld tegen collega's", "Bedreiging"]]
    html = page.content.decode()
    assert "Prikincident" in html and "Bedreiging" in html
    assert AuditEvent.objects.filter(object_type="teamcare.reportingnorm", action="create").count() == 2


def test_a_version_is_never_rewritten(organisation: Any) -> None:
    norm = ReportingNorm.objects.create(team=organisation.team, items=["Geweld"], author_name="A")
    norm.items = ["Iets anders"]
    with pytest.raises(ValueError, match="append-only"):
        norm.save()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Zet minstens één soort incident op een regel."),
        ("   \n \n", "Zet minstens één soort incident op een regel."),
        ("\n".join(f"Incident {n}" for n in range(13)), "Dit zijn 13 regels. Houd de lijst kort: hoogstens 12."),
        ("x" * 201, "Een regel mag hoogstens 200 tekens hebben."),
        ("Geweld\ngeweld", "staat er twee keer in."),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_is_written(
    organisation: Any, login_as: Any, text: str, message: str
) -> None:
    response = login_as(organisation.users[CHIEF]).post(_url("norm_edit", organisation.team), {"items": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert message.replace("'", "&#x27;") in html
    assert 'aria-invalid="true"' in html
    assert not ReportingNorm.objects.exists()


# --- The quarterly summary ---------------------------------------------------------------------


@pytest.mark.parametrize("threshold", [5, 7])
def test_each_count_below_the_threshold_is_hidden_and_at_the_threshold_shown(
    organisation: Any, login_as: Any, settings: Any, threshold: int
) -> None:
    settings.ZORGWIJZER_ANONYMITY_THRESHOLD = threshold
    # events n − 1 (hidden), plans n (shown), steps n + 1 (shown)
    _plans(organisation.team, events=threshold - 1, plans=threshold, steps=threshold + 1)
    with time_machine.travel(IN_Q2, tick=False):
        feedback.freeze_ended()
        response = login_as(organisation.users[MEMBER]).get(_url("norm", organisation.team))
    (row,) = [r for r in response.context["feedback"] if r.period == Q1]
    assert (row.events.value, row.plans.value, row.steps.value) == (None, threshold, threshold + 1)
    html = response.content.decode()
    assert f"minder dan {threshold}" in html
    assert f">{threshold - 1}<" not in html


def test_a_quarter_without_reports_shows_no_zero(organisation: Any, login_as: Any) -> None:
    with time_machine.travel(IN_Q2, tick=False):
        feedback.freeze_ended()
        response = login_as(organisation.users[MEMBER]).get(_url("norm", organisation.team))
    (row,) = [r for r in response.context["feedback"] if r.period == Q1]
    assert not (row.events.shown or row.plans.shown or row.steps.shown)


def test_a_frozen_quarter_never_changes_so_two_readings_cannot_be_subtracted(organisation: Any) -> None:
    from aftercare.models import Plan

    _plans(organisation.team, events=5, plans=6, steps=5)
    with time_machine.travel(IN_Q2, tick=False):
        assert feedback.freeze(Q1) == FeedbackSummary.objects.count()
        before = selectors.team_feedback(organisation.team)
        # Later: one more plan dated in the quarter, and a member moves to another team.
        _plans(organisation.team, events=1, plans=1, steps=1)
        plan = Plan.objects.filter(person__team=organisation.team).select_related("person").first()
        assert plan is not None and plan.person is not None
        plan.person.team = organisation.other_team
        plan.person.save()
        assert feedback.freeze(Q1) == 0
        feedback.freeze_ended()
        after = [row for row in selectors.team_feedback(organisation.team) if row.period == Q1]
    assert after == before
    assert before[0].plans.value == 6


def test_quarters_are_separate_not_running_totals(organisation: Any) -> None:
    """Q1 and Q2 each count only their own plans: Q2 is not Q1 plus something."""
    _plans(organisation.team, events=5, plans=5, steps=5, when=IN_Q1)
    _plans(organisation.team, events=6, plans=6, steps=6, when=IN_Q2)
    with time_machine.travel(dt.datetime(2026, 7, 3, 9, 0, tzinfo=dt.UTC), tick=False):
        feedback.freeze_ended()
    rows = {row.period.code: row for row in selectors.team_feedback(organisation.team)}
    assert rows["2026-K2"].plans.value == 6 and rows["2026-K1"].plans.value == 5


def test_a_quarter_that_has_not_ended_is_not_frozen(organisation: Any) -> None:
    with time_machine.travel(IN_Q1, tick=False), pytest.raises(ValueError, match="not ended"):
        feedback.freeze(Q1)


def test_other_teams_plans_do_not_count(organisation: Any) -> None:
    _plans(organisation.other_team, events=6, plans=6, steps=6)
    with time_machine.travel(IN_Q2, tick=False):
        feedback.freeze(Q1)
    (row,) = selectors.team_feedback(organisation.team)
    assert not row.plans.shown
    (other,) = selectors.team_feedback(organisation.other_team)
    assert other.plans.value == 6


def test_the_job_freezes_each_quarter_once(organisation: Any) -> None:
    from teamcare import tasks

    with time_machine.travel(IN_Q2, tick=False):
        first = tasks.freeze_feedback.call()
        second = tasks.freeze_feedback.call()
    teams = 2
    assert first == {"frozen": teams * feedback.QUARTERS_FILLED}
    assert second == {"frozen": 0}


def test_the_norm_page_uses_a_fixed_number_of_queries(
    organisation: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    chief = login_as(organisation.users[CHIEF])
    for n in range(3):
        ReportingNorm.objects.create(team=organisation.team, items=[f"Incident {n}"], author_name="A")
    with time_machine.travel(IN_Q2, tick=False):
        feedback.freeze_ended()
        chief.get(_url("norm", organisation.team))  # warm caches (session, roles)
        with django_assert_max_num_queries(14):
            assert chief.get(_url("norm", organisation.team)).status_code == 200


# --- API ----------------------------------------------------------------------------------------


def test_the_api_gives_the_norm_and_the_summary_with_hidden_counts_as_null(organisation: Any, login_as: Any) -> None:
    ReportingNorm.objects.create(team=organisation.team, items=["Geweld"], author_name="Chef")
    _plans(organisation.team, events=4, plans=5, steps=5)
    with time_machine.travel(IN_Q2, tick=False):
        feedback.freeze(Q1)
        client = login_as(organisation.users[MEMBER])
        listed = client.get("/api/v1/teams-in-beeld-meldnorm/").json()
        one = client.get(f"/api/v1/teams-in-beeld-meldnorm/{organisation.team.pk}/").json()
    assert [row["team_id"] for row in listed] == [organisation.team.pk]
    assert listed[0] == one
    assert one["meldnorm"]["altijd_melden"] == ["Geweld"]
    assert one["terugkoppeling"] == [
        {"periode": "2026-K1", "gebeurtenissen": None, "plannen_gestart": 5, "stappen_afgerond": 5}
    ]
    assert one["drempel"] == 5


def test_the_api_answers_404_for_a_bad_team_id(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[MEMBER])
    assert client.get("/api/v1/teams-in-beeld-meldnorm/abc/").status_code == 404
    assert client.get("/api/v1/teams-in-beeld-meldnorm/999999/").status_code == 404
