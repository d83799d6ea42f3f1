"""The Sociale Agenda: priorities with agenda questions, national actions, the "meer inzet" list,
and the units' own answers (docs/jaarbeeld.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agenda.constants import ActionStatus, EffortSection
from core.models import AppendOnlyModel
from jaarbeeld.constants import DatePrecision
from jaarbeeld.models import Indicator, ThreadItem
from organisation.models import Unit

#: How an owner column names the partners of the lead owner ("in samenwerking met").
CO_OWNER_MARK = " i.s.m. "


class Priority(models.Model):
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    subtitle = models.CharField(_("toelichting bij de titel"), max_length=200, blank=True)
    rationale = models.TextField(_("waarom"), help_text=_("Eén alinea per regel."))

    class Meta:
        ordering = ["number"]
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.rationale.splitlines() if line.strip()]


class AgendaQuestion(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.TextField(_("vraag"))

    class Meta:
        ordering = ["priority__number", "position"]
        verbose_name = _("agendavraag")
        verbose_name_plural = _("agendavragen")
        constraints = [models.UniqueConstraint(fields=["priority", "position"], name="agenda_question_position")]

    def __str__(self) -> str:
        return f"{self.priority.number}.{self.position}"


class Action(models.Model):
    """A national action that is already running, with what the agenda leaves open filled in later."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    what = models.TextField(_("wat"))
    owner = models.CharField(_("eigenaar"), max_length=200)
    priorities = models.ManyToManyField(Priority, verbose_name=_("draagt bij aan"), related_name="actions")
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("einde"), null=True, blank=True)
    catalogue_slug = models.SlugField(_("voorziening in de Zorgwijzer"), max_length=80, blank=True)
    catalogue_name = models.CharField(_("naam van de voorziening"), max_length=160, blank=True)
    indicators = models.ManyToManyField(Indicator, verbose_name=_("indicatoren"), blank=True, related_name="+")
    findings = models.ManyToManyField(
        ThreadItem, verbose_name=_("bevindingen uit het Jaarbeeld"), blank=True, related_name="actions"
    )
    version = models.PositiveIntegerField(_("versie"), default=1)

    class Meta:
        ordering = ["number"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return f"{self.number}. {self.what[:60]}"

    @property
    def lead_owner(self) -> str:
        return self.owner.split(CO_OWNER_MARK, 1)[0]

    @property
    def co_owners(self) -> str:
        parts = self.owner.split(CO_OWNER_MARK, 1)
        return parts[1] if len(parts) == 2 else ""


class ActionUpdate(AppendOnlyModel):
    """Append-only: a progress note with the status and dates it set."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("einde"), null=True, blank=True)
    note = models.TextField(_("voortgang"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")

    def __str__(self) -> str:
        return f"{self.action_id} {self.at:%Y-%m-%d}"


class EffortItem(models.Model):
    """An item of "Dit verdient landelijk meer inzet", with the approval date when there is one."""

    section = models.CharField(_("onderdeel"), max_length=20, choices=EffortSection.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"))
    title = models.TextField(_("wat"))
    note = models.TextField(_("stand van zaken"), blank=True)
    approved_on = models.DateField(_("goedgekeurd op"), null=True, blank=True)
    approved_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.MONTH)

    class Meta:
        ordering = ["section", "position"]
        verbose_name = _("punt dat meer inzet verdient")
        verbose_name_plural = _("punten die meer inzet verdienen")

    def __str__(self) -> str:
        return self.title[:60]


class UnitAnswer(models.Model):
    """A unit's own answer to one agenda question (readable by all, written within the unit)."""

    unit = models.ForeignKey(Unit, verbose_name=_("eenheid"), on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(AgendaQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("antwoord"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["question__priority__number", "question__position"]
        verbose_name = _("antwoord van een eenheid")
        verbose_name_plural = _("antwoorden van eenheden")
        constraints = [models.UniqueConstraint(fields=["unit", "question"], name="agenda_answer_once")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.question_id}"
