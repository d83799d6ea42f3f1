"""The four dimensions, the indicator registry and the Sociaal Jaarbeeld 2022 as content.

The statements paraphrase seed 004 (Sociaal Jaarbeeld 2022, korte versie, L1-357); dates, bodies
and the one figure (33 %) are as the source gives them. Idempotent: records are matched on their
natural keys, so running ``load`` twice changes nothing. ``load`` is also called by browser tests,
whose transactional flush removes migrated rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import migrations

SOURCE_2022 = "Sociaal Jaarbeeld 2022, korte versie (05-10-2023)"

DIMENSIONS = [
    ("fysiek", "Fysiek", 1),
    ("mentaal", "Mentaal", 2),
    ("moreel", "Moreel", 3),
    ("omgang", "In de omgang met elkaar", 4),
]

# dimension, version, valid from, text, source
DEFINITIONS = [
    ("fysiek", 1, 2022, "Lichamelijke gezondheid.", "Sociaal Jaarbeeld 2022, §1 en §6"),
    (
        "mentaal",
        1,
        2022,
        "Psychologische en psychosociale gezondheid, en de omstandigheden waarin je werkt.",
        "Sociaal Jaarbeeld 2022, §1 en §6",
    ),
    (
        "moreel",
        1,
        2022,
        "In balans blijven bij morele dilemma's, wanneer de ene waarde ten koste gaat van de andere.",
        "Sociaal Jaarbeeld 2022, §1",
    ),
    (
        "moreel",
        2,
        2022,
        "Je evenwicht bewaren bij morele dilemma's en morele stress, en daarna weer herstellen.",
        "Sociaal Jaarbeeld 2022, §6; Sociale Agenda 2023-2027",
    ),
    ("omgang", 1, 2022, "Inclusie en sociale veiligheid.", "Sociaal Jaarbeeld 2022, §1 en §6"),
]

# code, dimension, name, definition, measure, breakdown, source kind, source, owner, computation,
# figure table, figure label
INDICATORS = [
    ("verzuim", "fysiek", "Ziekteverzuim", "Het twaalfmaandsgemiddelde van het ziekteverzuim.", "percentage",
     "organisatie", "cijfers", "Zorgwijzer 2022/2023, §2.2", "Dienst HRM", "", "verzuim",
     "Verzuimpercentage (12-maandsgemiddelde)"),
    ("geweld-niet-fysiek", "fysiek", "Niet-fysiek geweld tegen collega's",
     "Meldingen van geweld zonder lichamelijk contact, zoals bedreiging en belediging.", "richting",
     "organisatie", "redactie", SOURCE_2022, "Dienst HRM", "", "", ""),
    ("geweld-fysiek", "fysiek", "Fysiek geweld tegen collega's", "Meldingen van lichamelijk geweld.",
     "richting", "organisatie", "redactie", SOURCE_2022, "Dienst HRM", "", "", ""),
    ("letsel", "fysiek", "Meldingen van letsel tijdens het werk",
     "Meldingen van letsel dat een collega tijdens het werk opliep.", "richting", "organisatie", "import",
     "Registratie beroepsgerelateerd letsel", "SpaZ", "", "", ""),
    ("nazorg-gtpa", "fysiek", "Nazorgplannen na geweld tegen politieambtenaren",
     "Aantal medewerkers met een nazorgplan dat in het jaar begon na geweld tegen politieambtenaren.",
     "aantal", "eenheid", "platform", "Zorgwijzer: opvang en nazorg", "Coördinatie TCO", "nazorg_gtpa", "", ""),
    ("nazorg-ingrijpend", "mentaal", "Nazorgplannen na een andere ingrijpende gebeurtenis",
     "Aantal medewerkers met een nazorgplan dat in het jaar begon na een andere ingrijpende gebeurtenis.",
     "aantal", "eenheid", "platform", "Zorgwijzer: opvang en nazorg", "Coördinatie TCO", "nazorg_ingrijpend", "", ""),
    ("nazorg-contact-24u", "mentaal", "Eerste contact binnen 24 uur",
     "Deel van de nazorgplannen van het jaar waarin de leidinggevende binnen 24 uur na de gebeurtenis "
     "contact had.", "percentage", "eenheid", "platform", "Zorgwijzer: opvang en nazorg", "Coördinatie TCO",
     "nazorg_contact_24u", "", ""),
    ("nazorg-doorverwijzing", "mentaal", "Nazorgplannen met een doorverwijzing",
     "Deel van de nazorgplannen van het jaar met een doorverwijzing naar professionele zorg.", "percentage",
     "eenheid", "platform", "Zorgwijzer: opvang en nazorg", "Coördinatie TCO", "nazorg_doorverwijzing", "", ""),
    ("barista-uitnodigingen", "mentaal", "Barista-uitnodigingen",
     "Aantal medewerkers voor wie Barista in het jaar een uitnodiging voor een gesprek maakte.", "aantal",
     "eenheid", "platform", "Zorgwijzer: Barista", "Dienst HRM", "barista_uitnodigingen", "", ""),
    ("barista-opgevolgd", "mentaal", "Barista-uitnodigingen met een uitkomst",
     "Deel van de Barista-uitnodigingen van het jaar waarbij de leidinggevende een uitkomst vastlegde.",
     "percentage", "eenheid", "platform", "Zorgwijzer: Barista", "Dienst HRM", "barista_opgevolgd", "", ""),
    ("herstel-energie", "fysiek", "Herstel en energie (weerbaarheidsmonitor)",
     "Deel van de deelnemers met een score in de risicozone op de schaal herstel en energie, zoals de "
     "weerbaarheidsmonitor die publiceerde (laatste gesloten meting van het jaar).", "percentage", "eenheid",
     "platform", "Zorgwijzer: weerbaarheidsmonitor", "Dienst HRM", "monitor_herstel", "", ""),
    ("zelftest-gebruik", "mentaal", "Gebruik van de zelftests",
     "Hoe vaak per week gemiddeld een zelftest werd ingevuld. Zorgwijzer telt alleen het aantal keer "
     "per week, niet wie.", "aantal", "organisatie", "platform", "Zorgwijzer: zelftests", "Dienst HRM",
     "zelftest_gebruik", "", ""),
    ("verzuim-psychisch", "mentaal", "Verzuim door psychische klachten",
     "Deel van het ziekteverzuim dat komt door psychische klachten.", "percentage", "eenheid", "import",
     "Verzuimregistratie", "Programma Verzuim", "", "", ""),
    ("ptss-beroep", "mentaal", "Geregistreerde beroepsgerelateerde PTSS",
     "Aantal registraties van PTSS die met het werk samenhangt.", "aantal", "eenheid", "import",
     "Registratie beroepsziekten", "Dienst HRM", "", "", ""),
    ("psychopol", "mentaal", "Doorverwijzingen naar Psychopol voor PTSS",
     "Aantal doorverwijzingen naar Psychopol in verband met PTSS.", "aantal", "organisatie", "import",
     "Registratie Psychopol", "Dienst HRM", "", "", ""),
    ("bmw-verzoeken", "mentaal", "Verzoeken om bedrijfsmaatschappelijk werk",
     "Aantal verzoeken om hulp van bedrijfsmaatschappelijk werk.", "aantal", "eenheid", "import",
     "Registratie BMW", "Dienst HRM", "", "", ""),
    ("collegiale-ondersteuning", "mentaal", "Collegiale ondersteuning",
     "Hoe vaak collega's collegiale ondersteuning kregen.", "richting", "organisatie", "redactie",
     SOURCE_2022, "Coördinatie TCO", "", "", ""),
    ("morele-stress", "moreel", "Morele stress",
     "Morele stress door het politiewerk, door keuzes binnen de organisatie en door de omgang met elkaar.",
     "richting", "organisatie", "redactie", SOURCE_2022, "Productieteam Sociaal Jaarbeeld", "", "", ""),
    ("vertrouwenswerk", "omgang", "Meldingen en consulten bij vertrouwenswerk",
     "Aantal meldingen bij en consulten van vertrouwenspersonen.", "richting", "organisatie", "import",
     "Jaarverslag vertrouwenswerk", "Vertrouwenswerk", "", "", ""),
    ("instroom", "omgang", "Instroom", "Aantal nieuwe medewerkers in het jaar.", "aantal", "eenheid", "import",
     "HR-systeem", "Dienst HRM", "", "", ""),
    ("uitstroom", "omgang", "Uitstroom", "Aantal medewerkers dat in het jaar vertrok.", "aantal", "eenheid",
     "import", "HR-systeem", "Dienst HRM", "", "", ""),
    ("uitstroom-aspiranten", "omgang", "Vroegtijdige uitstroom van aspiranten en jonggediplomeerden",
     "Aantal aspiranten en jonggediplomeerden dat in het jaar vertrok.", "aantal", "eenheid", "import",
     "HR-systeem en Politieacademie", "Ketenregisseur", "", "", ""),
]

# indicator, direction, value, nature, interpretation
VALUES_2022 = [
    ("geweld-niet-fysiek", "toegenomen", None, "feit", ""),
    ("geweld-fysiek", "afgenomen", None, "feit", ""),
    ("letsel", "toegenomen", None, "feit", ""),
    ("verzuim-psychisch", "toegenomen", "33.0", "feit", ""),
    ("ptss-beroep", "toegenomen", None, "feit", ""),
    ("psychopol", "toegenomen", None, "feit", ""),
    ("bmw-verzoeken", "toegenomen", None, "feit", ""),
    ("collegiale-ondersteuning", "toegenomen", None, "feit", "Meer dan in 2021."),
    ("morele-stress", "toegenomen", None, "duiding", "Het beeld van deskundigen; er is geen meting."),
    ("vertrouwenswerk", "toegenomen", None, "feit", "Meer meldingen en consulten dan in 2021."),
]

THREADS = {
    "overall": [
        ("Het gaat met de meeste collega's goed. De meesten voelen zich gezond genoeg om hun werk te doen.", "duiding"),
    ],
    "goed": [
        ("Over kwetsbaarheid praten we vaker en makkelijker.", "duiding"),
        ("Er is meer belangstelling voor hoe het met collega's gaat, en de wil om hen beter te steunen groeit.",
         "duiding"),
        ("Fysiek en mentaal welbevinden en de omgang met elkaar krijgen steeds meer aandacht.", "duiding"),
        ("Langzaam groeit het besef dat moreel welbevinden meer aandacht nodig heeft.", "duiding"),
        ("Er is veel geïnvesteerd in de manier waarop meldingen worden afgehandeld.", "feit"),
        ("Disciplines werken vaker samen rond de medewerker, die daardoor meer centraal staat.", "duiding"),
    ],
    "geen_beeld": [
        ("Lossen we problemen met welbevinden op voor de groep, of voor ieder apart?", "duiding"),
        ("Weegt de sociale impact genoeg mee als er besluiten worden genomen?", "duiding"),
        ("Werkt de manier waarop veranderingen worden georganiseerd (de hulpstructuren)?", "duiding"),
    ],
    "aandacht": [
        ("Druk op het rooster en te weinig tijd om te herstellen.", "duiding"),
        ("Preventie en het beheersen van risico's.", "duiding"),
        ("Stilstaan bij jezelf en oefenen: moreel, in de omgang en in het leren.", "duiding"),
        ("Aspiranten en collega's die net hun diploma hebben.", "duiding"),
        ("Meer samenhangende analyse en (wetenschappelijk) onderzoek.", "duiding"),
    ],
}

# dimension → block → [(text, nature, indicator code or "")]
BLOCKS = {
    "fysiek": {
        "beeld": [
            ("Het ziekteverzuim is gestegen.", "feit", "verzuim"),
            ("Een deel van het verzuim komt door klachten na corona.", "feit", ""),
            ("Het verzuim is het hoogst bij DRIO, DROS en DROC.", "feit", ""),
            ("Collega's gaan eerder naar de bedrijfsarts: het besef groeit dat snel hulp vragen helpt.",
             "duiding", ""),
            ("Collega's krijgen vaker te maken met geweld zonder lichamelijk contact en minder vaak met "
             "lichamelijk geweld.", "feit", "geweld-niet-fysiek"),
            ("Er komen meer meldingen van letsel dat tijdens het werk is opgelopen.", "feit", "letsel"),
            ("Ondanks capaciteitsmanagement blijven er zorgen over de druk op het rooster en de tijd om te "
             "herstellen.", "duiding", "herstel-energie"),
            ("Opvang en nazorg na geweld tegen politieambtenaren, zoals Zorgwijzer die vastlegt.", "feit",
             "nazorg-gtpa"),
        ],
        "oorzaken": [
            ("Door onderbezetting en korte hersteltijd ervaren collega's meer druk in werk en rooster.",
             "duiding", ""),
            ("De mogelijkheden om hulp en zorg op maat te bieden worden niet ten volle benut.", "duiding", ""),
            ("Maatregelen die capaciteit opleveren worden te weinig gebruikt.", "duiding", ""),
            ("Preventie en risicobeheer krijgen te weinig aandacht.", "duiding", ""),
            ("Wie na een beroepsziekte verwacht terug te keren in hetzelfde team of dezelfde functie, kan in "
             "het herstel worden belemmerd als die verwachting niet uitkomt.", "duiding", ""),
        ],
        "ontwikkelingen": [
            ("Op lange termijn kunnen collega's uitgeput raken door roosterdruk en weinig hersteltijd.",
             "duiding", ""),
            ("Het personeelsbestand vergrijst.", "feit", ""),
            ("In Nederland groeit het aandeel mensen met een chronische ziekte.", "feit", ""),
        ],
    },
    "mentaal": {
        "beeld": [
            ("Kwetsbaarheid wordt vaker gezien, erkend en besproken.", "duiding", ""),
            ("Psychologen en leidinggevenden werken beter samen en er is meer aandacht voor het mentale "
             "welzijn van collega's.", "duiding", ""),
            ("Een groter deel van het verzuim komt door psychische klachten: in 2022 was dat 33%.", "feit",
             "verzuim-psychisch"),
            ("Er wordt meer beroepsgerelateerde PTSS geregistreerd.", "feit", "ptss-beroep"),
            ("Er zijn meer collega's doorverwezen naar Psychopol in verband met PTSS.", "feit", "psychopol"),
            ("Er komen meer verzoeken om bedrijfsmaatschappelijk werk.", "feit", "bmw-verzoeken"),
            ("Collega's die werken via de banenafspraak hebben vaker psychische klachten, mede door de "
             "vacaturestop en minder inhuur.", "duiding", ""),
            ("Er is meer collegiale ondersteuning gegeven dan in 2021.", "feit", "collegiale-ondersteuning"),
            ("Roosterdruk en zorgen thuis brengen mentale risico's mee.", "duiding", ""),
            ("De zorg groeit over de weerbaarheid en mentale gezondheid van aspiranten en jonggediplomeerden.",
             "duiding", ""),
            ("Eerste contact na een ingrijpende gebeurtenis, zoals Zorgwijzer dat vastlegt.", "feit",
             "nazorg-contact-24u"),
        ],
        "oorzaken": [
            ("Collega's worden vaker bedreigd en gedoxt.", "feit", ""),
            ("Eenheden en hulpverleners van VGW hebben te weinig capaciteit.", "feit", ""),
            ("Meer collega's maken zich thuis zorgen: over geld, wonen, kinderopvang of mantelzorg.", "duiding",
             ""),
            ("Jonggediplomeerden en aspiranten krijgen weinig weerbaarheidstraining, hebben weinig ervaring "
             "met noodhulp en korte hersteltijd.", "duiding", ""),
            ("Er is te weinig aandacht voor het aanspreken van de eigen veerkracht en draagkracht.", "duiding",
             ""),
            ("Werkstress kan oplopen en leidinggevenden voelen zich soms machteloos.", "duiding", ""),
        ],
        "ontwikkelingen": [
            ("Op lange termijn kunnen roosterdruk en weinig hersteltijd leiden tot psychische klachten.",
             "duiding", "barista-uitnodigingen"),
        ],
    },
    "moreel": {
        "beeld": [
            ("Er is voorzichtig meer aandacht voor ethiek en moreel welbevinden.", "duiding", ""),
            ("De morele weerbaarheid staat verder onder druk: door dilemma's bij demonstraties, doxing, "
             "groeiend wantrouwen in overheid en politie, aandacht voor sociale veiligheid in teams, de focus "
             "op culturele diversiteit en het aanpakken van racisme, en minder tijd om stil te staan.",
             "duiding", ""),
            ("Morele stress neemt toe, door het politiewerk, door keuzes binnen de organisatie en door de "
             "omgang met elkaar.", "duiding", "morele-stress"),
            ("In teams is morele stress moeilijk bespreekbaar.", "duiding", ""),
        ],
        "oorzaken": [
            ("Morele stress kan leiden tot morele verwonding en tot lichamelijke en psychische klachten, en "
             "daarna tot minder plezier in het werk, verzuim en vroeg vertrek.", "duiding", ""),
            ("Door capaciteitsdruk en te weinig sociale veiligheid is er weinig ruimte voor reflectie en "
             "gesprek.", "duiding", ""),
            ("Ethiek en zingeving krijgen geen vaste plek.", "duiding", ""),
            ("Niet elke leidinggevende is goed toegerust om collega's te begeleiden bij morele dilemma's, "
             "bezwaren en gewetensconflicten.", "duiding", ""),
            ("Ook leidinggevenden ervaren morele stress, juist door hun rol.", "duiding", ""),
        ],
        "ontwikkelingen": [
            ("Spanning en polarisatie in de samenleving zijn ook op de werkvloer te merken.", "duiding", ""),
            ("Het dalende vertrouwen in overheid en politie vraagt veel van de veerkracht en morele "
             "weerbaarheid van collega's.", "duiding", ""),
        ],
    },
    "omgang": {
        "beeld": [
            ("Binnen en buiten de politie is er meer aandacht voor sociale veiligheid en voor het aanpakken "
             "van grensoverschrijdend gedrag, zoals uitsluiting, discriminatie en racisme.", "duiding", ""),
            ("Vertrouwenswerk kreeg meer meldingen en consulten dan in 2021.", "feit", "vertrouwenswerk"),
            ("Volgens de medewerkersmonitor scoort de politie op alle vormen van grensoverschrijdend gedrag "
             "ongunstiger dan de Nederlandse beroepsbevolking gemiddeld.", "feit", ""),
            ("Teams waarin vrouwen, collega's met een migratieachtergrond of aspiranten een kleine minderheid "
             "zijn, zijn extra kwetsbaar.", "duiding", ""),
            ("Er zijn veel initiatieven gestart om signalen en meldingen beter op te pakken, de norm duidelijk "
             "te maken en te leren en te voorkomen.", "feit", ""),
            ("Er zijn zorgen over aspiranten.", "duiding", "uitstroom-aspiranten"),
            ("Vaak is de leidinggevende (mede) de oorzaak van grensoverschrijdend gedrag.", "duiding", ""),
            ("De manier waarop veranderingen worden georganiseerd (hulpstructuren) leidt niet snel tot "
             "verbetering en schaadt sociale veiligheid en werkplezier.", "duiding", ""),
            ("Er is te weinig oog voor de sociale gevolgen van besluiten.", "duiding", ""),
        ],
        "oorzaken": [
            ("Door te weinig hersteltijd lopen spanningen tussen collega's op. Omgekeerd helpen tijd voor "
             "reflectie en nieuwsgierigheid naar elkaar om spanningen laag te houden.", "duiding", ""),
            ("Collega's vinden de zorg voor personeel onvoldoende.", "duiding", ""),
            ("Leiderschap: de span of care, toerusting, aandacht en communicatie.", "duiding", ""),
        ],
        "ontwikkelingen": [
            ("De kritiek op sociale veiligheid en inclusie bij de politie houdt aan, van binnen en van buiten.",
             "feit", ""),
            ("Het Nationaal Actieprogramma Seksueel grensoverschrijdend gedrag en seksueel geweld.", "feit", ""),
            ("Door de aandacht die er nu is, zullen het aantal meldingen en de gemeten percentages "
             "grensoverschrijdend gedrag waarschijnlijk stijgen.", "duiding", ""),
        ],
    },
}

# date, precision, body, subject, outcome
ROUNDS = [
    ("2022-07-22", "dag", "COR en OR BV", "Werksessie 1", ""),
    ("2022-10-26", "dag", "COR", "Werksessie 2", ""),
    ("2022-12-08", "dag", "Ombudsfunctionaris Politie", "Bespreking van het plan van aanpak (PvA)", ""),
    ("2023-01-24", "dag", "Dienst- en directieleiding HRM (DDO)", "Conceptversie van 18-01-2023",
     "Akkoord op de conceptversie"),
    ("2023-01-25", "dag", "COR", "Laatste werksessie (3)", ""),
    ("2023-01-25", "dag", "Twee functionarissen (namen niet openbaar)", "Consultatie over de verantwoording", ""),
    ("2023-02-01", "dag", "HRM-commissie van de COR", "Ter informatie", ""),
    ("2023-02-06", "dag", "Werkoverleg met de directeur HRM", "Bespreking van het PvA", ""),
    ("2023-03-07", "dag", "KLO", "PvA ter reflectie", ""),
    ("2023-03-08", "dag", "Begeleidingscommissie", "Bespreking", ""),
    ("2023-03-14", "dag", "Voorzitters van de OR-en", "PvA ter informatie", ""),
    ("2023-03-17", "dag", "Strategisch Beraad (vakbonden)", "PvA ter informatie", ""),
    ("2023-03-30", "dag", "Begeleidingscommissie", "Bespreking", ""),
    ("2023-04-01", "maand", "Inhoudsdeskundigen (korpsfunctionarissen en -deskundigen), dirHRM-VGW",
     "Consultatie", ""),
    ("2023-04-01", "maand", "OFP en voorzitter COR", "Consultatie", ""),
    ("2023-04-01", "maand", "Teamchefs van eenheden en de PA", "Consultatie", ""),
    ("2023-05-04", "dag", "Begeleidingscommissie", "Bespreking", ""),
    ("2023-05-08", "dag", "MT directie HRM", "Bespreking", ""),
    ("2023-05-16", "dag", "DDO HRM", "Bespreking", ""),
    ("2023-06-05", "dag", "Werkoverleg met de directeur HRM", "Bespreking", ""),
    ("2023-06-13", "dag", "KLO", "Bespreking", ""),
    ("2023-06-21", "dag", "Art. 24 WOR-overleg", "Overleg met de ondernemingsraad", ""),
    ("2023-07-11", "dag", "DDO HRM", "Bespreking", ""),
    ("2023-09-18", "dag", "Werkoverleg met de directeur HRM", "Bespreking", ""),
    ("2023-09-26", "dag", "KLO", "Bespreking", ""),
    ("2023-10-03", "dag", "KL-dbcOR", "Bespreking", ""),
    ("2023-10-04", "dag", "KMTO", "Vaststelling", "Vastgesteld"),
]


def load(apps: Any, schema_editor: Any) -> None:
    Dimension = apps.get_model("jaarbeeld", "Dimension")
    Definition = apps.get_model("jaarbeeld", "DimensionDefinition")
    Indicator = apps.get_model("jaarbeeld", "Indicator")
    Value = apps.get_model("jaarbeeld", "IndicatorValue")
    Edition = apps.get_model("jaarbeeld", "Edition")
    Round = apps.get_model("jaarbeeld", "ConsultationRound")
    Thread = apps.get_model("jaarbeeld", "ThreadItem")
    BlockItem = apps.get_model("jaarbeeld", "BlockItem")

    dimensions = {}
    for code, short, position in DIMENSIONS:
        dimensions[code], _ = Dimension.objects.get_or_create(
            code=code, defaults={"short_name": short, "position": position}
        )
    for code, version, valid_from, text, source in DEFINITIONS:
        Definition.objects.get_or_create(
            dimension=dimensions[code],
            version=version,
            defaults={"valid_from": valid_from, "text": text, "source": source},
        )
    indicators = {}
    for position, row in enumerate(INDICATORS, start=1):
        code, dim, name, definition, measure, breakdown, kind, source, owner, computation, table, label = row
        indicators[code], _ = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "dimension": dimensions[dim],
                "name": name,
                "definition": definition,
                "measure": measure,
                "period": "kalenderjaar",
                "breakdown": breakdown,
                "source_kind": kind,
                "source": source,
                "owner": owner,
                "computation": computation,
                "figure_table": table,
                "figure_label": label,
                "position": position,
            },
        )
    for code, direction, value, nature, interpretation in VALUES_2022:
        Value.objects.get_or_create(
            indicator=indicators[code],
            year=2022,
            unit=None,
            defaults={
                "direction": direction,
                "value": value,
                "nature": nature,
                "interpretation": interpretation,
                "source": SOURCE_2022,
            },
        )
    edition, created = Edition.objects.get_or_create(
        year=2022,
        defaults={
            "title": "Sociaal Jaarbeeld 2022",
            "status": "definitief",
            "summary": "Hoe was het in 2022 met onze collega's als mens? Een eerste, landelijk en samenhangend "
            "antwoord, in vier vormen van welbevinden. Een hulpmiddel dat zich nog ontwikkelt.",
            "classification": "Politie-CONFIDENTIEEL Bedrijfsvoering",
            "finalised_on": dt.date(2023, 10, 5),
            "evaluation_on": dt.date(2023, 11, 1),
        },
    )
    if not created:
        return
    for position, (held_on, precision, body, subject, outcome) in enumerate(ROUNDS, start=1):
        Round.objects.create(
            edition=edition,
            position=position,
            held_on=dt.date.fromisoformat(held_on),
            precision=precision,
            body=body,
            subject=subject,
            outcome=outcome,
        )
    for part, items in THREADS.items():
        for position, (text, nature) in enumerate(items, start=1):
            Thread.objects.create(edition=edition, part=part, position=position, text=text, nature=nature)
    for dim, blocks in BLOCKS.items():
        for block, items in blocks.items():
            for position, (text, nature, indicator) in enumerate(items, start=1):
                BlockItem.objects.create(
                    edition=edition,
                    dimension=dimensions[dim],
                    block=block,
                    position=position,
                    text=text,
                    nature=nature,
                    indicator=indicators.get(indicator),
                )


class Migration(migrations.Migration):
    dependencies = [("jaarbeeld", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
