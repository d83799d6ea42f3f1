"""When a buddy may be matched (pure; reads the settings only).

A buddy is *trained* once their training is completed (a date, not in the future). Intervision is
*overdue* when the last intervision, or the training if there was no intervision yet, is more than
``CASEWORK_BUDDY_INTERVISION_DAYS`` days ago. Only an active, trained buddy whose intervision is not
overdue can be matched.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from casework.models import Buddy


def is_trained(buddy: Buddy, today: dt.date) -> bool:
    return buddy.training_completed_on is not None and buddy.training_completed_on <= today


def intervision_due_on(buddy: Buddy) -> dt.date | None:
    """The last day on which the buddy's intervision is still up to date."""
    last = buddy.last_intervision_on or buddy.training_completed_on
    if last is None:
        return None
    return last + dt.timedelta(days=settings.CASEWORK_BUDDY_INTERVISION_DAYS)


def intervision_overdue(buddy: Buddy, today: dt.date) -> bool:
    due = intervision_due_on(buddy)
    return due is not None and today > due


def is_matchable(buddy: Buddy, today: dt.date) -> bool:
    return buddy.is_active and is_trained(buddy, today) and not intervision_overdue(buddy, today)
