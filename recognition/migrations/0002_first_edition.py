"""The first edition of the recognition pages (Zorgwijzer chapter 7), in our own words.
The inhoudsbeheerder edits them in Zorgwijzer; every edit adds an edition."""

from __future__ import annotations

from typing import Any

from django.db import migrations

# slug, section, order, title, summary, body, how to join
PAGES: list[tuple[str, str, int, str, str, str, str]] = [
    (
        "eremedaille-voor-verdienste",
        "medailles",
        1,
        "Eremedaille voor Verdienste",
        "Een medaille voor een uitzonderlijke prestatie of een bijzondere inzet voor de politie.",
        "Politiewerk vraagt elke dag moed en vakmanschap. Soms steekt een prestatie, een vernieuwing of een hele "
        "loopbaan daar ver bovenuit. Daarvoor is de Eremedaille voor Verdienste.\n\n"
        "De medaille is voor uitzonderlijk politiewerk, of voor iemand die op een bijzondere manier veel heeft "
        "betekend voor de politie. Het gaat om moed en inzet voor het vak en voor de organisatie.",
        "Ken je een collega die deze medaille verdient? Draag hem of haar voor in Zorgwijzer. De voordracht gaat "
        "naar de leiding van de eenheid van je collega. Je ziet zelf hoe het ermee staat.",
    ),
    (
        "politiemedaille-en-legpenning",
        "medailles",
        2,
        "Politiemedaille en legpenning",
        "Een blijk van waardering bij 12½, 25 en 40 jaar trouwe dienst.",
        "Wie lang en trouw bij de politie werkt, krijgt bij het jubileum van 12½, 25 en 40 jaar een "
        "onderscheiding. Daarmee laat de minister zien dat Nederland zuinig is op mensen die zich zo lang inzetten "
        "voor politiewerk.\n\n"
        "De Politiemedaille is voor politieambtenaren die zijn aangesteld voor de politietaak. ATH-collega's die ook "
        "beëdigd zijn als BOA, met een geldige akte, krijgen de Politiemedaille ook. Andere collega's met een "
        "administratief-technische aanstelling (ATH) krijgen een legpenning.\n\n"
        "Je leidinggevende ziet in Zorgwijzer wanneer je jubileum eraan komt en krijgt op tijd een herinnering.",
        "",
    ),
    (
        "vrijwilligersmedaille",
        "medailles",
        3,
        "Vrijwilligersmedaille openbare orde en veiligheid",
        "Voor vrijwillige politiemedewerkers in plaats van de Politiemedaille.",
        "Vrijwillige politiemedewerkers met taken in openbare orde en veiligheid krijgen geen Politiemedaille. "
        "Voor hen is er de Vrijwilligersmedaille openbare orde en veiligheid. Ook hier regelt de leidinggevende "
        "de uitreiking.",
        "",
    ),
    (
        "tuin-van-bezinning",
        "herdenken",
        1,
        "Tuin van Bezinning",
        "Het monument in Warnsveld voor politiemensen die door hun werk zijn omgekomen.",
        "De Tuin van Bezinning in Warnsveld is het monument van en voor de Nederlandse politie. Hier herdenken we "
        "politiemensen die sinds 1 januari 1946 zijn omgekomen door het uitvoeren van hun politietaak.\n\n"
        "Politiewerk maakt anderen veiliger, maar brengt ook risico's mee. Elk jaar, op de tweede donderdag van "
        "juni, is de herdenkingsdag van de politie. De plechtigheid in de Tuin is dan het middelpunt.",
        "Iedereen kan de Tuin bezoeken. Wil je bij de herdenking zijn? Vraag je leidinggevende of kijk op het "
        "intranet.",
    ),
    (
        "politie-voor-iedereen",
        "netwerken",
        1,
        "Politie voor Iedereen",
        "Diversiteit, inclusie en divers vakmanschap: een politie die er is voor iedereen, met heel verschillende "
        "mensen.",
        "De politie is er voor iedereen, en iedereen is gelijk voor de politie. Ook binnen de politie werken heel "
        "verschillende mensen met verschillende talenten. Samen zorgen we voor een veilige samenleving.\n\n"
        "Politie voor Iedereen is de blik waarmee we werken aan diversiteit, inclusie en divers vakmanschap: "
        "veilige teams waarin verschillende collega's goed en effectief samenwerken.",
        "Kijk op het intranet bij Politie voor Iedereen voor activiteiten en contactpersonen in je eenheid.",
    ),
    (
        "visie-functioneel-beperkten",
        "netwerken",
        2,
        "Visie Functioneel Beperkten",
        "Hoe de politie als werkgever omgaat met collega's met een functionele beperking.",
        "In de Visie Functioneel Beperkten staat hoe de politie als werkgever omgaat met collega's met een "
        "functionele beperking. Het is de basis voor beleid dat voor hen extra belangrijk is: veilig en gezond "
        "werken, loopbaan en hulp op en rond de werkplek. Het doel is dat je lang en goed kunt blijven werken.",
        "Heb je een beperking en wil je weten wat er voor jou kan? Praat erover met je leidinggevende of HR.",
    ),
    (
        "roze-in-blauw",
        "netwerken",
        3,
        "Roze in Blauw",
        "Het samenwerkingsverband van de Roze in Blauw-teams: aanspreekpunt voor de LHBT-gemeenschap.",
        "Roze in Blauw Nederland is de samenwerking tussen alle Roze in Blauw-teams van de eenheden en diensten. "
        "Deze teams zijn aanspreekpunt voor lesbische, homo, biseksuele en transgender mensen in de samenleving, en "
        "als het nodig is ook binnen de politie. De teams komen regelmatig samen om kennis te delen en elkaar te "
        "steunen.",
        "Wil je meedoen of heb je een vraag? Neem contact op met het Roze in Blauw-team van je eenheid.",
    ),
    (
        "autisme-ambassade-politie",
        "netwerken",
        4,
        "Autisme Ambassade Politie",
        "Een netwerk van en voor collega's met autisme, hun collega's en leidinggevenden.",
        "In de Autisme Ambassade Politie vertellen collega's met autisme open over hoe dat voor hen is. Zo wordt "
        "autisme gewoner op het werk. Dat geeft meer begrip en een betere sfeer. De ambassade werkt samen met de "
        "landelijke Autisme Ambassade van 'Vanuit Autisme Bekeken' om ervaringen en kennis te delen.",
        "Wil je ambassadeur worden of advies vragen? Neem contact op met de Autisme Ambassade Politie via het "
        "intranet.",
    ),
    (
        "platform-chronisch-zieke-politiemedewerkers",
        "netwerken",
        5,
        "Platform Chronisch zieke Politiemedewerkers (PCP)",
        "Honderden collega's die weten wat het is om chronisch ziek te zijn of een beperking te hebben.",
        "Het PCP is een landelijk netwerk van honderden collega's die uit ervaring weten wat een chronische ziekte "
        "of beperking betekent. Zij geven advies, steun en begeleiding. Het platform brengt knelpunten op tafel, "
        "zodat chronisch zieke collega's hun werk zo goed mogelijk kunnen doen. De politie erkent het PCP en de "
        "korpsleiding praat met het platform.",
        "Je kunt je aanmelden bij het PCP via het intranet, ook als je alleen een vraag hebt.",
    ),
    (
        "adapt",
        "netwerken",
        6,
        "ADAPT: AD(H)D, Dyslexie, Autisme Politie Talenten",
        "Een werkgroep van ervaringsdeskundigen voor een politie die goed omgaat met AD(H)D, dyslexie en autisme.",
        "De werkgroep ADAPT bestaat uit collega's die zelf AD(H)D, dyslexie of autisme hebben. Zij informeren en "
        "adviseren, zodat de politie een vriendelijke werkgever wordt voor deze collega's. Ze helpen ook om "
        "aanpassingen of steun op de werkplek te regelen. Zo kunnen collega's goed blijven werken en worden hun "
        "bijzondere kwaliteiten gezien.",
        "Wil je meedoen of advies vragen? Zoek ADAPT op het intranet.",
    ),
    (
        "adviesgroep-visueel-beperkte-politiemedewerkers",
        "netwerken",
        7,
        "Adviesgroep Visueel beperkte Politiemedewerkers (AVP)",
        "Aandacht voor collega's die slechtziend of blind zijn.",
        "Collega's die slechtziend of blind zijn, kunnen net zo goed werken als ziende collega's, met dezelfde "
        "kansen. Daarvoor moet de werkgever soms iets extra's doen. De AVP zorgt dat er aandacht blijft voor deze "
        "groep.",
        "Neem contact op met de AVP via het intranet als je zelf een visuele beperking hebt of een collega wilt "
        "helpen.",
    ),
    (
        "sociaal-fondsen-politie",
        "netwerken",
        8,
        "Sociaal Fondsen Politie",
        "Hulp als je door een of andere oorzaak in geldnood bent geraakt.",
        "Geldproblemen zijn moeilijk om over te praten, maar ze kunnen iedereen overkomen. De sociaal fondsen zijn "
        "onafhankelijke stichtingen van, voor en door politiemensen. Ze helpen collega's die in financiële nood "
        "zijn geraakt.",
        "Je kunt zelf contact opnemen met het sociaal fonds. Ook de bedrijfsmaatschappelijk werker kan je op weg "
        "helpen.",
    ),
    (
        "netwerk-divers-vakmanschap",
        "netwerken",
        9,
        "Netwerk Divers Vakmanschap (NDV)",
        "Ruim 500 collega's met kennis van verschillende culturen en achtergronden.",
        "Het NDV is een landelijk netwerk van ruim 500 collega's met kennis van verschillende maatschappelijke en "
        "culturele achtergronden. Ze helpen en adviseren operationele teams bij zaken waarin cultuur of leefstijl "
        "een rol speelt. Het doel is bruggen bouwen tussen mensen met verschillende achtergronden en "
        "levensopvattingen.",
        "Teams kunnen het NDV om advies vragen. Wil je lid worden? Kijk op het intranet.",
    ),
    (
        "complimenten",
        "complimenten",
        1,
        "Complimenten van burgers",
        "Burgers kunnen via politie.nl een compliment geven.",
        "Mensen hebben vaak contact met de politie na iets vervelends: een incident, een misdrijf of een vraag voor "
        "een onderzoek. Toch zijn veel mensen dankbaar voor hoe de politie hielp, luisterde of optrad. Via een "
        "formulier op politie.nl kunnen zij een compliment doorgeven.",
        "Wijs mensen die je willen bedanken op het complimentenformulier op politie.nl.",
    ),
    (
        "stichting-wep",
        "wep",
        1,
        "Stichting Waardering en Erkenning Politie (WEP)",
        "Een onafhankelijke stichting die erkenning en waardering voor en van de politie versterkt.",
        "Stichting WEP is in juni 2012 opgericht en werkt samen met de politie. Sinds 2019 betaalt de politie de "
        "stichting. WEP wil dat politiemensen zich erkend en gewaardeerd voelen. Wie zich gewaardeerd weet, werkt "
        "met meer plezier en is trotser en sterker.\n\n"
        "WEP steunt bijeenkomsten die collega's zelf bedenken om elkaar te ontmoeten en te steunen, bijvoorbeeld van "
        "het PCP, ADAPT, Blue M en collega's met een visuele beperking. WEP werkt ook samen met groepen oud-collega's "
        "in het Samenwerkingsverband Politiesenioren.",
        "Heb je een idee voor een bijeenkomst voor collega's? WEP kan helpen met ruimte, organisatie en contacten.",
    ),
    (
        "blauw-hart",
        "wep",
        2,
        "Blauw Hart",
        "Een blauw speldje om een collega te bedanken.",
        "Het Blauw Hart is een blauw speldje met een gouden rand en een duim in het midden. Het is een teken van "
        "erkenning en waardering voor politiemensen, om iemand te bedanken voor iets waar je dankbaar voor bent.",
        "In Zorgwijzer kun je een collega een Blauw Hart sturen met een bedankje. Je collega bepaalt zelf of de "
        "leidinggevende het mag zien.",
    ),
    (
        "blauwe-tegel",
        "wep",
        3,
        "Blauwe tegel",
        "Waardering voor samenwerking tussen politie en de buurt.",
        "Wijkagenten uit het hele land en Stichting WEP plaatsen de blauwe tegel. Zo zetten ze samenwerking tussen "
        "politie en samenleving in het zonnetje: met bewoners, winkels, zorginstellingen, de gemeente of andere "
        "initiatieven. Vaak gebeurt dat met een groot evenement dat WEP organiseert.",
        "Wijkagenten kunnen een project aanmelden bij WEP.",
    ),
    (
        "blauwe-plek",
        "wep",
        4,
        "Blauwe plek",
        "Een plek in Doorn om tot rust te komen, na te denken en te herdenken.",
        "De blauwe plek is bedacht en gemaakt door politiemensen, onder wie collega's met een mentale blessure. Hij "
        "ligt bij de locatie van WEP in Doorn. Elk jaar komen veel politiemensen hier om na te denken, rust te "
        "vinden en te herdenken. (Oud-)collega's lieten er iets achter, en voor overleden collega's die veel "
        "betekenden voor anderen hangt er een gouden naamplaatje.",
        "De blauwe plek is open voor (oud-)collega's. Neem contact op met WEP voor een bezoek.",
    ),
    (
        "wep-team-award",
        "wep",
        5,
        "WEP Team Award",
        "Elke maand krijgt een politieteam de wisseltrofee voor goed politiewerk.",
        "Elke maand krijgt een politieteam de Team Award: een wisselbeker, de 'cup met grote oren'. Daarmee "
        "bedanken WEP, collega's en mensen uit de samenleving de teams voor hun inzet voor een veilig en leefbaar "
        "Nederland. Collega's kunnen een team voordragen, maar ook gemeenten, organisaties en burgers.",
        "Draag een team voor in Zorgwijzer: kies het team en schrijf waarom het de award verdient.",
    ),
    (
        "stichting-politie-veteranen",
        "veteranen",
        1,
        "Stichting Politie Veteranen",
        "Contact en steun tussen (oud-)politiemensen, vanuit eigen ervaring.",
        "De Stichting Politie Veteranen brengt (oud-)politiemensen met elkaar in contact en houdt dat contact warm. "
        "Dat helpt om trots te blijven op het vak. Vanuit eigen ervaring steunen zij collega's, bijvoorbeeld bij "
        "problemen door langdurig verzuim of bij de vraag wat je verder nog kunt en wilt.",
        "Neem zelf contact op met de stichting; dat kan ook na je tijd bij de politie.",
    ),
    (
        "bnmo-centrum",
        "veteranen",
        2,
        "BNMO-centrum, afdeling Politie",
        "Steun voor (oud-)politiemensen met een beroepsziekte of dienstongeval, en hun partner.",
        "Het BNMO-centrum is een onafhankelijke vrijwilligersorganisatie voor (oud-)geüniformeerden in publieke "
        "dienst met een aandoening door hun werk, en hun naasten. Het helpt met contact met lotgenoten, "
        "belangenbehartiging, terugkeer in de samenleving, sport en cultuur. De afdeling Politie is er voor "
        "(oud-)politiemensen met een beroepsziekte of dienstongeval en hun partner. De bijeenkomsten zijn een "
        "thuishaven: om elkaar te ontmoeten, te trainen of over een thema te praten.",
        "Je kunt lid worden van het BNMO. Ook je partner is welkom bij bijeenkomsten.",
    ),
]


def load(apps: Any, schema_editor: Any) -> None:
    PageEdition = apps.get_model("recognition", "PageEdition")
    for slug, section, order, title, summary, body, how_to_join in PAGES:
        PageEdition.objects.get_or_create(
            slug=slug,
            edition=1,
            defaults={
                "section": section,
                "order": order,
                "title": title,
                "summary": summary,
                "body": body,
                "how_to_join": how_to_join,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("recognition", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
