"""Loading an edition of the Zorgwijzer from its JSON content file (catalogue/data/*.json).

Used by the data migration (with historical models) and by ``manage.py load_edition``;
idempotent: loading the same file twice changes nothing. The format is described in
docs/catalogue.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils import timezone

from catalogue.search import edition_search_refresh

DATA_DIR = Path(__file__).resolve().parent / "data"
BATTERIES = ("versterken", "voorkomen", "herstellen")

GetModel = Callable[[str], Any]


def read_content(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def load_edition(data: dict[str, Any], get_model: GetModel, *, publish: bool) -> Any:
    """Create or update the edition described by ``data`` with its provisions and experts."""
    edition_model = get_model("Edition")
    info = data["edition"]
    defaults = {"title": info["title"], "source": info.get("source", "")}
    edition, _ = edition_model.objects.update_or_create(code=info["code"], defaults=defaults)
    if publish and edition.status != "gepubliceerd":
        edition.status, edition.published_at = "gepubliceerd", timezone.now()
        edition.save(update_fields=["status", "published_at"])
    provisions = _load_provisions(edition, data["provisions"], get_model)
    _link_related(data["provisions"], provisions)
    _load_experts(edition, data.get("experts", []), get_model)
    edition_search_refresh(edition, get_model)
    return edition


def _provision_fields(item: dict[str, Any]) -> dict[str, Any]:
    fields = {
        "name": item["name"],
        "summary": item.get("summary", ""),
        "description": item.get("description", item.get("summary", "")),
        "how_to_start": item.get("how_to_start", ""),
        "access_route": item.get("access_route", "zelf_aanvragen"),
        "confidentiality": item.get("confidentiality", "vertrouwelijk"),
        "provider": item.get("provider", ""),
        "availability": item.get("availability", ""),
        "cost": item.get("cost", ""),
        "waiting_time": item.get("waiting_time", ""),
        "keywords": ", ".join(item.get("keywords", [])),
        "sections": ", ".join(item.get("chapter_sections", [])),
    }
    fields.update({battery: battery in item.get("batteries", []) for battery in BATTERIES})
    return fields


def _load_provisions(edition: Any, items: list[dict[str, Any]], get_model: GetModel) -> dict[str, Any]:
    provision_model = get_model("Provision")
    themes = {tag.code: tag for tag in _tags(get_model("ThemeTag"), items, "themes")}
    audiences = {tag.code: tag for tag in _tags(get_model("AudienceTag"), items, "audiences")}
    loaded: dict[str, Any] = {}
    for item in items:
        provision, _ = provision_model.objects.update_or_create(
            edition=edition, slug=item["slug"], defaults={**_provision_fields(item), "parent": None}
        )
        provision.themes.set([themes[code] for code in item.get("themes", [])])
        provision.audiences.set([audiences[code] for code in item.get("audiences", [])])
        loaded[item["slug"]] = provision
        for sub in item.get("sub_provisions", []):
            # A sub-provision belongs to its parent's batteries unless it names its own.
            batteries = sub.get("batteries", item.get("batteries", []))
            fields = {**_provision_fields({**item, **sub, "batteries": batteries}), "parent": provision}
            child, _ = provision_model.objects.update_or_create(edition=edition, slug=sub["slug"], defaults=fields)
            child.themes.set(provision.themes.all())
            child.audiences.set(provision.audiences.all())
            loaded[sub["slug"]] = child
    return loaded


def _tags(tag_model: Any, items: list[dict[str, Any]], key: str) -> list[Any]:
    codes = sorted({code for item in items for code in item.get(key, [])})
    return [tag_model.objects.get_or_create(code=code)[0] for code in codes]


def _link_related(items: list[dict[str, Any]], provisions: dict[str, Any]) -> None:
    for item in items:
        provisions[item["slug"]].related.set(
            [provisions[slug] for slug in item.get("related", []) if slug in provisions]
        )


def _load_experts(edition: Any, items: list[dict[str, Any]], get_model: GetModel) -> None:
    expert_model = get_model("ExpertRole")
    for item in items:
        expert_model.objects.update_or_create(
            edition=edition,
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "team": item["team"],
                "for_what": item.get("for_what", ""),
                "how_to_reach": item.get("how_to_reach", ""),
            },
        )


def load_channels(data: dict[str, Any], get_model: GetModel) -> int:
    """Create the contact channels of ``data`` for its edition; idempotent. Returns how many were new.

    ``unit_channels`` gives every listed provision and expert one channel per unit (the place on
    intranet where each unit's VGW team lists its people and their contact details, Zorgwijzer
    §3.1); ``channels`` are channels for everyone.
    """
    edition = get_model("Edition").objects.filter(code=data["edition"]["code"]).first()
    if edition is None:
        return 0
    provisions = {p.slug: p for p in get_model("Provision").objects.filter(edition=edition)}
    experts = {e.slug: e for e in get_model("ExpertRole").objects.filter(edition=edition)}
    wanted = [*_unit_channels(data.get("unit_channels"), provisions, experts, get_model("organisation.Unit"))]
    for item in data.get("channels", []):
        owner = (
            {"provision": provisions[item["provision"]]} if "provision" in item else {"expert": experts[item["expert"]]}
        )
        wanted.append(
            {**owner, "unit": None, **{k: item.get(k, "") for k in ("kind", "label", "value", "availability")}}
        )
    channel_model = get_model("ContactChannel")
    created = 0
    for values in wanted:
        lookup = {key: values[key] for key in ("provision", "expert", "unit", "kind", "label") if key in values}
        _, new = channel_model.objects.get_or_create(**lookup, defaults=values)
        created += new
    return created


def _unit_channels(spec: dict[str, Any] | None, provisions: dict[str, Any], experts: dict[str, Any], units: Any) -> Any:
    if not spec:
        return
    owners = [{"provision": provisions[slug]} for slug in spec.get("provisions", [])]
    owners += [{"expert": experts[slug]} for slug in spec.get("experts", [])]
    for unit in units.objects.order_by("name"):
        text = {key: spec[key].format(unit=unit.name) for key in ("label", "value")}
        for owner in owners:
            yield {**owner, "unit": unit, "kind": spec["kind"], "availability": spec.get("availability", ""), **text}


def load_channels_in_migration(apps: Any, content_file: str) -> int:
    """``load_channels`` for a data migration: historical models of catalogue and organisation."""

    def get_model(name: str) -> Any:
        app_label, _, model = name.rpartition(".")
        return apps.get_model(app_label or "catalogue", model)

    return load_channels(read_content(DATA_DIR / content_file), get_model)
