""" "Waar kan ik terecht?": from four answers to a ranked list of routes, and why.

Pure functions over fixed route descriptions: nothing is stored and nothing is looked up about the
visitor. The rules, in order of strength:

1. Someone in danger now: Direct hulp comes first, always.
2. "My manager may not know" (or the question is about the manager): no route that goes through
   the manager is offered at all, not even low in the list.
3. Each route scores for what the visitor wants and whom it is about; ties keep the order of
   ``ROUTES`` (the routes that leave the visitor most in control first).

The route names and where they lead come from the sources (Zorgwijzer 2022/2023 §3.9-3.10, the
integrity bundle on vertrouwenswerk, the UDR guidance of the Sociaal Jaarbeeld 2022); the texts are
our own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from confidential.constants import About, Danger, ManagerMayKnow, Want


@dataclass(frozen=True)
class Answers:
    want: str = ""
    about: str = ""
    manager_may_know: str = ""
    danger: str = ""


@dataclass(frozen=True)
class Route:
    slug: str
    name: Promise
    what_happens: Promise
    who_knows: Promise
    how_to_start: Promise
    #: A page with contact details: ("provision", slug), ("expert", slug) or ("page", URL name).
    link: tuple[str, str] | None = None
    #: The route goes through the visitor's manager (never offered when the manager may not know).
    via_manager: bool = False
    #: Not through the manager, but the manager may hear of it later (a complaint, an
    #: investigation or a mediation in which they take part): never promised to stay away from them.
    manager_may_learn: bool = False
    #: Points for what the visitor wants.
    wants: dict[str, int] = field(default_factory=dict)
    #: Points for whom it is about.
    abouts: dict[str, int] = field(default_factory=dict)

    def url(self) -> str:
        if self.link is None:
            return ""
        kind, target = self.link
        if kind == "provision":
            return reverse("catalogue:provision", args=[target])
        if kind == "expert":
            return f"{reverse('catalogue:experts')}#expert-{target}"
        return reverse(target)


DIRECT_HULP = Route(
    slug="direct-hulp",
    name=_("Direct hulp: 112, 113 en het 24/7 Loket"),
    what_happens=_("Is iemand nu in gevaar, bel dan meteen 112. Denkt iemand aan zelfdoding, bel 113 (0800-0113)."),
    who_knows=_("Alleen wie je belt."),
    how_to_start=_("Bel nu. Alle nummers staan op de pagina Direct hulp."),
    link=("page", "portal:help"),
)

ROUTES: tuple[Route, ...] = (
    Route(
        slug="vertrouwenspersoon",
        name=_("Vertrouwenspersoon"),
        what_happens=_(
            "De vertrouwenspersoon luistert en denkt met je mee. Jij bepaalt wat er daarna gebeurt: alleen "
            "praten, hulp bij een gesprek, een verwijzing, of steun bij een klacht of melding."
        ),
        who_knows=_("Alleen de vertrouwenspersoon. Zonder jouw toestemming hoort niemand anders er iets van."),
        how_to_start=_("Neem contact op met een vertrouwenspersoon van je eigen of van een andere eenheid."),
        link=("provision", "vertrouwenswerk"),
        wants={Want.STOP: 5, Want.INVESTIGATION: 3, Want.TALK: 4, Want.ADVICE: 5},
        abouts={About.MANAGER: 2, About.COLLEAGUE: 1, About.TEAM: 1, About.OTHER: 2},
    ),
    Route(
        slug="bedrijfsmaatschappelijk-werk",
        name=_("Bedrijfsmaatschappelijk werker"),
        what_happens=_(
            "Je praat over wat er speelt en wat het met je doet. De bedrijfsmaatschappelijk werker helpt je "
            "om te bepalen wat je wilt en wie je daarbij kan helpen."
        ),
        who_knows=_("De bedrijfsmaatschappelijk werker, die beroepsgeheim heeft. Je leidinggevende hoort het niet."),
        how_to_start=_("Maak zelf een afspraak; daar is geen verwijzing voor nodig."),
        link=("expert", "bedrijfsmaatschappelijk-werker"),
        wants={Want.TALK: 4, Want.ADVICE: 3, Want.STOP: 1},
    ),
    Route(
        slug="geestelijk-verzorger",
        name=_("Geestelijk verzorger"),
        what_happens=_(
            "Een gesprek over wat je raakt, over zingeving en over wat je belangrijk vindt, los van je werk "
            "en zonder dat er een dossier komt."
        ),
        who_knows=_("Alleen de geestelijk verzorger."),
        how_to_start=_("Neem zelf contact op met de geestelijk verzorger van je eenheid."),
        link=("expert", "geestelijk-verzorger"),
        wants={Want.TALK: 3},
    ),
    Route(
        slug="leidinggevende",
        name=_("Een gesprek met je leidinggevende of een collega"),
        what_happens=_(
            "Vaak is een direct gesprek de snelste weg om iets te laten stoppen. Je leidinggevende kan "
            "ingrijpen en afspraken maken."
        ),
        who_knows=_("Je leidinggevende en wie jullie samen erbij betrekken."),
        how_to_start=_("Vraag om een gesprek onder vier ogen en zeg wat je hebt gezien of meegemaakt."),
        via_manager=True,
        wants={Want.STOP: 4, Want.ADVICE: 2, Want.TALK: 1},
        abouts={About.COLLEAGUE: 1, About.TEAM: 1},
    ),
    Route(
        slug="mediation",
        name=_("Mediation"),
        what_happens=_(
            "Een mediator van buiten jullie eigen eenheid helpt jou en de ander om samen weer afspraken te "
            "maken. Beide partijen doen vrijwillig mee."
        ),
        who_knows=_("Jij, de ander en de mediator. Wat jullie bespreken blijft binnen de mediation."),
        how_to_start=_("Vraag mediation aan; de andere partij wordt om toestemming gevraagd."),
        link=("provision", "mediation"),
        manager_may_learn=True,
        wants={Want.STOP: 3, Want.ADVICE: 1},
        # Not for intimidation by one's own manager (unequal power), nor for a wrong in the organisation.
        abouts={About.COLLEAGUE: 2, About.MANAGER: -3, About.OTHER: -4},
    ),
    Route(
        slug="vik",
        name=_("VIK van je eenheid (Veiligheid, Integriteit en Klachten)"),
        what_happens=_(
            "VIK bekijkt of er mogelijk sprake is van plichtsverzuim of een strafbaar feit en of een "
            "onderzoek nodig is. VIK geeft ook advies over wat je zelf kunt doen."
        ),
        who_knows=_(
            "VIK en, als er een onderzoek komt, wie daarvoor nodig is. Vraag vooraf wat er met je naam gebeurt."
        ),
        how_to_start=_("Doe een melding bij VIK van je eenheid, eventueel samen met de vertrouwenspersoon."),
        manager_may_learn=True,
        wants={Want.INVESTIGATION: 5, Want.STOP: 2, Want.ADVICE: 1},
        abouts={About.COLLEAGUE: 1, About.MANAGER: 1, About.OTHER: 1},
    ),
    Route(
        slug="klachtencommissie",
        name=_("Klachtencommissie ongewenst gedrag"),
        what_happens=_(
            "Je dient een schriftelijke klacht in. De commissie hoort jou en de ander en geeft daarna een "
            "oordeel en advies aan het bevoegd gezag."
        ),
        who_knows=_("De commissie, de persoon over wie je klaagt en het bevoegd gezag."),
        how_to_start=_("Schrijf op wat er is gebeurd; de vertrouwenspersoon kan je daarbij helpen."),
        manager_may_learn=True,
        wants={Want.INVESTIGATION: 4, Want.STOP: 2},
        abouts={About.COLLEAGUE: 1, About.MANAGER: 1, About.OTHER: -3},
    ),
    Route(
        slug="kernteam-udr",
        name=_("Kernteam uitsluiting, discriminatie of racisme"),
        what_happens=_(
            "Twijfel je of iets uitsluiting, discriminatie of racisme is? Het landelijke kernteam denkt mee "
            "en adviseert over vervolgstappen."
        ),
        who_knows=_("Het kernteam. Het doet zelf geen melding zonder jou."),
        how_to_start=_(
            "Mail het landelijke kernteam met je vraag. Het adres staat op het intranet; de vertrouwenspersoon "
            "kan het je ook geven."
        ),
        wants={Want.ADVICE: 3},
        abouts={About.TEAM: 2, About.COLLEAGUE: 1},
    ),
    Route(
        slug="team-vgw",
        name=_("Teamgesprek met begeleiding van buiten het team"),
        what_happens=_(
            "Gaat het om de sfeer of de omgang in het hele team? Dan kan een begeleider van het team Veilig "
            "en Gezond Werken een teamgesprek leiden."
        ),
        who_knows=_("Je leidinggevende vraagt het aan; het hele team doet mee."),
        how_to_start=_("Bespreek met je leidinggevende dat een begeleid teamgesprek nodig is."),
        link=("provision", "experts-vgw-teams"),
        via_manager=True,
        wants={Want.STOP: 1, Want.ADVICE: 1},
        abouts={About.TEAM: 4},
    ),
    Route(
        slug="ombudsfunctionaris",
        name=_("Ombudsfunctionaris politie"),
        what_happens=_(
            "Loopt een melding of klacht vast, of vertrouw je de gewone wegen niet meer? De "
            "ombudsfunctionaris kijkt onafhankelijk mee hoe de organisatie ermee omgaat."
        ),
        who_knows=_("De ombudsfunctionaris, en alleen met jouw instemming anderen."),
        how_to_start=_("Neem contact op met de ombudsfunctionaris en vertel welke stappen je al hebt gezet."),
        wants={Want.INVESTIGATION: 2, Want.ADVICE: 1},
        abouts={About.MANAGER: 2, About.OTHER: 2},
    ),
    Route(
        slug="misstand-melden",
        name=_("Een misstand melden (klokkenluidersregeling)"),
        what_happens=_(
            "Gaat het om een misstand die verder reikt dan jou, zoals fraude of een gevaar voor anderen? "
            "Dan meld je die via de klokkenluidersregeling, met bescherming voor jou als melder."
        ),
        who_knows=_("Wie de melding behandelt. Je kunt vragen je naam niet door te geven."),
        how_to_start=_("Laat je eerst adviseren door een vertrouwenspersoon integriteit en meld daarna."),
        wants={Want.INVESTIGATION: 4},
        abouts={About.OTHER: 2},
    ),
    Route(
        slug="sociaal-loket",
        name=_("Sociaal loket"),
        what_happens=_("Weet je niet waar je moet beginnen? Het sociaal loket zoekt met je uit welke hulp past."),
        who_knows=_("Alleen de medewerker van het loket."),
        how_to_start=_("Neem contact op met het sociaal loket van je eenheid, waar dat er is."),
        wants={Want.ADVICE: 2, Want.TALK: 1},
    ),
)

_AROUND_THE_MANAGER = _("Je leidinggevende hoeft dit niet te weten: deze route gaat buiten je leidinggevende om.")
_MANAGER_MAY_LEARN = _(
    "Je hoeft niet via je leidinggevende te gaan. Bij een klacht, onderzoek of mediation kan je "
    "leidinggevende het later wel horen."
)
#: The answers in the second person, for the reasons ("Past bij wat je wilt: dat het stopt.").
WANT_PHRASES = {
    Want.STOP: _("dat het stopt"),
    Want.INVESTIGATION: _("dat het wordt onderzocht"),
    Want.TALK: _("erover praten"),
    Want.ADVICE: _("advies over wat je kunt doen"),
}
ABOUT_PHRASES = {
    About.COLLEAGUE: _("een collega"),
    About.MANAGER: _("je leidinggevende"),
    About.TEAM: _("je team of de sfeer in het team"),
    About.OTHER: _("iets anders, zoals een misstand"),
}


@dataclass(frozen=True)
class Ranked:
    route: Route
    why: list[str]


def rank(answers: Answers) -> list[Ranked]:
    """The routes for these answers, best first (see the module docstring for the rules)."""
    manager_excluded = answers.manager_may_know == ManagerMayKnow.NO or answers.about == About.MANAGER
    scored = []
    for position, route in enumerate(ROUTES):
        if route.via_manager and manager_excluded:
            continue
        points = route.wants.get(answers.want, 0) + route.abouts.get(answers.about, 0)
        if route.via_manager and answers.manager_may_know == ManagerMayKnow.UNSURE:
            points -= 2
        if points > 0:
            scored.append((-points, position, route))
    ranked = [Ranked(route, _reasons(route, answers, manager_excluded)) for _points, _pos, route in sorted(scored)]
    return [*danger_only(), *ranked] if answers.danger == Danger.YES else ranked


def _reasons(route: Route, answers: Answers, manager_excluded: bool) -> list[str]:
    reasons = []
    if route.wants.get(answers.want, 0) >= 3:
        reasons.append(str(_("Past bij wat je wilt: %(want)s.") % {"want": WANT_PHRASES[Want(answers.want)]}))
    if route.abouts.get(answers.about, 0) >= 2:
        reasons.append(str(_("Geschikt als het gaat om %(about)s.") % {"about": ABOUT_PHRASES[About(answers.about)]}))
    if manager_excluded and not route.via_manager:
        reasons.append(str(_MANAGER_MAY_LEARN if route.manager_may_learn else _AROUND_THE_MANAGER))
    return reasons


def danger_only() -> list[Ranked]:
    """What a visitor who says someone is in danger sees, also before answering the rest."""
    return [Ranked(DIRECT_HULP, [str(_("Je gaf aan dat iemand nu in gevaar is. Dat gaat voor alles."))])]
