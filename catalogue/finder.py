"""The finder "Wat past bij mij?": ranks the provisions of an edition on a visitor's answers.

Pure functions over plain values, so every rule is unit-tested without a database. A visitor
answers at most four questions (how are you doing, what is it about, who may know, for whom);
each provision gets a score and the reasons, in plain Dutch, why it fits.

Two wishes are hard rules, not scores, because a wrong result would break a promise:
- whoever wants to stay anonymous or keep their manager out never sees a provision in which the
  manager is involved or that is requested through the manager;
- a search for the family (thuisfront) or the whole team only shows provisions meant for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalogue.constants import CONFIDENTIALITY_PROMISE, AccessRoute, Audience, Battery, Confidentiality, Theme
from catalogue.models import Provision

#: Results shown at most: enough to choose from, few enough to read on a phone.
MAX_RESULTS = 8

# Weights: the battery says most about what a visitor needs, then the theme and the privacy wish.
BATTERY_MATCH = 4
BATTERY_ONLY = 1  # a provision made for just this battery fits better than one for all three
BATTERY_MISMATCH = -4
THEME_MATCH = 3
THEME_FOCUS = 1  # a provision about one or two themes fits a theme question better than a broad one
THEME_MISMATCH = -2
ANONYMOUS_MATCH = 4
NO_MANAGER_MATCH = 2
SELF_SERVICE = 1
AUDIENCE_MATCH = 3
FOR_EMPLOYEES = 1
NOT_FOR_EMPLOYEES = -3
FOR_MANAGERS = 1
URGENT_SELF_SERVICE = 2  # who needs help now should not first wait for a referral or a manager


class Situation:
    """Answers to "Hoe gaat het nu met je?": a battery, or an urgent need for help now."""

    URGENT = "nood"


class Privacy:
    """Answers to "Wie mag ervan weten?"."""

    ANY = ""
    WITHOUT_MANAGER = "zonder_leidinggevende"
    ANONYMOUS = "anoniem"


class ForWhom:
    """Answers to "Voor wie zoek je iets?"."""

    MYSELF = "mezelf"
    COLLEAGUE = "collega"
    TEAM = "team"
    FAMILY = "thuisfront"


#: Keywords (exact, lower case) of provisions you can also use for, or call in for, a colleague.
COLLEAGUE_KEYWORDS = frozenset({"collega", "collega zorgen", "collegiale ondersteuning"})

_BATTERY_REASONS = {
    Battery.VERSTERKEN: _("Past bij: je wilt fit blijven of sterker worden"),
    Battery.VOORKOMEN: _("Past bij: je wilt voorkomen dat het erger wordt"),
    Battery.HERSTELLEN: _("Past bij: je wilt herstellen"),
}
_MANAGER_INVOLVED = frozenset({Confidentiality.LEIDINGGEVENDE_BETROKKEN.value})
_VIA_MANAGER = frozenset({AccessRoute.VIA_LEIDINGGEVENDE.value})
_SELF_SERVICE_ROUTES = frozenset({AccessRoute.ZELF_AANVRAGEN.value, AccessRoute.ZONDER_LEIDINGGEVENDE.value})


@dataclass(frozen=True)
class Answers:
    """What the visitor told the finder; empty strings mean "weet ik niet / maakt niet uit"."""

    situation: str = ""
    theme: str = ""
    privacy: str = Privacy.ANY
    for_whom: str = ForWhom.MYSELF

    @property
    def battery(self) -> str:
        return Battery.HERSTELLEN.value if self.situation == Situation.URGENT else self.situation

    @property
    def urgent(self) -> bool:
        return self.situation == Situation.URGENT


@dataclass(frozen=True)
class Profile:
    """The facts of one provision the finder scores on."""

    name: str
    batteries: frozenset[str]
    themes: frozenset[str]
    audiences: frozenset[str]
    access_route: str
    confidentiality: str
    keywords: frozenset[str] = frozenset()


T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """One result: the provision, its score and why it fits (best reasons first)."""

    item: T
    score: int
    reasons: tuple[str, ...]


def profile_of(provision: Provision) -> Profile:
    """The profile of a provision whose themes and audiences are prefetched."""
    return Profile(
        name=provision.name,
        batteries=frozenset(provision.batteries),
        themes=frozenset(tag.code for tag in provision.themes.all()),
        audiences=frozenset(tag.code for tag in provision.audiences.all()),
        access_route=provision.access_route,
        confidentiality=provision.confidentiality,
        keywords=frozenset(word.strip().lower() for word in provision.keywords.split(",") if word.strip()),
    )


def rank(
    items: Iterable[T], answers: Answers, *, profile: Callable[[T], Profile], limit: int = MAX_RESULTS
) -> list[Match[T]]:
    """The best-fitting items first (ties by name); items that are excluded or do not fit at all
    (score zero or lower) are left out."""
    scored = []
    for item in items:
        facts = profile(item)
        result = score(facts, answers)
        if result is not None and result[0] > 0:
            scored.append((facts.name, Match(item=item, score=result[0], reasons=result[1])))
    scored.sort(key=lambda pair: (-pair[1].score, pair[0]))
    return [match for _name, match in scored[:limit]]


def score(facts: Profile, answers: Answers) -> tuple[int, tuple[str, ...]] | None:
    """The score and reasons of one provision, or None when it must not be shown at all."""
    if _excluded(facts, answers):
        return None
    parts = [
        _battery_part(facts, answers.battery),
        _theme_part(facts, answers.theme),
        _privacy_part(facts, answers.privacy),
        _audience_part(facts, answers.for_whom),
        _urgency_part(facts, answers.urgent),
    ]
    total = sum(points for points, _reasons in parts)
    return total, tuple(str(reason) for _points, reasons in parts for reason in reasons)


def _excluded(facts: Profile, answers: Answers) -> bool:
    if answers.privacy != Privacy.ANY and (
        facts.confidentiality in _MANAGER_INVOLVED or facts.access_route in _VIA_MANAGER
    ):
        return True
    if answers.for_whom == ForWhom.FAMILY:
        return Audience.THUISFRONT.value not in facts.audiences
    if answers.for_whom == ForWhom.TEAM:
        return Audience.TEAM.value not in facts.audiences
    return False


_Part = tuple[int, list[str]]


def _battery_part(facts: Profile, battery: str) -> _Part:
    if not battery:
        return 0, []
    if battery not in facts.batteries:
        return BATTERY_MISMATCH, []
    bonus = BATTERY_ONLY if len(facts.batteries) == 1 else 0
    return BATTERY_MATCH + bonus, [str(_BATTERY_REASONS[Battery(battery)])]


def _theme_part(facts: Profile, theme: str) -> _Part:
    if not theme:
        return 0, []
    if theme not in facts.themes:
        return THEME_MISMATCH, []
    label = str(Theme(theme).label).lower()
    focus = THEME_FOCUS if len(facts.themes) <= 2 else 0
    return THEME_MATCH + focus, [gettext("Gaat over: %(theme)s") % {"theme": label}]


def _privacy_part(facts: Profile, privacy: str) -> _Part:
    if privacy == Privacy.ANY:
        return 0, []
    points, reasons = 0, []
    if facts.confidentiality == Confidentiality.ANONIEM:
        points += ANONYMOUS_MATCH if privacy == Privacy.ANONYMOUS else NO_MANAGER_MATCH
        reasons.append(str(CONFIDENTIALITY_PROMISE[Confidentiality.ANONIEM]))
    elif facts.confidentiality == Confidentiality.VERTROUWELIJK:
        points += NO_MANAGER_MATCH if privacy == Privacy.WITHOUT_MANAGER else SELF_SERVICE
        reasons.append(gettext("Je leidinggevende hoort hier niets van"))
    if facts.access_route in _SELF_SERVICE_ROUTES:
        points += SELF_SERVICE
        reasons.append(gettext("Je regelt het zelf, zonder je leidinggevende"))
    return points, reasons


def _urgency_part(facts: Profile, urgent: bool) -> _Part:
    if not urgent or facts.access_route not in _SELF_SERVICE_ROUTES:
        return 0, []
    return URGENT_SELF_SERVICE, [gettext("Je kunt hier zelf terecht, zonder verwijzing")]


def _audience_part(facts: Profile, for_whom: str) -> _Part:
    if for_whom == ForWhom.FAMILY:
        return AUDIENCE_MATCH, [gettext("Ook voor je thuisfront")]
    if for_whom == ForWhom.TEAM:
        return AUDIENCE_MATCH, [gettext("Voor je hele team")]
    if for_whom == ForWhom.COLLEAGUE:
        return _colleague_part(facts)
    if Audience.MEDEWERKER.value in facts.audiences:
        return FOR_EMPLOYEES, []
    return NOT_FOR_EMPLOYEES, []


def _colleague_part(facts: Profile) -> _Part:
    points, reasons = 0, []
    if facts.keywords & COLLEAGUE_KEYWORDS:
        points += AUDIENCE_MATCH
        reasons.append(gettext("Je kunt dit ook voor een collega inzetten"))
    if Audience.LEIDINGGEVENDE.value in facts.audiences:
        points += FOR_MANAGERS
        reasons.append(gettext("Ook voor leidinggevenden"))
    return points, reasons
