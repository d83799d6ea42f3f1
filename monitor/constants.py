"""Choices of the monitor app: kinds of measurement, invitation states, scale directions, measures."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignKind(models.TextChoices):
    BASELINE = "nulmeting", _("Nulmeting (alle schalen)")
    INTERIM = "tussenmeting", _("Tussenmeting (gekozen schalen)")


class InvitationState(models.TextChoices):
    # Deliberately no "started": which invitee began answering is not the server's business
    # (drafts live only in the respondent's browser, docs/monitor.md "Threat model").
    OPEN = "open", _("Niet ingevuld")
    SUBMITTED = "verstuurd", _("Verstuurd")


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "hoger_beter", _("Hoger is beter")
    HIGHER_IS_WORSE = "hoger_slechter", _("Hoger is slechter")


class MeasureStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    IN_PROGRESS = "bezig", _("Bezig")
    DONE = "afgerond", _("Afgerond")
    STOPPED = "gestopt", _("Gestopt")
