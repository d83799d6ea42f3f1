"""An adversary reading platform-computed indicators: no group below the threshold is ever
shown, not directly, not by subtracting units from the organisation, not between two reads or
two years."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import anonymity
from jaarbeeld import indicators, services
from jaarbeeld.models import Indicator, IndicatorValue
from jaarbeeld.tests.factories import aftercare_plans
from organisation.tests.factories import UnitFactory as _UnitFactory


def UnitFactory() -> Any:
    return _UnitFactory()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=8), st.integers(0, 4))
def test_no_set_of_people_below_the_threshold_can_be_computed_from_the_shown_figures(
    sizes: list[int], unattributed: int
) -> None:
    unit_ids = list(range(1, len(sizes) + 1))
    vectors: dict[int | None, tuple[float, ...]] = {uid: (float(n),) for uid, n in zip(unit_ids, sizes, strict=True)}
    if unattributed:
        vectors[None] = (float(unattributed),)
    shown = indicators.safe_figures(vectors, unit_ids, lambda v: indicators.Decimal(int(v[-1])))
    if not shown:
        assert sum(sizes) + unattributed == 0
        return
    for figure in shown.values():
        if not figure.suppressed and figure.value:
            assert figure.value >= anonymity.threshold()
    assert indicators.residual_check(shown, vectors, unit_ids) == {}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=1, max_size=6))
def test_a_share_never_reveals_a_group_below_the_threshold_by_subtraction(pairs: list[tuple[int, int]]) -> None:
    unit_ids = list(range(1, len(pairs) + 1))
    vectors: dict[int | None, tuple[float, ...]] = {
        uid: (float(min(a, b)), float(b)) for uid, (a, b) in zip(unit_ids, pairs, strict=True)
    }
    shown = indicators.safe_figures(vectors, unit_ids, lambda v: indicators.Decimal(int(100 * v[0] / v[-1])))
    assert indicators.residual_check(shown, vectors, unit_ids) == {}


@pytest.mark.django_db
def test_unit_versus_organisation_subtraction_is_blocked_with_real_aftercare_plans(settings: Any) -> None:
    settings.ZORGWIJZER_ANONYMITY_THRESHOLD = 5
    large, other, small = UnitFactory(), UnitFactory(), UnitFactory()
    aftercare_plans(large, 7, year=2024)
    aftercare_plans(other, 6, year=2024)
    aftercare_plans(small, 2, year=2024)
    services.platform_values_freeze(year=2024)
    values = {v.unit_id: v for v in IndicatorValue.objects.filter(indicator__code="nazorg-gtpa", year=2024)}
    assert values[small.pk].suppressed and values[small.pk].value is None
    shown_units = [v for key, v in values.items() if key is not None and not v.suppressed and v.value]
    organisation = values[None]
    if not organisation.suppressed:
        # organisation − shown units must not single out the small unit's 2 people
        assert organisation.value is not None
        rest = organisation.value - sum(v.value or 0 for v in shown_units)
        assert rest == 0 or rest >= 5
    assert all((v.value or 0) >= 5 for v in shown_units)


@pytest.mark.django_db
def test_a_second_read_after_new_data_shows_the_same_frozen_figures(settings: Any) -> None:
    settings.ZORGWIJZER_ANONYMITY_THRESHOLD = 5
    unit = UnitFactory()
    aftercare_plans(unit, 6, year=2024)
    services.platform_values_freeze(year=2024)
    before = IndicatorValue.objects.get(indicator__code="nazorg-gtpa", year=2024, unit=unit).value
    aftercare_plans(unit, 1, year=2024)  # a late registration: 7 − 6 would single out one person
    assert services.platform_values_freeze(year=2024) == 0
    after = IndicatorValue.objects.get(indicator__code="nazorg-gtpa", year=2024, unit=unit).value
    assert before == after == 6


@pytest.mark.django_db
def test_the_current_year_is_not_computed_until_it_is_over() -> None:
    from django.utils import timezone

    unit = UnitFactory()
    year = timezone.localdate().year
    aftercare_plans(unit, 8, year=year)
    assert services.platform_values_freeze(year=year) == 0
    assert not IndicatorValue.objects.filter(year=year, indicator__source_kind="platform").exists()


@pytest.mark.django_db
def test_a_change_between_years_is_only_shown_when_both_years_are_shown(settings: Any) -> None:
    """Years are disjoint groups; the page shows a year only as stored, so a suppressed year
    stays suppressed and no difference with it can be formed."""
    settings.ZORGWIJZER_ANONYMITY_THRESHOLD = 5
    unit, other = UnitFactory(), UnitFactory()
    aftercare_plans(unit, 6, year=2023)
    aftercare_plans(other, 6, year=2023)
    aftercare_plans(unit, 2, year=2024)
    aftercare_plans(other, 9, year=2024)
    services.platform_values_freeze(year=2023)
    services.platform_values_freeze(year=2024)
    from jaarbeeld import selectors

    found = Indicator.objects.get(code="nazorg-gtpa")
    view = selectors.indicator_views([found], unit=unit)[found.pk]
    labels = {year: cell.label for year, cell, _org in view.focus_rows}
    assert labels[2023] == "6"
    assert "te kleine groep" in labels[2024]
    shown_now = {k for k, v in indicators_shown(2024).items() if v}
    shown_before = {k for k, v in indicators_shown(2023).items() if v}
    assert not anonymity.change_may_show(unit.pk, shown_now, shown_before)


def indicators_shown(year: int) -> dict[int | None, bool]:
    return {
        v.unit_id: not v.suppressed for v in IndicatorValue.objects.filter(indicator__code="nazorg-gtpa", year=year)
    }


@pytest.mark.django_db
def test_contact_within_24_hours_is_a_share_of_a_large_enough_group(settings: Any) -> None:
    settings.ZORGWIJZER_ANONYMITY_THRESHOLD = 5
    unit, other, small = UnitFactory(), UnitFactory(), UnitFactory()
    aftercare_plans(unit, 6, year=2024, contact_within_24h=True)
    aftercare_plans(unit, 4, year=2024, category="ingrijpend")
    aftercare_plans(other, 5, year=2024)
    aftercare_plans(small, 1, year=2024, contact_within_24h=True)
    services.platform_values_freeze(year=2024)
    values = {v.unit_id: v for v in IndicatorValue.objects.filter(indicator__code="nazorg-contact-24u", year=2024)}
    assert values[small.pk].suppressed
    shown = [v for key, v in values.items() if key is not None and not v.suppressed and v.value is not None]
    # The organisation minus the shown units must not be the small unit's single plan.
    assert values[None].suppressed or len(shown) < 2
    assert str(values[unit.pk].value) == "60.0"  # 6 of its 10 plans had contact within 24 hours


@pytest.mark.django_db
def test_self_test_use_is_the_mean_of_the_fills_per_week_of_the_year() -> None:
    from jaarbeeld import sources
    from selftests.models import WeeklyUsage

    assert sources.selftest_weekly_use(2024) is None
    WeeklyUsage.objects.create(instrument="a", week="2024-W01", count=3)
    WeeklyUsage.objects.create(instrument="b", week="2024-W01", count=2)
    WeeklyUsage.objects.create(instrument="a", week="2024-W02", count=2)
    WeeklyUsage.objects.create(instrument="a", week="2025-W01", count=50)
    assert str(sources.selftest_weekly_use(2024)) == "3.5"
