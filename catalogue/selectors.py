"""Reads of the catalogue shared by pages and API: only published editions reach visitors."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from catalogue.constants import EditionStatus
from catalogue.models import Edition, ExpertRole, Provision


def current_edition() -> Edition | None:
    """The most recently published edition."""
    return Edition.objects.filter(status=EditionStatus.GEPUBLICEERD).order_by("-published_at").first()


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
        .prefetch_related("themes", "audiences", "sub_provisions", "related")
        .first()
    )


def experts(edition: Edition | None) -> QuerySet[ExpertRole]:
    if edition is None:
        return ExpertRole.objects.none()
    return ExpertRole.objects.filter(edition=edition).order_by("team", "name")


def all_provisions(edition: Edition | None) -> QuerySet[Provision]:
    """Every provision of an edition, sub-provisions included (for lookups by slug)."""
    if edition is None:
        return Provision.objects.none()
    return Provision.objects.filter(edition=edition).prefetch_related("themes", "audiences", "sub_provisions")
