"""Service jubilees, pure: the date of each milestone and the medal that applies (Zorgwijzer 7.1.2).

The Politiemedaille goes to officers appointed for the police task and to ATH employees who are
also sworn in as BOA with a valid deed; other ATH employees get a legpenning; volunteers get the
volunteer medal for public order and safety instead. Nothing here touches the database.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from organisation.models import AppointmentType
from recognition.constants import Medal, Milestone

MEDAL_FOR_APPOINTMENT: dict[str, Medal] = {
    AppointmentType.OFFICER: Medal.POLITIEMEDAILLE,
    AppointmentType.ATH_BOA: Medal.POLITIEMEDAILLE,
    AppointmentType.ATH: Medal.LEGPENNING,
    AppointmentType.VOLUNTEER: Medal.VRIJWILLIGERSMEDAILLE,
}


def add_months(day: date, months: int) -> date:
    """``day`` plus a number of months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def medal_for(appointment_type: str) -> Medal | None:
    """The medal for an appointment type; None when HR did not give the appointment type."""
    return MEDAL_FOR_APPOINTMENT.get(appointment_type)


@dataclass(frozen=True)
class JubileeDate:
    milestone: Milestone
    on: date
    medal: Medal | None


def jubilee_on(start: date, milestone: Milestone) -> date:
    return add_months(start, int(milestone))


def next_jubilee(start: date | None, appointment_type: str, today: date) -> JubileeDate | None:
    """The first milestone on or after ``today``; None without a start date or after 40 years."""
    if start is None:
        return None
    for milestone in Milestone:
        on = jubilee_on(start, milestone)
        if on >= today:
            return JubileeDate(milestone, on, medal_for(appointment_type))
    return None


def jubilee_within(start: date | None, appointment_type: str, first: date, last: date) -> JubileeDate | None:
    """The milestone falling between ``first`` and ``last`` (both included), if any."""
    found = next_jubilee(start, appointment_type, first)
    return found if found is not None and found.on <= last else None


def start_dates_for(milestone: Milestone, first: date, last: date) -> tuple[date, date]:
    """A range of start dates that holds every start whose milestone falls in [first, last]
    (a few days wider on each side for month ends; callers check each candidate with ``jubilee_within``)."""
    return add_months(first, -int(milestone)) - timedelta(days=3), add_months(last, -int(milestone)) + timedelta(days=3)
