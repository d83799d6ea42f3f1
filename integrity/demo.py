"""Demo data of the integrity app: one draft dilemma session of the demo leidinggevende and one
session request of the demo medewerker, made through the services. Clearly fictional (titles start
with "Demo:"); idempotent: once the demo session exists nothing happens."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from integrity import services
from integrity.models import Card, LiveSession
from organisation.models import Person

DEMO_TITLE = "Demo: dilemma's in het teamoverleg"
DEMO_CARDS = ("stelling-alle-systemen", "dilemma-buren", "dilemma-moppen", "dilemma-selfie-koning")


def load() -> str:
    if LiveSession.objects.filter(title=DEMO_TITLE).exists():
        return ""
    cards = list(Card.objects.filter(slug__in=DEMO_CARDS).order_by("number"))
    manager = Person.objects.filter(user__username="demo-leidinggevende").select_related("user").first()
    if len(cards) < len(DEMO_CARDS) or manager is None or manager.user is None:
        return ""  # the cards of the data migration are missing (a flushed test database) or no demo manager
    employee = Person.objects.filter(user__username="demo-medewerker").select_related("user", "team").first()
    with transaction.atomic():
        session = services.session_create(facilitator=manager.user, title=DEMO_TITLE, cards=cards)
        if employee is not None and employee.user is not None and employee.team is not None:
            services.request_create(
                requester=employee.user,
                unit=employee.team.unit,
                group_name="Demo: " + employee.team.name,
                group_kind="team",
                audience="blauw",
                session_type="dilemmatraining",
                learning_questions="Demo: wanneer mag je in de systemen kijken, en wanneer niet?",
                conditions_accepted=True,
            )
    return _("Integriteit: demo-dilemmasessie gemaakt (code %(code)s).") % {"code": session.code}
