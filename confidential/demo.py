"""Demo data of the requests without the manager, made through the services.

``manage.py demo`` (via ``organisation.signals.demo_organisation_loaded``) marks the team of the
demo leidinggevende heavily loaded and lets the demo medewerker ask for a Mental Check Up (to the
demo eenheidspsycholoog's pool) and for the demo vertrouwenspersoon. Clearly fictional; idempotent:
once a demo request exists nothing happens. The anonymous line gets no demo data: it needs a
vertrouwenspersoon's own passphrase.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from confidential import services
from confidential.constants import SupportOption
from confidential.models import Request
from organisation.models import Person

DEMO_NOTE = "Demo: fictief verzoek"


def _demo_person(role: str) -> Person | None:
    return Person.objects.filter(user__username=f"demo-{role}").select_related("team").first()


def load() -> str:
    """Make the demo requests; returns a line for the demo command to print."""
    if Request.objects.filter(message__startswith=DEMO_NOTE).exists():
        return ""
    employee = _demo_person("medewerker")
    manager = _demo_person("leidinggevende")
    vp = _demo_person("vertrouwenspersoon")
    if employee is None or employee.team is None or employee.user is None:
        return ""
    with transaction.atomic():
        if manager is not None and manager.team is not None:
            services.team_mark_heavy(team=manager.team, actor=None, heavy=True)
        services.mcu_request(person=employee, actor=None, message=f"{DEMO_NOTE}: graag een gesprek.")
        if vp is not None and vp.pk != employee.pk:
            services.vertrouwenspersoon_request(
                person=employee,
                actor=None,
                vertrouwenspersoon=vp,
                options=[SupportOption.LISTEN, SupportOption.REFERRAL],
                message=f"{DEMO_NOTE}: ik wil eerst mijn verhaal kwijt.",
            )
    return _(
        "Vertrouwelijke routes: een Mental Check Up en een verzoek aan de vertrouwenspersoon van de demo-medewerker."
    )
