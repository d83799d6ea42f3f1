"""How an edition moves: concept → in consultatie → definitief (and back to concept while in
consultation). Every change is appended to ``EditionStatusChange``; a definitive edition is closed."""

from __future__ import annotations

from jaarbeeld.constants import EditionStatus

TRANSITIONS: dict[str, frozenset[str]] = {
    EditionStatus.CONCEPT: frozenset({EditionStatus.CONSULTATIE}),
    EditionStatus.CONSULTATIE: frozenset({EditionStatus.CONCEPT, EditionStatus.DEFINITIEF}),
    EditionStatus.DEFINITIEF: frozenset(),
}


def allowed(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def is_editable(status: str) -> bool:
    """Texts and consultation rounds change only before the edition is definitive."""
    return status != EditionStatus.DEFINITIEF
