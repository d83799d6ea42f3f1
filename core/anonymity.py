"""Which aggregate may be shown: the one place that applies the anonymity threshold.

Health and wellbeing figures about a group are shown only when the group is large enough that no
one can be singled out (``ZORGWIJZER_ANONYMITY_THRESHOLD``, default 5, never below 3). Reports,
exports and dashboards ask this module; none of them compares group sizes themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from django.conf import settings

Key = TypeVar("Key")


def threshold() -> int:
    """The smallest group whose aggregates may be shown (settings guarantee it is at least 3)."""
    return max(3, int(settings.ZORGWIJZER_ANONYMITY_THRESHOLD))


def may_show(group_size: int) -> bool:
    """Whether a figure about a group of this many people may be shown."""
    return group_size >= threshold()


def suppress_small_groups(sizes: Mapping[Key, int]) -> set[Key]:
    """The keys whose group is below the threshold: their figures must not be shown."""
    return {key for key, size in sizes.items() if not may_show(size)}
