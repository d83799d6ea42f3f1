"""The coordinator's figures: the share of first contacts within 24 hours counts the contacts that
never happened, and the CSV export cannot carry a spreadsheet formula."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from aftercare import selectors, services
from aftercare.constants import StepKind
from aftercare.tests.conftest import at, register
from organisation.constants import Role

pytestmark = pytest.mark.django_db

FIVE = [Role.MEDEWERKER, Role.BMW, Role.HR_ANALIST, Role.CASEMANAGER, Role.EENHEIDSPSYCHOLOOG]


def test_one_contact_on_time_and_four_overdue_is_twenty_percent(organisation: Any, login_as: Any) -> None:
    with time_machine.travel(at(2026, 11, 20, 10, 0), tick=False):
        plans = register(organisation, people=[organisation.people[r] for r in FIVE], when=at(2026, 11, 20, 10, 0))
    with time_machine.travel(at(2026, 11, 20, 15, 0), tick=False):
        services.step_complete(
            reason="Vooruit afgerond in de test",
            step=plans[0].steps.get(kind=StepKind.CONTACT),
            actor=organisation.users[Role.LEIDINGGEVENDE],
        )
    # A sixth plan whose contact is not yet due counts neither way.
    with time_machine.travel(at(2026, 11, 23, 9, 0), tick=False):
        register(organisation, people=[organisation.people[Role.BEDRIJFSARTS]], when=at(2026, 11, 23, 8, 0))
        (figures,) = selectors.unit_figures({organisation.unit.pk}, at(2026, 11, 23, 9, 0))
        assert (figures.contacts_on_time, figures.contacts, figures.contact_share) == (1, 5, 20)
        page = login_as(organisation.users[Role.COORDINATOR_TCO]).get(reverse("aftercare:coordination"))
    assert "20%" in page.content.decode()


def test_a_closed_plan_whose_contact_was_cancelled_does_not_count(organisation: Any) -> None:
    with time_machine.travel(at(2026, 11, 20, 10, 0), tick=False):
        (plan,) = register(organisation, when=at(2026, 11, 20, 10, 0))
        services.step_complete(
            reason="Vooruit afgerond in de test",
            step=plan.steps.get(kind=StepKind.CLOSURE),
            actor=organisation.users[Role.COORDINATOR_TCO],
        )
    (figures,) = selectors.unit_figures({organisation.unit.pk}, at(2026, 11, 23, 9, 0))
    assert (figures.contacts, figures.contact_share) == (0, None)


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("https://example.org")', '\'=HYPERLINK("https://example.org")'),
        ("+31 20", "'+31 20"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Oost-Brabant", "Oost-Brabant"),
        ("–", "–"),
        (20, 20),
    ],
)
def test_csv_cells_that_start_a_formula_are_quoted(value: Any, safe: Any) -> None:
    from core.csv_export import neutralise

    assert neutralise(value) == safe


def test_the_csv_export_does_not_start_a_unit_name_with_a_formula(organisation: Any, login_as: Any) -> None:
    organisation.unit.name = '=HYPERLINK("https://example.org","Klik")'
    organisation.unit.save()
    register(organisation)
    response = login_as(organisation.users[Role.COORDINATOR_TCO]).get(reverse("aftercare:coordination_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[1][0] == '\'=HYPERLINK("https://example.org","Klik")'
