"""agenda: who may see or do what.

The Sociale Agenda is meant to feed the conversation in every unit and team (seed 004, L402-408):
every logged-in employee reads it, including the units' answers to the agenda questions. The
HR-analist keeps the national actions up to date. A unit's answers are written by its
leidinggevenden and HR-adviseurs, only for the unit their role is held in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from access.base import AUTHENTICATED, register_actions, unit_ids_of
from organisation.constants import Role

if TYPE_CHECKING:
    from access.base import AnyUser

AGENDA_ANSWER_ROLES = frozenset({Role.LEIDINGGEVENDE, Role.HR_ADVISEUR})

register_actions(
    {
        "agenda.read": frozenset({AUTHENTICATED}),
        "agenda.edit": frozenset({Role.HR_ANALIST}),
        "agenda.answer": AGENDA_ANSWER_ROLES,
    }
)


def agenda_answer_unit_ids(user: AnyUser) -> set[int]:
    """The units whose answers this user may write: the unit of each answering role (a
    leidinggevende's node lies in one unit)."""
    return unit_ids_of(user, *AGENDA_ANSWER_ROLES)


__all__ = ["AGENDA_ANSWER_ROLES", "agenda_answer_unit_ids"]
