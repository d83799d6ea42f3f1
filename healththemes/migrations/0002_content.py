"""Loads the seven health themes of the Gezond Werken App, each with an article, a short exercise
and an illustrative experience story, plus a PTSS article for leidinggevenden.

All text is written for Zorgwijzer in B1 Dutch. The stories are made up and have no real names;
the pages label them as such. Idempotent: existing themes and items (by slug) are left as the
inhoudsbeheerder edited them. The reverse keeps the data.
"""

from django.db import migrations

ARTICLE, EXERCISE, STORY = "artikel", "oefening", "ervaringsverhaal"
EMPLOYEE, MANAGER = "medewerker", "leidinggevende"


def _item(kind, slug, title, summary, body, audience=EMPLOYEE):
    return {"kind": kind, "slug": slug, "title": title, "summary": summary, "body": body, "audience": audience}


THEMES = [
    {
        "slug": "voeding",
        "name": "Voeding",
        "intro": (
            "Wat je eet en drinkt, merk je in je werk. Goed eten geeft je energie, ook als je onregelmatig "
            "werkt. Hier lees je hoe je dat aanpakt, ook in de nachtdienst."
        ),
        "items": [
            _item(
                ARTICLE,
                "eten-bij-onregelmatige-diensten",
                "Goed eten bij onregelmatige diensten",
                "Zo houd je energie als je op wisselende tijden werkt.",
                "Werk je in ploegen of heb je nachtdiensten? Dan eet je vaak op vreemde tijden. Je lichaam is daar "
                "niet op gemaakt. Toch kun je zelf veel doen om je fit te voelen.\n\n"
                "Eet drie keer per dag op vaste momenten, ook als je dienst anders is. Eet iets voordat je dienst "
                "begint en neem iets gezonds mee. Denk aan brood, fruit, noten of een bakje yoghurt.\n\n"
                "Eet in de nacht liever licht. Een zware maaltijd midden in de nacht maakt je suf. Kies voor iets "
                "kleins, zoals soep of een boterham.\n\n"
                "Drink genoeg water. Met koffie of energiedrank kun je even door, maar daarna ben je vaak extra moe. "
                "Drink een paar uur voordat je gaat slapen geen koffie meer.",
            ),
            _item(
                EXERCISE,
                "bord-in-drie-delen",
                "Je bord in drie delen",
                "Twee minuten: kijk anders naar je volgende maaltijd.",
                "Duur: 2 minuten.\n\n"
                "Kijk bij je volgende maaltijd naar je bord. Verdeel het in gedachten in drie delen.\n\n"
                "1. Vul de helft met groente of salade.\n"
                "2. Vul een kwart met iets dat je lang een vol gevoel geeft, zoals volkorenpasta, aardappelen of "
                "zilvervliesrijst.\n"
                "3. Vul het laatste kwart met vis, kip, bonen, ei of tofu.\n\n"
                "Lukt het niet helemaal? Geen probleem. Kies één deel dat je deze week beter wilt doen.",
            ),
            _item(
                STORY,
                "bakje-eten-van-thuis",
                "Een bakje eten van thuis",
                "Voorbeeldverhaal van een agent in de noodhulp.",
                "Ik werk al twaalf jaar in de noodhulp. In de nachtdienst haalde ik vaak iets uit de automaat. "
                "Chips, een reep, een blikje energiedrank. Om vier uur 's nachts was ik dan helemaal op.\n\n"
                "Een collega nam altijd een bakje eten van thuis mee. Ik heb dat een keer geprobeerd. Ik kookte "
                "wat extra pasta met groente en nam dat mee. Eerst voelde het als gedoe.\n\n"
                "Na een paar weken merkte ik verschil. Ik was minder moe aan het einde van de dienst en ik sliep "
                "daarna beter. Nu doe ik het bijna altijd. Vergeet ik het? Dan pak ik fruit in plaats van chips.",
            ),
        ],
    },
    {
        "slug": "slaap",
        "name": "Slaap",
        "intro": (
            "Goed slapen helpt je om scherp te blijven en om heftige dingen te verwerken. Met diensten en "
            "spanning is dat niet altijd makkelijk. Hier vind je tips die helpen."
        ),
        "items": [
            _item(
                ARTICLE,
                "slapen-na-een-nachtdienst",
                "Beter slapen na een late dienst of nachtdienst",
                "Waarom je na je dienst moeilijk in slaap valt en wat helpt.",
                "Na een late dienst of nachtdienst ben je vaak moe, maar lukt slapen toch niet. Je hoofd zit nog "
                "vol. Dat is heel normaal.\n\n"
                "Maak een vaste gewoonte voor na je dienst. Doe elke keer ongeveer hetzelfde: douchen, iets kleins "
                "eten, even rustig zitten. Zo leert je lichaam dat het tijd is om te slapen.\n\n"
                "Maak je slaapkamer donker, stil en koel. Gebruik zo nodig een slaapmasker of oordopjes. Leg je "
                "telefoon weg: het licht van het scherm houdt je wakker.\n\n"
                "Slaap je al een paar weken slecht? Of lig je wakker van wat je hebt meegemaakt? Praat erover met "
                "iemand die je vertrouwt, of neem contact op met het team Veilig en Gezond Werken.",
            ),
            _item(
                EXERCISE,
                "ademen-in-vier-tellen",
                "Ademen in vier tellen",
                "Drie minuten: een ademoefening om rustig te worden voor het slapen.",
                "Duur: 3 minuten. Doe deze oefening in bed of op een rustige plek.\n\n"
                "1. Ga gemakkelijk liggen of zitten. Leg een hand op je buik.\n"
                "2. Adem rustig in door je neus en tel tot vier.\n"
                "3. Houd je adem even vast en tel tot twee.\n"
                "4. Adem langzaam uit door je mond en tel tot zes.\n"
                "5. Doe dit tien keer. Dwalen je gedachten af? Ga dan rustig terug naar het tellen.\n\n"
                "Als je langer uitademt dan inademt, helpt dat je lichaam om te ontspannen.",
            ),
            _item(
                STORY,
                "weer-doorslapen",
                "Eindelijk weer doorslapen",
                "Voorbeeldverhaal over slapen na een reeks nachtdiensten.",
                "Na een reeks nachtdiensten sliep ik steeds maar een paar uur. Ik lag te piekeren over meldingen "
                "van die nacht. Overdag was ik prikkelbaar, en thuis merkten ze dat ook.\n\n"
                "Mijn leidinggevende zag dat ik moe was en vroeg hoe het ging. Dat gesprek hielp al. Ik ben gaan "
                "letten op wat ik deed na de dienst. Ik keek altijd nog lang op mijn telefoon. Nu zet ik hem uit, "
                "neem ik een douche en doe ik de ademoefening.\n\n"
                "Het ging niet in één keer beter. Maar na een paar weken sliep ik weer langer door. En ik weet nu: "
                "als het niet lukt, mag ik hulp vragen.",
            ),
        ],
    },
    {
        "slug": "beweging",
        "name": "Beweging",
        "intro": (
            "Bewegen is goed voor je lijf en voor je hoofd. Het helpt tegen stress en je slaapt er beter door. "
            "Je hoeft geen topsporter te zijn: elke beweging telt."
        ),
        "items": [
            _item(
                ARTICLE,
                "meer-bewegen",
                "Meer bewegen, ook op een drukke dag",
                "Kleine stukjes bewegen tellen ook mee.",
                "Veel politiewerk vraagt een goede conditie. Maar ook als je veel zit, in de auto of achter een "
                "computer, is bewegen belangrijk. Het advies voor volwassenen: beweeg elke week minstens tweeënhalf "
                "uur, verdeeld over een aantal dagen. Doe daarnaast twee keer per week iets voor je spieren.\n\n"
                "Dat klinkt als veel, maar kleine stukjes tellen mee. Neem de trap. Fiets naar je werk als dat kan. "
                "Loop een rondje in je pauze.\n\n"
                "Bij de politie is er Fit@NP, een programma om aan je fysieke en mentale conditie te werken. Vraag "
                "in je eenheid hoe je meedoet. Heb je pijn of een blessure? Overleg dan eerst met de bedrijfsarts "
                "of een fysiotherapeut voordat je meer gaat doen.",
            ),
            _item(
                EXERCISE,
                "vijf-minuten-bewegen",
                "Vijf minuten in beweging",
                "Vijf minuten: een korte reeks die je overal kunt doen.",
                "Duur: 5 minuten. Je hebt niets nodig.\n\n"
                "1. Loop een minuut op de plaats. Til je knieën goed op.\n"
                "2. Zak tien keer door je knieën alsof je gaat zitten, en kom weer omhoog.\n"
                "3. Zet je handen tegen een muur en duw jezelf tien keer rustig weg.\n"
                "4. Draai tien keer met je schouders naar achteren.\n"
                "5. Loop nog een minuut op de plaats en adem rustig uit.\n\n"
                "Doet een beweging pijn? Stop dan met die beweging.",
            ),
            _item(
                STORY,
                "klein-beginnen",
                "Klein beginnen met lopen",
                "Voorbeeldverhaal over weer in beweging komen na een blessure.",
                "Na een blessure had ik lang niet gesport. Ik kwam aan en had weinig energie. Ik zag erg op tegen "
                "de fysieke test.\n\n"
                "Een collega vroeg of ik mee wilde doen met een groepje dat na de dienst ging wandelen. Eerst "
                "alleen wandelen, later af en toe een stukje rennen. Samen was het veel makkelijker om vol te "
                "houden.\n\n"
                "Nu loop ik twee keer per week. Ik voel me fitter en na het lopen is mijn hoofd rustiger. Wat ik "
                "vooral leerde: klein beginnen is prima.",
            ),
        ],
    },
    {
        "slug": "beeldschermwerk",
        "name": "Beeldschermwerk",
        "intro": (
            "Werk je veel achter een scherm? Dan kun je last krijgen van je nek, schouders, armen of ogen. Met "
            "een goede werkplek en korte pauzes voorkom je veel klachten."
        ),
        "items": [
            _item(
                ARTICLE,
                "werkplek-instellen",
                "Zo stel je je werkplek goed in",
                "Stoel, scherm en pauzes: zo voorkom je klachten.",
                "Een goede werkplek voorkomt veel klachten. Neem een paar minuten om alles goed in te stellen, ook "
                "op een flexplek of thuis.\n\n"
                "Zet je stoel zo dat je voeten plat op de grond staan. Je knieën maken ongeveer een rechte hoek. "
                "Zet de bovenkant van je scherm op ooghoogte, op een armlengte afstand. Werk je met een laptop? "
                "Gebruik dan een los toetsenbord, een muis en een standaard voor je laptop.\n\n"
                "Wissel zitten en staan af. Kijk elk half uur even weg van je scherm, naar iets ver weg. Dat "
                "ontspant je ogen.\n\n"
                "Blijf je klachten houden, zoals pijn of tintelingen in je arm? Wacht niet te lang. Bespreek het "
                "met je leidinggevende of neem contact op met de bedrijfsarts.",
            ),
            _item(
                EXERCISE,
                "nek-en-ogen-ontspannen",
                "Ontspan je nek en ogen",
                "Twee minuten aan je bureau.",
                "Duur: 2 minuten. Je kunt dit aan je bureau doen.\n\n"
                "1. Kijk twintig tellen naar een punt ver weg, bijvoorbeeld buiten.\n"
                "2. Laat je schouders zakken. Trek ze vijf keer langzaam op en laat ze weer vallen.\n"
                "3. Buig je hoofd rustig naar je rechterschouder en tel tot tien. Doe daarna hetzelfde naar links.\n"
                "4. Strek je armen voor je uit en spreid je vingers. Maak daarna vijf keer een vuist.\n"
                "5. Knipper een paar keer met je ogen.\n\n"
                "Zet een herinnering in je agenda. Dan denk je eraan om dit een paar keer per dag te doen.",
            ),
            _item(
                STORY,
                "pijn-in-mijn-pols",
                "Pijn in mijn pols",
                "Voorbeeldverhaal van een collega die veel achter de laptop werkt.",
                "Ik werk op een afdeling waar we veel rapporten schrijven. Ik zat de hele dag achter mijn laptop, "
                "vaak aan de keukentafel. Na een paar maanden kreeg ik pijn in mijn pols en mijn nek.\n\n"
                "Eerst dacht ik dat het vanzelf over zou gaan. Toen het erger werd, ben ik naar de bedrijfsarts "
                "gegaan. Ik kreeg tips voor mijn werkplek, een los toetsenbord en een muis. Mijn laptop staat nu "
                "hoger.\n\n"
                "Ik neem ook vaker even pauze. De pijn is bijna weg. Had ik maar eerder iets gezegd.",
            ),
        ],
    },
    {
        "slug": "werkstress",
        "name": "Werkstress",
        "intro": (
            "Druk hoort soms bij het werk. Maar als de spanning lang blijft, raak je uitgeput. Hier lees je hoe je "
            "stress herkent en wat je eraan kunt doen."
        ),
        "items": [
            _item(
                ARTICLE,
                "stress-herkennen",
                "Stress herkennen voordat het te veel wordt",
                "Signalen van te veel stress en wat je dan doet.",
                "Een beetje spanning helpt je om scherp te zijn. Maar blijft de druk hoog en kun je niet meer "
                "bijkomen? Dan kan stress je ziek maken.\n\n"
                "Let op signalen. Slaap je slecht? Ben je sneller boos of juist somber? Heb je vaak hoofdpijn, of "
                "maak je meer fouten dan normaal? Zeggen anderen dat je veranderd bent? Dan kan het te veel worden.\n\n"
                "Praat er op tijd over, met een collega, je leidinggevende of iemand thuis. Kijk samen wat er aan je "
                "werk kan veranderen. Plan momenten waarop je echt ontspant, bijvoorbeeld door te bewegen of iets "
                "leuks te doen.\n\n"
                "Met de zelftest mentale fitheid zie je anoniem hoe het nu met je gaat. Blijft de stress? Neem dan "
                "contact op met het team Veilig en Gezond Werken of met de bedrijfsmaatschappelijk werker.",
            ),
            _item(
                EXERCISE,
                "stoplicht-check",
                "De stoplicht-check",
                "Drie minuten aan het einde van je dienst.",
                "Duur: 3 minuten. Doe dit aan het einde van je dienst.\n\n"
                "1. Vraag jezelf: hoe voel ik me nu? Groen (rustig), oranje (gespannen) of rood (op)?\n"
                "2. Schrijf één ding op dat je vandaag energie gaf.\n"
                "3. Schrijf één ding op dat je vandaag energie kostte.\n"
                "4. Bedenk één kleine stap voor morgen. Bijvoorbeeld: op tijd pauze nemen, of iets vragen aan een "
                "collega.\n\n"
                "Sta je al een paar weken vaak op oranje of rood? Dan is het tijd om erover te praten.",
            ),
            _item(
                STORY,
                "alles-zelf-oplossen",
                "Ik wilde alles zelf oplossen",
                "Voorbeeldverhaal over een nieuwe functie en te veel hooi op de vork.",
                "Ik had een nieuwe functie en wilde het goed doen. Ik werkte door in mijn vrije tijd en las 's "
                "avonds mijn mail. Na een paar maanden sliep ik slecht en was ik snel geïrriteerd.\n\n"
                "Op een dag vergat ik een belangrijke afspraak. Daar schrok ik van. Ik heb het verteld aan mijn "
                "leidinggevende. Samen hebben we gekeken wat er weg kon en wat een collega kon overnemen.\n\n"
                "Ik ben ook een paar keer naar de bedrijfsmaatschappelijk werker gegaan. Daar leerde ik om eerder "
                "aan de bel te trekken. Het gaat nu veel beter.",
            ),
        ],
    },
    {
        "slug": "ongewenste-omgangsvormen",
        "name": "Ongewenste omgangsvormen",
        "intro": (
            "Pesten, intimidatie, discriminatie of seksuele intimidatie horen niet bij je werk. Maak je zoiets "
            "mee, of zie je het gebeuren? Je staat er niet alleen voor."
        ),
        "items": [
            _item(
                ARTICLE,
                "wat-kun-je-doen",
                "Wat kun je doen bij ongewenst gedrag?",
                "Je mogelijkheden op een rij, en wie je kan helpen.",
                "Ongewenst gedrag is gedrag waardoor jij of een ander zich onveilig, gekwetst of vernederd voelt. "
                "Denk aan grappen over iemands afkomst, steeds buitengesloten worden, schreeuwen of ongewenst "
                "aanraken. Of het zo bedoeld was, maakt niet uit. Het gaat erom wat het met jou doet.\n\n"
                "Je kunt het gedrag benoemen bij de persoon zelf, als je dat veilig vindt. Je kunt ook naar je "
                "leidinggevende gaan. Durf je dat niet, of gaat het juist om je leidinggevende? Ga dan naar een "
                "vertrouwenspersoon. Die luistert, denkt met je mee en helpt je kiezen wat je wilt doen. Jij "
                "beslist zelf welke stap je zet.\n\n"
                "Schrijf op wat er gebeurde, wanneer en wie erbij waren. Dat helpt als je later een stap wilt zetten.",
            ),
            _item(
                EXERCISE,
                "oefen-wat-je-wilt-zeggen",
                "Oefen wat je wilt zeggen",
                "Vijf minuten: bereid een lastig gesprek voor.",
                "Duur: 5 minuten. Pak pen en papier of de notities op je telefoon.\n\n"
                "1. Schrijf op wat er gebeurde. Alleen de feiten: wat zag of hoorde je?\n"
                "2. Schrijf op wat het met je deed. Begin met: 'Ik voelde me …'.\n"
                "3. Schrijf op wat je wilt. Bijvoorbeeld: 'Ik wil dat je daarmee stopt.'\n"
                "4. Lees de drie zinnen hardop. Pas ze aan tot ze goed voelen.\n\n"
                "Je hoeft het gesprek niet alleen te voeren. Een vertrouwenspersoon kan je helpen het voor te "
                "bereiden.",
            ),
            _item(
                STORY,
                "grapjes-die-geen-grapjes-waren",
                "Grapjes die geen grapjes meer waren",
                "Voorbeeldverhaal over de stap naar een vertrouwenspersoon.",
                "In mijn team werden vaak grappen gemaakt over mijn achtergrond. Iedereen lachte, dus ik lachte "
                "mee. Maar ik zag steeds meer op tegen de dienst.\n\n"
                "Ik heb een vertrouwenspersoon gebeld. Ze luisterde en vroeg wat ik zelf wilde. Ik wilde geen "
                "klacht indienen, maar wel dat het stopte. Samen bedachten we hoe ik het kon bespreken met mijn "
                "teamchef.\n\n"
                "Het gesprek was spannend. Mijn teamchef nam het serieus en heeft het in het team besproken. Niet "
                "iedereen vond dat leuk, maar de grappen zijn gestopt. Ik ben blij dat ik iets heb gezegd.",
            ),
        ],
    },
    {
        "slug": "ptss",
        "name": "PTSS",
        "intro": (
            "Bij de politie maak je vaker heftige dingen mee dan in veel andere beroepen. Meestal verwerk je dat "
            "zelf, met steun van collega's en thuis. Soms blijven de klachten. Dan kan het gaan om een "
            "posttraumatische stressstoornis (PTSS). Op tijd hulp vragen helpt."
        ),
        "items": [
            _item(
                ARTICLE,
                "wat-is-ptss",
                "Wat is PTSS en wanneer vraag je hulp?",
                "Normale reacties na een heftig incident, en wanneer het meer is.",
                "Na een schokkende gebeurtenis is het normaal dat je er een tijd mee bezig bent. Je slaapt slechter, "
                "je ziet beelden terug of je schrikt snel. Bij de meeste mensen worden die klachten na een paar "
                "weken minder.\n\n"
                "Blijven de klachten langer dan een maand? Of worden ze juist erger? Dan kan het om PTSS gaan. "
                "Andere signalen zijn: plekken of situaties vermijden die je aan het incident doen denken, je vlak "
                "of afgesloten voelen, en snel boos of gespannen zijn. PTSS kan ook pas maanden of jaren later "
                "ontstaan.\n\n"
                "Praat erover. Na een heftig incident kun je terecht bij het Team Collegiale Ondersteuning: "
                "collega's die weten hoe het werk is. De eenheidspsycholoog en de bedrijfsarts kijken met je wat "
                "je nodig hebt. Heb je (misschien) PTSS door je werk? Via de Zorglijn PTSS kom je snel bij "
                "gespecialiseerde traumazorg.\n\n"
                "PTSS is goed te behandelen. Hoe eerder je hulp vraagt, hoe beter.",
            ),
            _item(
                EXERCISE,
                "terug-naar-het-hier-en-nu",
                "Terug naar het hier en nu",
                "Drie minuten: als beelden of spanning je overvallen.",
                "Duur: 3 minuten. Deze oefening helpt als beelden of spanning je overvallen.\n\n"
                "1. Noem vijf dingen die je ziet.\n"
                "2. Noem vier dingen die je voelt, zoals je voeten op de grond of je rug tegen de stoel.\n"
                "3. Noem drie dingen die je hoort.\n"
                "4. Noem twee dingen die je ruikt.\n"
                "5. Noem één ding dat je proeft.\n\n"
                "Adem daarna drie keer rustig uit. Deze oefening is geen behandeling. Komen de beelden vaak terug? "
                "Vraag dan hulp.",
            ),
            _item(
                STORY,
                "het-ongeval-bleef-terugkomen",
                "Het ongeval bleef terugkomen",
                "Voorbeeldverhaal over klachten die pas maanden later kwamen.",
                "Een paar jaar geleden was ik als eerste bij een zwaar ongeval. Ik deed mijn werk en dacht dat het "
                "wel ging. Maanden later kreeg ik nachtmerries. Ik reed liever niet meer langs die plek en ik "
                "schrok van harde geluiden.\n\n"
                "Thuis zeiden ze dat ik veranderd was. Een collega van het Team Collegiale Ondersteuning belde me "
                "en vroeg hoe het echt ging. Toen durfde ik het te vertellen.\n\n"
                "Via de eenheidspsycholoog kwam ik in behandeling bij een traumacentrum. Dat was zwaar, maar het "
                "hielp. Ik werk weer en de nachtmerries zijn bijna weg. Mijn tip: wacht niet zo lang als ik.",
            ),
            _item(
                ARTICLE,
                "ptss-voor-leidinggevenden",
                "PTSS in je team: wat doe je als leidinggevende?",
                "Signalen zien, het gesprek aangaan en de weg wijzen.",
                "Als leidinggevende zie je vaak als eerste dat iemand verandert. Jij kunt het verschil maken door "
                "signalen op tijd te zien en het gesprek aan te gaan.\n\n"
                "Let op veranderingen. Iemand meldt zich vaker ziek, ontwijkt bepaalde meldingen, is prikkelbaar, "
                "trekt zich terug of maakt meer fouten. Dat kan vlak na een heftig incident gebeuren, maar ook veel "
                "later.\n\n"
                "Ga in gesprek en vraag hoe het echt gaat. Je hoeft geen oplossing te hebben en je stelt geen "
                "diagnose. Luister, laat merken dat hulp vragen normaal is en wijs de weg: het Team Collegiale "
                "Ondersteuning, de eenheidspsycholoog of de bedrijfsarts.\n\n"
                "Zorg na elk ingrijpend incident voor opvang, en kom er later nog eens op terug. Klachten komen "
                "soms pas na weken of maanden.\n\n"
                "Wil je meer weten? Er is een infotool over PTSS voor leidinggevenden, met tips om PTSS te voorkomen "
                "en om collega's met PTSS te begeleiden. Bij de eenheidspsycholoog kun je de voorlichting 'PTSS en "
                "wat nu…?' voor je team aanvragen. Ook het team Veilig en Gezond Werken van je eenheid denkt met je "
                "mee.",
                audience=MANAGER,
            ),
        ],
    },
]


def load(apps, schema_editor):
    HealthTheme = apps.get_model("healththemes", "HealthTheme")
    ThemeItem = apps.get_model("healththemes", "ThemeItem")
    for theme_order, data in enumerate(THEMES, start=1):
        theme, _ = HealthTheme.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "intro": data["intro"], "order": theme_order * 10, "is_published": True},
        )
        for item_order, item in enumerate(data["items"], start=1):
            fields = {key: value for key, value in item.items() if key != "slug"}
            ThemeItem.objects.get_or_create(
                theme=theme, slug=item["slug"], defaults={**fields, "order": item_order * 10, "is_published": True}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("healththemes", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
