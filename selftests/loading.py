"""Instrument definitions: YAML/JSON files, validated against ``instruments/schema.json`` on load.

The shipped instruments live in ``selftests/instruments/``. An organisation adds its own
(licensed) instrument by putting a definition file in a folder listed in the setting
``SELFTESTS_DEFINITION_DIRS`` (docs/selftests.md). Loading fails loudly on a file that does not
match the schema or that refers to an item, scale, domain or band that is not defined; links to
catalogue provisions and experts are checked against the published edition by
``catalogue_link_errors`` (a database check: ``manage.py check --database default`` and tests).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from django.conf import settings
from django.utils.translation import get_language

SHIPPED_DIR = Path(__file__).resolve().parent / "instruments"
SCHEMA_PATH = SHIPPED_DIR / "schema.json"
BAND_ORDER = ("laag", "verhoogd", "hoog")
MODES = ("zelf", "collega")
Condition = dict[str, Any]


class DefinitionError(ValueError):
    """A definition file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Text:
    """Wording in Dutch and English; ``str()`` gives the active language (Dutch by default)."""

    nl: str
    en: str

    def __str__(self) -> str:
        return self.local((get_language() or "nl").startswith("en"))

    def local(self, english: bool) -> str:
        """The wording in English or Dutch, for a caller that looked up the language once."""
        return self.en if english else self.nl


@dataclass(frozen=True)
class Option:
    value: str
    points: int
    label: Text


@dataclass(frozen=True)
class Item:
    id: str
    text: Text
    scale: tuple[Option, ...]
    domain: str = ""
    text_colleague: Text | None = None

    def wording(self, mode: str) -> Text:
        return self.text_colleague if mode == "collega" and self.text_colleague else self.text

    def option(self, value: str) -> Option | None:
        return self._options.get(value)

    @cached_property
    def _options(self) -> dict[str, Option]:
        """The scale by answer value (a scoring looks up every answer: ``make bench``)."""
        return {option.value: option for option in self.scale}

    @cached_property
    def max_points(self) -> int:
        return max(option.points for option in self.scale)


@dataclass(frozen=True)
class Page:
    id: str
    title: Text
    items: tuple[Item, ...]
    intro: Text | None = None
    title_colleague: Text | None = None
    show_when: Condition | None = None

    def heading(self, mode: str) -> Text:
        return self.title_colleague if mode == "collega" and self.title_colleague else self.title


@dataclass(frozen=True)
class Domain:
    id: str
    label: Text
    group: str
    verhoogd: int
    hoog: int


@dataclass(frozen=True)
class Band:
    id: str
    label: Text
    summary: Text
    summary_colleague: Text | None = None
    when: Condition | None = None


@dataclass(frozen=True)
class SafetyRule:
    id: str
    when: Condition


@dataclass(frozen=True)
class AdviceRule:
    id: str
    title: Text
    text: Text
    when: Condition | None = None
    provisions: tuple[str, ...] = ()
    experts: tuple[str, ...] = ()
    #: Says the reactions are normal or that things go well: withheld when a safety rule fires.
    reassuring: bool = False


