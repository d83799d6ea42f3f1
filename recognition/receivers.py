"""Demo data: fictional service dates and appointment types for the demo organisation's people,
so the jubilee list has something to show. Only people without a date in service get one, so
running ``manage.py demo`` again changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.dispatch import receiver
from django.utils import timezone

from organisation.models import AppointmentType, Person
from organisation.signals import demo_organisation_loaded
from recognition.jubilees import add_months

DEMO_DOMAIN = "@demo.zorgwijzer.invalid"
TYPES = [
    AppointmentType.OFFICER,
    AppointmentType.OFFICER,
    AppointmentType.ATH,
    AppointmentType.ATH_BOA,
    AppointmentType.VOLUNTEER,
]


@receiver(demo_organisation_loaded)
def demo_service_dates(sender: Any, **kwargs: Any) -> str:
    today = timezone.localdate()
    people = list(Person.objects.filter(email__endswith=DEMO_DOMAIN, service_start_date__isnull=True).order_by("pk"))
    for index, person in enumerate(people):
        if index % 6 == 0:  # a 25-year jubilee in the coming months
            person.service_start_date = add_months(today, -300) + timedelta(days=10 + index % 120)
        elif index % 6 == 3:  # 12½ years soon
            person.service_start_date = add_months(today, -150) + timedelta(days=20 + index % 90)
        else:
            person.service_start_date = today - timedelta(days=365 * (2 + index % 30) + index % 200)
        person.appointment_type = TYPES[index % len(TYPES)]
    Person.objects.bulk_update(people, ["service_start_date", "appointment_type"], batch_size=500)
    return f"Erkenning: {len(people)} fictieve datums in dienst"
