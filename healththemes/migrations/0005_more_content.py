"""More to read and do in every theme, and the two themes the sources name that were missing.

Zorgwijzer 2022/2023 and the Jaarbeeld list the subjects of the Gezond Werken App: slaap,
voeding, (werk)stress, bewegen, ingrijpende gebeurtenissen, beeldschermwerk, ongewenste
omgangsvormen and gehoorschade. This adds the themes *Na een ingrijpende gebeurtenis* and
*Gehoorschade*, and gives every theme at least three articles and three short exercises, each
with its English text (issue 15 §5, issue 22 §3).

All text is written for Zorgwijzer in B1 Dutch ("je") and plain English. It gives information and
points to the help the Zorgwijzer describes (Team Collegiale Ondersteuning, bedrijfsarts,
eenheidspsycholoog, vertrouwenspersoon, persoonlijke beschermingsmiddelen, Audiopol, 24/7 Loket);
it never diagnoses. Stories are made up and the pages label them so.

Idempotent in the way of 0002: themes and items are found by slug and, when they exist, left as
the inhoudsbeheerder edited them. The reverse keeps the data.
"""

from django.db import migrations

ARTICLE, EXERCISE, STORY = "artikel", "oefening", "ervaringsverhaal"

#: New themes: slug → (order, Dutch name, Dutch intro, English name, English intro).
NEW_THEMES = {
    "gehoorschade": (
        45,
        "Gehoorschade",
        "Schoten, sirenes, motoren en harde muziek: in het politiewerk kom je veel hard geluid tegen. Hard "
        "geluid kan je gehoor beschadigen, en die schade kan blijvend zijn. Hier lees je hoe je je oren "
        "beschermt en wat je doet als je klachten hebt.",
        "Hearing damage",
        "Gunshots, sirens, engines and loud music: police work has a lot of loud noise. Loud noise can damage "
        "your hearing, and that damage can be permanent. Here you read how to protect your ears and what to do "
        "if you have complaints.",
    ),
    "ingrijpende-gebeurtenissen": (
        65,
        "Na een ingrijpende gebeurtenis",
        "Een reanimatie, geweld tegen jou of een collega, een ongeval met kinderen: soms maak je iets mee dat "
        "je niet loslaat. Hier lees je wat normaal is in de dagen en weken daarna, wat helpt en waar je "
        "terechtkunt.",
        "After a drastic event",
        "A resuscitation, violence against you or a colleague, an accident with children: sometimes you go "
        "through something that stays with you. Here you read what is normal in the days and weeks after, what "
        "helps and where you can go.",
    ),
}


def _item(kind, slug, nl, en):
    """One item: ``nl`` and ``en`` are (title, summary, body)."""
    return {
        "kind": kind,
        "slug": slug,
        "title": nl[0],
        "summary": nl[1],
        "body": nl[2],
        "title_en": en[0],
        "summary_en": en[1],
        "body_en": en[2],
    }


