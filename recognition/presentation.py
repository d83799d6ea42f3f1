"""What the recognition pages show: jubilee rows with the medal and the steps to arrange it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from organisation.models import Person
from recognition.constants import Medal, Milestone
from recognition.jubilees import JubileeDate
from recognition.models import Jubilee


def steps_for(medal: Medal | None) -> list[str]:
    """The steps a manager takes for a jubilee, with the medal that applies."""
    if medal is None:
        return [
            _("De aanstelling van je medewerker is niet bekend in Zorgwijzer. Vraag HR welke onderscheiding past."),
            _("Vraag je medewerker hoe die het jubileum wil vieren en wie erbij mag zijn."),
        ]
    name = str(medal.label)
    return [
        _("Controleer met HR de datum in dienst en de aanstelling."),
        _("Vraag de %(medal)s op tijd aan via HR. Reken op een paar weken.") % {"medal": name},
        _("Vraag je medewerker hoe die het jubileum wil vieren en wie erbij mag zijn, bijvoorbeeld het thuisfront."),
        _("Reik de %(medal)s persoonlijk uit en zeg wat het werk van je medewerker betekent.") % {"medal": name},
        _("Zet het jubileum hier op 'geregeld' als alles klaar is."),
    ]


@dataclass(frozen=True)
class JubileeRow:
    person_pk: int
    name: str
    team: str
    milestone: int
    milestone_label: str
    on: date
    medal_label: str
    steps: list[str]
    reminded_at: datetime | None
    arranged_at: datetime | None


def jubilee_rows(found: list[tuple[Person, JubileeDate]], records: dict[tuple[int, int], Jubilee]) -> list[JubileeRow]:
    rows = []
    for person, jubilee in found:
        record = records.get((person.pk, int(jubilee.milestone)))
        reminder = getattr(record, "reminder", None) if record is not None else None
        rows.append(
            JubileeRow(
                person_pk=person.pk,
                name=person.full_name,
                team=person.team.name if person.team else "",
                milestone=int(jubilee.milestone),
                milestone_label=str(Milestone(jubilee.milestone).label),
                on=jubilee.on,
                medal_label=str(jubilee.medal.label) if jubilee.medal else _("Onbekend: vraag HR"),
                steps=steps_for(jubilee.medal),
                reminded_at=reminder.sent_at if reminder is not None else None,
                arranged_at=record.arranged_at if record is not None else None,
            )
        )
    return rows


@dataclass(frozen=True)
class OwnJubilee:
    milestone_label: str
    on: date
    medal_label: str
    soon: bool


def own_jubilee(jubilee: JubileeDate | None, horizon: date) -> OwnJubilee | None:
    if jubilee is None:
        return None
    medal = str(jubilee.medal.label) if jubilee.medal else ""
    return OwnJubilee(str(Milestone(jubilee.milestone).label), jubilee.on, medal, jubilee.on <= horizon)
