"""Reads of the recognition app, shared by views, tasks and the reminder work."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from access import own_person
from access.recognition import nominations_for_leadership_filter, team_people_filter
from organisation.constants import Role
from organisation.models import Person, RoleAssignment
from recognition.constants import Milestone
from recognition.jubilees import JubileeDate, jubilee_within, start_dates_for
from recognition.models import BlueHeart, Jubilee, MedalNomination, PageEdition, TeamAwardNomination


def horizon(today: date) -> date:
    return today + timedelta(days=int(settings.RECOGNITION_JUBILEE_HORIZON_DAYS))


def reminder_lead() -> timedelta:
    return timedelta(weeks=int(settings.RECOGNITION_JUBILEE_REMINDER_WEEKS))


def team_people(user: Any) -> QuerySet[Person]:
    return Person.objects.filter(team_people_filter(user), is_active=True).select_related("team")


def people_with_jubilee_between(
    first: date, last: date, queryset: QuerySet[Person] | None = None
) -> list[tuple[Person, JubileeDate]]:
    """Active people whose 12½-, 25- or 40-year jubilee falls between ``first`` and ``last``."""
    base = queryset if queryset is not None else Person.objects.filter(is_active=True)
    window = Q(pk__in=[])
    for milestone in Milestone:
        low, high = start_dates_for(milestone, first, last)
        window |= Q(service_start_date__range=(low, high))
    found = []
    for person in base.filter(window).select_related("team", "manager"):
        jubilee = jubilee_within(person.service_start_date, person.appointment_type, first, last)
        if jubilee is not None:
            found.append((person, jubilee))
    return sorted(found, key=lambda pair: (pair[1].on, pair[0].last_name))


def jubilee_records(people: list[Person]) -> dict[tuple[int, int], Jubilee]:
    rows = Jubilee.objects.filter(person__in=people).select_related("reminder")
    return {(row.person_id, row.milestone): row for row in rows}


def unit_leadership(unit_id: int) -> list[Person]:
    """The leidinggevenden of the top nodes of a unit (its leadership), active, with their Person."""
    user_ids = RoleAssignment.objects.filter(
        role=Role.LEIDINGGEVENDE, node__unit_id=unit_id, node__parent__isnull=True
    ).values_list("user_id", flat=True)
    return list(Person.objects.filter(user_id__in=user_ids, is_active=True))


def nominations_for_leadership(user: Any) -> QuerySet[MedalNomination]:
    return MedalNomination.objects.filter(nominations_for_leadership_filter(user)).select_related(
        "nominee__team", "nominator"
    )


def nominations_by(person: Person) -> QuerySet[MedalNomination]:
    return MedalNomination.objects.filter(nominator=person).select_related("nominee")


def team_awards_by(person: Person) -> QuerySet[TeamAwardNomination]:
    return TeamAwardNomination.objects.filter(nominator=person).select_related("team__unit")


def all_team_awards() -> QuerySet[TeamAwardNomination]:
    return TeamAwardNomination.objects.select_related("team__unit", "nominator")


def hearts_received(person: Person) -> QuerySet[BlueHeart]:
    return BlueHeart.objects.filter(receiver=person).select_related("sender")


def hearts_sent(person: Person) -> QuerySet[BlueHeart]:
    return BlueHeart.objects.filter(sender=person).select_related("receiver")


def hearts_shared_with(user: Any) -> QuerySet[BlueHeart]:
    """Blauw Harten that the receiver chose to show *their manager*: only the receiver's own direct
    manager sees them, not every leidinggevende whose scope covers the receiver's team."""
    own = own_person(user)
    if own is None:
        return BlueHeart.objects.none()
    return BlueHeart.objects.filter(
        shared_with_manager=True, receiver__manager=own, receiver__is_active=True
    ).select_related("sender", "receiver")


def find_colleague(text: str) -> Person | None:
    """An active colleague by employee number or work e-mail address."""
    text = text.strip()
    if not text:
        return None
    return (
        Person.objects.filter(is_active=True)
        .filter(Q(employee_number=text) | Q(email__iexact=text) if "@" in text else Q(employee_number=text))
        .select_related("team")
        .first()
    )


def current_pages() -> list[PageEdition]:
    """The latest edition of every page."""
    rows = PageEdition.objects.order_by("slug", "-edition")
    latest: dict[str, PageEdition] = {}
    for row in rows:
        latest.setdefault(row.slug, row)
    return sorted(latest.values(), key=lambda page: (page.section, page.order, page.title))


def current_page(slug: str) -> PageEdition | None:
    return PageEdition.objects.filter(slug=slug).order_by("-edition").first()


def page_history(slug: str) -> QuerySet[PageEdition]:
    return PageEdition.objects.filter(slug=slug).order_by("-edition").select_related("created_by")
