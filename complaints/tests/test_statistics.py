"""Statistics for the annual report, with the demo register: per year organisation-wide, per unit
(threshold and complementary suppression), per category and per verdict; the API and the page."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from complaints import demo, selectors
from complaints.constants import Stage
from complaints.models import Complaint
from complaints.tests import factories
from core.anonymity import disclosed_small_groups, threshold
from organisation.constants import Role
from organisation.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register() -> None:
    demo.load_demo_register()


def test_the_demo_register_gives_1_15_and_2_complaints_organisation_wide(register: None) -> None:
    assert [(y.year, y.total) for y in selectors.statistics()] == [(2022, 1), (2023, 15), (2024, 2)]


def test_loading_the_demo_register_twice_changes_nothing(register: None) -> None:
    before = (Complaint.objects.count(), Complaint.objects.values_list("pk", flat=True).order_by("pk")[0])
    line = demo.load_demo_register()
    assert (Complaint.objects.count(), Complaint.objects.values_list("pk", flat=True).order_by("pk")[0]) == before
    assert line == "Klachtenregister (demo): 18 klachten (0 nieuw)."


def test_the_twelve_element_complaint_of_the_demo_has_its_verdicts(register: None) -> None:
    complaint = Complaint.objects.get(demo_key="register-2022-01")
    verdicts = sorted(complaint.elements.values_list("verdict", flat=True))
    assert (verdicts.count("gegrond"), verdicts.count("geen_oordeel"), verdicts.count("niet_ontvankelijk")) == (2, 1, 1)
    assert verdicts.count("ongegrond") == 8


def test_the_demo_withdrawal_has_the_contact_attempts_the_rule_asks(register: None) -> None:
    complaint = Complaint.objects.get(demo_key="register-2024-01")
    assert complaint.stage == Stage.CONSIDERED_WITHDRAWN
    assert selectors.unanswered_attempts(complaint) == {"call": 3, "sms": 1, "mail": 1}


def test_every_unit_cell_of_the_demo_register_is_below_the_threshold_and_suppressed(register: None) -> None:
    for year in selectors.statistics():
        assert year.units, year.year
        assert all(cell.count is None for cell in year.units), year


def _complaints(org: Any, unit: Any, count: int, year: int = 2025) -> None:
    for _ in range(count):
        factories.complaint(org, unit=unit, received_on=date(year, 3, 1), handler=False)


def test_a_unit_that_would_reveal_a_small_unit_by_subtraction_is_suppressed_too(organisation: Any) -> None:
    large, small = UnitFactory(name="Groot"), UnitFactory(name="Klein")
    _complaints(organisation, large, 8)
    _complaints(organisation, small, 2)
    (year,) = selectors.statistics()
    cells = {cell.label: cell.count for cell in year.units}
    assert year.total == 10
    assert cells == {"Groot": None, "Klein": None}  # 10 - 8 would give away "Klein"


def test_units_are_shown_when_every_rest_is_large_enough(organisation: Any) -> None:
    a, b, c = UnitFactory(name="A"), UnitFactory(name="B"), UnitFactory(name="C")
    _complaints(organisation, a, 6)
    _complaints(organisation, b, 5)
    _complaints(organisation, c, 2)
    (year,) = selectors.statistics()
    cells = {cell.label: cell.count for cell in year.units}
    # The total (13) minus the shown units must not single out C (2): one of A or B goes too.
    assert cells["C"] is None
    shown = {label for label, count in cells.items() if count is not None}
    assert len(shown) == 1
    rest = year.total - sum(count for count in cells.values() if count is not None)
    assert rest == 0 or rest >= threshold()
    sizes = {"org": 13, "A": 6, "B": 5, "C": 2}
    suppressed = {label for label, count in cells.items() if count is None}
    assert disclosed_small_groups(sizes, {"org": None, "A": "org", "B": "org", "C": "org"}, suppressed) == {}


def test_no_running_totals_so_years_cannot_be_subtracted(organisation: Any) -> None:
    unit = UnitFactory(name="Eenheid X")
    _complaints(organisation, unit, 5, year=2024)
    _complaints(organisation, unit, 6, year=2025)
    years = selectors.statistics()
    assert [(y.year, y.total) for y in years] == [(2024, 5), (2025, 6)]
    assert [c.count for y in years for c in y.units] == [5, 6]  # each year on its own; nothing spans years


def test_category_and_verdict_counts_below_the_threshold_are_suppressed(register: None) -> None:
    year_2023 = next(y for y in selectors.statistics() if y.year == 2023)
    counts = {cell.label: cell.count for cell in year_2023.categories}
    assert counts["Bejegening"] is not None and counts["Bejegening"] >= threshold()
    assert counts["Discriminatie"] is None  # two complaints
    assert all(c.count is None or c.count >= threshold() for c in [*year_2023.categories, *year_2023.verdicts])


def test_the_statistics_api_gives_the_same_figures_and_is_in_the_schema(
    register: None, organisation: Any, login_as: Any, client: Any
) -> None:
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/klachten/statistiek/" in schema["paths"]
    data = login_as(organisation.users[Role.HR_ANALIST]).get("/api/v1/klachten/statistiek/").json()
    assert [(row["year"], row["total"]) for row in data] == [(2022, 1), (2023, 15), (2024, 2)]
    assert all(cell["count"] is None and not cell["shown"] for row in data for cell in row["units"])
    narrowed = client.get("/api/v1/klachten/statistiek/?van=2023&tot=2023").json()
    assert [row["year"] for row in narrowed] == [2023]


def test_the_statistics_page_shows_aggregates_only(register: None, organisation: Any, login_as: Any) -> None:
    html = login_as(organisation.users[Role.HR_ANALIST]).get("/klachten/statistiek/").content.decode()
    assert "15 klachten in de hele organisatie." in html
    assert "Fictieve" not in html and "klaagster" not in html
