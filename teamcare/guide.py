"""The texts of the guided route (seed 004, in our own words): the action routes, the checklists
and the check-up conversation guide. Plain data; the pages and the suggestion rules read it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Item = tuple[str, Promise]

#: The route for concern about a team, step by step.
TEAM_ROUTE: tuple[Item, ...] = (
    ("vermoeden", _("Neem je vermoeden serieus: schrijf op wat je opvalt.")),
    ("toetsen", _("Toets je gevoel bij een of twee collega's die je vertrouwt, of bij je eigen leidinggevende.")),
    (
        "inschatting",
        _(
            "Maak een eerste inschatting: wat speelt er, hoe groot is het, gaat het om een paar mensen, welk "
            "deel ligt bij de leidinggevende, en welke feiten en verhalen heb je?"
        ),
    ),
    (
        "aanpak",
        _(
            "Bedenk een aanpak en bespreek die vooraf met iemand die je vertrouwt; vraag zo nodig advies aan een "
            "deskundige."
        ),
    ),
    (
        "gesprek",
        _("Ga in gesprek met de leidinggevende(n) van het team. Breng je onderbouwde vermoeden in en blijf erbij."),
    ),
    (
        "prioriteit",
        _(
            "Spreek af wat nu eerst nodig is (normaal en respectvol met elkaar omgaan) en wie grenzen stelt als "
            "gedrag afwijkt."
        ),
    ),
    ("hulp", _("Bied hulp en nabijheid aan: van jezelf, van anderen of van deskundigen.")),
)

#: The route for concern about one leader, with the option of another function.
LEADER_ROUTE: tuple[Item, ...] = (
    ("vermoeden", _("Neem je vermoeden serieus, zoek onderbouwing en maak een eerste inschatting.")),
    ("aanpak", _("Kies bewust een aanpak en toets die vooraf, zo nodig bij een deskundige.")),
    ("gesprek", _("Bespreek je vermoeden met de leidinggevende: herkent hij of zij het?")),
    ("belangen", _("Bespreek de belangen: van de leidinggevende en van de teamleden.")),
    ("hulp", _("Vraag wat de leidinggevende nodig heeft en regel die hulp.")),
    ("plan", _("Kom samen tot een plan dat haalbaar is.")),
    (
        "andere_functie",
        _("Bespreek, eventueel in meer gesprekken, of een andere functie beter past bij talent en ambitie."),
    ),
    (
        "mogelijkheden",
        _("Zoek actief en open naar concrete mogelijkheden en weeg de gevolgen van wel en niet verplaatsen af."),
    ),
)

#: Early signals in a team (12).
EARLY_SIGNALS: tuple[Item, ...] = (
    ("wisseling", _("Leidinggevenden wisselen snel, ook in de afgelopen jaren")),
    ("mobiliteit", _("Teamleden stromen weinig door naar ander werk")),
    ("vermenging", _("Persoonlijke relaties en werkrelaties lopen sterk door elkaar")),
    ("verzuim", _("Het verzuim is hoog en mensen melden zich vaak ziek")),
    ("opstand", _("Als de leiding grenzen stelt, verzet het team zich")),
    ("feedback", _("Feedback wordt persoonlijk opgevat")),
    ("waardering", _("In gesprekken is weinig ruimte voor waardering en erkenning")),
    ("fatsoen", _("Omgangsnormen worden overschreden")),
    ("flauw", _("Flauwe opmerkingen worden weggelachen en niemand spreekt erop aan")),
    ("verdediging", _("Wie doorvraagt, ziet veel verdedigend gedrag")),
    ("onderstroom", _("Er wordt veel niet gezegd; je voelt een onderstroom")),
    ("oud_zeer", _("Oude pijn komt steeds terug, bijvoorbeeld bij veranderingen")),
)

#: Symptoms of a neglected team (14).
NEGLECT_SYMPTOMS: tuple[Item, ...] = (
    ("naar_binnen", _("Het team is vooral op zichzelf gericht")),
    ("initiatief", _("Er is weinig zin om initiatief te nemen")),
    ("eigenaarschap", _("Niemand voelt zich eigenaar")),
    ("ontwijken", _("Mensen ontwijken lastige onderwerpen of elkaar")),
    ("vakgesprek", _("Er is weinig ruimte voor het gesprek over het vak")),
    ("ondermijnend", _("Er hangt ondermijnende energie in het team")),
    ("informele_macht", _("Informele macht speelt een grote rol")),
    ("laissez_faire", _("De leiding laat veel op zijn beloop")),
    ("over_elkaar", _("Collega's praten eerder over elkaar dan met elkaar")),
    ("overleven", _("Collega's lijken te overleven in plaats van te werken")),
    ("helpen", _("Mensen helpen elkaar weinig, bijvoorbeeld bij diensten ruilen")),
    ("grensoverschrijdend", _("Er zijn vaak signalen van grensoverschrijdend gedrag")),
    ("uitsluiting", _("Collega's die anders zijn, worden buitengesloten")),
    ("teamactiviteiten", _("Weinig mensen doen mee aan teamactiviteiten")),
)

#: Signs that the chief is overloaded.
OVERLOAD_SIGNALS: tuple[Item, ...] = (
    ("ballen", _("De druk is hoog en je houdt te veel ballen tegelijk hoog")),
    ("altijd_aan", _("Je staat altijd 'aan' en werkt meer dan 60 uur per week")),
    ("agenda", _("Je agenda loopt over en je beantwoordt mails niet meer op tijd")),
    ("buiten", _("Je aandacht gaat vooral naar buiten en naar projecten")),
    ("beheer", _("Je bent vooral met beheer bezig en nauwelijks met ontwikkeling")),
    ("niet_bekend", _("Je weet niet goed wat er echt speelt in je team")),
    ("vermenging", _("Je ziet niet goed hoe privé en werk tussen teamleden door elkaar lopen")),
)


@dataclass(frozen=True)
class Suggestion:
    """A provision of the catalogue the checklist result points to (by its slug)."""

    slug: str
    why: Promise


def suggestions(early: int, neglect: int, overload: int) -> list[Suggestion]:
    """Which provisions fit the checklist result (several ticks together, never one alone)."""
    found: list[Suggestion] = []
    if early >= 3 or neglect >= 3:
        found.append(
            Suggestion(
                "experts-vgw-teams",
                _(
                    "Je ziet meerdere signalen tegelijk. De experts Veilig en Gezond Werken Teams kunnen met je "
                    "meekijken en teamcoaching inzetten."
                ),
            )
        )
        found.append(
            Suggestion(
                "collectief-van-ontwikkelmethodieken",
                _("Werkvormen voor teamontwikkeling, waaronder het gesprek over waarden."),
            )
        )
    if neglect >= 5 or early >= 6:
        found.append(
            Suggestion(
                "mediation", _("Spelen er conflicten tussen mensen? Een mediator helpt het gesprek weer op gang.")
            )
        )
    if overload >= 2:
        found.append(
            Suggestion(
                "coaching", _("Meerdere signalen van overbelasting bij jezelf: coaching helpt je weer ruimte te maken.")
            )
        )
    return found


#: The short conversation guide of the periodic check-up.
CHECKUP_QUESTIONS: tuple[Item, ...] = (
    ("gaat_goed", _("Wat gaat goed in het team, en waar zijn jullie trots op?")),
    ("omgang", _("Hoe gaan jullie met elkaar om? Spreken collega's elkaar aan?")),
    ("veiligheid", _("Durft iedereen te zeggen wat hij of zij denkt?")),
    ("monitor", _("Wat zeggen de uitkomsten van de Weerbaarheidsmonitor en hoe staat het met het Plan van Aanpak?")),
    ("afspraken", _("Welke afspraken maken jullie tot de volgende check-up?")),
)
