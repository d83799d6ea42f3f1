"""jaarbeeld: who may see or do what.

The Sociaal Jaarbeeld is an internal document for everyone with personnel responsibility and
those who support them (seed 004, L80-86): leidinggevenden, HR-adviseurs and HR-analisten read
it. The HR-analist edits it (texts, consultation rounds, status, the import of indicator values)
with national scope: the Jaarbeeld is one national picture.
"""

from __future__ import annotations

from access.base import register_actions
from organisation.constants import Role

#: Roles with personnel responsibility, or supporting it, that read the Jaarbeeld.
JAARBEELD_READERS = frozenset({Role.LEIDINGGEVENDE, Role.HR_ADVISEUR, Role.HR_ANALIST})

register_actions(
    {
        "jaarbeeld.read": JAARBEELD_READERS,
        "jaarbeeld.edit": frozenset({Role.HR_ANALIST}),
    }
)

__all__ = ["JAARBEELD_READERS"]