ITEMS = {
    "voeding": [
        _item(
            ARTICLE,
            "drinken-tijdens-je-dienst",
            (
                "Wat drink je tijdens je dienst?",
                "Water, koffie en energiedrank: wat ze met je doen.",
                "Als je te weinig drinkt, word je sneller moe en kun je je minder goed concentreren. Neem daarom een "
                "fles water mee in de auto of zet er een op je bureau. Drink verspreid over de dag, niet alles in "
                "één keer.\n\n"
                "Koffie en energiedrank maken je even wakker. Het effect houdt uren aan, ook als je wilt slapen. "
                "Drink ze daarom vooral aan het begin van je dienst, en niet meer in de laatste uren voor je "
                "slaap.\n\n"
                "Energiedrank en frisdrank bevatten vaak veel suiker. Je krijgt dan snel energie, maar die zakt "
                "ook snel weer weg.\n\n"
                "Drink je na een zware dienst een paar biertjes om te ontspannen? Alcohol lijkt te helpen bij het "
                "inslapen, maar je slaapt er onrustiger door. Merk je dat je het steeds nodig hebt? Praat er dan "
                "over met de bedrijfsarts.",
            ),
            (
                "What do you drink during your shift?",
                "Water, coffee and energy drinks: what they do to you.",
                "If you drink too little, you tire more quickly and concentrate less well. So take a bottle of water "
                "in the car or put one on your desk. Drink spread over the day, not all at once.\n\n"
                "Coffee and energy drinks wake you up for a while. The effect lasts for hours, also when you want to "
                "sleep. So drink them mostly at the start of your shift, and not in the last hours before you "
                "sleep.\n\n"
                "Energy drinks and soft drinks often contain a lot of sugar. You get energy quickly, but it drops "
                "quickly as well.\n\n"
                "Do you have a few beers after a heavy shift to relax? Alcohol seems to help you fall asleep, but "
                "your sleep becomes more restless. Do you notice you need it every time? Then talk about it with "
                "the occupational physician.",
            ),
        ),
        _item(
            ARTICLE,
            "gezond-eten-onderweg",
            (
                "Gezond eten onderweg",
                "Als je de hele dienst op straat bent of in de auto zit.",
                "Op surveillance of bij een lange inzet is er vaak geen tijd of plek om rustig te eten. Dan pak je "
                "snel iets bij een tankstation. Met een beetje voorbereiding kan het ook anders.\n\n"
                "Neem iets mee dat niet snel bederft en makkelijk te eten is: een volkoren boterham, een appel of "
                "banaan, een handje ongezouten noten, wat snoepgroente of een krentenbol.\n\n"
                "Moet je toch iets kopen? Kies dan liever een broodje, yoghurt of fruit dan chips, koek of een "
                "frituursnack.\n\n"
                "Eet op tijd, ook als het druk is. Wie te lang wacht, krijgt trek in iets zoets of vets. Een klein "
                "hapje tussendoor houdt je scherp.",
            ),
            (
                "Eating healthily on the road",
                "When you are out on the street or in the car all shift.",
                "On patrol or during a long deployment there is often no time or place to eat calmly. Then you grab "
                "something at a petrol station. With a little preparation it can be different.\n\n"
                "Take something that keeps well and is easy to eat: a wholemeal sandwich, an apple or banana, a "
                "handful of unsalted nuts, some snack vegetables or a currant bun.\n\n"
                "Do you have to buy something after all? Then choose a sandwich, yoghurt or fruit rather than "
                "crisps, biscuits or a fried snack.\n\n"
                "Eat on time, also when it is busy. If you wait too long, you start craving something sweet or "
                "fatty. A small bite in between keeps you sharp.",
            ),
        ),
        _item(
            EXERCISE,
            "boodschappen-voor-je-dienstweek",
            (
                "Boodschappen voor je dienstweek",
                "Vijf minuten: plan wat je eet in een week met wisselende diensten.",
                "Duur: 5 minuten. Pak je rooster erbij.\n\n"
                "1. Kijk welke diensten je deze week hebt: vroeg, laat of nacht.\n"
                "2. Schrijf bij elke dienst op wanneer je eet: voor, tijdens en na de dienst.\n"
                "3. Bedenk voor elke dienst één gezond hapje om mee te nemen.\n"
                "4. Zet wat je daarvoor nodig hebt op je boodschappenlijst.\n\n"
                "Kook je toch? Maak dan een portie extra. Die kun je de volgende dienst meenemen.",
            ),
            (
                "Shopping for your shift week",
                "Five minutes: plan what you eat in a week with changing shifts.",
                "Time: 5 minutes. Have your roster at hand.\n\n"
                "1. Look at which shifts you have this week: early, late or night.\n"
                "2. For each shift, write down when you eat: before, during and after the shift.\n"
                "3. Think of one healthy snack to take along for each shift.\n"
                "4. Put what you need for it on your shopping list.\n\n"
                "Cooking anyway? Then make an extra portion. You can take it along on your next shift.",
            ),
        ),
        _item(
            EXERCISE,
            "de-eerste-drie-happen",
            (
                "De eerste drie happen",
                "Twee minuten: eet één keer per dag met aandacht.",
                "Duur: 2 minuten, bij een maaltijd of tussendoortje.\n\n"
                "1. Leg je telefoon weg en ga zitten, als dat kan.\n"
                "2. Kijk eerst even naar je eten. Wat zie je en wat ruik je?\n"
                "3. Neem een hap en kauw rustig. Let op de smaak.\n"
                "4. Doe dat ook bij de tweede en derde hap.\n"
                "5. Eet daarna gewoon verder.\n\n"
                "Wie met aandacht eet, merkt beter wanneer hij genoeg heeft.",
            ),
            (
                "The first three bites",
                "Two minutes: eat with attention once a day.",
                "Time: 2 minutes, at a meal or snack.\n\n"
                "1. Put your phone away and sit down, if you can.\n"
                "2. First look at your food for a moment. What do you see and smell?\n"
                "3. Take a bite and chew calmly. Pay attention to the taste.\n"
                "4. Do the same with the second and third bite.\n"
                "5. Then simply carry on eating.\n\n"
                "Eating with attention helps you notice better when you have had enough.",
            ),
        ),
    ],
    "slaap": [
        _item(
            ARTICLE,
            "piekeren-in-bed",
            (
                "Wakker liggen van je gedachten",
                "Als je hoofd niet stil wordt zodra je in bed ligt.",
                "Veel mensen gaan piekeren zodra ze in bed liggen. Over een melding, over thuis, over wat morgen "
                "moet. Hoe harder je probeert te slapen, hoe wakkerder je wordt.\n\n"
                "Geef je gedachten eerder op de dag een plek, bijvoorbeeld met het zorgenkwartier. Lig je toch "
                "langer dan een half uur wakker? Sta dan op, ga in een andere kamer iets rustigs doen en ga terug "
                "naar bed als je slaperig bent.\n\n"
                "Kijk 's nachts niet steeds op de klok. Dat geeft onrust.\n\n"
                "Lig je vaak wakker van iets wat je op je werk hebt meegemaakt? Dat is een signaal om erover te "
                "praten, met een collega van het Team Collegiale Ondersteuning of met de bedrijfsarts.",
            ),
            (
                "Lying awake with your thoughts",
                "When your head does not go quiet as soon as you are in bed.",
                "Many people start to worry as soon as they lie in bed. About a call, about home, about what has to "
                "be done tomorrow. The harder you try to sleep, the more awake you get.\n\n"
                "Give your thoughts a place earlier in the day, for example with the worry slot. Do you still lie "
                "awake for more than half an hour? Then get up, do something calm in another room and go back to "
                "bed when you feel sleepy.\n\n"
                "Do not keep looking at the clock at night. That makes you restless.\n\n"
                "Do you often lie awake because of something you went through at work? That is a sign to talk about "
                "it, with a colleague from the Team Collegiale Ondersteuning or with the occupational physician.",
            ),
        ),
        _item(
            ARTICLE,
            "een-dutje-doen",
            (
                "Een dutje: wanneer helpt het?",
                "Kort slapen voor een nachtdienst of in een lange dienst.",
                "Een kort dutje kan helpen om fit aan een nachtdienst te beginnen. Doe het liefst aan het eind van "
                "de middag of begin van de avond.\n\n"
                "Houd het kort: twintig tot dertig minuten. Slaap je langer, dan word je vaak suf wakker en duurt "
                "het even voordat je weer scherp bent.\n\n"
                "Mag je in een lange dienst even rusten? Ook dan helpt een kort moment met je ogen dicht. Zorg wel "
                "dat je goed wakker bent voordat je weer gaat rijden.\n\n"
                "Een dutje vervangt je gewone slaap niet. Ben je steeds moe, ook na vrije dagen? Laat het dan "
                "nakijken.",
            ),
            (
                "A nap: when does it help?",
                "Sleeping briefly before a night shift or during a long shift.",
                "A short nap can help you start a night shift fit. Preferably take it at the end of the afternoon or "
                "early evening.\n\n"
                "Keep it short: twenty to thirty minutes. If you sleep longer, you often wake up drowsy and it takes "
                "a while before you are sharp again.\n\n"
                "Are you allowed to rest for a moment during a long shift? A short moment with your eyes closed "
                "helps then too. Make sure you are fully awake before you drive again.\n\n"
                "A nap does not replace your normal sleep. Are you tired all the time, even after days off? Then "
                "have it checked.",
            ),
        ),
        _item(
            EXERCISE,
            "het-zorgenkwartier",
            (
                "Het zorgenkwartier",
                "Een kwartier: geef je zorgen een vaste plek op de dag.",
                "Duur: 15 minuten, eerder op de dag en niet vlak voor het slapen.\n\n"
                "1. Kies een vast moment en een vaste plek.\n"
                "2. Schrijf alles op waar je over piekert.\n"
                "3. Zet bij elke zorg: kan ik hier iets aan doen? Zo ja, schrijf de eerste kleine stap op.\n"
                "4. Stop na een kwartier en doe iets anders.\n"
                "5. Komt een zorg in bed terug? Zeg tegen jezelf: daar denk ik morgen in mijn zorgenkwartier aan.\n\n"
                "Het vraagt wat oefening. Probeer het een week of twee.",
            ),
            (
                "The worry slot",
                "A quarter of an hour: give your worries a fixed place in the day.",
                "Time: 15 minutes, earlier in the day and not just before sleep.\n\n"
                "1. Pick a fixed moment and a fixed place.\n"
                "2. Write down everything you worry about.\n"
                "3. For each worry, note: can I do something about this? If so, write down the first small step.\n"
                "4. Stop after fifteen minutes and do something else.\n"
                "5. Does a worry come back in bed? Tell yourself: I will think about that tomorrow in my worry "
                "slot.\n\n"
                "It takes some practice. Try it for a week or two.",
            ),
        ),
        _item(
            EXERCISE,
            "van-top-tot-teen-ontspannen",
            (
                "Van top tot teen ontspannen",
                "Vijf minuten in bed: span je spieren aan en laat ze los.",
                "Duur: 5 minuten. Doe dit liggend in bed.\n\n"
                "1. Span je voeten en tenen aan, tel tot vijf en laat los. Voel het verschil.\n"
                "2. Doe hetzelfde met je kuiten, dan je bovenbenen en je billen.\n"
                "3. Ga verder met je buik, je handen (maak een vuist), je armen en je schouders.\n"
                "4. Eindig met je gezicht: knijp je ogen even dicht en laat los.\n"
                "5. Lig nog even stil en adem rustig uit.\n\n"
                "Doet ergens iets pijn? Sla dat deel dan over.",
            ),
            (
                "Relaxing from head to toe",
                "Five minutes in bed: tense your muscles and let go.",
                "Time: 5 minutes. Do this lying in bed.\n\n"
                "1. Tense your feet and toes, count to five and let go. Feel the difference.\n"
                "2. Do the same with your calves, then your thighs and your buttocks.\n"
                "3. Continue with your belly, your hands (make a fist), your arms and your shoulders.\n"
                "4. End with your face: squeeze your eyes shut for a moment and let go.\n"
                "5. Lie still for a little while and breathe out calmly.\n\n"
                "Does something hurt? Then skip that part.",
            ),
        ),
    ],
    "beweging": [
        _item(
            ARTICLE,
            "fit-voor-de-fysieke-test",
            (
                "Fit voor de fysieke vaardigheidstoets",
                "Rustig opbouwen naar de test, met hulp als je dat wilt.",
                "Voor veel functies moet je regelmatig de fysieke vaardigheidstoets (FVT) halen. Begin op tijd met "
                "trainen: een paar weken vooraf is vaak te laat.\n\n"
                "Bouw rustig op. Train twee of drie keer per week en neem tussendoor rustdagen. Wissel uithouding "
                "(wandelen, fietsen, hardlopen) af met kracht en snel wisselen van richting.\n\n"
                "De app PolitieConditie helpt je met een schema dat bij je past. Via Fit@NP kun je ook begeleiding "
                "krijgen van een vitaalcoach.\n\n"
                "Heb je een blessure of pijn die niet overgaat? Train er niet doorheen, maar overleg met de "
                "bedrijfsarts of een fysiotherapeut.",
            ),
            (
                "Fit for the physical skills test",
                "Building up calmly towards the test, with help if you want it.",
                "For many jobs you regularly have to pass the physical skills test (FVT). Start training in time: a "
                "few weeks before is often too late.\n\n"
                "Build up calmly. Train two or three times a week and take rest days in between. Alternate endurance "
                "(walking, cycling, running) with strength and quick changes of direction.\n\n"
                "The PolitieConditie app helps you with a schedule that suits you. Through Fit@NP you can also get "
                "guidance from a vitality coach.\n\n"
                "Do you have an injury or pain that does not go away? Do not train through it, but talk to the "
                "occupational physician or a physiotherapist.",
            ),
        ),
        _item(
            ARTICLE,
            "bewegen-na-een-zware-dienst",
            (
                "Bewegen na een zware dienst",
                "Waarom rustig bewegen helpt om spanning kwijt te raken.",
                "Na een drukke of heftige dienst zit de spanning nog in je lijf. Je hart klopt snel en je spieren "
                "staan strak. Rustig bewegen helpt om die spanning kwijt te raken.\n\n"
                "Denk aan een wandeling, een stuk fietsen of wat rekoefeningen. Het hoeft niet zwaar te zijn. Juist "
                "vlak voor het slapen is rustig bewegen beter dan hard sporten.\n\n"
                "Samen bewegen geeft ook de kans om even te praten. Veel collega's vinden het makkelijker om tijdens "
                "een wandeling te vertellen wat hen bezighoudt.",
            ),
            (
                "Moving after a heavy shift",
                "Why calm movement helps you let go of tension.",
                "After a busy or intense shift the tension is still in your body. Your heart beats fast and your "
                "muscles are tight. Calm movement helps you let go of that tension.\n\n"
                "Think of a walk, a bike ride or some stretching. It does not have to be hard. Just before sleep, "
                "calm movement is better than intense sport.\n\n"
                "Moving together also gives a chance to talk for a while. Many colleagues find it easier to say what "
                "is on their mind during a walk.",
            ),
        ),
        _item(
            EXERCISE,
            "rekken-na-de-dienst",
            (
                "Rekken na de dienst",
                "Vijf minuten: maak je benen, rug en schouders los.",
                "Duur: 5 minuten. Houd elke rekoefening twintig tellen vast en veer niet.\n\n"
                "1. Kuiten: zet een voet naar achteren, hak op de grond, en leun naar voren tegen een muur.\n"
                "2. Bovenbenen: pak staand je enkel vast en trek je hak rustig naar je bil. Houd je ergens aan vast.\n"
                "3. Rug: ga rechtop staan, strek je armen hoog boven je hoofd en maak je lang.\n"
                "4. Schouders: trek een arm voor je borst langs naar de andere kant.\n"
                "5. Doe alles ook aan de andere kant.\n\n"
                "Rekken mag een beetje trekken, maar geen pijn doen.",
            ),
            (
                "Stretching after your shift",
                "Five minutes: loosen your legs, back and shoulders.",
                "Time: 5 minutes. Hold each stretch for twenty counts and do not bounce.\n\n"
                "1. Calves: put one foot back, heel on the floor, and lean forward against a wall.\n"
                "2. Thighs: standing, hold your ankle and calmly pull your heel towards your buttock. Hold on to "
                "something.\n"
                "3. Back: stand up straight, stretch your arms high above your head and make yourself long.\n"
                "4. Shoulders: pull one arm across your chest to the other side.\n"
                "5. Do everything on the other side too.\n\n"
                "Stretching may pull a little, but should not hurt.",
            ),
        ),
        _item(
            EXERCISE,
            "je-beweegweek",
            (
                "Je beweegweek plannen",
                "Vijf minuten: zet bewegen in je rooster.",
                "Duur: 5 minuten. Pak je rooster of agenda.\n\n"
                "1. Kijk welke dagen je werkt en welke dagen je vrij bent.\n"
                "2. Kies drie momenten om te bewegen. Op werkdagen kort (een wandeling in de pauze), op vrije dagen "
                "langer.\n"
                "3. Zet ze in je agenda, net als een afspraak.\n"
                "4. Vraag iemand om mee te doen: een collega, je partner of een vriend.\n"
                "5. Kijk aan het eind van de week wat gelukt is. Wat wil je volgende week anders?\n\n"
                "Lukt een moment niet? Schuif het door in plaats van het te schrappen.",
            ),
            (
                "Planning your exercise week",
                "Five minutes: put exercise in your roster.",
                "Time: 5 minutes. Have your roster or calendar at hand.\n\n"
                "1. Look at which days you work and which days you are off.\n"
                "2. Pick three moments to move. Short on work days (a walk in your break), longer on days off.\n"
                "3. Put them in your calendar, just like an appointment.\n"
                "4. Ask someone to join: a colleague, your partner or a friend.\n"
                "5. At the end of the week, look at what worked. What do you want to do differently next week?\n\n"
                "Does a moment not work out? Move it instead of dropping it.",
            ),
        ),
    ],
    "beeldschermwerk": [
        _item(
            ARTICLE,
            "moeie-ogen",
            (
                "Moeie ogen van het scherm",
                "Wat helpt als je ogen droog, moe of wazig worden.",
                "Als je lang naar een scherm kijkt, knipper je minder. Je ogen worden dan droog en moe. Soms zie je "
                "aan het eind van de dag wat wazig.\n\n"
                "Een handige regel: kijk elke twintig minuten twintig tellen naar iets dat ver weg is. Zet je scherm "
                "niet feller dan de ruimte om je heen en voorkom weerspiegeling van een raam of lamp.\n\n"
                "Zie je de tekst op je scherm niet meer scherp, bijvoorbeeld omdat je ouder wordt? Dan kun je via "
                "Zelf regelen een beeldschermbril aanvragen.\n\n"
                "Blijven je ogen klachten geven? Laat ze dan nakijken door een opticien of je huisarts.",
            ),
            (
                "Tired eyes from the screen",
                "What helps when your eyes get dry, tired or blurry.",
                "When you look at a screen for a long time, you blink less. Your eyes then get dry and tired. "
                "Sometimes things look a bit blurry at the end of the day.\n\n"
                "A useful rule: every twenty minutes, look at something far away for twenty counts. Do not make "
                "your screen brighter than the room around you and avoid reflections of a window or lamp.\n\n"
                "Can you no longer see the text on your screen sharply, for example because you are getting older? "
                "Then you can request screen glasses through Zelf regelen.\n\n"
                "Do your eyes keep bothering you? Then have them checked by an optician or your GP.",
            ),
        ),
        _item(
            ARTICLE,
            "thuis-en-op-een-flexplek",
            (
                "Thuis en op een flexplek werken",
                "Elke dag een andere plek: zo voorkom je klachten toch.",
                "Op een flexplek of thuis is je werkplek vaak niet voor jou ingesteld. Toch loont het om er elke "
                "keer twee minuten voor te nemen.\n\n"
                "Stel eerst de stoel in, dan de tafel (als die verstelbaar is) en dan het scherm. Werk thuis niet "
                "urenlang op de bank of aan een te hoge keukentafel. Een los toetsenbord, een muis en een "
                "laptopstandaard maken al veel verschil.\n\n"
                "Sta vaker op dan op kantoor: thuis loop je minder vaak naar een collega of de koffieautomaat.\n\n"
                "Heb je advies nodig over je werkplek? De ergonoom van het kerndeskundigenteam en de specialist "
                "arbeidsomstandigheden kijken mee. Vraag het via je leidinggevende of het team Veilig en Gezond "
                "Werken.",
            ),
            (
                "Working at home and at a flexible desk",
                "A different place every day: how to prevent complaints anyway.",
                "At a flexible desk or at home your workstation is often not set up for you. Still, it pays to take "
                "two minutes for it each time.\n\n"
                "First set the chair, then the table (if it can be adjusted) and then the screen. At home, do not "
                "work for hours on the sofa or at a kitchen table that is too high. A separate keyboard, a mouse and "
                "a laptop stand already make a big difference.\n\n"
                "Get up more often than at the office: at home you walk to a colleague or the coffee machine less "
                "often.\n\n"
                "Do you need advice about your workstation? The ergonomist of the core experts team and the working "
                "conditions specialist can help. Ask through your manager or the Veilig en Gezond Werken team.",
            ),
        ),
        _item(
            EXERCISE,
            "sta-op-en-strek-je-uit",
            (
                "Sta op en strek je uit",
                "Twee minuten naast je bureau.",
                "Duur: 2 minuten.\n\n"
                "1. Sta op en zet je voeten op heupbreedte.\n"
                "2. Strek je armen boven je hoofd en maak je zo lang mogelijk. Tel tot tien.\n"
                "3. Leg je handen in je onderrug en buig rustig een klein stukje naar achteren.\n"
                "4. Draai je bovenlichaam langzaam naar links en naar rechts, vijf keer.\n"
                "5. Loop een rondje, haal water of loop naar het raam.\n\n"
                "Doe dit elk uur. Een telefoonwekker helpt om het niet te vergeten.",
            ),
            (
                "Stand up and stretch",
                "Two minutes next to your desk.",
                "Time: 2 minutes.\n\n"
                "1. Stand up and put your feet hip-width apart.\n"
                "2. Stretch your arms above your head and make yourself as long as possible. Count to ten.\n"
                "3. Put your hands on your lower back and calmly bend backwards a little.\n"
                "4. Slowly turn your upper body to the left and to the right, five times.\n"
                "5. Walk a round, get some water or walk to the window.\n\n"
                "Do this every hour. A phone alarm helps you not to forget.",
            ),
        ),
        _item(
            EXERCISE,
            "werkplek-check-in-vijf-vragen",
            (
                "Check je werkplek in vijf vragen",
                "Drie minuten: loop je werkplek na voordat je begint.",
                "Duur: 3 minuten. Beantwoord elke vraag met ja of nee.\n\n"
                "1. Staan mijn voeten plat op de grond?\n"
                "2. Zijn mijn onderarmen ongeveer horizontaal als ik typ?\n"
                "3. Is de bovenkant van mijn scherm op ooghoogte?\n"
                "4. Zit het scherm op ongeveer een armlengte afstand?\n"
                "5. Valt er geen fel licht of weerspiegeling op mijn scherm?\n\n"
                "Is een antwoord nee? Verander dan eerst dat ene ding. Lukt het niet met wat er is? Vraag je "
                "leidinggevende om hulp.",
            ),
            (
                "Check your workstation in five questions",
                "Three minutes: go over your workstation before you start.",
                "Time: 3 minutes. Answer each question with yes or no.\n\n"
                "1. Are my feet flat on the floor?\n"
                "2. Are my forearms roughly horizontal when I type?\n"
                "3. Is the top of my screen at eye level?\n"
                "4. Is the screen about an arm's length away?\n"
                "5. Is there no bright light or reflection on my screen?\n\n"
                "Is an answer no? Then change that one thing first. Can you not manage with what is there? Ask your "
                "manager for help.",
            ),
        ),
    ],
    "werkstress": [
        _item(
            ARTICLE,
            "hersteltijd",
            (
                "Hersteltijd: waarom pauzes tellen",
                "Spanning is niet erg, zolang je daarna kunt bijkomen.",
                "Je lichaam kan goed tegen spanning, zolang er daarna tijd is om te herstellen. Het gaat mis als de "
                "druk blijft en je niet meer bijkomt.\n\n"
                "Herstel begint in je dienst. Neem je pauze, ook als het druk is, en ga even weg van je plek. Na "
                "een heftige melding helpt een kort moment met collega's om te zeggen wat er gebeurde.\n\n"
                "Na je werk heb je tijd nodig om los te komen. Sommigen sporten, anderen wandelen, koken of zijn met "
                "hun kinderen bezig. Kijk wat voor jou werkt en plan het, net als je diensten.\n\n"
                "Lees je in je vrije tijd steeds je werkmail? Zet meldingen dan uit buiten je diensten, als je "
                "functie dat toelaat.",
            ),
            (
                "Recovery time: why breaks count",
                "Tension is fine, as long as you can recover afterwards.",
                "Your body copes well with tension, as long as there is time to recover afterwards. It goes wrong "
                "when the pressure stays and you no longer recover.\n\n"
                "Recovery starts during your shift. Take your break, also when it is busy, and step away from your "
                "spot. After an intense call, a short moment with colleagues to say what happened helps.\n\n"
                "After work you need time to switch off. Some do sport, others walk, cook or spend time with their "
                "children. See what works for you and plan it, just like your shifts.\n\n"
                "Do you keep reading work email in your free time? Then switch notifications off outside your "
                "shifts, if your job allows it.",
            ),
        ),
        _item(
            ARTICLE,
            "praten-over-werkdruk",
            (
                "Werkdruk bespreken met je leidinggevende",
                "Hoe je het gesprek voorbereidt en wat je kunt vragen.",
                "Je leidinggevende ziet niet altijd hoe druk je het hebt. Daarom is het goed om het zelf te "
                "zeggen, liefst voordat je vastloopt.\n\n"
                "Bereid het gesprek voor. Schrijf op welke taken je hebt, wat veel tijd kost en wat blijft liggen. "
                "Noem voorbeelden. Zeg ook wat het met je doet: slecht slapen, weinig energie, fouten maken.\n\n"
                "Denk na over wat zou helpen. Kan een taak naar een collega? Kan iets later? Heb je hulp of "
                "scholing nodig?\n\n"
                "Spreek af wanneer jullie er weer over praten. Komt het gesprek er niet van, of verandert er niets? "
                "Dan kun je ook terecht bij de bedrijfsmaatschappelijk werker of het team Veilig en Gezond Werken.",
            ),
            (
                "Discussing workload with your manager",
                "How to prepare the conversation and what you can ask.",
                "Your manager does not always see how busy you are. So it is good to say it yourself, preferably "
                "before you get stuck.\n\n"
                "Prepare the conversation. Write down which tasks you have, what takes a lot of time and what is left "
                "undone. Give examples. Also say what it does to you: sleeping badly, little energy, making "
                "mistakes.\n\n"
                "Think about what would help. Can a task go to a colleague? Can something wait? Do you need help or "
                "training?\n\n"
                "Agree when you will talk about it again. Does the conversation not happen, or does nothing change? "
                "Then you can also go to the company social worker or the Veilig en Gezond Werken team.",
            ),
        ),
        _item(
            EXERCISE,
            "ademen-in-een-vierkant",
            (
                "Ademen in een vierkant",
                "Twee minuten: kom tot rust voor of na een spannend moment.",
                "Duur: 2 minuten. Je kunt dit zittend, staand of in de auto doen (niet tijdens het rijden).\n\n"
                "1. Adem in door je neus en tel tot vier.\n"
                "2. Houd je adem vast en tel tot vier.\n"
                "3. Adem uit door je mond en tel tot vier.\n"
                "4. Wacht en tel tot vier voordat je weer inademt.\n"
                "5. Herhaal dit vier tot zes keer.\n\n"
                "Word je duizelig? Adem dan gewoon door en tel wat korter.",
            ),
            (
                "Box breathing",
                "Two minutes: calm down before or after a tense moment.",
                "Time: 2 minutes. You can do this sitting, standing or in the car (not while driving).\n\n"
                "1. Breathe in through your nose and count to four.\n"
                "2. Hold your breath and count to four.\n"
                "3. Breathe out through your mouth and count to four.\n"
                "4. Wait and count to four before you breathe in again.\n"
                "5. Repeat this four to six times.\n\n"
                "Do you get dizzy? Then just keep breathing and count a bit shorter.",
            ),
        ),
        _item(
            EXERCISE,
            "wat-kan-ik-beinvloeden",
            (
                "Wat kan ik beïnvloeden?",
                "Vijf minuten: zet je zorgen over werk in twee rijtjes.",
                "Duur: 5 minuten. Pak pen en papier.\n\n"
                "1. Schrijf op wat je nu stress geeft op je werk.\n"
                "2. Zet elk punt in een van twee rijtjes: 'hier kan ik iets aan doen' of 'hier kan ik niets aan "
                "doen'.\n"
                "3. Kies uit het eerste rijtje één punt en schrijf een kleine stap op die je deze week zet.\n"
                "4. Kijk naar het tweede rijtje. Met wie kun je daarover praten, of hoe kun je het loslaten?\n\n"
                "Je energie gaat zo naar wat je wel kunt veranderen.",
            ),
            (
                "What can I influence?",
                "Five minutes: put your work worries in two lists.",
                "Time: 5 minutes. Take pen and paper.\n\n"
                "1. Write down what causes you stress at work right now.\n"
                "2. Put each point in one of two lists: 'I can do something about this' or 'I cannot do anything "
                "about this'.\n"
                "3. Pick one point from the first list and write down a small step you will take this week.\n"
                "4. Look at the second list. Who can you talk to about it, or how can you let it go?\n\n"
                "That way your energy goes to what you can change.",
            ),
        ),
    ],
    "ongewenste-omgangsvormen": [
        _item(
            ARTICLE,
            "wat-doet-een-vertrouwenspersoon",
            (
                "Wat doet een vertrouwenspersoon?",
                "Luisteren, meedenken en de weg wijzen. Jij beslist.",
                "Een vertrouwenspersoon is er voor jou als je te maken hebt met ongewenst gedrag op je werk. Je "
                "kunt er ook terecht als je twijfelt of iets wel ongewenst is.\n\n"
                "De vertrouwenspersoon luistert naar je verhaal en helpt je om op een rij te zetten wat je kunt "
                "doen: zelf iets zeggen, een gesprek met je leidinggevende, bemiddeling, of een melding of klacht. "
                "Hij of zij kan je ook bij zo'n stap begeleiden.\n\n"
                "Wat je vertelt blijft vertrouwelijk. De vertrouwenspersoon onderneemt niets zonder dat jij dat "
                "wilt. Je hoeft je leidinggevende niet te vragen of je mag gaan.",
            ),
            (
                "What does a confidential adviser do?",
                "Listening, thinking along and showing the way. You decide.",
                "A confidential adviser is there for you when you face unacceptable behaviour at work. You can also "
                "go to them if you doubt whether something is unacceptable.\n\n"
                "The confidential adviser listens to your story and helps you sort out what you can do: say "
                "something yourself, talk to your manager, mediation, or a report or complaint. They can also "
                "accompany you when you take such a step.\n\n"
                "What you tell stays confidential. The confidential adviser does nothing unless you want it. You do "
                "not need to ask your manager whether you may go.",
            ),
        ),
        _item(
            ARTICLE,
            "je-ziet-het-bij-een-collega",
            (
                "Je ziet het gebeuren bij een collega",
                "Wat je als omstander kunt doen.",
                "Zie je dat een collega wordt uitgelachen, buitengesloten of lastiggevallen? Jouw reactie maakt "
                "verschil. Als niemand iets doet, lijkt het alsof iedereen het goed vindt.\n\n"
                "Je kunt op het moment zelf iets zeggen, zoals: 'Dit vind ik niet oké.' Lukt dat niet, zoek je "
                "collega dan later op en vraag hoe het gaat. Laat merken dat je het gezien hebt.\n\n"
                "Vraag wat je collega wil. Misschien wil hij of zij dat je meegaat naar de leidinggevende of naar "
                "een vertrouwenspersoon. Doe niets over het hoofd van je collega heen, tenzij het onveilig is.\n\n"
                "Je mag zelf ook naar een vertrouwenspersoon met wat je gezien hebt.",
            ),
            (
                "You see it happen to a colleague",
                "What you can do as a bystander.",
                "Do you see a colleague being laughed at, left out or harassed? Your reaction makes a difference. "
                "If nobody does anything, it looks as if everyone is fine with it.\n\n"
                "You can say something at the moment itself, such as: 'I don't think this is okay.' If that does not "
                "work, find your colleague later and ask how they are. Show that you saw it.\n\n"
                "Ask what your colleague wants. Maybe they want you to come along to the manager or to a "
                "confidential adviser. Do nothing over your colleague's head, unless it is unsafe.\n\n"
                "You may also go to a confidential adviser yourself with what you saw.",
            ),
        ),
        _item(
            EXERCISE,
            "grens-aangeven-in-een-zin",
            (
                "Je grens aangeven in één zin",
                "Drie minuten: maak je eigen stopzin.",
                "Duur: 3 minuten.\n\n"
                "1. Denk aan een situatie waarin iemand over je grens ging.\n"
                "2. Maak één korte zin die zegt wat er gebeurt en wat je wilt. Bijvoorbeeld: 'Je raakt me aan. "
                "Stop daarmee.' of 'Die grap over mijn afkomst vind ik niet leuk.'\n"
                "3. Zeg de zin hardop, rustig en duidelijk. Kijk daarbij voor je uit, niet naar de grond.\n"
                "4. Oefen hem een paar keer, tot hij vanzelf komt.\n\n"
                "Je hoeft niets uit te leggen of je te verontschuldigen. Voel je je niet veilig? Ga dan weg en zoek "
                "steun.",
            ),
            (
                "Setting your limit in one sentence",
                "Three minutes: make your own stop sentence.",
                "Time: 3 minutes.\n\n"
                "1. Think of a situation in which someone crossed your limit.\n"
                "2. Make one short sentence that says what is happening and what you want. For example: 'You are "
                "touching me. Stop that.' or 'I don't like that joke about my background.'\n"
                "3. Say the sentence out loud, calmly and clearly. Look ahead of you, not at the floor.\n"
                "4. Practise it a few times, until it comes naturally.\n\n"
                "You do not have to explain or apologise. Do you not feel safe? Then leave and look for support.",
            ),
        ),
        _item(
            EXERCISE,
            "houd-een-logboek-bij",
            (
                "Houd een logboek bij",
                "Vijf minuten per keer: schrijf op wat er gebeurt.",
                "Duur: 5 minuten per voorval.\n\n"
                "1. Noteer de datum, de tijd en de plek.\n"
                "2. Schrijf op wat er gebeurde en wat er gezegd werd, zo letterlijk als je kunt.\n"
                "3. Schrijf op wie erbij was of het gezien kan hebben.\n"
                "4. Schrijf op wat je daarna deed en hoe je je voelde.\n"
                "5. Bewaar berichten, mails of foto's die erbij horen.\n\n"
                "Bewaar het logboek op een plek die alleen jij kunt openen. Het helpt je als je later met een "
                "vertrouwenspersoon praat of een stap wilt zetten.",
            ),
            (
                "Keep a log",
                "Five minutes each time: write down what happens.",
                "Time: 5 minutes per incident.\n\n"
                "1. Note the date, the time and the place.\n"
                "2. Write down what happened and what was said, as literally as you can.\n"
                "3. Write down who was there or may have seen it.\n"
                "4. Write down what you did afterwards and how you felt.\n"
                "5. Keep messages, emails or photos that belong to it.\n\n"
                "Keep the log in a place only you can open. It helps you when you later talk to a confidential "
                "adviser or want to take a step.",
            ),
        ),
    ],
    "ptss": [
        _item(
            ARTICLE,
            "hulp-bij-ptss-wie-doet-wat",
            (
                "Hulp bij PTSS: wie doet wat?",
                "Van een collega die luistert tot traumazorg en erkenning.",
                "Bij de politie zijn er verschillende mensen die je kunnen helpen. Je hoeft niet zelf te weten "
                "wie je nodig hebt: elke deur is goed.\n\n"
                "Het Team Collegiale Ondersteuning (TCO) vangt je op na een heftig incident en luistert. De "
                "eenheidspsycholoog is specialist in klachten die door het politiewerk ontstaan; je kunt er "
                "rechtstreeks heen, ook zonder je leidinggevende. De bedrijfsarts kijkt naar je gezondheid en je "
                "werk.\n\n"
                "Via de Zorglijn PTSS kom je snel bij gespecialiseerde traumazorg. Heb je PTSS door je werk? Dan "
                "begeleidt de casemanager PTSS je bij de aanvraag om het als beroepsziekte te laten erkennen, en "
                "het Team Beroepsrisico helpt bij wat daarna komt.",
            ),
            (
                "Help with PTSD: who does what?",
                "From a colleague who listens to trauma care and recognition.",
                "In the police there are several people who can help you. You do not need to know yourself who you "
                "need: every door is the right one.\n\n"
                "The Team Collegiale Ondersteuning (TCO) supports you after an intense incident and listens. The "
                "unit psychologist specialises in complaints that arise from police work; you can go there directly, "
                "also without your manager. The occupational physician looks at your health and your work.\n\n"
                "Through the Zorglijn PTSS you quickly reach specialised trauma care. Do you have PTSD because of "
                "your work? Then the PTSD case manager guides you through the application to have it recognised as "
                "an occupational disease, and the Team Beroepsrisico helps with what comes after.",
            ),
        ),
        _item(
            ARTICLE,
            "ptss-en-je-thuisfront",
            (
                "PTSS en je thuisfront",
                "Je partner en familie merken het vaak als eerste.",
                "Mensen thuis zien vaak eerder dan jij dat je veranderd bent. Je bent prikkelbaarder, stiller of "
                "vaker weg in je hoofd. Dat is ook voor hen zwaar.\n\n"
                "Vertel thuis wat je kunt vertellen. Je hoeft niet alle details te delen. Zeggen dat je iets "
                "heftigs hebt meegemaakt en dat het je bezighoudt, helpt al.\n\n"
                "Je partner of familie kan zelf ook steun zoeken. Het 24/7 Loket Politie is dag en nacht bereikbaar "
                "voor politiemensen en hun thuisfront. Daar praten ze met iemand die het politiewerk kent.",
            ),
            (
                "PTSD and the people at home",
                "Your partner and family often notice it first.",
                "People at home often see sooner than you that you have changed. You are more irritable, quieter or "
                "more often lost in thought. That is hard for them too.\n\n"
                "Tell at home what you can tell. You do not have to share every detail. Saying that you went through "
                "something intense and that it is on your mind already helps.\n\n"
                "Your partner or family can also look for support themselves. The 24/7 Loket Politie can be reached "
                "day and night by police staff and their families. There they talk to someone who knows police "
                "work.",
            ),
        ),
        _item(
            EXERCISE,
            "je-dag-in-vaste-blokken",
            (
                "Je dag in vaste blokken",
                "Vijf minuten: maak een eenvoudig dagritme voor houvast.",
                "Duur: 5 minuten. Doe dit 's avonds voor de volgende dag.\n\n"
                "1. Schrijf op hoe laat je opstaat en naar bed gaat. Houd die tijden zoveel mogelijk vast.\n"
                "2. Plan drie maaltijden.\n"
                "3. Plan één moment om naar buiten te gaan of te bewegen.\n"
                "4. Plan één moment voor contact met iemand die je fijn vindt.\n"
                "5. Plan één klein ding dat je prettig vindt.\n\n"
                "Een vast ritme geeft rust als je hoofd onrustig is. Het vervangt geen behandeling.",
            ),
            (
                "Your day in fixed blocks",
                "Five minutes: make a simple daily rhythm to hold on to.",
                "Time: 5 minutes. Do this in the evening for the next day.\n\n"
                "1. Write down what time you get up and go to bed. Keep to those times as much as you can.\n"
                "2. Plan three meals.\n"
                "3. Plan one moment to go outside or move.\n"
                "4. Plan one moment of contact with someone you like.\n"
                "5. Plan one small thing you enjoy.\n\n"
                "A fixed rhythm gives calm when your head is restless. It does not replace treatment.",
            ),
        ),
        _item(
            EXERCISE,
            "een-rustige-plek-in-gedachten",
            (
                "Een rustige plek in gedachten",
                "Vijf minuten: ontspan door aan een fijne plek te denken.",
                "Duur: 5 minuten. Zoek een plek waar je even niet gestoord wordt.\n\n"
                "1. Ga gemakkelijk zitten en adem een paar keer rustig uit.\n"
                "2. Denk aan een plek waar je je rustig en veilig voelt. Dat mag een echte of een bedachte plek "
                "zijn.\n"
                "3. Wat zie je daar? Wat hoor je? Hoe voelt de lucht?\n"
                "4. Blijf een paar minuten op die plek.\n"
                "5. Kom rustig terug: beweeg je vingers en tenen en kijk om je heen.\n\n"
                "Komen er nare beelden op? Stop dan en doe de oefening 'Terug naar het hier en nu'. Gebeurt dat "
                "vaak, praat er dan over met de eenheidspsycholoog.",
            ),
            (
                "A calm place in your mind",
                "Five minutes: relax by thinking of a pleasant place.",
                "Time: 5 minutes. Find a place where you will not be disturbed for a while.\n\n"
                "1. Sit comfortably and breathe out calmly a few times.\n"
                "2. Think of a place where you feel calm and safe. It can be a real place or an imagined one.\n"
                "3. What do you see there? What do you hear? How does the air feel?\n"
                "4. Stay in that place for a few minutes.\n"
                "5. Come back calmly: move your fingers and toes and look around you.\n\n"
                "Do unpleasant images come up? Then stop and do the exercise 'Back to the here and now'. If that "
                "happens often, talk about it with the unit psychologist.",
            ),
        ),
    ],
    "gehoorschade": [
        _item(
            ARTICLE,
            "hoe-hard-geluid-je-gehoor-beschadigt",
            (
                "Hoe hard geluid je gehoor beschadigt",
                "Waarom je oren bescherming nodig hebben, ook als het geen pijn doet.",
                "In je oor zitten kleine haarcellen die geluid opvangen. Heel hard geluid, of lang hard geluid, kan "
                "die cellen beschadigen. Die schade kan blijvend zijn.\n\n"
                "In het politiewerk kom je veel hard geluid tegen: schieten op de baan, sirenes, motoren, een "
                "helikopter of harde muziek bij een evenement. Eén heel hard knal kan al schade geven. Ook geluid "
                "dat minder hard is, kan schade geven als je er lang in staat.\n\n"
                "Gehoorschade doet meestal geen pijn en komt langzaam. Je merkt het pas als je gesprekken slechter "
                "volgt. Daarom is voorkomen zo belangrijk: draag gehoorbescherming als het hard is, ook als het maar "
                "even duurt.",
            ),
            (
                "How loud noise damages your hearing",
                "Why your ears need protection, even when it does not hurt.",
                "Inside your ear are tiny hair cells that pick up sound. Very loud sound, or loud sound for a long "
                "time, can damage those cells. That damage can be permanent.\n\n"
                "Police work has a lot of loud noise: shooting at the range, sirens, motorbikes, a helicopter or "
                "loud music at an event. A single very loud bang can already cause damage. Less loud sound can also "
                "cause damage if you are exposed to it for a long time.\n\n"
                "Hearing damage usually does not hurt and comes slowly. You only notice it when you follow "
                "conversations less well. That is why prevention matters so much: wear hearing protection when it "
                "is loud, even if it only lasts a moment.",
            ),
        ),
        _item(
            ARTICLE,
            "gehoorbescherming-wat-is-er",
            (
                "Gehoorbescherming: wat is er en hoe kom je eraan?",
                "Van oordoppen uit de materiaalkast tot bescherming op maat.",
                "Oordoppen voor dagelijks gebruik liggen in de materiaalkast van je team. Neem er een paar mee in je "
                "tas of je uitrusting, zodat je ze bij de hand hebt.\n\n"
                "Andere persoonlijke beschermingsmiddelen vraag je aan via Zelf regelen.\n\n"
                "Soms beschermen gewone oordoppen niet genoeg, of passen ze niet bij je werk. Bijvoorbeeld als je "
                "motorrijder bent of schietinstructies geeft. Dan is er oog- en gehoorbescherming op maat. Vraag je "
                "leidinggevende of het team Veilig en Gezond Werken wat er voor jouw functie mogelijk is.\n\n"
                "Vragen over geluid op je werkplek? De arbeidshygiënist van het kerndeskundigenteam kan meten en "
                "adviseren.",
            ),
            (
                "Hearing protection: what is there and how do you get it?",
                "From earplugs in the equipment cupboard to custom-made protection.",
                "Earplugs for daily use are in your team's equipment cupboard. Keep a few in your bag or your gear, "
                "so you have them at hand.\n\n"
                "You request other personal protective equipment through Zelf regelen.\n\n"
                "Sometimes ordinary earplugs do not protect enough, or they do not suit your work. For example if "
                "you are a motorcycle officer or give shooting instruction. Then there is custom-made eye and "
                "hearing protection. Ask your manager or the Veilig en Gezond Werken team what is possible for your "
                "job.\n\n"
                "Questions about noise at your workplace? The occupational hygienist of the core experts team can "
                "measure and advise.",
            ),
        ),
        _item(
            ARTICLE,
            "last-van-je-oren",
            (
                "Last van je oren? Dit kun je doen",
                "Een piep, suizen of dof horen: wacht er niet mee.",
                "Hoor je na een schietoefening of een harde knal een piep of suizen? Klinkt alles dof? Dat kan een "
                "teken zijn dat je oren te veel geluid hebben gehad. Vaak gaat het na een tijdje weer weg, maar "
                "het is een waarschuwing.\n\n"
                "Gaat de piep niet weg, merk je dat je slechter hoort of vragen anderen of je de televisie zachter "
                "zet? Ga dan naar de bedrijfsarts of je huisarts. Zeg erbij dat je in je werk hard geluid "
                "tegenkomt.\n\n"
                "Heb je gehoorschade door het politiewerk? Dan helpt Audiopol bij je re-integratie. Daarin werken de "
                "teams Veilig en Gezond Werken, de eenheden en de Politie Zorgpolis samen, met bedrijven die "
                "gespecialiseerd zijn in gehoorproblemen. De bedrijfsarts of het team Veilig en Gezond Werken "
                "vertelt je hoe je daar komt.",
            ),
            (
                "Trouble with your ears? This is what you can do",
                "A ringing, buzzing or muffled hearing: do not wait.",
                "Do you hear a ringing or buzzing after a shooting exercise or a loud bang? Does everything sound "
                "muffled? That can be a sign that your ears have had too much noise. It often goes away after a "
                "while, but it is a warning.\n\n"
                "Does the ringing not go away, do you notice that you hear less well, or do others ask you to turn "
                "the television down? Then go to the occupational physician or your GP. Mention that you come across "
                "loud noise in your work.\n\n"
                "Do you have hearing damage because of police work? Then Audiopol helps with your return to work. In "
                "it, the Veilig en Gezond Werken teams, the units and the Politie Zorgpolis work together with "
                "companies that specialise in hearing problems. The occupational physician or the Veilig en Gezond "
                "Werken team tells you how to get there.",
            ),
        ),
        _item(
            EXERCISE,
            "oordoppen-goed-indoen",
            (
                "Oordoppen goed indoen",
                "Twee minuten: zo beschermen schuimdoppen echt.",
                "Duur: 2 minuten. Pak een paar schuimoordoppen.\n\n"
                "1. Rol de dop met schone vingers tot een dun rolletje.\n"
                "2. Trek met je andere hand je oor een beetje naar boven en naar achteren.\n"
                "3. Stop het rolletje diep genoeg in je gehoorgang.\n"
                "4. Houd de dop ongeveer twintig tellen vast terwijl hij uitzet.\n"
                "5. Test: praat hardop. Klinkt je stem dof en voller? Dan zit hij goed.\n\n"
                "Een dop die maar half in je oor zit, beschermt veel minder. Gebruik schuimdoppen niet te vaak "
                "opnieuw.",
            ),
            (
                "Putting earplugs in properly",
                "Two minutes: how foam plugs really protect.",
                "Time: 2 minutes. Take a pair of foam earplugs.\n\n"
                "1. Roll the plug with clean fingers into a thin roll.\n"
                "2. With your other hand, pull your ear slightly up and back.\n"
                "3. Push the roll deep enough into your ear canal.\n"
                "4. Hold the plug for about twenty counts while it expands.\n"
                "5. Test: speak out loud. Does your voice sound muffled and fuller? Then it sits well.\n\n"
                "A plug that is only halfway in your ear protects much less. Do not reuse foam plugs too often.",
            ),
        ),
        _item(
            EXERCISE,
            "geluidscheck-na-je-dienst",
            (
                "Geluidscheck na je dienst",
                "Twee minuten: let op je oren na een dienst met veel lawaai.",
                "Duur: 2 minuten, na een dienst of oefening met veel geluid.\n\n"
                "1. Ga op een stille plek zitten.\n"
                "2. Luister: hoor je een piep, suizen of brommen?\n"
                "3. Wrijf zachtjes je vingers naast elk oor. Hoor je het aan beide kanten even goed?\n"
                "4. Schrijf op wat je merkte en waar je die dag was.\n"
                "5. Kijk de volgende dag of het weg is.\n\n"
                "Is het na een dag niet weg, of merk je het vaker? Ga dan naar de bedrijfsarts.",
            ),
            (
                "Noise check after your shift",
                "Two minutes: pay attention to your ears after a noisy shift.",
                "Time: 2 minutes, after a shift or exercise with a lot of noise.\n\n"
                "1. Sit down in a quiet place.\n"
                "2. Listen: do you hear a ringing, buzzing or humming?\n"
                "3. Gently rub your fingers next to each ear. Do you hear it equally well on both sides?\n"
                "4. Write down what you noticed and where you were that day.\n"
                "5. Check the next day whether it has gone.\n\n"
                "Has it not gone after a day, or do you notice it more often? Then go to the occupational physician.",
            ),
        ),
        _item(
            EXERCISE,
            "rust-voor-je-oren",
            (
                "Rust voor je oren",
                "Een dag lang: geef je oren pauze na veel geluid.",
                "Duur: een dag, na een dienst of oefening met veel geluid.\n\n"
                "1. Zet je muziek of koptelefoon zachter dan je gewend bent, of laat hem uit.\n"
                "2. Kies een rustige plek om te eten en te pauzeren.\n"
                "3. Ga niet naar een concert, feest of andere harde plek.\n"
                "4. Zet de televisie niet harder om het piepen te overstemmen.\n\n"
                "Je oren hebben tijd nodig om bij te komen na veel lawaai. Plan dat net zo als rust na een zware "
                "training.",
            ),
            (
                "Rest for your ears",
                "For one day: give your ears a break after a lot of noise.",
                "Time: one day, after a shift or exercise with a lot of noise.\n\n"
                "1. Turn your music or headphones down further than usual, or leave them off.\n"
                "2. Choose a quiet place to eat and take breaks.\n"
                "3. Do not go to a concert, party or other loud place.\n"
                "4. Do not turn the television up to drown out the ringing.\n\n"
                "Your ears need time to recover after a lot of noise. Plan that just like rest after heavy "
                "training.",
            ),
        ),
        _item(
            STORY,
            "de-piep-na-de-schietbaan",
            (
                "De piep na de schietbaan",
                "Voorbeeldverhaal van een collega die zijn gehoorbescherming vaak vergat.",
                "Ik ben al jaren schietinstructeur. Vroeger deed ik mijn oorkappen soms even af om een aspirant "
                "iets uit te leggen. Dat leek me geen probleem.\n\n"
                "Na een lange dag op de baan hoorde ik 's avonds een hoge piep. De volgende ochtend was hij er nog. "
                "Ik ben naar de bedrijfsarts gegaan. Uit de test bleek dat mijn gehoor al wat minder was.\n\n"
                "Ik heb nu gehoorbescherming op maat, die ik de hele dag in kan houden en waarmee ik mensen toch "
                "versta. De piep is er soms nog, maar het is niet erger geworden. Aan aspiranten vertel ik nu altijd "
                "eerst over hun oren.",
            ),
            (
                "The ringing after the shooting range",
                "Example story of a colleague who often forgot his hearing protection.",
                "I have been a shooting instructor for years. In the past I sometimes took my ear defenders off for "
                "a moment to explain something to a trainee. That did not seem like a problem.\n\n"
                "After a long day at the range I heard a high-pitched ringing in the evening. The next morning it "
                "was still there. I went to the occupational physician. The test showed that my hearing was already "
                "a bit worse.\n\n"
                "I now have custom-made hearing protection that I can keep in all day and with which I can still "
                "understand people. The ringing is sometimes still there, but it has not got worse. Now I always "
                "tell trainees about their ears first.",
            ),
        ),
    ],
    "ingrijpende-gebeurtenissen": [
        _item(
            ARTICLE,
            "normale-reacties",
            (
                "Normale reacties op een heftige gebeurtenis",
                "Wat je kunt merken in de dagen en weken erna.",
                "Na een ingrijpende gebeurtenis reageert bijna iedereen. Je lichaam en je hoofd zijn bezig om te "
                "verwerken wat er gebeurde. Dat is normaal.\n\n"
                "Je kunt merken dat je slechter slaapt, beelden terugziet, sneller schrikt of prikkelbaar bent. "
                "Sommige mensen voelen zich juist leeg of verdoofd. Anderen hebben lichamelijke klachten, zoals "
                "hoofdpijn of een onrustige buik.\n\n"
                "Bij de meeste mensen worden die reacties in de weken erna vanzelf minder. Steun van collega's en "
                "mensen thuis helpt daarbij.\n\n"
                "Worden de klachten na een paar weken niet minder, of juist erger? Kun je niet goed werken of "
                "slapen? Vraag dan hulp, bijvoorbeeld bij de eenheidspsycholoog of de bedrijfsarts.",
            ),
            (
                "Normal reactions to an intense event",
                "What you may notice in the days and weeks after.",
                "After a drastic event almost everyone reacts. Your body and your head are busy processing what "
                "happened. That is normal.\n\n"
                "You may notice that you sleep worse, see images again, startle more easily or are irritable. Some "
                "people feel empty or numb instead. Others have physical complaints, such as a headache or an "
                "unsettled stomach.\n\n"
                "For most people these reactions lessen by themselves in the weeks after. Support from colleagues "
                "and people at home helps with that.\n\n"
                "Do the complaints not lessen after a few weeks, or do they get worse? Can you not work or sleep "
                "well? Then ask for help, for example from the unit psychologist or the occupational physician.",
            ),
        ),
        _item(
            ARTICLE,
            "de-eerste-dagen",
            (
                "De eerste dagen: wat helpt?",
                "Praten, rust en je gewone ritme.",
                "Na een heftige dienst wil je misschien vooral naar huis. Toch helpt het om eerst even met "
                "collega's te praten over wat er gebeurde. Je leidinggevende regelt na een ingrijpend incident dat "
                "er opvang is, en soms een debriefing met het team.\n\n"
                "Het Team Collegiale Ondersteuning (TCO) neemt contact met je op of je kunt zelf bellen. Dat zijn "
                "collega's die weten hoe het werk is en die luisteren.\n\n"
                "Probeer thuis je gewone ritme vast te houden: eten, slapen, bewegen. Vertel je mensen thuis dat je "
                "iets heftigs hebt meegemaakt, ook als je niet alles wilt delen.\n\n"
                "Wil je weten hoe het met je gaat? Met de zelftest na ingrijpende gebeurtenissen (de Mirror) zie je "
                "het anoniem, ook een paar weken later nog eens.",
            ),
            (
                "The first days: what helps?",
                "Talking, rest and your normal rhythm.",
                "After an intense shift you may mostly want to go home. Still, it helps to talk with colleagues "
                "about what happened first. After a drastic incident your manager makes sure there is support, and "
                "sometimes a debriefing with the team.\n\n"
                "The Team Collegiale Ondersteuning (TCO) contacts you, or you can call yourself. They are colleagues "
                "who know what the work is like and who listen.\n\n"
                "At home, try to keep your normal rhythm: eating, sleeping, moving. Tell the people at home that you "
                "went through something intense, even if you do not want to share everything.\n\n"
                "Want to know how you are doing? The self-test after drastic events (the Mirror) shows it "
                "anonymously, and you can do it again a few weeks later.",
            ),
        ),
        _item(
            ARTICLE,
            "een-collega-heeft-iets-heftigs-meegemaakt",
            (
                "Een collega heeft iets heftigs meegemaakt",
                "Hoe je er voor een ander kunt zijn.",
                "Je hoeft geen hulpverlener te zijn om een collega te steunen. Vaak is aandacht al genoeg.\n\n"
                "Vraag hoe het gaat, ook na een paar dagen of weken. Luister, zonder meteen advies te geven of je "
                "eigen verhaal te vertellen. Bied praktische hulp, zoals een dienst ruilen of even samen koffie "
                "drinken.\n\n"
                "Maak je je zorgen? Zeg dat eerlijk. Wijs je collega op het Team Collegiale Ondersteuning of de "
                "eenheidspsycholoog. Met de zelftest Mirror kun je ook anoniem invullen hoe het met een collega "
                "lijkt te gaan.\n\n"
                "Zegt je collega dat hij of zij niet meer wil leven? Blijf erbij en zoek meteen hulp. Kijk bij "
                "Direct hulp wie je dag en nacht kunt bellen.",
            ),
            (
                "A colleague went through something intense",
                "How you can be there for someone else.",
                "You do not need to be a care professional to support a colleague. Attention is often enough.\n\n"
                "Ask how they are, also after a few days or weeks. Listen, without giving advice straight away or "
                "telling your own story. Offer practical help, such as swapping a shift or having a coffee "
                "together.\n\n"
                "Are you worried? Say so honestly. Point your colleague to the Team Collegiale Ondersteuning or the "
                "unit psychologist. With the Mirror self-test you can also fill in anonymously how a colleague seems "
                "to be doing.\n\n"
                "Does your colleague say they do not want to live any more? Stay with them and get help at once. "
                "See Direct help for who you can call day and night.",
            ),
        ),
        _item(
            EXERCISE,
            "drie-vragen-na-de-dienst",
            (
                "Drie vragen na de dienst",
                "Vijf minuten: sluit een zware dienst bewust af.",
                "Duur: 5 minuten, aan het eind van een zware dienst.\n\n"
                "1. Wat is er gebeurd? Schrijf het in een paar zinnen op, alleen de feiten.\n"
                "2. Wat heb ik goed gedaan, of wat heeft geholpen? Noem minstens één ding.\n"
                "3. Wat heb ik nu nodig? Bijvoorbeeld rust, iets eten, praten met iemand of bewegen.\n\n"
                "Doe daarna één ding van vraag 3. Blijft de dienst je bezighouden? Bespreek hem met een collega of "
                "met het Team Collegiale Ondersteuning.",
            ),
            (
                "Three questions after the shift",
                "Five minutes: close a heavy shift on purpose.",
                "Time: 5 minutes, at the end of a heavy shift.\n\n"
                "1. What happened? Write it down in a few sentences, only the facts.\n"
                "2. What did I do well, or what helped? Name at least one thing.\n"
                "3. What do I need now? For example rest, something to eat, talking to someone or moving.\n\n"
                "Then do one thing from question 3. Does the shift stay on your mind? Discuss it with a colleague "
                "or with the Team Collegiale Ondersteuning.",
            ),
        ),
        _item(
            EXERCISE,
            "voeten-op-de-grond",
            (
                "Voeten op de grond",
                "Eén minuut: kom terug in je lijf als de spanning oploopt.",
                "Duur: 1 minuut. Dit kan overal, ook zonder dat iemand het ziet.\n\n"
                "1. Zet je beide voeten plat op de grond.\n"
                "2. Duw ze stevig in de grond en voel je hakken, je tenen en de zijkanten van je voeten.\n"
                "3. Voel je benen en je rug tegen de stoel.\n"
                "4. Adem langzaam uit, langer dan je inademt.\n"
                "5. Kijk om je heen en noem in gedachten drie dingen die je ziet.\n\n"
                "Deze oefening helpt om even te zakken. Overvalt de spanning je vaak? Vraag dan hulp.",
            ),
            (
                "Feet on the floor",
                "One minute: come back into your body when tension rises.",
                "Time: 1 minute. You can do this anywhere, even without anyone noticing.\n\n"
                "1. Put both feet flat on the floor.\n"
                "2. Press them firmly into the floor and feel your heels, your toes and the sides of your feet.\n"
                "3. Feel your legs and your back against the chair.\n"
                "4. Breathe out slowly, longer than you breathe in.\n"
                "5. Look around you and name three things you see in your mind.\n\n"
                "This exercise helps you settle for a moment. Does tension often overwhelm you? Then ask for help.",
            ),
        ),
        _item(
            EXERCISE,
            "wie-bel-ik",
            (
                "Wie bel ik?",
                "Vijf minuten: maak je eigen lijstje met steun.",
                "Duur: 5 minuten. Zet het lijstje in je telefoon.\n\n"
                "1. Schrijf twee mensen op met wie je over je werk kunt praten, op of buiten het werk.\n"
                "2. Schrijf op hoe je het Team Collegiale Ondersteuning van je eenheid bereikt.\n"
                "3. Zet het nummer van het 24/7 Loket Politie erbij. Dat vind je bij Direct hulp.\n"
                "4. Schrijf op wie je eenheidspsycholoog en je bedrijfsarts zijn, of hoe je ze vindt.\n\n"
                "Maak het lijstje nu, op een rustig moment. Als je het nodig hebt, hoef je dan niet te zoeken.",
            ),
            (
                "Who do I call?",
                "Five minutes: make your own list of support.",
                "Time: 5 minutes. Put the list in your phone.\n\n"
                "1. Write down two people you can talk to about your work, at work or outside it.\n"
                "2. Write down how to reach the Team Collegiale Ondersteuning of your unit.\n"
                "3. Add the number of the 24/7 Loket Politie. You find it under Direct help.\n"
                "4. Write down who your unit psychologist and occupational physician are, or how to find them.\n\n"
                "Make the list now, at a calm moment. When you need it, you do not have to search.",
            ),
        ),
        _item(
            STORY,
            "na-de-reanimatie",
            (
                "Na de reanimatie",
                "Voorbeeldverhaal van een agent die een kind probeerde te redden.",
                "We kwamen als eersten aan bij een huis waar een kind niet meer ademde. Ik begon te reanimeren tot "
                "de ambulance er was. Het kind heeft het niet gehaald.\n\n"
                "De eerste nachten sliep ik nauwelijks. Ik zag steeds het gezicht van de moeder. Mijn teamchef "
                "regelde dat we als ploeg nog die dag bij elkaar kwamen. Een collega van het TCO belde me twee "
                "dagen later.\n\n"
                "Het hielp om te horen dat mijn reacties normaal waren. Na een paar weken sliep ik beter. Ik denk "
                "er nog vaak aan, maar het overvalt me niet meer. Ik ben blij dat ik erover heb gepraat.",
            ),
            (
                "After the resuscitation",
                "Example story of an officer who tried to save a child.",
                "We were the first to arrive at a house where a child had stopped breathing. I started CPR until "
                "the ambulance arrived. The child did not make it.\n\n"
                "The first nights I hardly slept. I kept seeing the mother's face. My team leader arranged for our "
                "crew to get together that same day. A colleague from the TCO called me two days later.\n\n"
                "It helped to hear that my reactions were normal. After a few weeks I slept better. I still think "
                "about it often, but it no longer overwhelms me. I am glad I talked about it.",
            ),
        ),
    ],
}


def load(apps, schema_editor):
    HealthTheme = apps.get_model("healththemes", "HealthTheme")
    ThemeItem = apps.get_model("healththemes", "ThemeItem")
    for slug, (order, name, intro, name_en, intro_en) in NEW_THEMES.items():
        HealthTheme.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "intro": intro,
                "name_en": name_en,
                "intro_en": intro_en,
                "order": order,
                "is_published": True,
            },
        )
    for theme_slug, items in ITEMS.items():
        theme = HealthTheme.objects.filter(slug=theme_slug).first()
        if theme is None:  # the inhoudsbeheerder cannot delete themes; only a hand-edited database lacks one
            continue
        for position, item in enumerate(items, start=1):
            fields = {key: value for key, value in item.items() if key != "slug"}
            ThemeItem.objects.get_or_create(
                theme=theme,
                slug=item["slug"],
                defaults={**fields, "order": 100 + position * 10, "is_published": True},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("healththemes", "0004_english_for_the_first_content"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
