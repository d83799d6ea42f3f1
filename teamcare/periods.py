"""Quarters: the periods the signal view and the absence import speak of (``2026-K2``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_CODE = re.compile(r"^(\d{4})-K([1-4])$")

#: The signal view reaches back at most this many quarters (ten years), however old the history is;
#: the most recent eight are always offered, also before any history was imported.
MAX_QUARTERS_BACK = 40
ALWAYS_OFFERED = 8


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


def back(period: Period, quarters: int) -> Period:
    """The quarter ``quarters`` before ``period``."""
    index = period.year * 4 + period.quarter - 1 - quarters
    return Period(index // 4, index % 4 + 1)


def span(first: Period, last: Period) -> list[Period]:
    """Every quarter from ``last`` back to ``first``, newest first."""
    found: list[Period] = []
    current = last
    while current >= first:
        found.append(current)
        current = current.previous()
    return found


def first_allowed(today: dt.date, history_starts: dt.date | None) -> Period:
    """The oldest quarter one may ask for: where the history starts, but never more than
    ``MAX_QUARTERS_BACK`` back, and always the ``ALWAYS_OFFERED`` most recent quarters."""
    current = period_of(today)
    floor = back(current, MAX_QUARTERS_BACK - 1)
    recent_first = back(current, ALWAYS_OFFERED - 1)
    if history_starts is None:
        return recent_first
    return max(floor, min(recent_first, period_of(history_starts)))


def validate(code: str, *, first: Period, last: Period) -> Period:
    """The quarter ``code`` names, or a ValidationError in Dutch saying what to choose instead."""
    found = parse(code) if len(code) <= 20 else None
    if found is None:
        raise ValidationError(
            _("Vul een kwartaal in als jaar-K en het nummer van het kwartaal, bijvoorbeeld %(example)s.")
            % {"example": last.code},
            code="format",
        )
    if found > last:
        raise ValidationError(
            _("%(period)s ligt in de toekomst. Kies %(last)s of een eerder kwartaal.")
            % {"period": found.code, "last": last.code},
            code="future",
        )
    if found < first:
        raise ValidationError(
            _("Van vóór %(first)s zijn geen gegevens. Kies %(first)s of een later kwartaal.") % {"first": first.code},
            code="too_early",
        )
    return found
