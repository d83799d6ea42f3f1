"""What the request pages show beyond a model: who read a request, and the team counts a
manager may see (only above the anonymity threshold, core/anonymity.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from confidential import selectors
from confidential.models import Request
from core import anonymity
from organisation.models import OrgNode


@dataclass(frozen=True)
class ReadRow:
    when: datetime
    who: str
    roles: str


def read_log(request: Request, viewer_id: int | None) -> list[ReadRow]:
    """ "Wie heeft mijn verzoek gelezen": each audited read, with the reader's name and roles."""
    events = list(selectors.reads_of(request))
    people = selectors.people_of_users(e.actor_id for e in events)
    rows = []
    for event in events:
        if event.actor_id is not None and event.actor_id == viewer_id:
            who = _("Jijzelf")
        else:
            person = people.get(event.actor_id) if event.actor_id is not None else None
            who = person.full_name if person is not None else event.actor_username
        rows.append(ReadRow(when=event.occurred_at, who=who, roles=event.actor_roles.replace(",", ", ")))
    return rows


@dataclass(frozen=True)
class TeamCount:
    name: str
    heavy: bool
    invitations: int | None  # None: not shown (group below the threshold)
    requests: int | None


def team_counts(teams: list[OrgNode], year: int) -> tuple[list[TeamCount], TeamCount | None]:
    """Per team the MCU invitations and requests of the year, and their total. A count is a figure
    about the team's members: it is shown only when the team is at least the anonymity threshold,
    with complementary suppression against the total, so no one is found by subtraction; and a
    count below the threshold is never shown (a team of 20 with 1 request would single one out)."""
    heavy = set(selectors.heavy_teams().filter(team__in=teams).values_list("team_id", flat=True))
    counts = selectors.team_counts([t.pk for t in teams], year)
    total_key = 0
    sizes = {t.pk: counts[t.pk][0] for t in teams}
    sizes[total_key] = sum(sizes.values())
    parent: dict[int, int | None] = {t.pk: total_key for t in teams}
    parent[total_key] = None
    hidden = anonymity.complementary_suppression(sizes, parent)
    # The counts themselves are small groups of people: suppress each count below the threshold,
    # and protect it against subtraction (total − shown teams) in the same way.
    shown_counts: dict[int, tuple[int | None, int | None]] = {}
    for index in (1, 2):
        values = {t.pk: counts[t.pk][index] for t in teams}
        values[total_key] = sum(values.values())
        small = anonymity.complementary_suppression(values, parent) | hidden
        for key in [*[t.pk for t in teams], total_key]:
            before = shown_counts.get(key, (None, None))
            value = None if key in small else values[key]
            shown_counts[key] = (value, before[1]) if index == 1 else (before[0], value)
    rows = [TeamCount(t.name, t.pk in heavy, shown_counts[t.pk][0], shown_counts[t.pk][1]) for t in teams]
    total = TeamCount(_("Totaal"), False, *shown_counts[total_key]) if len(teams) > 1 else None
    return rows, total
