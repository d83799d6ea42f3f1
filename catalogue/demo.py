"""Demo data of the catalogue: example help numbers, clearly marked, through the editor's own path.

The source documents name the 24/7 Loket Politie and Team Collegiale Ondersteuning but give no
numbers, and an invented number must never pass for a real one. In the demo a newcomer should still
see how a number reaches Direct hulp and the crisis block, so ``manage.py demo`` makes a new
edition from the published one, adds example numbers that say they are examples, and publishes it
(history kept, as an editor would). Idempotent: once the published edition has a number for the
24/7 Loket, nothing happens.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from catalogue import services
from catalogue.constants import LOKET_PROVISION, PRIKPUNT, TCO_PROVISION, ChannelKind
from catalogue.help_lines import help_lines
from catalogue.models import ContactChannel, Edition, Provision
from catalogue.selectors import current_edition
from organisation.models import Unit

EXAMPLE = "voorbeeldnummer in de demo, geen echt nummer"
LOKET_EXAMPLE = "0800-0247 000"
PRIKPUNT_EXAMPLE = "0800-0774 000"


def add_example_help_numbers() -> str:
    """Publish a demo edition with example numbers; returns a line for the demo command to print."""
    current = current_edition()
    if current is None or help_lines().loket is not None:
        return ""
    code = f"{current.code}-demo"[:20]
    if Edition.objects.filter(code=code).exists():  # made before, later replaced by an editor: leave it
        return ""
    with transaction.atomic():
        edition = services.edition_create_from(actor=None, source=current, code=code, title=f"{current.title} (demo)")
        _add_numbers(edition)
        services.edition_publish(actor=None, edition=edition)
    return _(
        "Catalogus: editie %(code)s gepubliceerd met voorbeeldnummers voor het 24/7 Loket, het TCO en Prikpunt."
    ) % {"code": edition.code}


def _add_numbers(edition: Edition) -> None:
    loket = Provision.objects.get(edition=edition, slug=LOKET_PROVISION)
    tco = Provision.objects.get(edition=edition, slug=TCO_PROVISION)
    prikpunt = Provision.objects.filter(edition=edition, slug=PRIKPUNT).first()
    channels = [
        *(
            [
                ContactChannel(
                    provision=prikpunt,
                    kind=ChannelKind.PHONE,
                    label=f"Prikpunt, {EXAMPLE}",
                    value=PRIKPUNT_EXAMPLE,
                    availability="dag en nacht",
                )
            ]
            if prikpunt is not None
            else []
        ),
        ContactChannel(
            provision=loket,
            kind=ChannelKind.PHONE,
            label=EXAMPLE.capitalize(),
            value=LOKET_EXAMPLE,
            availability="dag en nacht",
        ),
        *(
            ContactChannel(
                provision=tco,
                unit=unit,
                kind=ChannelKind.PHONE,
                label=f"TCO {unit.name}, {EXAMPLE}",
                value=f"088 000 {number:02d} 00",
                availability="werkdagen 8.00-17.00 uur, daarbuiten via het 24/7 Loket",
            )
            for number, unit in enumerate(Unit.objects.order_by("code"), start=1)
        ),
    ]
    for channel in channels:
        channel.full_clean()
    ContactChannel.objects.bulk_create(channels)
