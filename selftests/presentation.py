"""A scored result as the pages, the PDF and the API show it: labels, advice and links.

Provision and expert names come from the published catalogue edition; a link whose slug that
edition lacks is left out (the definitions are checked against the catalogue in tests and by
``manage.py check --database default``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalogue import selectors
from catalogue.help_lines import help_lines
from catalogue.models import ExpertRole, Provision
from core.public_cache import content_version
from selftests.loading import Instrument
from selftests.scoring import Result

logger = logging.getLogger(__name__)

#: The cached catalogue links live at least this long, even with the page cache off (tests).
LINKS_MIN_SECONDS = 60

GROUP_LABELS = {
    "werk": _("Werk"),
    "prive": _("Privé"),
    "module": _("Werken met heftig beeldmateriaal"),
    "reacties": _("Reacties"),
}
BAND_LABELS = {"laag": _("Laag"), "verhoogd": _("Verhoogd"), "hoog": _("Hoog")}
DISCLAIMER = _(
    "Deze uitslag is een indicatie, geen diagnose. Alleen een deskundige, zoals een huisarts, "
    "bedrijfsarts of psycholoog, kan een diagnose stellen."
)
#: The band card under a safety answer: it outweighs every other answer (no "this is normal").
SAFETY_SUMMARY = {
    "zelf": _(
        "Je gaf aan dat je eraan denkt jezelf iets aan te doen of er niet meer te willen zijn. Dat weegt "
        "zwaarder dan al je andere antwoorden. Praat er vandaag nog over met iemand: de nummers staan bovenaan."
    ),
    "collega": _(
        "Je gaf aan dat je collega eraan denkt zichzelf iets aan te doen of er niet meer te willen zijn. Dat "
        "weegt zwaarder dan alle andere antwoorden. Laat je collega niet alleen en zoek vandaag nog hulp: de "
        "nummers staan bovenaan."
    ),
}
NOT_STORED = _("Je antwoorden en je uitslag worden nergens bewaard. Wil je ze houden? Download of print ze dan.")


@dataclass(frozen=True)
class Link:
    slug: str
    name: str
    url: str


def _links(result: Result) -> tuple[dict[str, Link], dict[str, Link]]:
    """The result's provision and expert links, from the instrument's links in the cache."""
    all_provisions, all_experts = instrument_links(result.instrument)
    provisions = {slug: all_provisions[slug] for slug in result.provision_slugs if slug in all_provisions}
    experts = {slug: all_experts[slug] for slug in result.expert_slugs if slug in all_experts}
    _report_missing(result, set(provisions), set(experts))
    return provisions, experts


#: The links this process has read, by (content version, instrument, instrument version): a
#: scoring then reads one small number from the cache instead of unpickling every link. A new
#: content version is a new key; after a lost cache the version starts at a random number
#: (``core.public_cache.content_version``), so an entry is never taken for a later version.
_LINKS: dict[tuple[int, str, int], tuple[dict[str, Link], dict[str, Link]]] = {}
_LINKS_KEPT = 64


def instrument_links(instrument: Instrument) -> tuple[dict[str, Link], dict[str, Link]]:
    """Every provision and expert link an instrument's advice can show, as the published edition
    has them. Kept in the cache under the public content version (``core.public_cache``), like the
    help numbers: a scoring then reads no catalogue rows. The entry is the same for every visitor
    (all the instrument's links, not the ones a result showed)."""
    version = content_version()
    remembered = _LINKS.get((version, instrument.slug, instrument.version))
    if remembered is not None:
        return remembered
    key = f"selftests-links:{version}:{instrument.slug}:{instrument.version}"
    found: tuple[dict[str, Link], dict[str, Link]] | None = cache.get(key)
    if found is None:
        found = _read_links(instrument)
        cache.set(key, found, max(settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS, LINKS_MIN_SECONDS))
    if len(_LINKS) >= _LINKS_KEPT:
        _LINKS.clear()  # versions gone by
    _LINKS[(version, instrument.slug, instrument.version)] = found
    return found


def _read_links(instrument: Instrument) -> tuple[dict[str, Link], dict[str, Link]]:
    edition = selectors.current_edition()
    provisions = {
        provision.slug: Link(provision.slug, provision.name, reverse("catalogue:provision", args=[provision.slug]))
        for provision in Provision.objects.filter(edition=edition, slug__in=instrument.provision_slugs()).only(
            "slug", "name"
        )
    }
    experts_url = reverse("catalogue:experts")
    experts = {
        expert.slug: Link(expert.slug, expert.name, f"{experts_url}#expert-{expert.slug}")
        for expert in ExpertRole.objects.filter(edition=edition, slug__in=instrument.expert_slugs()).only(
            "slug", "name"
        )
    }
    return provisions, experts


def _report_missing(result: Result, provisions: set[str], experts: set[str]) -> None:
    """A definition linking to something the published edition lacks (e.g. a dropped-in
    instrument after a new edition) loses the link, and the operators hear of it at once. The log
    line names the instrument's missing slugs only, never which advice this visitor got."""
    missing = sorted(set(result.provision_slugs) - provisions) + sorted(set(result.expert_slugs) - experts)
    if missing:
        from selftests.loading import catalogue_link_errors, published_catalogue_slugs

        for error in catalogue_link_errors(result.instrument, *published_catalogue_slugs()):
            logger.error("self-test definition links to a missing catalogue entry: %s", error)


def result_context(result: Result) -> dict[str, Any]:
    """Everything a result template or the API needs, in the active language."""
    provisions, experts = _links(result)
    language = get_language() or "nl"
    english = language.startswith("en")
    groups: dict[str, list[dict[str, Any]]] = {}
    for domain in result.domains:
        groups.setdefault(domain.domain.group, []).append(
            {
                "id": domain.domain.id,
                "label": domain.domain.label.local(english),
                "band": domain.band,
                "band_label": _local(BAND_LABELS[domain.band], language),
                "points": domain.points,
                "max_points": domain.max_points,
            }
        )
    return {
        "instrument": result.instrument,
        "result": result,
        "mode": result.answers.mode,
        "days_since_event": result.answers.days_since_event,
        "band": {
            "id": result.band.id,
            "label": result.band.label.local(english),
            "summary": _band_summary(result),
        },
        "groups": [
            {"id": group, "label": _local(GROUP_LABELS[group], language), "domains": rows}
            for group, rows in groups.items()
        ],
        "domains": [row for rows in groups.values() for row in rows],
        "crisis": result.crisis,
        "advice": [
            {
                "id": rule.id,
                "title": rule.title.local(english),
                "text": rule.text.local(english),
                "provisions": [provisions[slug] for slug in rule.provisions if slug in provisions],
                "experts": [experts[slug] for slug in rule.experts if slug in experts],
            }
            for rule in result.advice
        ],
        "provisions": [provisions[slug] for slug in result.provision_slugs if slug in provisions],
        "disclaimer": _local(DISCLAIMER, language),
        "not_stored": _local(NOT_STORED, language),
    }


#: (constant, language) → its translation. The message catalogues change only with a deployment,
#: so a label is looked up once per process and language (a result has some twenty: ``make bench``).
_TRANSLATED: dict[tuple[int, str], str] = {}


def _local(constant: Any, language: str) -> str:
    """A module-level lazy translation in ``language`` (the active one). Keyed by ``id``: only for
    the constants of this module, which live as long as the process."""
    key = (id(constant), language)
    found = _TRANSLATED.get(key)
    if found is None:
        found = _TRANSLATED[key] = str(constant)
    return found


def score_response(result: Result) -> dict[str, Any]:
    """The score API's answer body: ``ScoreResultSerializer``'s fields, built as plain data (the
    serializer's field machinery cost five times the scoring itself; the test of this function
    compares the two for every instrument, mode and band)."""
    context = result_context(result)

    def links(items: list[Link]) -> list[dict[str, str]]:
        return [{"slug": link.slug, "name": link.name, "url": link.url} for link in items]

    return {
        "instrument": result.instrument.slug,
        "version": result.instrument.version,
        "mode": context["mode"],
        "days_since_event": context["days_since_event"],
        "band": context["band"],
        "domains": context["domains"],
        "crisis": context["crisis"],
        "advice": [
            {**advice, "provisions": links(advice["provisions"]), "experts": links(advice["experts"])}
            for advice in context["advice"]
        ],
        "provisions": links(context["provisions"]),
        "disclaimer": context["disclaimer"],
    }


def _band_summary(result: Result) -> str:
    if result.crisis:
        return _local(SAFETY_SUMMARY.get(result.answers.mode, SAFETY_SUMMARY["zelf"]), get_language() or "nl")
    return result.band_summary


def crisis_context() -> dict[str, Any]:
    """The help numbers for the crisis block, from the published catalogue (``catalogue.help_lines``).
    The numbers for everyone: the self-tests are anonymous and do not look up the visitor's unit."""
    return {"lines": help_lines(), "pdf": False}
