"""Choices of the jaarbeeld app: dimensions, the fixed blocks and parts, statuses, kinds of values."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DimensionCode(models.TextChoices):
    FYSIEK = "fysiek", _("Fysiek welbevinden")
    MENTAAL = "mentaal", _("Mentaal welbevinden")
    MOREEL = "moreel", _("Moreel welbevinden")
    OMGANG = "omgang", _("Welbevinden in de omgang met elkaar")


class Block(models.TextChoices):
    """The three fixed blocks of every dimension page."""

    BEELD = "beeld", _("Wat is het beeld")
    OORZAKEN = "oorzaken", _("Oorzaken en risico's")
    ONTWIKKELINGEN = "ontwikkelingen", _("Ontwikkelingen en aandachtspunten")


class ThreadPart(models.TextChoices):
    """The four parts of the "rode draden" page."""

    OVERALL = "overall", _("Overall beeld")
    GOED = "goed", _("Wat ging goed")
    GEEN_BEELD = "geen_beeld", _("Waarover is geen eenduidig beeld")
    AANDACHT = "aandacht", _("Wat verdient (meer) aandacht")


class EditionStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    CONSULTATIE = "consultatie", _("In consultatie")
    DEFINITIEF = "definitief", _("Definitief")


class Nature(models.TextChoices):
    """Whether a statement or value is a fact or a professional interpretation."""

    FEIT = "feit", _("Feit")
    DUIDING = "duiding", _("Professionele duiding")


class Direction(models.TextChoices):
    TOEGENOMEN = "toegenomen", _("Toegenomen")
    AFGENOMEN = "afgenomen", _("Afgenomen")
    GELIJK = "gelijk", _("Gelijk gebleven")


class IndicatorMeasure(models.TextChoices):
    PERCENTAGE = "percentage", _("Percentage")
    COUNT = "aantal", _("Aantal")
    DIRECTION = "richting", _("Alleen de richting")


class Breakdown(models.TextChoices):
    ORGANISATION = "organisatie", _("Alleen de hele organisatie")
    UNIT = "eenheid", _("Per eenheid")
    TEAM = "team", _("Per eenheid en team")


class SourceKind(models.TextChoices):
    PLATFORM = "platform", _("Berekend door Zorgwijzer")
    FIGURES = "cijfers", _("Feiten en cijfers (Zorgwijzer hoofdstuk 2)")
    IMPORT = "import", _("Geïmporteerd uit een ander systeem")
    EDITORIAL = "redactie", _("Vastgelegd door de redactie")


class DatePrecision(models.TextChoices):
    DAY = "dag", _("Dag")
    MONTH = "maand", _("Maand")


class Computation(models.TextChoices):
    """The platform computations (jaarbeeld/indicators.py) an indicator can be tied to."""

    PLANS_GTPA = "nazorg_gtpa", _("Nazorgplannen na geweld tegen politieambtenaren")
    PLANS_OTHER = "nazorg_ingrijpend", _("Nazorgplannen na een andere ingrijpende gebeurtenis")
    CONTACT_24H = "nazorg_contact_24u", _("Eerste contact binnen 24 uur")
    REFERRALS = "nazorg_doorverwijzing", _("Nazorgplannen met een doorverwijzing")
    BARISTA_INVITATIONS = "barista_uitnodigingen", _("Barista-uitnodigingen")
    BARISTA_FOLLOWED_UP = "barista_opgevolgd", _("Barista-uitnodigingen met een vastgelegde uitkomst")
    MONITOR_RECOVERY = "monitor_herstel", _("Weerbaarheidsmonitor: herstel en energie")
    SELFTEST_USE = "zelftest_gebruik", _("Zelftests ingevuld per week")


#: Indicator measures whose values are numbers (the others carry only a direction).
NUMERIC_MEASURES = (IndicatorMeasure.PERCENTAGE, IndicatorMeasure.COUNT)
