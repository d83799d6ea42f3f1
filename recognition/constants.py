"""Choices of the recognition app: jubilee milestones, medals, nomination states, content sections."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Milestone(models.IntegerChoices):
    """A service jubilee, counted in months of service."""

    YEARS_12_5 = 150, _("12½ jaar in dienst")
    YEARS_25 = 300, _("25 jaar in dienst")
    YEARS_40 = 480, _("40 jaar in dienst")


class Medal(models.TextChoices):
    POLITIEMEDAILLE = "politiemedaille", _("Politiemedaille")
    LEGPENNING = "legpenning", _("Legpenning")
    VRIJWILLIGERSMEDAILLE = "vrijwilligersmedaille", _("Vrijwilligersmedaille openbare orde en veiligheid")


class NominationStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("Ingediend")
    IN_REVIEW = "in_behandeling", _("In behandeling bij de eenheidsleiding")
    FORWARDED = "voorgedragen", _("Voorgedragen voor de Eremedaille")
    DECLINED = "niet_voorgedragen", _("Niet voorgedragen")


class Section(models.TextChoices):
    MEDALS = "medailles", _("Medailles en jubilea")
    REMEMBRANCE = "herdenken", _("Herdenken")
    NETWORKS = "netwerken", _("Netwerken van collega's")
    COMPLIMENTS = "complimenten", _("Complimenten")
    WEP = "wep", _("Stichting Waardering en Erkenning Politie (WEP)")
    VETERANS = "veteranen", _("Veteranen en oud-collega's")
