from __future__ import annotations

import pytest
from django.test import override_settings

from core import anonymity


@override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=5)
def test_a_group_of_four_is_suppressed_and_a_group_of_five_is_shown() -> None:
    assert not anonymity.may_show(4)
    assert anonymity.may_show(5)
    assert anonymity.suppress_small_groups({"a": 4, "b": 5, "c": 0}) == {"a", "c"}


@pytest.mark.parametrize("configured", [0, 1, 2])
def test_the_threshold_is_never_below_three(configured: int) -> None:
    with override_settings(ZORGWIJZER_ANONYMITY_THRESHOLD=configured):
        assert anonymity.threshold() == 3
        assert not anonymity.may_show(2)
