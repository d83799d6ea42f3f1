"""Session requests (conditions at the field, priority order) and VIK triage (a written
rationale for every decision, participants at triage, only VIK roles)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from integrity import services
from integrity.models import IntegritySignal, SessionRequest, TriageDecision
from organisation.constants import Role

pytestmark = pytest.mark.django_db

REQUEST = {
    "group_name": "Team Noord",
    "group_kind": "team",
    "audience": "overig",
    "session_type": "dilemmatraining",
    "learning_questions": "Wat mag wel en niet op social media?",
}


def test_a_session_request_without_accepting_the_conditions_is_refused_at_the_field(
    organisation: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    response = client.post(reverse("integrity:request_new"), REQUEST)
    assert "akkoord gaat met de voorwaarden" in str(response.context["form"].errors["conditions"])
    assert not SessionRequest.objects.exists()


def test_a_request_is_acknowledged_at_once_and_planned_in_priority_order(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.MEDEWERKER])
    first = client.post(reverse("integrity:request_new"), {**REQUEST, "conditions": "on"})
    made = SessionRequest.objects.get()
    assert first["Location"] == reverse("integrity:request_detail", args=[made.pk])
    assert 'data-testid="acknowledged"' in client.get(first["Location"]).content.decode()
    client.post(reverse("integrity:request_new"), {**REQUEST, "audience": "po21", "conditions": "on"})
    client.post(reverse("integrity:request_new"), {**REQUEST, "audience": "blauw", "conditions": "on"})
    planner = login_as(organisation.users[Role.VIK_PREVENTIE])
    listed = planner.get(reverse("integrity:requests")).context["requests"]
    assert [item.audience for item in listed] == ["po21", "blauw", "overig"]
    planner.post(reverse("integrity:request_plan", args=[made.pk]), {"planned_for": "2030-03-01"})
    made.refresh_from_db()
    assert made.status == "gepland" and str(made.planned_for) == "2030-03-01"


@pytest.fixture
def signal(organisation: Any) -> IntegritySignal:
    return services.signal_create(
        unit=organisation.unit,
        source="melding",
        summary="Fictief: iemand keek zonder reden in de systemen.",
        checklist={},
        actor=organisation.users[Role.VIK_INTEGRITEIT],
    )


def test_a_decision_without_a_rationale_is_refused_at_the_field(
    organisation: Any, login_as: Any, signal: IntegritySignal
) -> None:
    client = login_as(organisation.users[Role.VIK_INTEGRITEIT])
    response = client.post(reverse("integrity:signal_decide", args=[signal.pk]), {"to_stage": "triage"})
    assert "Zonder onderbouwing geen besluit" in str(response.context["form"].errors["rationale"])
    assert not TriageDecision.objects.exists()
    signal.refresh_from_db()
    assert signal.stage == "intake"


def test_a_signal_moves_through_triage_with_participants_allocation_and_a_rationale_each_time(
    organisation: Any, login_as: Any, signal: IntegritySignal
) -> None:
    client = login_as(organisation.users[Role.VIK_INTEGRITEIT])
    url = reverse("integrity:signal_decide", args=[signal.pk])
    client.post(url, {"to_stage": "triage", "rationale": "Concreet signaal over raadplegen."})
    no_participants = client.post(url, {"to_stage": "voorbereiding", "allocation": "eenheid", "rationale": "Eenheid."})
    assert no_participants.context["form"].errors["participants"]
    no_allocation = client.post(url, {"to_stage": "voorbereiding", "participants": "TC VIK", "rationale": "x"})
    assert no_allocation.context["form"].errors["allocation"]
    rr = client.post(url, {"to_stage": "rijksrecherche", "participants": "TC VIK", "rationale": "x"})
    assert "Rijksrecherche" in str(rr.context["form"].errors["to_stage"])
    client.post(
        url,
        {
            "to_stage": "voorbereiding",
            "allocation": "eenheid",
            "participants": "TC VIK, jurist",
            "rationale": "Past binnen de eenheid.",
        },
    )
    client.post(url, {"to_stage": "uitvoering", "rationale": "Opdracht en plan van aanpak klaar."})
    signal.refresh_from_db()
    assert (signal.stage, signal.allocation) == ("uitvoering", "eenheid")
    history = list(signal.decisions.values_list("from_stage", "to_stage", "participants"))
    assert history == [
        ("intake", "triage", ""),
        ("triage", "voorbereiding", "TC VIK, jurist"),
        ("voorbereiding", "uitvoering", ""),
    ]
    assert all(d.rationale for d in signal.decisions.all())


def test_a_signal_can_go_back_to_the_line_with_a_rationale(
    organisation: Any, login_as: Any, signal: IntegritySignal
) -> None:
    client = login_as(organisation.users[Role.VIK_PREVENTIE])
    client.post(reverse("integrity:signal_decide", args=[signal.pk]), {"to_stage": "lijn", "rationale": "Lijnzaak."})
    signal.refresh_from_db()
    assert signal.stage == "lijn"
    assert client.get(reverse("integrity:signal", args=[signal.pk])).context["form"] is None


def test_the_rijksrecherche_checklist_allows_referral(organisation: Any) -> None:
    actor = organisation.users[Role.VIK_INTEGRITEIT]
    found = services.signal_create(
        unit=organisation.unit, source="anders", summary="Fictief.", checklist={"rr_corruption": True}, actor=actor
    )
    services.signal_decide(signal=found, to_stage="triage", rationale="Start.", actor=actor)
    services.signal_decide(
        signal=found, to_stage="rijksrecherche", rationale="Corruptie.", participants="TC VIK", actor=actor
    )
    found.refresh_from_db()
    assert found.stage == "rijksrecherche"


def test_a_leidinggevende_and_a_vik_role_of_another_unit_get_404_on_a_signal(
    organisation: Any, login_as: Any, signal: IntegritySignal
) -> None:
    from organisation.tests.factories import RoleAssignmentFactory, UnitFactory, UserFactory

    assert (
        login_as(organisation.users[Role.LEIDINGGEVENDE]).get(reverse("integrity:signal", args=[signal.pk])).status_code
        == 404
    )
    elsewhere = UserFactory(username="vik-elders")
    RoleAssignmentFactory(user=elsewhere, role=Role.VIK_INTEGRITEIT, unit=UnitFactory(code="elders"))
    assert login_as(elsewhere).get(reverse("integrity:signal", args=[signal.pk])).status_code == 404
