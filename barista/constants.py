"""Choices of the Barista app: impact classes, where an exposure came from, signal statuses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImpactClass(models.IntegerChoices):
    """How heavy a type of exposure is. No class makes a signal on its own: Barista is for several
    incidents (one severe event is the work of opvang en nazorg)."""

    GEWOON = 1, _("Ingrijpend")
    ZWAAR = 2, _("Zwaar")
    ZEER_ZWAAR = 3, _("Zeer zwaar (hoogste klasse)")


HIGHEST_IMPACT = ImpactClass.ZEER_ZWAAR


class Source(models.TextChoices):
    NAZORG = "nazorg", _("Opvang en nazorg")
    IMPORT = "import", _("Import uit een incidentsysteem")
    HANDMATIG = "handmatig", _("Handmatig ingevoerd")


class SignalStatus(models.TextChoices):
    OPEN = "open", _("Uitnodiging staat open")
    GESPREK = "gesprek_gevoerd", _("Gesprek gevoerd")
    WILDE_NIET = "wilde_niet", _("Medewerker wilde niet")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")


#: The outcomes a manager records (every status but open).
OUTCOMES = (SignalStatus.GESPREK, SignalStatus.WILDE_NIET, SignalStatus.DOORVERWEZEN)


class Reason(models.TextChoices):
    """Which rule made a signal."""

    AANTAL = "aantal", _("Meerdere ingrijpende gebeurtenissen kort na elkaar")
    ZWAARSTE = "zwaarste", _("Eén heel zware gebeurtenis")  # only on signals made before issue 22
    GEWICHT = "gewicht", _("Samen wegen de gebeurtenissen zwaar")


class NoticeKind(models.TextChoices):
    """English member names (as in ``aftercare.constants.NoticeKind``); the stored values are Dutch."""

    INVITATION = "uitnodiging", _("Uitnodiging")
    REMINDER = "herinnering", _("Herinnering")
    ESCALATION = "escalatie", _("Escalatie")
    FORWARDED = "doorgestuurd", _("Doorgestuurd naar een andere leidinggevende")
