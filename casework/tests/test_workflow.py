"""The stages of a recognition case: the transition table, its append-only history, the written
rationale and date of each stage, and the decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from casework import services, workflow
from casework.constants import Decision, Stage
from casework.models import Case, CaseStep
from casework.tests.conftest import at
from casework.tests.factories import flagged_plan

pytestmark = pytest.mark.django_db


def _cm(case: Case) -> Any:
    assert case.casemanager is not None
    return case.casemanager.user


def _advance(case: Case, to: str, *, decision: str = "", on: dt.date | None = None, actor: Any = None) -> Case:
    return services.case_advance(
        case=case,
        to_stage=to,
        happened_on=on or timezone.localdate(case.consent_given_at),
        rationale=f"Naar {to}",
        decision=decision,
        actor=actor or _cm(case),
    )


def test_a_ptss_case_goes_through_every_stage_and_keeps_its_history(organisation: Any, employee: Any) -> None:
    with time_machine.travel(at(2026, 1, 5), tick=False):
        case = services.consent_give(plan=flagged_plan(employee), actor=employee.user)
        case = _advance(case, Stage.REGISTRATIE)
        case = _advance(case, Stage.ADVIESCOMMISSIE)
        case = _advance(case, Stage.BESLUIT, decision=Decision.ERKEND)
        case = _advance(case, Stage.COMPENSATIE)
        case = _advance(case, Stage.AFGESLOTEN)
    assert case.decision == Decision.ERKEND and case.closed_at == at(2026, 1, 5) and not case.is_open
    history = list(CaseStep.objects.filter(case=case).values_list("from_stage", "to_stage"))
    assert history == [
        ("", Stage.MELDING),
        (Stage.MELDING, Stage.REGISTRATIE),
        (Stage.REGISTRATIE, Stage.ADVIESCOMMISSIE),
        (Stage.ADVIESCOMMISSIE, Stage.BESLUIT),
        (Stage.BESLUIT, Stage.COMPENSATIE),
        (Stage.COMPENSATIE, Stage.AFGESLOTEN),
    ]


def test_the_history_is_append_only(case: Case) -> None:
    step = CaseStep.objects.get(case=case)
    step.rationale = "anders"
    with pytest.raises(ValueError):
        step.save()


def test_a_stage_cannot_be_skipped(case: Case) -> None:
    with pytest.raises(ValidationError) as error:
        _advance(case, Stage.COMPENSATIE)
    assert "to_stage" in error.value.error_dict
    case.refresh_from_db()
    assert case.stage == Stage.MELDING and CaseStep.objects.filter(case=case).count() == 1


def test_a_case_other_than_ptss_may_skip_the_advisory_committee(case: Case) -> None:
    case = _advance(case, Stage.REGISTRATIE)
    case = _advance(case, Stage.BESLUIT, decision=Decision.NIET_ERKEND)
    assert case.stage == Stage.BESLUIT


def test_entering_the_decision_needs_the_decision(case: Case) -> None:
    case = _advance(case, Stage.REGISTRATIE)
    with pytest.raises(ValidationError) as error:
        _advance(case, Stage.BESLUIT)
    assert "decision" in error.value.error_dict


def test_a_case_that_is_not_recognised_gets_no_compensation(case: Case) -> None:
    case = _advance(case, Stage.REGISTRATIE)
    case = _advance(case, Stage.BESLUIT, decision=Decision.NIET_ERKEND)
    assert workflow.allowed_targets(case.stage, case.decision) == [Stage.AFGESLOTEN]
    with pytest.raises(ValidationError):
        _advance(case, Stage.COMPENSATIE)


def test_every_stage_needs_a_rationale_and_a_date_not_in_the_future(case: Case) -> None:
    with pytest.raises(ValidationError) as error:
        services.case_advance(
            case=case,
            to_stage=Stage.REGISTRATIE,
            happened_on=timezone.localdate(case.consent_given_at),
            rationale="  ",
            actor=_cm(case),
        )
    assert "rationale" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        _advance(case, Stage.REGISTRATIE, on=timezone.localdate(case.consent_given_at) + dt.timedelta(days=400))
    assert "happened_on" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        _advance(case, Stage.REGISTRATIE, on=timezone.localdate(case.consent_given_at) - dt.timedelta(days=1))
    assert "happened_on" in error.value.error_dict


def test_only_the_assigned_casemanager_moves_the_case(organisation: Any, case: Case) -> None:
    from organisation.constants import Role

    with pytest.raises(ValidationError):
        _advance(case, Stage.REGISTRATIE, actor=organisation.users[Role.COORDINATOR_TCO])


def test_the_casemanager_records_a_stage_on_the_page_and_errors_stay_at_the_field(
    organisation: Any, case: Case, login_as: Any
) -> None:
    client = login_as(_cm(case))
    url = reverse("casework:case", args=[case.pk])
    today = timezone.localdate(case.consent_given_at).isoformat()
    response = client.post(url, {"to_stage": Stage.REGISTRATIE, "happened_on": today, "rationale": ""})
    assert response.status_code == 200
    assert "Schrijf kort op waarom de zaak naar deze fase gaat." in response.content.decode()
    response = client.post(url, {"to_stage": Stage.REGISTRATIE, "happened_on": today, "rationale": "Verzoek ingediend"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == Stage.REGISTRATIE


def test_the_employee_reads_where_the_case_is_and_what_happens_next(case: Case, login_as: Any) -> None:
    _advance(case, Stage.REGISTRATIE)
    page = login_as(case.person.user).get(reverse("casework:my_case", args=[case.pk])).content.decode()
    where, next_step = workflow.EMPLOYEE_GUIDE[Stage.REGISTRATIE]
    assert str(where) in page and str(next_step) in page
    assert "Naar registratie" in page  # the casemanager's rationale, readable for the employee
    assert "Volgende fase vastleggen" not in page and 'name="to_stage"' not in page
