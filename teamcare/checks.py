"""``manage.py check --deploy``: the Barista and aftercare signal thresholds respect the anonymity threshold.

The two signals count invitations and distressing events of a team's members and tell them as
"at least N". An N below ``ZORGWIJZER_ANONYMITY_THRESHOLD`` would let a reader learn something about
a group smaller than the platform ever shows. ``teamcare.signalling`` already uses the larger of the
two numbers; this check tells the operator that the configured value is not the one in use.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

from core import anonymity

#: The settings that count care data of a team's members (HR facts such as leaders are not).
CARE_COUNT_SETTINGS = ("TEAMCARE_BARISTA_MIN", "TEAMCARE_AFTERCARE_MIN")


@register(Tags.compatibility, deploy=True)
def signal_minimums_respect_anonymity(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    threshold = anonymity.threshold()
    found: list[CheckMessage] = []
    for name in CARE_COUNT_SETTINGS:
        value = int(getattr(settings, name))
        if value < threshold:
            found.append(
                Warning(
                    f"{name} = {value} is below ZORGWIJZER_ANONYMITY_THRESHOLD ({threshold}); the team signal "
                    f"uses {threshold} instead.",
                    hint=f"Set {name} to at least {threshold} so the configured value is the one in use.",
                    obj=name,
                    id="teamcare.W001",
                )
            )
    return found
