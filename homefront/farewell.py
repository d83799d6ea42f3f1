"""Before someone leaves service they get one mail with the link to /oud-collegas/.

Who: active people whose ``service_end_date`` (HR import column ``datum_uit_dienst``) is within
``HOMEFRONT_FAREWELL_DAYS_AHEAD`` days, and — when HR sends only ``in_dienst = nee`` without an end
date — people set out of service in the last ``RECENT_DAYS`` days (their work address usually
still works for a short while). Exactly once per person: the unique ``FarewellMail`` row, written
in the same transaction that queues the mail. The daily task runs ``farewell_scan``.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import links
from homefront.models import FarewellMail
from organisation.models import Person

logger = logging.getLogger("zorgwijzer.homefront")

#: How recent an "out of service" without an end date must be to still get the mail.
RECENT_DAYS = 3


def due_people(today: date) -> list[int]:
    """Ids of the people who should get the farewell mail now and did not get it yet."""
    ahead = today + timedelta(days=int(settings.HOMEFRONT_FAREWELL_DAYS_AHEAD))
    leaving = Q(is_active=True, service_end_date__gte=today, service_end_date__lte=ahead)
    just_left = Q(is_active=False, updated_at__gte=timezone.now() - timedelta(days=RECENT_DAYS)) & (
        Q(service_end_date__isnull=True) | Q(service_end_date__gte=today - timedelta(days=RECENT_DAYS))
    )
    sent = FarewellMail.objects.values("person_id")
    return list(
        Person.objects.filter(leaving | just_left).exclude(email="").exclude(pk__in=sent).values_list("pk", flat=True)
    )


def send_farewell(*, person_id: int) -> bool:
    """Send the mail once; True when it was sent now."""
    person = Person.objects.filter(pk=person_id).exclude(email="").first()
    if person is None:
        return False
    try:
        with transaction.atomic():
            FarewellMail.objects.create(person=person)
            address = person.email
            transaction.on_commit(lambda: _email(address))
    except IntegrityError:
        return False
    logger.info("farewell mail", extra={"event": "homefront_farewell"})
    return True


def _email(address: str) -> None:
    subject = _("Zorgwijzer: ook na je tijd bij de politie staan we voor je klaar")
    body = _(
        "Je gaat binnenkort uit dienst bij de politie. Ook daarna kun je hulp krijgen: bij het 24/7 Loket "
        "Politie, het Team Beroepsrisico, voor re-integratie en uitkeringen, en bij netwerken van oud-collega's. "
        "Alles staat op één pagina, zonder inloggen: %(link)s"
    ) % {"link": links.absolute("homefront:former")}
    try:
        send_mail(subject, body, None, [address])
    except Exception as error:
        logger.warning(
            "farewell e-mail not sent", extra={"event": "homefront_email_failed", "error": type(error).__name__}
        )


def farewell_scan(today: date | None = None) -> int:
    today = today or timezone.localdate()
    return sum(send_farewell(person_id=pk) for pk in due_people(today))