@dataclass(frozen=True)
class Instrument:
    slug: str
    version: int
    title: Text
    summary: Text
    intro: Text
    pages: tuple[Page, ...]
    domains: tuple[Domain, ...]
    bands: tuple[Band, ...]
    safety: tuple[SafetyRule, ...]
    advice: tuple[AdviceRule, ...]
    modes: tuple[str, ...] = ("zelf",)
    event_date: bool = False
    minutes: int = 5
    order: int = 100
    license: dict[str, str] = field(default_factory=dict)
    source: str = ""

    @property
    def items(self) -> Iterator[Item]:
        for page in self.pages:
            yield from page.items

    @cached_property
    def _items_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item | None:
        return self._items_by_id.get(item_id)

    def band_rank(self, band_id: str) -> int:
        """Higher is more risk: the bands are listed from the highest to the lowest."""
        ids = [band.id for band in self.bands]
        return len(ids) - 1 - ids.index(band_id)

    def provision_slugs(self) -> set[str]:
        return {slug for rule in self.advice for slug in rule.provisions}

    def expert_slugs(self) -> set[str]:
        return {slug for rule in self.advice for slug in rule.experts}


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def read_file(path: Path) -> dict[str, Any]:
    """The raw data of one definition file (``.yaml``, ``.yml`` or ``.json``)."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(data, dict):
        raise DefinitionError(f"{path.name}: a definition is a mapping at the top level")
    return data


def parse(data: dict[str, Any], source: str = "") -> Instrument:
    """Validate raw definition data against the schema and the cross-references; build it."""
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(part) for part in errors[0].absolute_path) or "(top)"
        raise DefinitionError(f"{source or data.get('slug', '?')}: {where}: {errors[0].message}")
    instrument = _build(data, source)
    problems = list(_reference_errors(instrument))
    if problems:
        raise DefinitionError(f"{source or instrument.slug}: " + "; ".join(problems))
    return instrument


def _text(raw: dict[str, str] | None) -> Text | None:
    return Text(nl=raw["nl"], en=raw["en"]) if raw else None


def _build(data: dict[str, Any], source: str) -> Instrument:
    scales = {
        name: tuple(Option(str(o["value"]), int(o["points"]), Text(**o["label"])) for o in options)
        for name, options in data["scales"].items()
    }
    unknown_scales = {i["scale"] for p in data["pages"] for i in p["items"]} - set(scales)
    if unknown_scales:
        raise DefinitionError(f"{source or data['slug']}: unknown scale {sorted(unknown_scales)}")
    pages = tuple(
        Page(
            id=page["id"],
            title=Text(**page["title"]),
            title_colleague=_text(page.get("title_colleague")),
            intro=_text(page.get("intro")),
            show_when=page.get("show_when"),
            items=tuple(
                Item(
                    id=item["id"],
                    text=Text(**item["text"]),
                    text_colleague=_text(item.get("text_colleague")),
                    scale=scales[item["scale"]],
                    domain=item.get("domain", ""),
                )
                for item in page["items"]
            ),
        )
        for page in data["pages"]
    )
    return Instrument(
        slug=data["slug"],
        version=data["version"],
        title=Text(**data["title"]),
        summary=Text(**data["summary"]),
        intro=Text(**data["intro"]),
        pages=pages,
        domains=tuple(
            Domain(d["id"], Text(**d["label"]), d["group"], d["thresholds"]["verhoogd"], d["thresholds"]["hoog"])
            for d in data["domains"]
        ),
        bands=tuple(
            Band(b["id"], Text(**b["label"]), Text(**b["summary"]), _text(b.get("summary_colleague")), b.get("when"))
            for b in data["bands"]
        ),
        safety=tuple(SafetyRule(rule["id"], rule["when"]) for rule in data["safety"]),
        advice=tuple(
            AdviceRule(
                id=rule["id"],
                title=Text(**rule["title"]),
                text=Text(**rule["text"]),
                when=rule.get("when"),
                provisions=tuple(rule.get("provisions", ())),
                experts=tuple(rule.get("experts", ())),
                reassuring=bool(rule.get("reassuring", False)),
            )
            for rule in data["advice"]
        ),
        modes=tuple(data.get("modes", ["zelf"])),
        event_date=bool(data.get("event_date", False)),
        minutes=int(data.get("minutes", 5)),
        order=int(data.get("order", 100)),
        license=dict(data.get("license", {})),
        source=source,
    )


def _duplicates(values: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for value in values:
        (repeated if value in seen else seen).add(value)
    return repeated


def _reference_errors(instrument: Instrument) -> Iterator[str]:
    """Everything the schema cannot express: unique ids and references that resolve."""
    yield from _duplicate_errors(instrument)
    yield from _item_and_band_errors(instrument)
    conditions = [
        *(page.show_when for page in instrument.pages),
        *(band.when for band in instrument.bands),
        *(rule.when for rule in instrument.safety),
        *(rule.when for rule in instrument.advice),
    ]
    domains = {domain.id for domain in instrument.domains}
    bands = {band.id for band in instrument.bands}
    for condition in conditions:
        if condition is not None:
            yield from _condition_errors(condition, domains, bands, instrument)


def _duplicate_errors(instrument: Instrument) -> Iterator[str]:
    for kind, values in (
        ("item", [item.id for item in instrument.items]),
        ("page", [page.id for page in instrument.pages]),
        ("domain", [domain.id for domain in instrument.domains]),
        ("band", [band.id for band in instrument.bands]),
        ("advice", [rule.id for rule in instrument.advice]),
    ):
        for duplicate in sorted(_duplicates(values)):
            yield f"{kind} id {duplicate!r} is used twice"


def _item_and_band_errors(instrument: Instrument) -> Iterator[str]:
    domain_ids = {domain.id for domain in instrument.domains}
    for item in instrument.items:
        if item.domain and item.domain not in domain_ids:
            yield f"item {item.id!r} refers to unknown domain {item.domain!r}"
        if len({option.value for option in item.scale}) != len(item.scale):
            yield f"item {item.id!r} has a scale with repeated values"
    for domain in instrument.domains:
        reachable = sum(item.max_points for item in instrument.items if item.domain == domain.id)
        if not domain.verhoogd <= domain.hoog <= reachable:
            yield f"domain {domain.id!r}: thresholds must satisfy verhoogd <= hoog <= {reachable} (its items' maximum)"
    if instrument.bands[-1].when is not None:
        yield "the last band is the default and has no 'when'"
    if any(band.when is None for band in instrument.bands[:-1]):
        yield "only the last band may go without 'when'"
    if not any(rule.when is None and rule.provisions for rule in instrument.advice):
        yield "at least one advice rule without 'when' must link a provision, so every result links one"


def _condition_errors(
    condition: Condition, domains: set[str], bands: set[str], instrument: Instrument
) -> Iterator[str]:
    ((kind, argument),) = condition.items()
    if kind in ("all", "any"):
        for part in argument:
            yield from _condition_errors(part, domains, bands, instrument)
    elif kind in ("answer", "points_at_least"):
        item = instrument.item(argument["item"])
        if item is None:
            yield f"a condition refers to unknown item {argument['item']!r}"
        elif kind == "answer" and set(argument["in"]) - {option.value for option in item.scale}:
            yield f"a condition on item {item.id!r} names an answer that is not on its scale"
    elif kind == "domain" and argument["id"] not in domains:
        yield f"a condition refers to unknown domain {argument['id']!r}"
    elif kind == "band" and set(argument) - bands:
        yield f"a condition names an unknown band {sorted(set(argument) - bands)}"
    elif kind == "days_since_event" and not instrument.event_date:
        yield "days_since_event needs 'event_date: true'"
    elif kind == "mode" and set(argument) - set(instrument.modes):
        yield f"a condition names a mode the instrument does not offer: {sorted(set(argument) - set(instrument.modes))}"


def definition_dirs() -> tuple[Path, ...]:
    extra = settings.SELFTESTS_DEFINITION_DIRS
    return (SHIPPED_DIR, *(Path(folder) for folder in extra))


@cache
def _load(folders: tuple[Path, ...]) -> dict[str, Instrument]:
    found: dict[str, Instrument] = {}
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix not in (".yaml", ".yml", ".json") or path == SCHEMA_PATH:
                continue
            instrument = parse(read_file(path), source=path.name)
            if instrument.slug in found:
                raise DefinitionError(f"{path.name}: slug {instrument.slug!r} is already used")
            found[instrument.slug] = instrument
    return dict(sorted(found.items(), key=lambda pair: (pair[1].order, pair[0])))


def instruments() -> dict[str, Instrument]:
    """Every instrument by slug, in display order. Files are read and validated once per process."""
    return _load(definition_dirs())


def get(slug: str) -> Instrument | None:
    return instruments().get(slug)


def catalogue_link_errors(instrument: Instrument, provisions: set[str], experts: set[str]) -> list[str]:
    """Links to provisions or experts that the given catalogue does not have."""
    errors = [
        f"{instrument.slug}: unknown provision slug {slug!r}"
        for slug in sorted(instrument.provision_slugs() - provisions)
    ]
    errors += [
        f"{instrument.slug}: unknown expert slug {slug!r}" for slug in sorted(instrument.expert_slugs() - experts)
    ]
    return errors


def published_catalogue_slugs() -> tuple[set[str], set[str]]:
    """Slugs of the provisions and experts in the published edition (empty without one)."""
    from catalogue import selectors
    from catalogue.models import ExpertRole, Provision

    edition = selectors.current_edition()
    provisions = set(Provision.objects.filter(edition=edition).values_list("slug", flat=True))
    experts = set(ExpertRole.objects.filter(edition=edition).values_list("slug", flat=True))
    return provisions, experts


def validate_against_catalogue(instrument: Instrument) -> None:
    """Raise when the instrument links a provision or expert the published edition lacks."""
    errors = catalogue_link_errors(instrument, *published_catalogue_slugs())
    if errors:
        raise DefinitionError("; ".join(errors))
