"""The help numbers people call: the 24/7 Loket Politie, Team Collegiale Ondersteuning and Prikpunt.

One source for every page that shows them (Direct hulp, the crisis block of the self-tests, the
page header): the phone channels of three provisions in the published catalogue edition, which the
content editor maintains in the editor, with each edition kept as history. A channel for the
visitor's unit goes before one for everyone. Read on every page, so the answer is cached for as
long as a public page may be (``ZORGWIJZER_PUBLIC_PAGE_SECONDS``, at least a minute) under the
public content version, which a catalogue change moves on at once in the process that made it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Subquery

from catalogue.constants import LOKET_PROVISION, PRIKPUNT, TCO_PROVISION, ChannelKind
from catalogue.models import ContactChannel
from catalogue.selectors import current_edition_query
from core.public_cache import content_version

#: Even with the page cache off the numbers are cached this long: every page shows one.
MIN_SECONDS = 60


@dataclass(frozen=True)
class HelpLine:
    """One number to call, ready for a ``tel:`` link."""

    name: str  # the provision, e.g. "24/7 Loket Politie"
    label: str  # the channel's own label, e.g. "VGW-team Oost-Brabant" or "Voorbeeldnummer (demo)"
    number: str  # as written, e.g. "0800-123 45 67"
    href: str  # tel:08001234567
    availability: str

    @property
    def is_example(self) -> bool:
        """An example number (the demo's): its label says so, and every page must say it too."""
        return "voorbeeld" in self.label.lower()

    @property
    def note(self) -> str:
        """The channel's label when it says more than the provision's name (a unit, "example")."""
        return "" if self.label.strip().lower() == self.name.strip().lower() else self.label


@dataclass(frozen=True)
class HelpLines:
    loket: HelpLine | None
    tco: HelpLine | None
    prikpunt: HelpLine | None = None  # 24/7 after a needle-stick, splash, bite, cut or scratch incident


def help_lines(unit_id: int | None = None) -> HelpLines:
    """The numbers for a visitor of ``unit_id`` (None: the numbers for everyone)."""
    seconds = max(settings.ZORGWIJZER_PUBLIC_PAGE_SECONDS, MIN_SECONDS)
    key = f"help-lines:{content_version()}:{unit_id or 0}"
    found = cache.get(key)
    if found is None:
        found = _read(unit_id)
        cache.set(key, found, seconds)
    return found


def _read(unit_id: int | None) -> HelpLines:
    # One statement (the page header reads this on every page): the edition is a subquery.
    edition = Subquery(current_edition_query().values("pk")[:1])
    channels = list(
        ContactChannel.objects.filter(
            provision__edition_id=edition,
            provision__slug__in=[LOKET_PROVISION, TCO_PROVISION, PRIKPUNT],
            kind=ChannelKind.PHONE,
        )
        .select_related("provision")
        .order_by("position", "pk")
    )
    return HelpLines(
        loket=_pick(channels, LOKET_PROVISION, unit_id),
        tco=_pick(channels, TCO_PROVISION, unit_id),
        prikpunt=_pick(channels, PRIKPUNT, unit_id),
    )


def _pick(channels: list[ContactChannel], slug: str, unit_id: int | None) -> HelpLine | None:
    listed = [channel for channel in channels if channel.provision is not None and channel.provision.slug == slug]
    own = [channel for channel in listed if unit_id is not None and channel.unit_id == unit_id]
    general = [channel for channel in listed if channel.unit_id is None]
    candidates = own or general
    if not candidates:
        return None
    chosen = candidates[0]
    name = chosen.provision.name if chosen.provision is not None else ""
    return HelpLine(name, chosen.label, chosen.value, chosen.href, chosen.availability)
