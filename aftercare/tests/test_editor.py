"""The template editor (issue 22 §1, issue 15 §5): a saved template is a new version, running
plans keep the version they started with, and English names are shown in the English interface."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from aftercare.models import EventType, PlanTemplate
from aftercare.tests.conftest import at, register
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def _form_data(
    template: PlanTemplate, *, version: int | None = None, changes: dict[str, str] | None = None
) -> dict[str, Any]:
    steps = list(template.steps.all())
    data: dict[str, Any] = {
        "versie": str(template.version if version is None else version),
        "name": template.name,
        "name_en": template.name_en,
        "stap-TOTAL_FORMS": str(len(steps)),
        "stap-INITIAL_FORMS": str(len(steps)),
        "stap-MIN_NUM_FORMS": "0",
        "stap-MAX_NUM_FORMS": "40",
    }
    for i, step in enumerate(steps):
        data.update(
            {
                f"stap-{i}-kind": step.kind,
                f"stap-{i}-owner": step.owner,
                f"stap-{i}-due_after_hours": str(step.due_after_hours),
                f"stap-{i}-title": step.title,
                f"stap-{i}-title_en": step.title_en,
                f"stap-{i}-only_when": step.only_when,
            }
        )
    data.update(changes or {})
    return data


def _default() -> PlanTemplate:
    return PlanTemplate.objects.get(is_default=True)


def test_a_saved_template_is_a_new_version_and_running_plans_keep_theirs(organisation: Any, login_as: Any) -> None:
    with time_machine.travel(at(2026, 11, 2, 9, 0), tick=False):
        (running,) = register(organisation, when=at(2026, 11, 2, 9, 0))
    old = _default()
    week_four = old.steps.get(title="Contactmoment week 4")
    index = list(old.steps.all()).index(week_four)
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    data = _form_data(
        old, changes={f"stap-{index}-due_after_hours": str(30 * 24), f"stap-{index}-title": "Contactmoment dag 30"}
    )
    response = client.post(reverse("aftercare:template_edit", args=[old.code]), data)
    assert response.status_code == 302
    new = _default()
    assert (new.version, new.code, new.is_current) == (old.version + 1, old.code, True)
    old.refresh_from_db()
    assert (old.is_current, old.is_default) == (False, False)
    assert running.template_id == old.pk
    assert running.steps.filter(title="Contactmoment week 4").exists()  # the running plan is unchanged
    with time_machine.travel(at(2026, 11, 3, 9, 0), tick=False):
        (fresh,) = register(organisation, people=[organisation.people["outsider"]], when=at(2026, 11, 3, 9, 0))
    assert fresh.template_id == new.pk
    assert fresh.steps.get(title="Contactmoment dag 30").due_at == at(2026, 12, 3, 9, 0)
    page = client.get(reverse("aftercare:template_edit", args=[new.code])).content.decode()
    assert "Versies van dit sjabloon" in page


def test_an_editor_with_an_old_version_saves_nothing_and_gets_409(organisation: Any, login_as: Any) -> None:
    old = _default()
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    assert client.post(reverse("aftercare:template_edit", args=[old.code]), _form_data(old)).status_code == 302
    stale = client.post(reverse("aftercare:template_edit", args=[old.code]), _form_data(old, version=old.version))
    assert stale.status_code == 409
    assert "Iemand anders heeft dit sjabloon opgeslagen" in stale.content.decode()
    assert PlanTemplate.objects.filter(code=old.code).count() == 2


def test_bad_step_rows_get_their_message_at_the_field_and_nothing_is_saved(organisation: Any, login_as: Any) -> None:
    old = _default()
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    data = _form_data(old, changes={"stap-0-due_after_hours": "-3", "stap-1-title": ""})
    page = client.post(reverse("aftercare:template_edit", args=[old.code]), data).content.decode()
    assert 'id="id_stap-0-due_after_hours-error"' in page and "De termijn kan niet negatief zijn." in page
    assert 'id="id_stap-1-title-error"' in page and "Vul de titel van de stap in." in page
    every_row_deleted = {f"stap-{i}-DELETE": "on" for i in range(old.steps.count())}
    page = client.post(reverse("aftercare:template_edit", args=[old.code]), _form_data(old, changes=every_row_deleted))
    assert "Een sjabloon heeft ten minste één stap." in page.content.decode()
    assert PlanTemplate.objects.filter(code=old.code).count() == 1


def test_the_debriefing_stays_with_the_manager(organisation: Any, login_as: Any) -> None:
    old = _default()
    index = [s.kind for s in old.steps.all()].index("debriefing")
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    data = _form_data(old, changes={f"stap-{index}-owner": "coordinator"})
    page = client.post(reverse("aftercare:template_edit", args=[old.code]), data).content.decode()
    assert f'id="id_stap-{index}-owner-error"' in page
    assert "De operationele debriefing doet de leidinggevende." in page
    assert PlanTemplate.objects.filter(code=old.code).count() == 1


def test_an_event_type_gets_an_english_name_shown_in_the_english_interface(organisation: Any, login_as: Any) -> None:
    kind = EventType.objects.get(code="reanimatie")
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    data = {"name": kind.name, "name_en": "CPR on duty", "template_code": "", "is_active": "on"}
    assert client.post(reverse("aftercare:event_type_edit", args=[kind.pk]), data).status_code == 302
    kind.refresh_from_db()
    with translation.override("en"):
        assert kind.display_name == "CPR on duty"
    with translation.override("nl"):
        assert kind.display_name == "Reanimatie"
    (plan,) = register(organisation, kind=kind)
    employee = login_as(organisation.users[Role.MEDEWERKER])
    employee.cookies["django_language"] = "en"
    english = employee.get(reverse("aftercare:plan", args=[plan.pk])).content.decode()
    assert "CPR on duty" in english and "Contact and recognition by the manager" in english


def test_an_event_type_can_be_given_a_template_of_its_own(organisation: Any, login_as: Any) -> None:
    kind = EventType.objects.get(code="confrontatie-overledene")
    client = login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER])
    data = {"name": kind.name, "name_en": kind.name_en, "template_code": "prikaccident", "is_active": "on"}
    assert client.post(reverse("aftercare:event_type_edit", args=[kind.pk]), data).status_code == 302
    kind.refresh_from_db()
    (plan,) = register(organisation, kind=kind)
    assert plan.steps.filter(kind="prikpunt").exists()
    bad = {**data, "template_code": "bestaat-niet"}
    page = client.post(reverse("aftercare:event_type_edit", args=[kind.pk]), bad).content.decode()
    assert "Kies een sjabloon uit de lijst." in page


@pytest.mark.parametrize("role", [Role.COORDINATOR_TCO, Role.LEIDINGGEVENDE, Role.MEDEWERKER])
def test_only_the_functioneel_beheerder_edits_templates(organisation: Any, login_as: Any, role: str) -> None:
    client = login_as(organisation.users[role])
    response = client.post(reverse("aftercare:template_edit", args=["standaard"]), _form_data(_default()))
    assert response.status_code == 403
    assert PlanTemplate.objects.filter(code="standaard").count() == 1
