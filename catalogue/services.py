"""Every write to the catalogue: copying an edition, editing its provisions, publishing it.

Each service runs in one transaction with its audit rows. Only concept editions can be changed
(catalogue/workflow.py); a published edition stays exactly as visitors read it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue import search, workflow
from catalogue.channels import channel_errors
from catalogue.constants import Battery, EditionStatus
from catalogue.models import (
    TRANSLATED_FIELDS,
    ContactChannel,
    Edition,
    EditionStatusChange,
    ExpertRole,
    Provision,
)
from core.audit import Entry, log_change, record_many
from core.models import AuditAction

#: Plain (non-relation) fields of a provision that the editor sets and the copy carries over.
PROVISION_FIELDS: tuple[str, ...] = (
    "slug",
    "name",
    "summary",
    "description",
    "how_to_start",
    "access_route",
    "confidentiality",
    "provider",
    "availability",
    "cost",
    "waiting_time",
    "keywords",
    "sections",
    *(f"{name}_en" for name in TRANSLATED_FIELDS),
)
BATTERY_FIELDS: tuple[str, ...] = tuple(Battery.values)
EXPERT_FIELDS: tuple[str, ...] = ("slug", "name", "team", "for_what", "how_to_reach")

NEEDS_BATTERY = _("Kies ten minste één onderdeel: versterken, voorkomen of herstellen.")
NEEDS_CONTACT_ROUTE = _("Vul in hoe iemand begint: wie je benadert of waar je je aanmeldt.")


class EditionNotEditable(Exception):
    """A change to an edition that is no longer a concept."""


def _ensure_editable(edition: Edition) -> None:
    if not workflow.is_editable(edition.status):
        raise EditionNotEditable(_("Een gepubliceerde editie kan niet meer worden gewijzigd."))


def _record_status(*, actor: Any, edition: Edition, from_status: str, to_status: str) -> None:
    EditionStatusChange.objects.create(
        edition=edition,
        from_status=from_status,
        to_status=to_status,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_username=actor.get_username() if getattr(actor, "is_authenticated", False) else "",
    )


# --- Editions -------------------------------------------------------------------------------------


@transaction.atomic
def edition_create_from(*, actor: Any, source: Edition, code: str, title: str) -> Edition:
    """A new concept edition holding a copy of everything in ``source``: provisions with their
    sub-provisions, themes, audiences and 'zie ook' links, the experts, and the contact channels."""
    if Edition.objects.filter(code=code).exists():
        raise ValidationError({"code": _("Er bestaat al een editie met deze code.")})
    edition = Edition.objects.create(code=code, title=title, source=source.source, status=EditionStatus.CONCEPT)
    _record_status(actor=actor, edition=edition, from_status="", to_status=EditionStatus.CONCEPT)
    mapping = _copy_provisions(source, edition)
    _copy_tags_and_links(mapping)
    experts = _copy_experts(source, edition)
    old_experts = ExpertRole.objects.filter(edition=source).order_by("pk").values_list("pk", flat=True)
    _copy_channels(mapping, dict(zip(old_experts, (expert.pk for expert in experts), strict=True)))
    search.edition_search_refresh(edition, lambda name: apps.get_model("catalogue", name))
    log_change(actor=actor, obj=edition, action=AuditAction.CREATE, fields=["code", "title", "source", "status"])
    copied = [*Provision.objects.filter(pk__in=mapping.values()), *experts]
    record_many(actor=actor, entries=[Entry(action=AuditAction.CREATE, obj=obj) for obj in copied])
    return edition


def _copy_provisions(source: Edition, target: Edition) -> dict[int, int]:
    """Copy the provisions parents-first; returns old pk → new pk."""
    remaining = list(Provision.objects.filter(edition=source).order_by("pk"))
    mapping: dict[int, int] = {}
    while remaining:
        ready = [p for p in remaining if p.parent_id is None or p.parent_id in mapping]
        if not ready:  # a parent outside the edition: impossible through the services
            raise ValueError("provision parent outside its edition")
        copies = [_copy_of(p, target, mapping) for p in ready]
        for old, new in zip(ready, Provision.objects.bulk_create(copies), strict=True):
            mapping[old.pk] = new.pk
        remaining = [p for p in remaining if p.pk not in mapping]
    return mapping


def _copy_of(provision: Provision, target: Edition, mapping: dict[int, int]) -> Provision:
    values = {name: getattr(provision, name) for name in (*PROVISION_FIELDS, *BATTERY_FIELDS)}
    parent_id = mapping[provision.parent_id] if provision.parent_id is not None else None
    return Provision(edition=target, parent_id=parent_id, **values)


def _copy_tags_and_links(mapping: dict[int, int]) -> None:
    themes = Provision.themes.through
    themes.objects.bulk_create(
        themes(provision_id=mapping[row.provision_id], themetag_id=row.themetag_id)
        for row in themes.objects.filter(provision_id__in=mapping)
    )
    audiences = Provision.audiences.through
    audiences.objects.bulk_create(
        audiences(provision_id=mapping[row.provision_id], audiencetag_id=row.audiencetag_id)
        for row in audiences.objects.filter(provision_id__in=mapping)
    )
    related = Provision.related.through
    related.objects.bulk_create(
        related(from_provision_id=mapping[row.from_provision_id], to_provision_id=mapping[row.to_provision_id])
        for row in related.objects.filter(from_provision_id__in=mapping, to_provision_id__in=mapping)
    )


CHANNEL_FIELDS = ("unit_id", "kind", "label", "value", "availability", "position")


def _copy_channels(provisions: dict[int, int], experts: dict[int, int]) -> None:
    """Copy the contact channels along with their provisions and experts (old pk → new pk)."""
    channels = ContactChannel.objects.filter(Q(provision_id__in=provisions) | Q(expert_id__in=experts))
    ContactChannel.objects.bulk_create(
        ContactChannel(
            provision_id=provisions.get(channel.provision_id) if channel.provision_id else None,
            expert_id=experts.get(channel.expert_id) if channel.expert_id else None,
            **{name: getattr(channel, name) for name in CHANNEL_FIELDS},
        )
        for channel in channels.order_by("pk")
    )


def _copy_experts(source: Edition, target: Edition) -> list[ExpertRole]:
    experts = ExpertRole.objects.filter(edition=source).order_by("pk")
    return ExpertRole.objects.bulk_create(
        ExpertRole(edition=target, **{name: getattr(expert, name) for name in EXPERT_FIELDS}) for expert in experts
    )


@transaction.atomic
def edition_publish(*, actor: Any, edition: Edition) -> Edition:
    """Concept → gepubliceerd. From now on visitors read this edition; the previous one stays
    readable under /zorgwijzer/edities/<code>/."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    workflow.ensure_can_move(edition.status, EditionStatus.GEPUBLICEERD)
    previous = edition.status
    edition.status, edition.published_at = EditionStatus.GEPUBLICEERD, timezone.now()
    edition.save(update_fields=["status", "published_at"])
    _record_status(actor=actor, edition=edition, from_status=previous, to_status=edition.status)
    log_change(actor=actor, obj=edition, fields=["status", "published_at"])
    return edition


