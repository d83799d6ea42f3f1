"""Choices of the teamcare app (stored values are Dutch)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalKind(models.TextChoices):
    """The objective signals the team view combines (seed 004: never one on its own)."""

    LEIDING = "leidingwisseling", _("Wisseling van leidinggevenden")
    UITSTROOM = "uitstroom", _("Uitstroom van teamleden")
    MOBILITEIT = "weinig_mobiliteit", _("Weinig in- en doorstroom")
    VERZUIM = "verzuim", _("Verzuim")
    MONITOR = "monitor", _("Weerbaarheidsmonitor")
    BARISTA = "barista", _("Barista-uitnodigingen zonder opvolging")
    NAZORG = "nazorg", _("Ingrijpende gebeurtenissen")


class LeavingReason(models.TextChoices):
    NAAR_ANDER_TEAM = "ander_team", _("Naar een ander team")
    UIT_DIENST = "uit_dienst", _("Uit dienst")


class NoteKind(models.TextChoices):
    LOGBOEK = "logboek", _("Logboek")
    BIOGRAFIE = "biografie", _("Teambiografie")


class RouteKind(models.TextChoices):
    TEAM = "team", _("Zorg over een team")
    LEIDINGGEVENDE = "leidinggevende", _("Zorg over een leidinggevende")


class DialogueKind(models.TextChoices):
    WAARDENVOL = "waardenvol", _("Waarde(n)vol Gesprek")
    BLAUW_VAKMANSCHAP = "blauw_vakmanschap", _("Blauw Vakmanschap Gesprek")
    TEAMGESPREK_EXTERN = "teamgesprek_extern", _("Teamgesprek met begeleiding van buiten het team")


class DialogueLevel(models.TextChoices):
    INDIVIDUEEL = "individueel", _("Individueel: eigen drijfveren en waarden")
    COLLECTIEF = "collectief", _("Collectief: openheid en vertrouwen in het team")
    ORGANISATIE = "organisatie", _("Organisatie: een open cultuur")


class DialogueGoal(models.TextChoices):
    """The goals of the factsheet "Waarde(n)vol Gesprek", in our own words."""

    ERVARINGEN = "ervaringen", _("Open ervaringen delen uit het werk en uit de omgang met elkaar")
    SPARREN = "sparren", _("Samen verkennen zonder oordeel")
    OOG = "oog", _("Aandacht hebben voor elkaar")
    LEREN = "leren", _("Van elkaar leren")
    MOREEL = "moreel", _("Werken aan morele weerbaarheid")
    REFLECTIE = "reflectie", _("Nadenken over je eigen handelen")
    KENNEN = "kennen", _("Elkaar en elkaars waarden beter leren kennen")


class DialogueStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("Aangevraagd")
    BEVESTIGD = "bevestigd", _("Gepland en uitgenodigd")


class TrainingStatus(models.TextChoices):
    IN_OPLEIDING = "in_opleiding", _("In opleiding")
    GETRAIND = "getraind", _("Getraind")


class CheckupStatus(models.TextChoices):
    OPEN = "open", _("Gepland")
    GEHOUDEN = "gehouden", _("Gehouden")
