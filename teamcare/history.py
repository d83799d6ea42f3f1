"""The HR history per team: membership periods and manager periods, kept from HR imports.

``organisation`` sends ``people_changed`` inside the import's transaction (``receivers.py``); this
module turns the before/after of each changed person into closed and opened periods. A team's
leader in the history is the manager most of its active members report to (ties: the lowest
person id), so one person moving does not make a "new leader" unless the majority follows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import transaction

from organisation.models import Person
from teamcare.constants import LeavingReason
from teamcare.models import ManagerPeriod, Membership

Before = tuple[int | None, str | None, bool] | None


@transaction.atomic
def history_record(*, before: Mapping[str, Before], on: dt.date) -> int:
    """Record the changes of one import on day ``on``; returns how many periods were opened or closed."""
    people = list(
        Person.objects.filter(employee_number__in=list(before)).values_list(
            "pk", "employee_number", "team_id", "is_active"
        )
    )
    open_by_person = {
        m.person_id: m for m in Membership.objects.filter(person_id__in=[p[0] for p in people], ended_on__isnull=True)
    }
    teams: set[int] = set()
    changes = 0
    new: list[Membership] = []
    for pk, number, team_id, active in people:
        current = open_by_person.get(pk)
        wanted = team_id if active else None
        previous = before[number]
        if previous is not None and previous[0]:
            teams.add(previous[0])
        if team_id:
            teams.add(team_id)
        if current is not None and current.team_id == wanted:
            continue
        if current is not None:
            current.ended_on = on
            current.ended_because = LeavingReason.UIT_DIENST if wanted is None else LeavingReason.NAAR_ANDER_TEAM
            current.save(update_fields=["ended_on", "ended_because"])
            teams.add(current.team_id)
            changes += 1
        if wanted is not None:
            # A person who existed before the history began, in the same team as before: that
            # period was already running, so its start is not a move into the team.
            initial = current is None and previous is not None and previous[0] == wanted
            new.append(Membership(person_id=pk, team_id=wanted, started_on=on, initial=initial))
    Membership.objects.bulk_create(new, batch_size=1000)
    changes += len(new)
    return changes + leaders_refresh(team_ids=teams, on=on)


def leaders_refresh(*, team_ids: Iterable[int], on: dt.date) -> int:
    """Close and open manager periods where a team's leader changed; returns how many changed."""
    team_ids = set(team_ids)
    if not team_ids:
        return 0
    counts: dict[int, Counter[int]] = {team: Counter() for team in team_ids}
    rows = Person.objects.filter(team_id__in=team_ids, is_active=True, manager__isnull=False).values_list(
        "team_id", "manager_id", "pk"
    )
    for team_id, manager_id, pk in rows:
        if manager_id != pk:
            counts[team_id][manager_id] += 1
    open_periods = {p.team_id: p for p in ManagerPeriod.objects.filter(team_id__in=team_ids, ended_on__isnull=True)}
    changed = 0
    for team_id, counter in counts.items():
        leader = min(counter, key=lambda manager: (-counter[manager], manager)) if counter else None
        period = open_periods.get(team_id)
        if period is not None and period.manager_id == leader:
            continue
        if period is not None:
            period.ended_on = on
            period.save(update_fields=["ended_on"])
            changed += 1
        if leader is not None:
            ManagerPeriod.objects.create(team_id=team_id, manager_id=leader, started_on=on)
            changed += 1
    return changed


@transaction.atomic
def history_start(*, on: dt.date) -> int:
    """Open an initial membership for every active person in a team who has none yet, and the
    teams' current leaders; idempotent (people with a history are left alone)."""
    known = Membership.objects.filter(ended_on__isnull=True).values("person_id")
    people = list(
        Person.objects.filter(is_active=True, team__isnull=False).exclude(pk__in=known).values_list("pk", "team_id")
    )
    Membership.objects.bulk_create(
        [Membership(person_id=pk, team_id=team_id, started_on=on, initial=True) for pk, team_id in people],
        batch_size=1000,
    )
    leaders_refresh(team_ids={team_id for _pk, team_id in people}, on=on)
    return len(people)
