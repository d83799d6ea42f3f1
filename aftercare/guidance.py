"""How to do each step, for someone doing it for the first time (issue 15 §3): what to say, what
to offer and what to write down. Shown on the plan page to whoever may complete the step.

Written for this platform, in the spirit of the Zorgwijzer (the manager's acknowledgement and
operational debriefing, peer support by the TCO, the check at four to six weeks) and of Arq's
guideline on psychosocial support (normal reactions first, attention for those who keep having
complaints). The home-front step has its own guide (``aftercare/templates``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aftercare.constants import StepKind


@dataclass(frozen=True)
class Guide:
    say: str | Promise
    offer: str | Promise
    record: str | Promise


GUIDES: dict[str, Guide] = {
    StepKind.CONTACT: Guide(
        say=_(
            "Bel of zoek je collega op. Zeg dat je weet wat er gebeurd is en vraag hoe het nu gaat. "
            "Luister vooral; je hoeft niets op te lossen."
        ),
        offer=_(
            "Vertel dat heftige reacties in de eerste weken normaal zijn, en dat collegiale ondersteuning "
            "en het 24/7 Loket er zijn. Vraag wat je collega nu nodig heeft: rust, werk, iemand om mee te praten."
        ),
        record=_("Alleen dat het contact er was. Schrijf geen details over hoe je collega zich voelt."),
    ),
    StepKind.DEBRIEFING: Guide(
        say=_(
            "Loop samen de feiten door: wat gebeurde er, wie deed wat, wat ging goed en wat kan beter. "
            "Dit gaat over de inzet, niet over gevoelens."
        ),
        offer=_(
            "Doe het met iedereen die erbij was, of één op één als dat beter past. Zeg aan het eind waar "
            "mensen terechtkunnen als het later toch blijft hangen."
        ),
        record=_("Dat de debriefing is gehouden, en met wie. Verbeterpunten voor de inzet gaan via de eigen lijn."),
    ),
    StepKind.SUPPORT_OFFER: Guide(
        say=_("Vraag of je collega een gesprek wil met een collegiaal ondersteuner. Het is een aanbod, geen plicht."),
        offer=_(
            "Kies een getrainde ondersteuner die niet bij de gebeurtenis was. Zegt je collega nee, respecteer dat "
            "en zeg dat het aanbod blijft staan."
        ),
        record=_("Wie de ondersteuner is, of dat je collega het aanbod afsloeg."),
    ),
    StepKind.CHECK_IN: Guide(
        say=_(
            "Vraag hoe het gaat met slapen, met terugdenken aan wat er gebeurde, thuis en op het werk. "
            "Gebruik je eigen woorden; het is een gesprek, geen vragenlijst."
        ),
        offer=_(
            "Gaat het steeds beter? Dan is dat goed nieuws. Blijven klachten hetzelfde of worden ze erger, "
            "bespreek dan met de coördinator of verwijzing nodig is."
        ),
        record=_(
            "Dat het contactmoment er was. Houd wat je collega vertelt voor jezelf, "
            "of in een notitie voor de coördinator."
        ),
    ),
    StepKind.EVALUATION: Guide(
        say=_(
            "Kijk samen terug op de weken na de gebeurtenis. Zijn er na vier tot zes weken nog klachten die "
            "het dagelijks leven of het werk in de weg zitten?"
        ),
        offer=_(
            "Zijn er nog klachten, dan volgt een doorverwijzing naar professionele zorg. Dat is geen falen: "
            "vroeg hulp zoeken helpt het meest."
        ),
        record=_("Alleen het antwoord: nog klachten, ja of nee."),
    ),
    StepKind.REFERRAL: Guide(
        say=_("Leg uit waar je collega naartoe gaat en wat daar gebeurt. Vraag of je collega dat wil."),
        offer=_("Help met de eerste afspraak als dat nodig is, en spreek af wanneer je weer contact hebt."),
        record=_("Naar wie is doorverwezen en op welke datum. Geen medische informatie."),
    ),
    StepKind.CONTACT_REQUEST: Guide(
        say=_("Je collega vroeg zelf om contact. Neem binnen 24 uur contact op en vraag waar het over gaat."),
        offer=_("Luister en kijk samen wat nodig is: een gesprek, hulp bij een volgende stap, of verwijzing."),
        record=_("Dat het contact er was."),
    ),
    StepKind.CLOSURE: Guide(
        say=_("Laat je collega weten dat de nazorg stopt, en dat hij of zij altijd weer aan de bel kan trekken."),
        offer=_("Noem het 24/7 Loket en de collegiale ondersteuning nog eens, voor later."),
        record=_("Dat de nazorg is afgesloten. De persoonsgegevens worden na de bewaartermijn verwijderd."),
    ),
    StepKind.TEAM_OPVANG: Guide(
        say=_(
            "Breng het team zo snel mogelijk samen. Zeg wat er gebeurd is, voor zover je dat mag delen, "
            "en geef ruimte aan verdriet, boosheid en vragen. Er is geen goede of foute reactie."
        ),
        offer=_(
            "Zorg voor rust en tijd: geen volle dienst erna als dat kan. Nodig de coördinator TCO uit, en "
            "zeg dat iedereen een eigen gesprek kan krijgen."
        ),
        record=_("Alleen dat de opvang er was. Het plan van elk teamlid wordt dan ook bijgewerkt."),
    ),
    StepKind.INFORM: Guide(
        say=_(
            "Spreek eerst met de familie af wat je mag vertellen. Vertel het team en anderen die het moeten "
            "weten hetzelfde, op hetzelfde moment, en liefst persoonlijk."
        ),
        offer=_("Zeg wanneer er meer nieuws komt, bijvoorbeeld over het afscheid, en wie vragen beantwoordt."),
        record=_("Dat het team is geïnformeerd. Schrijf niets op over de overleden collega."),
    ),
    StepKind.SPIRITUAL_CARE: Guide(
        say=_(
            "Vertel dat de geestelijk verzorger er is voor iedereen, gelovig of niet, en kan helpen bij een "
            "afscheid, een herdenking of een ritueel met het team."
        ),
        offer=_(
            "Een gesprek alleen of samen. De geestelijk verzorger heeft geheimhoudingsplicht: wat iemand "
            "vertelt, blijft bij hem of haar."
        ),
        record=_("Dat het aanbod is gedaan, of dat je collega het niet wilde."),
    ),
    StepKind.INVESTIGATION: Guide(
        say=_(
            "Na elke suïcide van een collega kijkt een extern psychotraumacentrum wat de organisatie kan "
            "leren. Vraag dat onderzoek aan."
        ),
        offer=_("Leg het team uit dat het onderzoek gaat over leren en voorkomen, niet over schuld."),
        record=_("De datum van de aanvraag. Het plan van elk teamlid wordt dan ook bijgewerkt."),
    ),
    StepKind.PRIKPUNT: Guide(
        say=_(
            "Bel direct met Prikpunt, dag en nacht bereikbaar (het nummer staat op de pagina Direct hulp). "
            "Prikpunt schat het risico op besmetting in en zegt wat er nu moet gebeuren."
        ),
        offer=_(
            "Soms is snel behandelen nodig, binnen enkele uren. Regel dat je collega daarvoor weg kan en "
            "niet alleen hoeft te gaan."
        ),
        record=_("Alleen dat Prikpunt is gebeld. Geen uitslagen of medische informatie."),
    ),
    StepKind.AANGIFTE: Guide(
        say=_(
            "Geweld tegen politie wordt nooit geaccepteerd: er wordt altijd aangifte gedaan en een "
            "proces-verbaal opgemaakt. Help je collega daarbij."
        ),
        offer=_("Zeg dat de casemanager geweld tegen politie helpt bij het verhalen van de schade."),
        record=_("De datum van de aangifte."),
    ),
    StepKind.CASE_FILE: Guide(
        say=_("Neem contact op met je collega en leg uit wat jij doet: het dossier bijhouden en de schade verhalen."),
        offer=_("Vraag welke schade er is: letsel, kosten, kapotte spullen. Leg uit hoe het strafproces verloopt."),
        record=_("Dat het dossier is aangelegd. Geen medische informatie in dit plan."),
    ),
    StepKind.DAMAGE_CLAIM: Guide(
        say=_("Bespreek met je collega welke schade op de dader wordt verhaald en hoe dat gaat."),
        offer=_("Stel de vordering in het strafproces op en houd je collega op de hoogte."),
        record=_("Dat de vordering is voorbereid."),
    ),
    StepKind.PROPERTY_DAMAGE: Guide(
        say=_("Vraag welke persoonlijke spullen kapot of kwijt zijn, zoals een bril, horloge of kleding."),
        offer=_("Leg uit welke bewijzen nodig zijn, zoals een bon of foto, en hoe de vergoeding gaat."),
        record=_("Dat de schade in behandeling is."),
    ),
}


def guide_for(kind: str) -> Guide | None:
    return GUIDES.get(kind)


#: What a step means for the employee the plan is about, in plain words (issue 15 §3): who does
#: what for them, without the workflow's role names. ``%(name)s`` is the person who does it.
FOR_EMPLOYEE: dict[str, str | Promise] = {
    StepKind.CONTACT: _("Je leidinggevende (%(name)s) neemt contact met je op om te horen hoe het gaat."),
    StepKind.DEBRIEFING: _("Je leidinggevende (%(name)s) loopt met jou en je collega's de inzet door."),
    StepKind.SUPPORT_OFFER: _("Je krijgt een gesprek aangeboden met een collegiaal ondersteuner. Dat mag je afslaan."),
    StepKind.CHECK_IN: _("Je collegiaal ondersteuner (%(name)s) vraagt hoe het met je gaat."),
    StepKind.EVALUATION: _("Samen met je collegiaal ondersteuner (%(name)s) kijk je terug: zijn er nog klachten?"),
    StepKind.REFERRAL: _("Je krijgt hulp van een professional. %(name)s regelt de verwijzing met je."),
    StepKind.HOME_FRONT: _("Je thuisfront krijgt informatie, omdat jij daar toestemming voor gaf."),
    StepKind.CONTACT_REQUEST: _("Je vroeg om contact. %(name)s neemt binnen 24 uur contact met je op."),
    StepKind.CLOSURE: _("De nazorg wordt afgesloten. Je kunt daarna altijd weer om hulp vragen."),
    StepKind.TEAM_OPVANG: _("Je leidinggevende (%(name)s) brengt het team samen voor opvang."),
    StepKind.INFORM: _("Je leidinggevende (%(name)s) vertelt het team wat er gedeeld kan worden."),
    StepKind.SPIRITUAL_CARE: _(
        "Je kunt praten met de geestelijk verzorger, ook over een afscheid of ritueel. Dat mag je afslaan."
    ),
    StepKind.INVESTIGATION: _(
        "Een extern psychotraumacentrum onderzoekt wat de organisatie kan leren. Jij hoeft daar niets voor te doen."
    ),
    StepKind.PRIKPUNT: _(
        "Prikpunt wordt gebeld voor een inschatting van het risico. %(name)s zorgt dat dit binnen een paar uur gebeurt."
    ),
    StepKind.AANGIFTE: _("Je leidinggevende (%(name)s) helpt je met de aangifte."),
    StepKind.CASE_FILE: _("De casemanager geweld tegen politie legt je dossier aan en helpt je met de schade."),
    StepKind.DAMAGE_CLAIM: _("De casemanager geweld tegen politie helpt je de schade te verhalen op de dader."),
    StepKind.PROPERTY_DAMAGE: _("De casemanager regelt de schade aan je persoonlijke spullen."),
}


def for_employee(kind: str, name: str) -> str:
    text = FOR_EMPLOYEE.get(kind)
    return str(text) % {"name": name} if text is not None else ""
