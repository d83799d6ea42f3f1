"""Quarters: the periods the signal view and the absence import speak of (``2026-K2``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_CODE = re.compile(r"^(\d{4})-K([1-4])$")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int

    @property
    def code(self) -> str:
        return f"{self.year}-K{self.quarter}"

    @property
    def label(self) -> str:
        return _("%(quarter)se kwartaal %(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the quarter."""
        following = Period(self.year + 1, 1) if self.quarter == 4 else Period(self.year, self.quarter + 1)
        return following.start - dt.timedelta(days=1)

    def previous(self) -> Period:
        return Period(self.year - 1, 4) if self.quarter == 1 else Period(self.year, self.quarter - 1)


def period_of(day: dt.date) -> Period:
    return Period(day.year, (day.month - 1) // 3 + 1)


def parse(code: str) -> Period | None:
    match = _CODE.match(code.strip())
    return Period(int(match.group(1)), int(match.group(2))) if match else None


def years_before(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def recent(today: dt.date, count: int = 8) -> list[Period]:
    """The current quarter and the ``count - 1`` before it, newest first."""
    found = [period_of(today)]
    while len(found) < count:
        found.append(found[-1].previous())
    return found
