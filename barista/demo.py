"""Demo data of Barista: exposures that lead to invitations, made through the services.

``manage.py demo`` switches Barista on for the demo leidinggevende's team (the pilot) and records,
for two fictional members of that team, several
heavy events in the past weeks (entered by hand, as a manager would). The evaluation turns them into
Barista signals: one invitation stays open for the manager, and for the other the manager already
recorded that the conversation took place. Idempotent: once either person has a signal, nothing
happens.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from barista import services, signalling
from barista.constants import SignalStatus
from barista.models import ExposureType, Scope, Signal
from organisation.models import Person

#: Exposure type codes and how many days ago each happened.
EXPOSURES = (("reanimatie", 2), ("dodelijk-ongeval", 9), ("ernstig-geweld", 16))


def load() -> str:
    manager = Person.objects.filter(user__username="demo-leidinggevende").select_related("team").first()
    if manager is None or manager.user is None:
        return ""
    members = list(
        Person.objects.filter(team=manager.team, manager=manager)
        .exclude(user__username="demo-medewerker")
        .order_by("-pk")[:2]
    )
    if len(members) < 2 or Signal.objects.filter(person__in=members).exists():
        return ""
    types = {kind.code: kind for kind in ExposureType.objects.filter(code__in=[code for code, _days in EXPOSURES])}
    if len(types) < len(EXPOSURES):
        return ""
    now = timezone.now()
    with transaction.atomic():
        # Barista runs only where it is switched on: the demo team is the pilot.
        if manager.team is not None:
            on = list(Scope.objects.select_related("unit", "team"))
            units = [row.unit for row in on if row.unit is not None]
            teams = [row.team for row in on if row.team is not None and row.team != manager.team]
            services.scope_set(units=units, teams=[*teams, manager.team], actor=None)
        for person in members:
            for code, days in EXPOSURES:
                services.exposure_add(
                    person=person, type=types[code], occurred_at=now - timedelta(days=days), actor=manager.user
                )
    signalling.evaluate([person.pk for person in members], now=now)
    handled = Signal.objects.filter(person=members[1], status=SignalStatus.OPEN).first()
    if handled is not None:
        services.record_outcome(signal=handled, outcome=SignalStatus.GESPREK, actor=manager.user)
    return _("Barista: %(count)s uitnodigingen voor de demo-leidinggevende.") % {
        "count": Signal.objects.filter(person__in=members).count()
    }
