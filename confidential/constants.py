"""The answers of "Waar kan ik terecht?" (stored nowhere: they travel in the page's address)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Want(models.TextChoices):
    STOP = "stoppen", _("Dat het stopt")
    INVESTIGATION = "onderzoek", _("Dat het wordt onderzocht")
    TALK = "praten", _("Erover praten")
    ADVICE = "advies", _("Advies over wat ik kan doen")


class About(models.TextChoices):
    COLLEAGUE = "collega", _("Een collega")
    MANAGER = "leidinggevende", _("Mijn leidinggevende")
    TEAM = "team", _("Mijn team of de sfeer in het team")
    OTHER = "anders", _("Iets anders, zoals een misstand of hoe de organisatie handelt")


class ManagerMayKnow(models.TextChoices):
    YES = "ja", _("Ja, dat mag")
    NO = "nee", _("Nee, liever niet")
    UNSURE = "weet-niet", _("Dat weet ik nog niet")


class Danger(models.TextChoices):
    YES = "ja", _("Ja")
    NO = "nee", _("Nee")
