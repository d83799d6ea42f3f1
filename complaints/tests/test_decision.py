"""A complaint of twelve elements (the 2022 register row): advice per element, the committee's
extra points, and a decision that may deviate per element only with a written reason."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from complaints import services
from complaints.constants import Stage, Verdict
from complaints.tests import factories
from organisation.constants import Role
from organisation.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

V = Verdict
#: The register: "2x gegrond / 1x geen oordeel / 1x niet ontvankelijk / 8x ongegrond".
TWELVE = [V.FOUNDED, V.FOUNDED, V.NO_OPINION, V.INADMISSIBLE] + [V.UNFOUNDED] * 8


@pytest.fixture
def twelve(organisation: Any) -> Any:
    return factories.complaint(organisation, elements=12)


def _advice_page(client: Any, complaint: Any, values: Sequence[str]) -> Any:
    data = {}
    for position, value in enumerate(values, start=1):
        data[f"onderdeel-{position}-advice"] = value
        data[f"onderdeel-{position}-note"] = ""
    return client.post(f"/klachten/{complaint.pk}/advies/", data)


def _decision_data(values: Sequence[str], reasons: dict[int, str] | None = None) -> dict[str, str]:
    data = {}
    for position, value in enumerate(values, start=1):
        data[f"onderdeel-{position}-verdict"] = value
        data[f"onderdeel-{position}-reason"] = (reasons or {}).get(position, "")
    return data


def test_twelve_elements_get_an_advice_each_and_the_committee_adds_points(
    organisation: Any, twelve: Any, login_as: Any
) -> None:
    complaint = factories.to_committee(organisation, twelve)
    client = login_as(organisation.users[Role.KLACHTCOMMISSIE])
    response = _advice_page(client, complaint, TWELVE)
    assert response.status_code == 302
    client.post(f"/klachten/{complaint.pk}/extra-punten/", {"text": "Onderzoek de e-mail van maart."})
    client.post(f"/klachten/{complaint.pk}/extra-punten/", {"text": "Spreek ook de teamchef."})
    assert list(complaint.elements.order_by("position").values_list("advice", flat=True)) == TWELVE
    assert list(complaint.committee_points.values_list("text", flat=True)) == [
        "Onderzoek de e-mail van maart.",
        "Spreek ook de teamchef.",
    ]


def test_a_missing_advice_is_refused_at_that_element(organisation: Any, twelve: Any, login_as: Any) -> None:
    complaint = factories.to_committee(organisation, twelve)
    client = login_as(organisation.users[Role.KLACHTCOMMISSIE])
    response = _advice_page(client, complaint, [*TWELVE[:6], "", *TWELVE[7:]])
    assert response.status_code == 200
    forms = response.context["forms"]
    assert [bool(f.errors) for f in forms] == [False] * 6 + [True] + [False] * 5
    assert not complaint.elements.exclude(advice="").exists()  # nothing half-written


def test_the_decision_adopts_the_advice_on_all_twelve_without_reasons(
    organisation: Any, twelve: Any, login_as: Any
) -> None:
    complaint = factories.to_decision(organisation, twelve, TWELVE)
    client = login_as(organisation.users[Role.KLACHTCOORDINATOR])
    response = client.post(f"/klachten/{complaint.pk}/besluit/", _decision_data(TWELVE))
    assert response.status_code == 302
    verdicts = list(complaint.elements.order_by("position").values_list("verdict", flat=True))
    assert verdicts == TWELVE
    assert sorted(verdicts).count(V.FOUNDED) == 2 and verdicts.count(V.UNFOUNDED) == 8


def test_deviating_without_a_reason_is_refused_at_the_reason_field_of_that_element(
    organisation: Any, twelve: Any, login_as: Any
) -> None:
    complaint = factories.to_decision(organisation, twelve, TWELVE)
    client = login_as(organisation.users[Role.KLACHTCOORDINATOR])
    decided = [*TWELVE]
    decided[2] = V.UNFOUNDED  # element 3: advice "geen oordeel", decision "ongegrond", no reason
    response = client.post(f"/klachten/{complaint.pk}/besluit/", _decision_data(decided))
    assert response.status_code == 200
    forms = response.context["forms"]
    assert list(forms[2].errors) == ["reason"]
    assert "afwijkt van het advies" in forms[2].errors["reason"][0]
    assert not any(f.errors for i, f in enumerate(forms) if i != 2)
    assert 'id="id_onderdeel-3-reason-error"' in response.content.decode()
    assert not complaint.elements.exclude(verdict="").exists()  # nothing half-written


def test_deviating_with_a_reason_is_recorded_per_element(organisation: Any, twelve: Any, login_as: Any) -> None:
    complaint = factories.to_decision(organisation, twelve, TWELVE)
    client = login_as(organisation.users[Role.KLACHTCOORDINATOR])
    decided = [*TWELVE]
    decided[2] = V.UNFOUNDED
    reasons = {3: "Het optreden was volgens de instructie.", 5: "Dit wordt genegeerd: geen afwijking."}
    response = client.post(f"/klachten/{complaint.pk}/besluit/", _decision_data(decided, reasons))
    assert response.status_code == 302
    third, fifth = complaint.elements.get(position=3), complaint.elements.get(position=5)
    assert (third.advice, third.verdict, third.deviation_reason) == (
        V.NO_OPINION,
        V.UNFOUNDED,
        "Het optreden was volgens de instructie.",
    )
    assert third.deviates
    assert (fifth.verdict, fifth.deviation_reason, fifth.deviates) == (V.UNFOUNDED, "", False)


def test_the_service_refuses_a_deviation_without_a_reason_too(organisation: Any) -> None:
    complaint = factories.to_decision(organisation, factories.complaint(organisation, elements=2))
    first = complaint.elements.get(position=1)
    with pytest.raises(services.InvalidDecision) as refused:
        services.decision_record(complaint=complaint, actor=None, decisions={first.pk: (V.FOUNDED, " ")})
    assert (refused.value.element_id, refused.value.field) == (first.pk, "reason")


def test_the_decision_maker_recorded_on_the_complaint_may_decide(organisation: Any, login_as: Any) -> None:
    chief = organisation.people["outsider"]  # no role at all: the chief who decides on this complaint
    chief.user = UserFactory()
    chief.save()
    complaint = factories.to_decision(organisation, factories.complaint(organisation, elements=1))
    services.complaint_assign(complaint=complaint, actor=None, handler=complaint.handler, decision_maker=chief)
    client = login_as(chief.user)
    assert client.get(f"/klachten/{complaint.pk}/").status_code == 200
    response = client.post(f"/klachten/{complaint.pk}/besluit/", _decision_data([V.UNFOUNDED]))
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.elements.get().verdict == V.UNFOUNDED
    factories.move(organisation, complaint, Stage.COMMUNICATED, Stage.CLOSED)