# --- Provisions -----------------------------------------------------------------------------------


#: Words that are pages under /zorgwijzer/ themselves, so no provision may use them as its slug.
RESERVED_SLUGS = frozenset({"experts", "offline", "wat-past-bij-mij", "beheer", "edities", "themas", "feiten"})


def validate_provision(*, edition: Edition, data: dict[str, Any], provision: Provision | None = None) -> None:
    """The editorial rules, with Dutch messages keyed by the form field they belong to.

    A provision needs at least one battery (where in the 'huis van werkvermogen' it belongs)
    and a contact route: ``how_to_start`` says how to begin (who to call, which site). Provider
    and availability stay optional: several provisions (intranet pages, policies) have neither.
    """
    errors: dict[str, Any] = {}
    if not set(data.get("batteries") or ()) & set(BATTERY_FIELDS):
        errors["batteries"] = NEEDS_BATTERY
    if not str(data.get("how_to_start") or "").strip():
        errors["how_to_start"] = NEEDS_CONTACT_ROUTE
    same_slug = Provision.objects.filter(edition=edition, slug=data.get("slug"))
    if provision is not None:
        same_slug = same_slug.exclude(pk=provision.pk)
    if same_slug.exists():
        errors["slug"] = _("Deze editie heeft al een voorziening met deze slug.")
    if data.get("slug") in RESERVED_SLUGS:
        errors["slug"] = _("Dit woord is al een pagina van de Zorgwijzer. Kies een andere slug.")
    parent = data.get("parent")
    if parent is not None and (parent.edition_id != edition.pk or (provision and parent.pk == provision.pk)):
        errors["parent"] = _("Kies een andere voorziening uit dezelfde editie.")
    if any(other.edition_id != edition.pk for other in data.get("related") or ()):
        errors["related"] = _("Kies alleen voorzieningen uit dezelfde editie.")
    if errors:
        raise ValidationError(errors)


