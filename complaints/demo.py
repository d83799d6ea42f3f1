"""The demo data set: the complaints register 2022-2024 of the seed (Zorgwijzer 004), retold in
our own words, with the blacked-out parts left out and only fictional people. Loaded by
``manage.py demo`` (``receivers.demo_register``) and nowhere else; idempotent through
``Complaint.demo_key``: a row that exists is left alone.

The register is history: these complaints are written straight into the tables with their
historical dates (the workflow's services would date every move today and start deadlines)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from complaints.constants import FINAL_STAGES, Channel, ContactKind, ContactOutcome, Stage, Verdict
from complaints.models import Category, CommitteePoint, Complaint, ContactAttempt, Element, StageChange
from organisation.constants import Role
from organisation.models import Person, Unit

S = Stage
V = Verdict


@dataclass(frozen=True)
class DemoElement:
    category: str
    summary: str
    advice: str = ""
    verdict: str = ""
    reason: str = ""


@dataclass(frozen=True)
class DemoComplaint:
    key: str
    received_on: date
    unit: str
    content: str
    path: Sequence[tuple[str, int]]  # (stage, days after receipt)
    elements: Sequence[DemoElement]
    channel: str = Channel.DIRECT
    points: Sequence[str] = field(default_factory=list)
    contacts: Sequence[tuple[str, int]] = field(default_factory=list)  # (kind, days after receipt), no reply
    own: bool = False  # the demo medewerker is the complainant (to show "Mijn klachten")


def _twelve() -> list[DemoElement]:
    """The 2022 complaint of twelve elements: 2 founded, 1 no opinion, 1 inadmissible, 8 unfounded."""
    verdicts = [V.FOUNDED, V.FOUNDED, V.NO_OPINION, V.INADMISSIBLE] + [V.UNFOUNDED] * 8
    categories = ["Bejegening", "Intimidatie", "Bejegening", "Onjuiste actie"] + ["Bejegening", "Intimidatie"] * 4
    return [
        DemoElement(category, f"Onderdeel {n} van het klaagschrift", advice=verdict, verdict=verdict)
        for n, (category, verdict) in enumerate(zip(categories, verdicts, strict=True), start=1)
    ]


ROAD_TO_COMMITTEE: list[tuple[str, int]] = [
    (S.RECEIVED, 0),
    (S.INFORMAL, 10),
    (S.INTAKE, 24),
    (S.MEDIATION_OFFERED, 30),
    (S.MEDIATION_REFUSED, 38),
    (S.VIEWS_REQUESTED, 40),
    (S.VIEWS_RECEIVED, 62),
    (S.COMMITTEE, 70),
    (S.DECISION, 115),
    (S.COMMUNICATED, 135),
    (S.CLOSED, 145),
]

REGISTER: list[DemoComplaint] = [
    DemoComplaint(
        "register-2022-01",
        date(2022, 5, 2),
        "den-haag",
        "Een klaagschrift van twaalf pagina's met bijlagen: de klager voelt zich herhaaldelijk onheus "
        "bejegend en geïntimideerd. Een bemiddelingsgesprek wil hij niet.",
        ROAD_TO_COMMITTEE,
        _twelve(),
    ),
    DemoComplaint(
        "register-2023-01",
        date(2023, 1, 2),
        "zeeland-west-brabant",
        "Bij een melding sprak de klager een collega aan over een eerdere zaak. Een tweede collega kwam "
        "erbij, sprak volgens de klager onfatsoenlijk en duwde hem weg.",
        ROAD_TO_COMMITTEE,
        [
            DemoElement("Bejegening", "Taalgebruik tijdens de melding", V.UNFOUNDED, V.UNFOUNDED),
            DemoElement(
                "Fysiek",
                "Wegsturen van de klager",
                V.NO_OPINION,
                V.UNFOUNDED,
                "De beslisser heeft dit onderdeel gesplitst: het optreden zelf is ongegrond; over het "
                "fysieke contact geeft hij geen oordeel (onderdeel 3).",
            ),
            DemoElement("Fysiek", "Fysiek contact tijdens het wegsturen", V.NO_OPINION, V.NO_OPINION),
        ],
    ),
    DemoComplaint(
        "register-2023-02",
        date(2023, 2, 15),
        "landelijke-eenheid",
        "Een re-integratietraject werd plotseling beëindigd. De klacht gaat over de zorg voor de medewerker "
        "in dat proces, niet over het functioneren zelf.",
        [
            (S.RECEIVED, 0),
            (S.INTAKE, 20),
            (S.MEDIATION_OFFERED, 25),
            (S.MEDIATION_REFUSED, 30),
            (S.COMMITTEE, 35),
            (S.DECISION, 90),
            (S.COMMUNICATED, 105),
            (S.CLOSED, 110),
        ],
        [
            DemoElement("Bejegening", "Het functioneren niet zorgvuldig besproken", V.FOUNDED, V.FOUNDED),
            DemoElement("Onjuiste actie", "Geen nazorg gegeven", V.UNFOUNDED, V.UNFOUNDED),
            DemoElement("Onjuiste actie", "Rol als eindverantwoordelijke niet opgepakt", V.UNFOUNDED, V.UNFOUNDED),
        ],
    ),
    DemoComplaint(
        "register-2023-03",
        date(2023, 3, 7),
        "politieacademie",
        "De klaagster klaagt over de veiligheid van haar werkomgeving en over hoe haar melding is "
        "behandeld, tot en met de brief waarmee die werd afgesloten.",
        [
            (S.RECEIVED, 0),
            (S.INTAKE, 14),
            (S.MEDIATION_OFFERED, 20),
            (S.MEDIATION_REFUSED, 40),
            (S.COMMITTEE, 45),
            (S.DECISION, 100),
            (S.COMMUNICATED, 115),
            (S.CLOSED, 120),
        ],
        [
            DemoElement("Houding en gedrag", "Onveilige werkomgeving", V.FOUNDED, V.FOUNDED),
            DemoElement("Onjuiste actie", "Behandeling van de melding", V.FOUNDED, V.FOUNDED),
        ],
        points=[
            "Onderzoek hoe meldingen op de afdeling worden vastgelegd.",
            "Onderzoek of eerdere signalen zijn opgepakt.",
            "Onderzoek hoe de afsluitende brief tot stand kwam.",
        ],
    ),
    DemoComplaint(
        "register-2023-04",
        date(2023, 3, 13),
        "landelijke-eenheid",
        "De klaagster vindt dat zij anders is behandeld dan een collega in een vergelijkbare situatie en "
        "ervaart dat als discriminatie. Er liep ook een rechtszaak.",
        [(S.RECEIVED, 0), (S.INFORMAL, 12), (S.OTHER_PROCEDURE, 60)],
        [DemoElement("Discriminatie", "Ongelijke behandeling bij aanpassingen", verdict=V.NOT_HANDLED)],
    ),
    DemoComplaint(
        "register-2023-05",
        date(2023, 4, 7),
        "pdc-staf-kl",
        "Een collega zou anderen in de gaten houden en dreigen naar de leiding te stappen als iets hem "
        "niet bevalt. Wat anderen als onveilig ervaren, lijkt hem niet te raken.",
        [(S.RECEIVED, 0), (S.INFORMAL, 8), (S.TO_CONFIDANT, 30)],
        [DemoElement("Bejegening", "Intimiderend toezicht op collega's", verdict=V.NOT_HANDLED)],
    ),
    DemoComplaint(
        "register-2023-06",
        date(2023, 4, 28),
        "pdc-staf-kl",
        "Informatie van de bedrijfsarts zou niet zijn doorgegeven, met risico's voor de gezondheid en "
        "voor het werk. De klaagster voelde zich uitgesloten en niet serieus genomen.",
        [(S.RECEIVED, 0), (S.INFORMAL, 14), (S.TO_LEADERSHIP, 50)],
        [DemoElement("Bejegening", "Niet serieus genomen", verdict=V.NOT_HANDLED)],
    ),
    DemoComplaint(
        "register-2023-07",
        date(2023, 5, 2),
        "den-haag",
        "Via de vakbond: de klaagster heeft eerder gemeld dat zij te maken had met discriminatie, pesten "
        "en seksistische opmerkingen. Haar leidinggevende deed daar niets mee.",
        [(S.RECEIVED, 0), (S.INFORMAL, 10), (S.TO_CONFIDANT, 45)],
        [DemoElement("Fysiek", "Letsel en eerdere meldingen niet opgepakt", verdict=V.NOT_HANDLED)],
        channel=Channel.UNION,
    ),
    DemoComplaint(
        "register-2023-08",
        date(2023, 5, 10),
        "landelijke-eenheid",
        "De klager kreeg bericht dat er een intern onderzoek naar hem start. Hij vindt de aanpak niet "
        "objectief; de zaak heeft een lange voorgeschiedenis.",
        [
            (S.RECEIVED, 0),
            (S.INTAKE, 14),
            (S.MEDIATION_OFFERED, 20),
            (S.MEDIATION_ACCEPTED, 25),
            (S.COMMITTEE, 90),
            (S.DECISION, 320),
            (S.COMMUNICATED, 340),
            (S.CLOSED, 345),
        ],
        [
            DemoElement("Bejegening", "Toon van de berichtgeving"),
            DemoElement("Objectiviteit", "Start van het interne onderzoek"),
        ],
    ),
    DemoComplaint(
        "register-2023-09",
        date(2023, 5, 16),
        "den-haag",
        "Vertrouwelijke gegevens die de klager aan zijn leidinggevende vertelde, werden vastgelegd en per "
        "mail met dertig anderen gedeeld.",
        [(S.RECEIVED, 0), (S.INFORMAL, 7), (S.CLOSED, 21)],
        [
            DemoElement("Privacy", "Vertrouwelijke gegevens per mail gedeeld", verdict=V.NOT_HANDLED),
            DemoElement("Bejegening", "Vertrouwen geschaad", verdict=V.NOT_HANDLED),
        ],
    ),
    DemoComplaint(
        "register-2023-10",
        date(2023, 7, 11),
        "landelijke-eenheid",
        "Een docent klaagt over de manier waarop een collega zijn werk doet; de situatie voelt niet meer veilig.",
        [(S.RECEIVED, 0), (S.INFORMAL, 6), (S.TO_LEADERSHIP, 20)],
        [
            DemoElement("Objectiviteit", "Werkwijze van een collega", verdict=V.NOT_HANDLED),
            DemoElement("Bejegening", "Onveilige situatie", verdict=V.NOT_HANDLED),
        ],
    ),
    DemoComplaint(
        "register-2023-11",
        date(2023, 7, 12),
        "pdc-staf-kl",
        "Een docent klaagt over het gedrag van een trajectbegeleider en een student. Een gesprek tussen "
        "partijen bleek niet mogelijk; later trok de klaagster de klacht in.",
        [(S.RECEIVED, 0), (S.INTAKE, 10), (S.MEDIATION_OFFERED, 15), (S.MEDIATION_ACCEPTED, 20), (S.WITHDRAWN, 60)],
        [DemoElement("Bejegening", "Gedrag van een trajectbegeleider", verdict=V.NOT_HANDLED)],
    ),
    DemoComplaint(
        "register-2023-12",
        date(2023, 7, 25),
        "oost-nederland",
        "Meerdere medewerkers klaagden over grensoverschrijdend gedrag van een collega; de meesten trokken "
        "hun klacht in. Eén gepensioneerde medewerker zette door en wil dat de leiding ervan leert.",
        [(S.RECEIVED, 0), (S.INTAKE, 14), (S.TO_LEADERSHIP, 50)],
        [DemoElement("Houding en gedrag", "Grensoverschrijdend gedrag", verdict=V.NOT_HANDLED)],
    ),
    DemoComplaint(
        "register-2023-13",
        date(2023, 11, 26),
        "noord-holland",
        "De klacht gaat over racistische opmerkingen van een collega tijdens een driedaagse opleiding.",
        [(S.RECEIVED, 0), (S.INTAKE, 12), (S.VIEWS_REQUESTED, 20), (S.VIEWS_RECEIVED, 45), (S.CLOSED, 60)],
        [DemoElement("Discriminatie", "Racistische opmerkingen")],
    ),
    DemoComplaint(
        "register-2023-14",
        date(2023, 12, 17),
        "oost-brabant",
        "Tijdens een evaluatiegesprek op een re-integratieplek voelde de klaagster zich onjuist behandeld. "
        "Na het delen van de zienswijzen was het voor haar voldoende.",
        [(S.RECEIVED, 0), (S.INTAKE, 10), (S.VIEWS_REQUESTED, 14), (S.VIEWS_RECEIVED, 35), (S.CLOSED, 42)],
        [DemoElement("Bejegening", "Behandeling tijdens een evaluatiegesprek")],
    ),
    DemoComplaint(
        "register-2023-15",
        date(2023, 12, 19),
        "noord-holland",
        "Een leidinggevende herhaalde denigrerend wat de klaagster had gezegd, terwijl een derde meeluisterde, "
        "en deelde zonder toestemming persoonlijke informatie in het managementteam.",
        [(S.RECEIVED, 0), (S.INTAKE, 9), (S.TO_CONFIDANT, 30)],
        [
            DemoElement("Bejegening", "Denigrerende opmerkingen", verdict=V.NOT_HANDLED),
            DemoElement("Privacy", "Informatie zonder toestemming gedeeld", verdict=V.NOT_HANDLED),
        ],
        channel=Channel.REPRESENTATIVE,
    ),
    DemoComplaint(
        "register-2024-01",
        date(2024, 2, 21),
        "pdc-staf-kl",
        "Een freelance medewerker hoorde dat de samenwerking per direct stopte, op grond van een foto die "
        "hij nooit heeft gezien, en moest meteen het pand verlaten.",
        [(S.RECEIVED, 0), (S.INTAKE, 10), (S.MEDIATION_OFFERED, 14), (S.CONSIDERED_WITHDRAWN, 45)],
        [
            DemoElement("Bejegening", "Manier van beëindigen", verdict=V.NOT_HANDLED),
            DemoElement("Afspraken niet nakomen", "Samenwerking zonder overleg gestopt", verdict=V.NOT_HANDLED),
        ],
        contacts=[
            (ContactKind.CALL, 16),
            (ContactKind.CALL, 20),
            (ContactKind.CALL, 27),
            (ContactKind.SMS, 28),
            (ContactKind.MAIL, 30),
        ],
    ),
    DemoComplaint(
        "register-2024-02",
        date(2024, 2, 27),
        "amsterdam",
        "Een brief, geschreven in het kader van therapie, over langdurig intimiderend gedrag en het opzoeken "
        "van informatie. Na de intake was het voor de klaagster voldoende.",
        [(S.RECEIVED, 0), (S.INTAKE, 21), (S.CLOSED, 35)],
        [DemoElement("Privacy", "Informatie opgezocht zonder reden")],
        own=True,
    ),
]


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _demo_person(role: str) -> Person | None:
    return Person.objects.filter(user__username=f"demo-{role}").first()


@transaction.atomic
def load_demo_register() -> str:
    """Add the rows that are not there yet; returns a line for the command to print."""
    categories = {c.name: c for c in Category.objects.all()}
    needed = {element.category for row in REGISTER for element in row.elements}
    if not needed <= set(categories):
        return ""  # the managed list of the data migration is missing (a flushed test database)
    units = {u.code: u for u in Unit.objects.all()}
    existing = set(Complaint.objects.exclude(demo_key="").values_list("demo_key", flat=True))
    employee = _demo_person(Role.MEDEWERKER)
    handler = _demo_person(Role.KLACHTBEHANDELAAR)
    added = 0
    for number, row in enumerate(REGISTER, start=1):
        if row.key in existing or row.unit not in units:
            continue
        own = row.own and employee is not None
        complaint = Complaint.objects.create(
            demo_key=row.key,
            received_on=row.received_on,
            unit=units[row.unit],
            channel=row.channel,
            complainant=employee if own else None,
            complainant_name="" if own else f"Fictieve klager {number}",
            respondent_names=f"Fictieve beklaagde {number}",
            content=row.content,
            stage=S.RECEIVED,
            stage_started_at=_at(row.received_on),
            handler=handler if row.unit == "amsterdam" else None,
        )
        for position, element in enumerate(row.elements, start=1):
            Element.objects.create(
                complaint=complaint,
                position=position,
                category=categories[element.category],
                summary=element.summary,
                advice=element.advice,
                verdict=element.verdict,
                deviation_reason=element.reason,
            )
        previous = ""
        change = None
        for stage, days in row.path:
            at = _at(row.received_on + timedelta(days=days))
            change = StageChange.objects.create(complaint=complaint, from_stage=previous, to_stage=stage, at=at)
            previous = stage
            if stage == S.COMMITTEE:
                complaint.committee_at = at
        for text in row.points:
            CommitteePoint.objects.create(complaint=complaint, text=text)
        for kind, days in row.contacts:
            ContactAttempt.objects.create(
                complaint=complaint,
                kind=kind,
                on=row.received_on + timedelta(days=days),
                outcome=ContactOutcome.NO_REPLY,
            )
        assert change is not None
        complaint.stage = change.to_stage
        complaint.stage_started_at = change.at
        complaint.current_change = change
        complaint.closed_at = change.at if change.to_stage in FINAL_STAGES else None
        complaint.save()
        added += 1
    total = Complaint.objects.exclude(demo_key="").count()
    return f"Klachtenregister (demo): {total} klachten ({added} nieuw)."
