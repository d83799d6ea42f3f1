"""``manage.py check --deploy --database default``: the help numbers are there.

The 24/7 Loket's number is shown on Direct hulp, in the self-tests' crisis block and in the page
header, from the published catalogue (``catalogue.help_lines``). A production site without it
sends people in need to "the intranet", so operators hear of it at every deployment.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import DatabaseError


@register(Tags.database, deploy=True)
def loket_number_is_published(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from catalogue.help_lines import help_lines
    from catalogue.selectors import current_edition

    try:
        if current_edition() is None or help_lines().loket is not None:
            return []
    except DatabaseError:  # not migrated yet: nothing to look at
        return []
    hint = (
        "Open the current edition in the editor (Beheer Zorgwijzer), add a phone channel for everyone to the "
        "provision '24/7 Loket Politie' and publish."
    )
    old = os.environ.get("ZORGWIJZER_LOKET_247_PHONE", "")
    if old:
        hint += f" ZORGWIJZER_LOKET_247_PHONE ({old}) is no longer read: enter that number there."
    return [
        Warning(
            "The published catalogue has no phone number for the 24/7 Loket Politie: Direct hulp and the "
            "self-tests' crisis block cannot offer it.",
            hint=hint,
            id="catalogue.W001",
        )
    ]