def _apply_channels(provision: Provision, channels: list[dict[str, Any]] | None) -> list[str]:
    """Replace the provision's contact channels by ``channels`` (None: leave them alone)."""
    if channels is None:
        return []
    errors = [channel_errors(channel) for channel in channels]
    if any(errors):
        raise ValidationError({"channels": _("Een contactkanaal is niet volledig of niet bruikbaar.")})
    wanted = [
        {
            "unit_id": channel["unit"].pk if channel.get("unit") else None,
            "kind": channel["kind"],
            "label": channel["label"].strip(),
            "value": channel["value"].strip(),
            "availability": (channel.get("availability") or "").strip(),
            "position": position,
        }
        for position, channel in enumerate(channels)
    ]
    current = [
        {name: getattr(c, name) for name in CHANNEL_FIELDS} for c in provision.channels.order_by("position", "pk")
    ]
    if current == wanted:
        return []
    provision.channels.all().delete()
    ContactChannel.objects.bulk_create(ContactChannel(provision=provision, **values) for values in wanted)
    return ["channels"]


@transaction.atomic
def provision_save(
    *, actor: Any, edition: Edition, data: dict[str, Any], provision: Provision | None = None
) -> Provision:
    """Create (``provision`` None) or update a provision of a concept edition.

    ``data`` holds the plain fields, ``batteries`` (a list of battery values), ``themes`` and
    ``audiences`` (tags), ``parent`` (a provision or None), ``related`` (provisions) and
    ``channels`` (contact channels: dicts with kind, unit, label, value, availability; absent
    means "leave the channels as they are").
    """
    _ensure_editable(edition)
    validate_provision(edition=edition, data=data, provision=provision)
    creating = provision is None
    target = provision if provision is not None else Provision(edition=edition)
    old_parent_id = target.parent_id
    changed = _apply_fields(target, data)
    target.save()
    changed += _apply_relations(target, data)
    changed += _apply_channels(target, data.get("channels"))
    _refresh_search(target, old_parent_id)
    if creating or changed:
        action = AuditAction.CREATE if creating else AuditAction.UPDATE
        log_change(actor=actor, obj=target, action=action, fields=changed)
    return target


def _refresh_search(provision: Provision, old_parent_id: int | None) -> None:
    search.provision_search_refresh(provision)
    if old_parent_id is not None and old_parent_id != provision.parent_id:
        search.provision_search_refresh(Provision.objects.get(pk=old_parent_id))


def _apply_fields(provision: Provision, data: dict[str, Any]) -> list[str]:
    batteries = set(data.get("batteries") or ())
    wanted: dict[str, Any] = {name: data.get(name, "") or "" for name in PROVISION_FIELDS}
    wanted.update({name: name in batteries for name in BATTERY_FIELDS})
    parent = data.get("parent")
    wanted["parent_id"] = parent.pk if parent is not None else None
    changed = [name for name, value in wanted.items() if getattr(provision, name) != value]
    for name, value in wanted.items():
        setattr(provision, name, value)
    return [name.removesuffix("_id") for name in changed]


def _apply_relations(provision: Provision, data: dict[str, Any]) -> list[str]:
    changed = []
    for name in ("themes", "audiences", "related"):
        manager = getattr(provision, name)
        new: Iterable[Any] = list(data.get(name) or ())
        if {obj.pk for obj in manager.all()} != {obj.pk for obj in new}:
            manager.set(new)
            changed.append(name)
    return changed


@transaction.atomic
def provision_delete(*, actor: Any, provision: Provision) -> None:
    """Remove a provision (and its sub-provisions) from a concept edition."""
    _ensure_editable(provision.edition)
    subs = list(provision.sub_provisions.all())
    entries = [Entry(action=AuditAction.DELETE, obj=obj, fields=["edition", "slug"]) for obj in [provision, *subs]]
    record_many(actor=actor, entries=entries)
    parent_id = provision.parent_id
    provision.delete()
    if parent_id is not None:  # the parent's search document names its sub-provisions
        search.provision_search_refresh(Provision.objects.get(pk=parent_id))
