"""How an edition moves: the one transition table of the editing workflow.

A concept edition is edited by the inhoudsbeheerder and published once; a published edition is
read-only for ever, so what visitors read in a given year stays readable as it was. Corrections
go into the next edition (``edition_create_from``), never into a published one.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from catalogue.constants import EditionStatus

#: From status → the statuses it may move to. Anything not listed is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    EditionStatus.CONCEPT: frozenset({EditionStatus.GEPUBLICEERD}),
    EditionStatus.GEPUBLICEERD: frozenset(),
}

#: Statuses whose provisions and experts may still be changed.
EDITABLE: frozenset[str] = frozenset({EditionStatus.CONCEPT})


class TransitionNotAllowed(Exception):
    """A status change that the transition table does not allow."""


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def ensure_can_move(from_status: str, to_status: str) -> None:
    if not can_move(from_status, to_status):
        raise TransitionNotAllowed(
            _("Een editie kan niet van %(from)s naar %(to)s.") % {"from": from_status, "to": to_status}
        )


def is_editable(status: str) -> bool:
    return status in EDITABLE
