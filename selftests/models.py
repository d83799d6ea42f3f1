"""The only thing the self-tests store: how often each instrument was completed per ISO week.

No answers, no results, no unit, no time of day and no user: a count per instrument per week
cannot single anyone out (docs/selftests.md, "Privacy").
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WeeklyUsage(models.Model):
    instrument = models.CharField(_("zelftest"), max_length=50)
    week = models.CharField(_("week"), max_length=8, help_text=_("ISO-week, bijvoorbeeld 2026-W48"))
    count = models.PositiveIntegerField(_("aantal keer ingevuld"), default=0)

    class Meta:
        verbose_name = _("gebruik per week")
        verbose_name_plural = _("gebruik per week")
        constraints = [models.UniqueConstraint(fields=["instrument", "week"], name="selftests_usage_once_per_week")]

    def __str__(self) -> str:
        return f"{self.instrument} {self.week}: {self.count}"
