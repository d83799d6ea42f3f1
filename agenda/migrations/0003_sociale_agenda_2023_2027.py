"""The Sociale Agenda 2023-2027 as content: 4 priorities with their agenda questions, the 18
national actions (seed 004, L505-531) and the "meer inzet" list (L535-556).

Texts paraphrase the source; owners, dates and the priority marks are as the source gives them.
Status, dates and progress notes of the actions stay empty: the agenda is "geen plan" (L404).
Idempotent (matched on natural keys); browser tests call ``load`` again after their flush.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import migrations

PRIORITIES = [
    (
        1,
        "Behoud en versterk gezondheid en welbevinden",
        "Amplitie, preventie en risicomanagement",
        [
            "De meeste collega's voelen zich lichamelijk en mentaal gezond en fit genoeg voor hun werk. Dat "
            "willen we zo houden, want voorkomen is beter dan genezen. Daarom doen we extra veel om gezondheid "
            "en welbevinden te versterken (amplitie) en om klachten en uitval te voorkomen (preventie en "
            "risicomanagement).",
            "Er is al veel aanbod voor preventie, begeleiding en zorg; de Zorgwijzer geeft het overzicht. Een "
            "voorbeeld is de Gezond-werken-app, met uitleg, tips, oefeningen en zelftests over onder meer "
            "slaap, eten, stress, bewegen, ingrijpende gebeurtenissen en gehoorschade.",
            "De afgelopen jaren is ook veel gedaan om meldingen en zaken beter af te handelen en verzuim aan "
            "te pakken.",
        ],
        [
            "Wat is nodig om risicomanagement, preventie en amplitie beter op elkaar te laten aansluiten, en "
            "om de hele keten zo samen te laten werken dat de juiste maatregelen worden genomen?",
            "Hoe blijven we risico's van het werk voortdurend zien en zichtbaar maken, zodat we ervan leren "
            "en ze voorkomen of beperken?",
            "Wat is nodig zodat leidinggevenden meer ruimte krijgen voor de zorg voor hun mensen en voor de "
            "ontwikkeling van hun team?",
            "Aandacht, steun en erkenning van leidinggevenden en collega's zijn de eerste stap van preventie. "
            "Hoe zien zij sneller dat het met een collega niet goed gaat, en hoe kunnen ze de weg wijzen naar "
            "hulp en zorg?",
            "Collega's, partners en familie merken vaak als eersten dat het minder gaat. Hoe betrekken we "
            "partners en familie bij het voorkomen, beperken en aanpakken van klachten door het werk?",
        ],
    ),
    (
        2,
        "Maak voldoende ruimte voor herstel",
        "",
        [
            "De meeste collega's kunnen tijdens of na het werk nog genoeg ontspannen en weer opladen. Maar "
            "door onderbezetting en hoge werkdruk lopen collega's het risico op den duur uitgeput te raken. "
            "Dat raakt hun welbevinden en de kwaliteit van het werk.",
            "Genoeg tijd om te herstellen, en zelf invloed hebben op je rooster, zijn nodig om het werk goed "
            "en lang vol te houden. Er is altijd meer werk dan mensen, dus er moeten keuzes worden gemaakt. "
            "Soms is een stap extra nodig, maar minder hersteltijd mag pas het allerlaatste middel zijn.",
        ],
        [
            "Hoe houden we bij het maken van keuzes oog voor het welbevinden van collega's?",
            "Hoe zetten we de maatregelen die capaciteit opleveren zo goed mogelijk in voor genoeg hersteltijd?",
            "Wat is nodig om keuzes te maken die het werk dat er ligt en de mensen die het doen beter in "
            "balans brengen?",
            "Wat is nodig om in cultuur en gedrag de goede stappen te zetten?",
        ],
    ),
    (
        3,
        "Stimuleer (zelf)reflectie en versterk een inclusief, sociaal veilig leer- en werkklimaat",
        "",
        [
            "We willen een werkklimaat waarin stilstaan bij je eigen gedrag, gedachten en gevoelens gewoon is "
            "en bij het vak hoort. Dat helpt het mentale en morele welbevinden.",
            "Het vak en de samenleving veranderen. Daarom is een cultuur nodig waarin iedereen leert, in het "
            "werk en van elkaar, waarin fouten maken mag en waarin we elke dag praten over wat werkt en wat "
            "deugt.",
            "We willen de omgang met elkaar versterken met een inclusief en sociaal veilig werkklimaat, waarin "
            "racisme, discriminatie, pesten, (seksuele) intimidatie en misbruik van voorzieningen worden "
            "voorkomen en aangepakt.",
        ],
        [
            "Wat is nodig om meer ruimte te geven aan leiderschap dat gericht is op mensen, ontwikkeling en "
            "inclusie?",
            "Wat heeft een collega nodig om stil te staan bij eigen gedachten, gevoelens en gedrag, en om "
            "zich beter in anderen te verplaatsen?",
            "Wat is nodig om in cultuur en gedrag de goede stappen te zetten, naar een lerende cultuur en "
            "teams die inclusief en sociaal veilig zijn?",
        ],
    ),
    (
        4,
        "Geef extra aandacht aan aspiranten en jonggediplomeerden",
        "",
        [
            "We investeren extra in de gezondheid en het welbevinden van aspiranten en jonggediplomeerden, en "
            "in een cultuur waarin zij zich kunnen ontwikkelen.",
            "Als zoveel mogelijk aspiranten hun diploma halen en een aantal jaren blijven, breken we de cirkel "
            "van roosterdruk en inzetbaarheid. Tegelijk zijn er zorgen over hun mentale en morele "
            "welbevinden, hun vorming, hun sociale veiligheid en het leer- en werkklimaat.",
        ],
        [
            "Wat is in het dagelijkse werk nodig om te voorkomen dat aspiranten en jonggediplomeerden "
            "onnodig vroeg vertrekken, en om hen in hun kracht te houden? Het plan 'Daarom blijven ze' hoort "
            "daarbij.",
            "Hoe houden we bij het maken van keuzes extra oog voor het welbevinden van aspiranten en "
            "jonggediplomeerden?",
            "Wat kan er gebeuren om hun mentale weerbaarheid en moreel welbevinden te versterken?",
        ],
    ),
]

# number, what, owner, priorities, catalogue slug, catalogue name
ACTIONS = [
    (1, "Een goed werkende cyclus van plannen, doen, checken en bijsturen voor risico's van het werk, met "
        "duidelijk belegde verantwoordelijkheden en meer samenhang tussen risicomanagement, preventie en "
        "amplitie.", "DirHRM", [1], "", ""),
    (2, "Communicatie als werkgever en voorlichting over gezondheid aan leidinggevenden, collega's en "
        "partners en familie.", "Dienst HRM i.s.m. eenheden", [1, 2, 3, 4], "", ""),
    (3, "Leiderschapsagenda: de Operationeel Expert (OE) versterken en toerusten, onderzoek naar span of "
        "control, support en care, een betere selectie, R&O-gesprekken, genoeg HR-ondersteuning en leren en "
        "ontwikkelen stimuleren.", "Opgave Leiderschap i.s.m. HRM", [1, 2, 3, 4], "", ""),
    (4, "Aanbod om te voorkomen en te versterken (MDIEU-Samen inzetbaar).", "Dienst HRM", [1], "", ""),
    (5, "De Risicowijzer politie beschikbaar maken (eerder: Arbocatalogus politie).", "Dienst HRM", [1],
     "risicowijzer", "Risicowijzer politie"),
    (6, "De Gezond-werken-app verder ontwikkelen en meer onder de aandacht brengen.", "Dienst HRM", [1],
     "gezond-werken-app", "Gezond-werken-app"),
    (7, "Preventief medisch onderzoek (PMO) voor de groepen voor wie het nodig is, en de uitslagen beter "
        "laten aansluiten op de voorzieningen van het korps.", "Dienst HRM", [1], "", ""),
    (8, "Een nieuw stelsel voor beroepsgerelateerd letsel invoeren.", "SpaZ", [1], "", ""),
    (9, "De toegang tot het ondersteuningsaanbod eenvoudiger maken (zie de pilot Sociaal loket).",
     "PfhIntegriteit", [1], "", ""),
    (10, "Verzuim terugdringen en de aanpak vasthouden.", "Programma Verzuim", [1], "", ""),
    (11, "CM 3.0.", "DirHRM i.s.m. eenheden", [1, 2], "", ""),
    (12, "Anders roosteren en sociaal plannen verder invoeren.", "Eenheden", [1, 2], "", ""),
    (13, "De HR-advisering aan leidinggevenden verbeteren, ook aan OE's.", "Dienst HRM", [1], "", ""),
    (14, "Korpsopgave Politie voor iedereen: veilige en inclusieve teams en de aanpak van uitsluiting, "
         "discriminatie en racisme.", "Opgave Pvl i.s.m. eenheden", [1, 3, 4], "", ""),
    (15, "De visie Leren & Ontwikkelen uitvoeren, spoor 1: naar een cultuur die gericht is op ontwikkeling.",
     "Kolom HRM i.s.m. eenheden", [1, 3, 4], "", ""),
    (16, "De aanpak 'Daarom blijven ze', om aspiranten te behouden.",
     "Ketenregisseur i.s.m. eenheden, PA en Dienst HRM", [1, 3, 4], "", ""),
    (17, "Aspiranten beter volgen.", "Dienst HRM", [4], "", ""),
    (18, "Vaste exitgesprekken voeren.", "Dienst HRM i.s.m. eenheden", [1, 4], "", ""),
]

# section, title, note, approved on
EFFORT = [
    ("inzet", "Kleinere span of control en span of care voor leidinggevenden.",
     "In opdracht van het KLO is Opgave Beweging in Leiderschap hier kort geleden een verkenning naar "
     "begonnen.", None),
    ("inzet", "Meer ruimte voor leidinggevenden in de eerste lijn voor teamontwikkeling en de zorg voor hun "
     "mensen.", "Kort geleden is een verkenning begonnen naar een sterkere bedrijfsvoering in de eenheden.",
     None),
    ("inzet", "Voorlichting over gezondheid en werkgeverscommunicatie die effect heeft.", "", None),
    ("inzet", "Kennis goed opbouwen, met onderzoek en analyse.", "", None),
    ("inzet", "Voorkomen dat jonggediplomeerden onnodig uitvallen of vertrekken.", "", None),
    ("ondersteuning", "De basis op orde bij de ondersteunende diensten: meer formatie en bezetting voor "
     "begeleiding, zoals het PM-onderzoek aangeeft, om risico's van het werk te inventariseren met RI&E's "
     "(PSA, algemeen en per functie) en maatregelen te nemen.", "", None),
    ("ondersteuning", "Hoofd- en hulpstructuur, beleid, ondersteuning en uitvoering werken samen, met een "
     "duidelijke rolverdeling en één aanpak over alle prioriteiten en verschijnselen heen.", "", None),
    ("ondersteuning", "Meer strategische beleidskracht in de Staf Korpsleiding: een adviseur medisch en een "
     "adviseur mentale gezondheid.", "Het voorstel is goedgekeurd.", "2022-12-01"),
    ("ondersteuning", "Een expertisegebied gedrag, cultuur en sociale veiligheid in de Staf Korpsleiding, "
     "voor gebundelde kennis, samenhangend beleid, ondersteuning en een betere P&C-cyclus.",
     "Het voorstel is goedgekeurd.", "2023-06-01"),
]


def load(apps: Any, schema_editor: Any) -> None:
    Priority = apps.get_model("agenda", "Priority")
    Question = apps.get_model("agenda", "AgendaQuestion")
    Action = apps.get_model("agenda", "Action")
    Effort = apps.get_model("agenda", "EffortItem")
    priorities = {}
    for number, title, subtitle, rationale, questions in PRIORITIES:
        priority, created = Priority.objects.get_or_create(
            number=number, defaults={"title": title, "subtitle": subtitle, "rationale": "\n".join(rationale)}
        )
        priorities[number] = priority
        for position, text in enumerate(questions, start=1):
            Question.objects.get_or_create(priority=priority, position=position, defaults={"text": text})
    for number, what, owner, serves, slug, name in ACTIONS:
        action, created = Action.objects.get_or_create(
            number=number, defaults={"what": what, "owner": owner, "catalogue_slug": slug, "catalogue_name": name}
        )
        if created:
            action.priorities.set([priorities[p] for p in serves])
    for position, (section, title, note, approved) in enumerate(EFFORT, start=1):
        Effort.objects.get_or_create(
            section=section,
            position=position,
            defaults={
                "title": title,
                "note": note,
                "approved_on": dt.date.fromisoformat(approved) if approved else None,
                "approved_precision": "maand",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("agenda", "0002_initial"), ("jaarbeeld", "0002_edition_2022")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
