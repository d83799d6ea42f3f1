"""Corrections of the catalogue content where it said something the sources do not (issue 22 §2).

A published edition never changes (docs/decisions.md), so a correction is a new edition: a copy of
the current published one with the corrected texts, published at once. The edition it corrects
stays readable exactly as it was at ``/zorgwijzer/edities/<code>/``, the status history records
both steps, and "wat is er nieuw" lists what changed. Run by data migration 0008 with historical
models (``get_model``), like ``catalogue.loading``.

A correction is applied only where the current edition still holds the old text: when an editor
already fixed a text (or nothing is left to fix) no edition is made, so running it again changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from catalogue.constants import PRIKPUNT
from catalogue.search import edition_search_refresh

GetModel = Callable[[str], Any]

PRIKPUNT_PARENT = "bewustwording-risicos-politiewerk-en-pbm"


@dataclass(frozen=True)
class Correction:
    """Replace ``old`` by ``new`` in one field of one provision, with the source that says so."""

    slug: str
    field: str
    old: Any
    new: Any
    why: str


CORRECTIONS: tuple[Correction, ...] = (
    Correction(
        "zorglijn-ptss",
        "access_route",
        "via_verwijzing",
        "zonder_leidinggevende",
        "Seed 000 L1791-1797 and L2274-2280 give 'only through the bedrijfsarts or unit psychologist' "
        "for the employer modules, not for the Zorglijn PTSS (§5.15 names no such rule).",
    ),
    Correction(
        "zorglijn-ptss",
        "how_to_start",
        "Bespreek je klachten met de bedrijfsarts of eenheidspsycholoog van je eenheid; zij kunnen je aanmelden "
        "bij de Zorglijn PTSS.",
        "Praat over je klachten met de bedrijfsarts of de eenheidspsycholoog van je eenheid, of met Team "
        "Collegiale Ondersteuning. Zij helpen je op weg naar de Zorglijn PTSS. Je leidinggevende hoeft het niet "
        "te weten.",
        "The platform lets the TCO coordinator refer to the Zorglijn PTSS (aftercare referral targets).",
    ),
    Correction(
        "mental-check-up",
        "summary",
        "In een Mental Check Up praat je een keer één op één met een psycholoog over hoe het met je gaat, zonder "
        "dat je leidinggevende daarbij nodig is.",
        "In een Mental Check Up praat je ongeveer een uur één op één met een psycholoog over hoe het met je gaat. "
        "Je leidinggevende is daarbij niet nodig.",
        "Seed 000 L1010 and seed 001 L8: a one-to-one conversation with a psychologist of about an hour.",
    ),
    Correction(
        "zelftest-mentale-fitheid",
        "how_to_start",
        "Vul de Zelftest Mentale Fitheid op intranet in; je hoeft niemand te laten weten dat je dat doet.",
        "Doe de test hier in Zorgwijzer, bij Zelftests. Je hoeft niet in te loggen en niemand hoeft te weten dat "
        "je hem doet.",
        "The self-test is part of Zorgwijzer at /zelftest/mentale-fitheid/.",
    ),
    Correction(
        "zelftest-mirror",
        "how_to_start",
        "Vul de Mirror op intranet in na een ingrijpende gebeurtenis, voor jezelf of voor een collega.",
        "Doe de Mirror hier in Zorgwijzer, bij Zelftests, na een ingrijpende gebeurtenis: voor jezelf of voor een "
        "collega.",
        "The Mirror is part of Zorgwijzer at /zelftest/mirror/.",
    ),
    Correction(
        "buddy-inzet",
        "sections",
        "",
        "6.2.2",
        "Seed 000 §6.2.2 (L2580): Buddy-inzet bij beroepsgerelateerd letsel.",
    ),
)

#: Prikpunt, named in §4.6 (seed 000 L1354-1359): 24/7 by phone for a risk assessment after a
#: needle-stick, splash, bite, cut or scratch incident. A sub-provision of §4.6, so its phone
#: channel is the help number on Direct hulp (catalogue/help_lines.py).
PRIKPUNT_FIELDS: dict[str, Any] = {
    "slug": PRIKPUNT,
    "name": "Prikpunt",
    "summary": "Heb je je geprikt, of ben je gebeten, bespuugd, gesneden of gekrabd? Bel Prikpunt meteen, dag en "
    "nacht. Zij schatten in hoe groot de kans op een besmetting is en wat je nu moet doen.",
    "description": "Na een prik-, spat-, bijt-, snij- of krabincident telt elk uur: soms helpt een behandeling "
    "alleen als die snel begint. Prikpunt is dag en nacht te bellen. Je krijgt een inschatting van het risico en "
    "advies over de volgende stappen, zoals naar een arts gaan of een bloedtest. Meld het incident daarna ook "
    "bij je leidinggevende.",
    "how_to_start": "Bel Prikpunt zo snel mogelijk na het incident, ook 's nachts of in het weekend.",
    "access_route": "zelf_aanvragen",
    "confidentiality": "vertrouwelijk",
    "provider": "Prikpunt",
    "availability": "24 uur per dag, 7 dagen per week",
    "cost": "",
    "waiting_time": "",
    "keywords": "prikaccident, prikincident, naaldprik, gebeten, bijten, spugen, bespuugd, bloed, besmetting, "
    "snijwond, krabben, hiv, hepatitis",
    "sections": "4.6",
    "versterken": False,
    "voorkomen": True,
    "herstellen": True,
}

#: Fields of a provision that are not copied as they are: its identity and its place.
_NOT_COPIED = {"id", "edition", "parent"}


def corrected_code(code: str) -> str:
    """The code of the corrected edition of ``code`` (a slug of at most 20 characters)."""
    return f"{code}-v2"[:20]


def _current(get_model: GetModel) -> Any:
    return get_model("Edition").objects.filter(status="gepubliceerd").order_by("-published_at").first()


def pending(edition: Any, get_model: GetModel) -> list[Correction | str]:
    """The corrections ``edition`` still needs (and ``PRIKPUNT`` when it lacks Prikpunt)."""
    provisions = {p.slug: p for p in get_model("Provision").objects.filter(edition=edition)}
    needed: list[Correction | str] = [
        c for c in CORRECTIONS if c.slug in provisions and getattr(provisions[c.slug], c.field) == c.old
    ]
    if PRIKPUNT not in provisions and PRIKPUNT_PARENT in provisions:
        needed.append(PRIKPUNT)
    return needed


def publish_corrected_edition(get_model: GetModel) -> Any:
    """Copy the current published edition, correct it, publish it; None when nothing needs correcting."""
    current = _current(get_model)
    if current is None or not (needed := pending(current, get_model)):
        return None
    edition_model = get_model("Edition")
    code = corrected_code(current.code)
    if edition_model.objects.filter(code=code).exists():  # made before and replaced since: leave it
        return None
    edition = edition_model.objects.create(
        code=code, title=f"{current.title} (gecorrigeerd)", source=current.source, status="concept"
    )
    _record(get_model, edition, "", "concept")
    provisions = _copy(get_model, current, edition)
    for item in needed:
        if isinstance(item, Correction):
            provision = provisions[item.slug]
            setattr(provision, item.field, item.new)
            provision.save(update_fields=[item.field])
        else:
            _add_prikpunt(provisions[PRIKPUNT_PARENT], get_model)
    edition.status, edition.published_at = "gepubliceerd", timezone.now()
    edition.save(update_fields=["status", "published_at"])
    _record(get_model, edition, "concept", "gepubliceerd")
    edition_search_refresh(edition, get_model)
    return edition


def _record(get_model: GetModel, edition: Any, from_status: str, to_status: str) -> None:
    get_model("EditionStatusChange").objects.create(
        edition=edition, from_status=from_status, to_status=to_status, actor_username="migratie"
    )


def _plain(instance: Any) -> dict[str, Any]:
    return {
        f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields if f.name not in _NOT_COPIED
    }


def _copy(get_model: GetModel, source: Any, target: Any) -> dict[str, Any]:
    """Copy provisions (parents first), their tags and links, experts and channels; slug → copy."""
    provision_model, channel_model = get_model("Provision"), get_model("ContactChannel")
    mapping: dict[int, Any] = {}
    provisions = provision_model.objects.filter(edition=source).order_by("pk")
    for provision in [*provisions.filter(parent__isnull=True), *provisions.filter(parent__isnull=False)]:
        parent = mapping.get(provision.parent_id) if provision.parent_id is not None else None
        if provision.parent_id is not None and parent is None:  # one level deep: no such case
            continue
        mapping[provision.pk] = provision_model.objects.create(edition=target, parent=parent, **_plain(provision))
    for old_pk, new in mapping.items():
        old = provision_model.objects.get(pk=old_pk)
        new.themes.set(old.themes.all())
        new.audiences.set(old.audiences.all())
        new.related.set([mapping[other.pk] for other in old.related.all() if other.pk in mapping])
        for channel in channel_model.objects.filter(provision_id=old_pk).order_by("pk"):
            channel_model.objects.create(provision=new, expert=None, **_plain_channel(channel))
    expert_model = get_model("ExpertRole")
    for expert in expert_model.objects.filter(edition=source).order_by("pk"):
        copy = expert_model.objects.create(edition=target, **_plain(expert))
        for channel in channel_model.objects.filter(expert_id=expert.pk).order_by("pk"):
            channel_model.objects.create(provision=None, expert=copy, **_plain_channel(channel))
    return {provision.slug: provision for provision in mapping.values()}


def _plain_channel(channel: Any) -> dict[str, Any]:
    return {
        f.attname: getattr(channel, f.attname)
        for f in channel._meta.concrete_fields
        if f.name not in {"id", "provision", "expert"}
    }


def _add_prikpunt(parent: Any, get_model: GetModel) -> None:
    prikpunt = get_model("Provision").objects.create(edition=parent.edition, parent=parent, **PRIKPUNT_FIELDS)
    prikpunt.themes.set(parent.themes.all())
    prikpunt.audiences.set(parent.audiences.all())
