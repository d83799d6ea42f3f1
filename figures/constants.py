"""Choices of the figures app: what a stored number measures."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    PERCENTAGE = "percentage", _("percentage")
    COUNT = "aantal", _("aantal")


#: How many decimals a value of this measure is shown with (and stored to, at most).
DECIMALS = {Measure.PERCENTAGE: 1, Measure.COUNT: 0}
