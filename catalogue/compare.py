"""'Wat is er nieuw': what changed between two editions, provision by provision.

Provisions are matched by slug (the slug is what stays the same when an edition is copied).
A provision is *changed* when any field a reader sees differs: the texts, the batteries, the
access route and confidentiality, the tags, its parent and its 'zie ook' links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import Field, Prefetch

from catalogue.models import ContactChannel, Edition, Provision
from catalogue.services import BATTERY_FIELDS, PROVISION_FIELDS

#: Compared in this order, so the changed-field lists read like the provision page.
COMPARED_FIELDS: tuple[str, ...] = (
    *(name for name in PROVISION_FIELDS if name != "slug"),
    *BATTERY_FIELDS,
    "parent",
    "themes",
    "audiences",
    "related",
    "channels",
)


class Change(NamedTuple):
    """A provision of the new edition and the names of the fields that differ from the old one."""

    provision: Provision
    fields: list[str]

    @property
    def labels(self) -> list[str]:
        return [field_label(name) for name in self.fields]


@dataclass
class Comparison:
    old: Edition
    new: Edition
    added: list[Provision] = field(default_factory=list)
    removed: list[Provision] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def field_label(name: str) -> str:
    if name == "channels":
        return str(ContactChannel._meta.verbose_name_plural)
    model_field = Provision._meta.get_field(name)
    assert isinstance(model_field, Field)
    return str(model_field.verbose_name)


def _by_slug(edition: Edition) -> dict[str, Provision]:
    provisions = (
        Provision.objects.filter(edition=edition)
        .select_related("parent")
        .prefetch_related(
            "themes", "audiences", "channels", Prefetch("related", queryset=Provision.objects.only("slug"))
        )
        .order_by("name")
    )
    return {provision.slug: provision for provision in provisions}


def _value(provision: Provision, name: str) -> Any:
    if name == "parent":
        return provision.parent.slug if provision.parent is not None else None
    if name in ("themes", "audiences"):
        return {tag.code for tag in getattr(provision, name).all()}
    if name == "related":
        return {other.slug for other in provision.related.all()}
    if name == "channels":
        return sorted((c.unit_id or 0, c.kind, c.label, c.value, c.availability) for c in provision.channels.all())
    return getattr(provision, name)


def changed_fields(old: Provision, new: Provision) -> list[str]:
    return [name for name in COMPARED_FIELDS if _value(old, name) != _value(new, name)]


def compare_editions(old: Edition, new: Edition) -> Comparison:
    """Added, removed and changed provisions going from ``old`` to ``new``, each sorted by name."""
    before, after = _by_slug(old), _by_slug(new)
    comparison = Comparison(old=old, new=new)
    comparison.added = [p for slug, p in after.items() if slug not in before]
    comparison.removed = [p for slug, p in before.items() if slug not in after]
    for slug, provision in after.items():
        if slug in before and (fields := changed_fields(before[slug], provision)):
            comparison.changed.append(Change(provision, fields))
    return comparison
