"""Demo data of the casework app, made through the services.

``manage.py demo`` (via ``organisation.signals.demo_organisation_loaded``) registers one fictional
event with a Team Beroepsrisico flag for the demo medewerker, records their consent, and moves the
case to registration as the demo casemanager. The unit of the demo medewerker gets a buddy pool of
three colleagues: the demo collegiaal ondersteuner (trained, intervision up to date, matched with
the demo medewerker), one whose intervision is overdue and one still in training. Idempotent: once
the demo medewerker has a case, nothing happens.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare import services as aftercare_services
from aftercare.constants import Beroepsrisico
from aftercare.models import EventType
from casework import services
from casework.constants import Stage
from casework.models import Buddy, Case
from organisation.models import Person

DEMO_NOTE = "Demo: fictieve gebeurtenis (beroepsrisico)"
DEMO_TYPE = "dodelijk-ongeval"


def _demo_person(role: str) -> Person | None:
    return Person.objects.filter(user__username=f"demo-{role}").select_related("team", "manager", "user").first()


def load() -> str:
    employee = _demo_person("medewerker")
    manager = _demo_person("leidinggevende")
    casemanager = _demo_person("casemanager")
    coordinator = _demo_person("coordinator_tco")
    buddy_person = _demo_person("collegiaal_ondersteuner")
    if None in (employee, manager, casemanager, coordinator, buddy_person):
        return ""
    assert employee is not None and manager is not None and casemanager is not None
    assert coordinator is not None and buddy_person is not None
    if employee.team is None or Case.objects.filter(person=employee).exists():
        return ""
    kind = EventType.objects.filter(code=DEMO_TYPE).first()
    if kind is None:
        return ""  # the lists of the aftercare data migration are missing (a flushed test database)
    today = timezone.localdate()
    unit_id = employee.team.unit_id
    with transaction.atomic():
        event = aftercare_services.event_register(
            reporter=manager.user,
            occurred_at=timezone.now() - timedelta(days=60),
            kind=kind,
            severity="ernstig",
            people=[employee],
            note=DEMO_NOTE,
            beroepsrisico=Beroepsrisico.BEROEPSZIEKTE,
        )
        plan = event.plans.get(person=employee)
        case = services.consent_give(plan=plan, actor=employee.user)
        if case.casemanager_id == casemanager.pk:
            services.case_advance(
                case=case,
                to_stage=Stage.REGISTRATIE,
                happened_on=today,
                rationale=_("Intakegesprek gehouden; het verzoek om erkenning is geregistreerd."),
                actor=casemanager.user,
            )
        colleagues = list(
            Person.objects.filter(team__unit_id=unit_id, is_active=True)
            .exclude(pk__in=[employee.pk, buddy_person.pk, manager.pk])
            .exclude(casework_buddy__isnull=False)
            .order_by("employee_number")[:2]
        )
        pool: list[tuple[Person, date | None, date | None]] = [
            (buddy_person, today - timedelta(days=400), today - timedelta(days=30))
        ]
        if len(colleagues) == 2:
            pool += [
                (colleagues[0], today - timedelta(days=500), today - timedelta(days=200)),
                (colleagues[1], None, None),
            ]
        buddies: list[Buddy] = []
        for person, trained, intervision in pool:
            if Buddy.objects.filter(person=person).exists():
                continue
            buddies.append(
                services.buddy_save(
                    buddy=None,
                    person=person,
                    unit_id=unit_id,
                    phone="",
                    training_completed_on=trained,
                    last_intervision_on=intervision,
                    is_active=True,
                    actor=coordinator.user,
                )
            )
        if buddies and buddies[0].person_id == buddy_person.pk:
            services.match_create(plan=plan, buddy=buddies[0], actor=coordinator.user)
    return _("Beroepsrisico en buddy's: een zaak voor de demo-medewerker en een buddypoule met %(count)s buddy's.") % {
        "count": len(buddies)
    }
