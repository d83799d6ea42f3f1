"""Choices of the casework app: the stages of a recognition case and the decision."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """Where a recognition case stands (Team Beroepsrisico, Zorgwijzer §2.3)."""

    MELDING = "melding", _("Melding")
    REGISTRATIE = "registratie", _("Registratie van het verzoek")
    ADVIESCOMMISSIE = "adviescommissie", _("Adviescommissie PTSS")
    BESLUIT = "besluit", _("Erkenningsbesluit")
    COMPENSATIE = "compensatie", _("Compensatie")
    AFGESLOTEN = "afgesloten", _("Afgesloten")
    INGETROKKEN = "ingetrokken", _("Gestopt: toestemming ingetrokken")


class Decision(models.TextChoices):
    ERKEND = "erkend", _("Erkend")
    NIET_ERKEND = "niet_erkend", _("Niet erkend")
