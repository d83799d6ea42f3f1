"""Reads of the catalogue shared by pages and API: only published editions reach visitors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest

from catalogue.constants import EditionStatus
from catalogue.models import ContactChannel, Edition, ExpertRole, Provision
from organisation.models import Person, Unit


def current_edition() -> Edition | None:
    """The most recently published edition."""
    return current_edition_query().first()


def current_edition_query() -> QuerySet[Edition]:
    """The published editions, newest first (``[:1]`` of its pks is a subquery for one statement)."""
    return Edition.objects.filter(status=EditionStatus.GEPUBLICEERD).order_by("-published_at")


def provisions(
    edition: Edition | None, *, battery: str = "", theme: str = "", audience: str = "", access_route: str = ""
) -> QuerySet[Provision]:
    """Top-level provisions of an edition, with their tags and sub-provisions, filtered."""
    if edition is None:
        return Provision.objects.none()
    found = (
        Provision.objects.filter(edition=edition, parent__isnull=True)
        .prefetch_related(
            "themes", "audiences", Prefetch("sub_provisions", queryset=Provision.objects.order_by("name"))
        )
        .order_by("name")
    )
    if battery:
        found = found.filter(**{battery: True})
    if theme:
        found = found.filter(themes__code=theme)
    if audience:
        found = found.filter(audiences__code=audience)
    if access_route:
        found = found.filter(access_route=access_route)
    return found.distinct()


def provision(edition: Edition | None, slug: str) -> Provision | None:
    if edition is None:
        return None
    return (
        Provision.objects.filter(edition=edition, slug=slug)
        .select_related("parent")
        .prefetch_related("themes", "audiences", "sub_provisions", "related", "channels")
        .first()
    )


def experts(edition: Edition | None) -> QuerySet[ExpertRole]:
    if edition is None:
        return ExpertRole.objects.none()
    return ExpertRole.objects.filter(edition=edition).prefetch_related("channels__unit").order_by("team", "name")


def all_provisions(edition: Edition | None) -> QuerySet[Provision]:
    """Every provision of an edition, sub-provisions included (for lookups by slug)."""
    if edition is None:
        return Provision.objects.none()
    return Provision.objects.filter(edition=edition).prefetch_related("themes", "audiences", "sub_provisions")


@dataclass(frozen=True)
class VisitorContact:
    """The contact channels of one provision or expert as this visitor should see them."""

    unit: Unit | None
    for_unit: list[ContactChannel]
    for_everyone: list[ContactChannel]
    #: The unit has no channel of its own, so the page says so and shows the general route.
    unit_without_channel: bool


def units() -> list[Unit]:
    return list(Unit.objects.order_by("name"))


def visitor_unit(request: HttpRequest, choices: list[Unit]) -> Unit | None:
    """The unit whose contact details the visitor sees: the one they chose on the page
    (``?eenheid=``), else, for a logged-in employee, the unit of their own team."""
    chosen = request.GET.get("eenheid", "")
    if chosen:
        return next((unit for unit in choices if unit.code == chosen), None)
    if not request.user.is_authenticated:
        return None
    person = Person.objects.filter(user_id=request.user.pk).select_related("team").first()
    unit_id = person.team.unit_id if person is not None and person.team is not None else None
    return next((unit for unit in choices if unit.pk == unit_id), None)


def contact_for(channels: Iterable[ContactChannel], unit: Unit | None) -> VisitorContact:
    """Split prefetched channels into the visitor's unit's and everyone's."""
    listed = list(channels)
    for_unit = [c for c in listed if unit is not None and c.unit_id == unit.pk]
    per_unit_exists = any(c.unit_id is not None for c in listed)
    return VisitorContact(
        unit=unit,
        for_unit=for_unit,
        for_everyone=[c for c in listed if c.unit_id is None],
        unit_without_channel=unit is not None and per_unit_exists and not for_unit,
    )
