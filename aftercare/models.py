"""Events, aftercare plans with their steps and deadlines, notices, and the status history.

No medical information is stored anywhere in this app: a referral records only the target and
the date, Team Beroepsrisico only the type of follow-up (Arq aspect 5: privacy and confidentiality).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftercare.constants import (
    Beroepsrisico,
    CheckInLevel,
    CheckInOutcome,
    EventCategory,
    NoticeKind,
    PlanStatus,
    ReferralTarget,
    Severity,
    StepCondition,
    StepKind,
    StepOwner,
    StepStatus,
)
from core.models import AppendOnlyModel


def in_language(dutch: str, english: str) -> str:
    """The English text when the interface language is English and one is given, else the Dutch."""
    from django.utils.translation import get_language

    return english if english and (get_language() or "").startswith("en") else dutch


class EventType(models.Model):
    """An entry of the managed list of event types (loaded by a data migration)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam in het Engels"), max_length=120, blank=True)
    category = models.CharField(_("categorie"), max_length=20, choices=EventCategory.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)
    # The template family (``PlanTemplate.code``) its plans are made from; empty: the default one.
    template_code = models.SlugField(_("sjabloon"), max_length=40, blank=True)

    class Meta:
        ordering = ["category", "position", "name"]
        verbose_name = _("soort gebeurtenis")
        verbose_name_plural = _("soorten gebeurtenissen")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)


class Event(models.Model):
    """An impactful event with the employees involved in it."""

    occurred_at = models.DateTimeField(_("datum en tijd"))
    kind = models.ForeignKey(EventType, verbose_name=_("soort gebeurtenis"), on_delete=models.PROTECT)
    severity = models.CharField(_("ernst"), max_length=20, choices=Severity.choices)
    note = models.CharField(_("korte toelichting"), max_length=500, blank=True)
    beroepsrisico = models.CharField(
        _("opvolging Team Beroepsrisico"), max_length=20, choices=Beroepsrisico.choices, blank=True
    )
    gtpa_casemanager = models.BooleanField(_("opvolging door GTPA-casemanager"), default=False)
    property_damage = models.BooleanField(_("schade aan persoonlijke spullen"), default=False)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")

    def __str__(self) -> str:
        return f"{self.kind} ({self.occurred_at:%d-%m-%Y %H:%M})"


class PlanTemplate(models.Model):
    """One version of a configurable aftercare template.

    Templates come in families (``code``); editing one writes a new version and makes it the
    current one, so a running plan keeps the version it was made from (``Plan.template``).
    The current version of the default family is used for event types without their own."""

    code = models.SlugField(_("code"), max_length=40, default="standaard")
    version = models.PositiveIntegerField(_("versie"), default=1)
    is_current = models.BooleanField(_("huidige versie"), default=True)
    name = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam in het Engels"), max_length=120, blank=True)
    is_default = models.BooleanField(_("standaard"), default=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, null=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("sjabloon nazorgplan")
        verbose_name_plural = _("sjablonen nazorgplan")
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default_template"),
            models.UniqueConstraint(fields=["code", "version"], name="one_template_version"),
            models.UniqueConstraint(fields=["code"], condition=Q(is_current=True), name="one_current_template_version"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)


class TemplateStep(models.Model):
    """One step of a template: its kind, owner and due time in hours after the event."""

    template = models.ForeignKey(
        PlanTemplate, verbose_name=_("sjabloon"), on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField(_("soort stap"), max_length=20, choices=StepKind.choices)
    owner = models.CharField(_("eigenaar"), max_length=20, choices=StepOwner.choices)
    due_after_hours = models.PositiveIntegerField(_("termijn in uren na de gebeurtenis"))
    title = models.CharField(_("titel"), max_length=160)
    title_en = models.CharField(_("titel in het Engels"), max_length=160, blank=True)
    only_when = models.CharField(
        _("alleen als"), max_length=20, choices=StepCondition.choices, default=StepCondition.ALWAYS, blank=True
    )

    class Meta:
        ordering = ["due_after_hours", "pk"]
        verbose_name = _("stap van een sjabloon")
        verbose_name_plural = _("stappen van een sjabloon")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return in_language(self.title, self.title_en)


class Plan(models.Model):
    """The aftercare plan of one involved employee for one event.

    ``person``, ``manager`` and ``supporter`` are emptied by the retention task; ``unit`` and
    the statuses stay so that aggregated statistics remain.
    """

    event = models.ForeignKey(Event, verbose_name=_("gebeurtenis"), on_delete=models.PROTECT, related_name="plans")
    # The template version the plan was made from; editing the template later does not change it.
    template = models.ForeignKey(
        PlanTemplate, verbose_name=_("sjabloon"), on_delete=models.PROTECT, null=True, blank=True, related_name="plans"
    )
    person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aftercare_plans",
    )
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT, null=True, blank=True
    )
    manager = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("leidinggevende"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aftercare_team_plans",
    )
    supporter = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("collegiaal ondersteuner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aftercare_cases",
    )
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.OPEN)
    support_accepted = models.BooleanField(_("ondersteuning aangenomen"), null=True, blank=True)
    complaints_persist = models.BooleanField(_("klachten na vier tot zes weken"), null=True, blank=True)
    home_front_consent = models.BooleanField(_("toestemming thuisfront"), default=False)
    evaluated = models.BooleanField(_("evaluatie ingevuld"), default=False)
    version = models.PositiveIntegerField(_("versie"), default=1)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("nazorgplan")
        verbose_name_plural = _("nazorgplannen")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"], condition=Q(person__isnull=False), name="one_plan_per_person_per_event"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.person or '–'}"


class Step(models.Model):
    """A step of a plan with its owner and due time."""

    plan = models.ForeignKey(Plan, verbose_name=_("nazorgplan"), on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("soort stap"), max_length=20, choices=StepKind.choices)
    title = models.CharField(_("titel"), max_length=160)
    title_en = models.CharField(_("titel in het Engels"), max_length=160, blank=True)
    owner_role = models.CharField(_("eigenaar"), max_length=20, choices=StepOwner.choices)
    owner = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("uitvoerder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aftercare_steps",
    )
    due_at = models.DateTimeField(_("uiterlijk op"))
    status = models.CharField(_("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.OPEN)
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgerond door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    referral_target = models.CharField(
        _("doorverwezen naar"), max_length=30, choices=ReferralTarget.choices, blank=True
    )
    referral_date = models.DateField(_("datum doorverwijzing"), null=True, blank=True)
    # The date a step records (the external investigation requested, the aangifte made).
    action_date = models.DateField(_("datum"), null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        indexes = [models.Index(fields=["status", "due_at"], name="aftercare_step_open_due")]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return in_language(self.title, self.title_en)


class CheckIn(models.Model):
    """The structured part of a check-in conversation, recorded by the supporter afterwards.

    Only the assigned supporter and the coordinator see it (``access.can_read_check_ins``); the
    manager sees only that the check-in was done. The levels are the supporter's summary of the
    conversation, not a diagnosis; there is no free text. Erased with the plan's personal data."""

    step = models.OneToOneField(Step, verbose_name=_("stap"), on_delete=models.CASCADE, related_name="check_in")
    sleep = models.CharField(_("slapen"), max_length=20, choices=CheckInLevel.choices)
    reliving = models.CharField(_("terugdenken en herbeleven"), max_length=20, choices=CheckInLevel.choices)
    avoidance = models.CharField(_("vermijden"), max_length=20, choices=CheckInLevel.choices)
    support_home = models.CharField(_("steun thuis"), max_length=20, choices=CheckInLevel.choices)
    support_work = models.CharField(_("steun op het werk"), max_length=20, choices=CheckInLevel.choices)
    substances = models.CharField(_("alcohol of medicijnen"), max_length=20, choices=CheckInLevel.choices)
    work = models.CharField(_("werken"), max_length=20, choices=CheckInLevel.choices)
    outcome = models.CharField(_("vervolg"), max_length=20, choices=CheckInOutcome.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    THEMES = ("sleep", "reliving", "avoidance", "support_home", "support_work", "substances", "work")

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.step_id}"

    @property
    def person(self) -> object:
        """The employee (the subject of an audit row when the answers are read)."""
        return self.step.plan.person


class StatusChange(AppendOnlyModel):
    """Append-only history of every status change of a plan or one of its steps."""

    plan = models.ForeignKey(Plan, verbose_name=_("nazorgplan"), on_delete=models.CASCADE, related_name="history")
    step = models.ForeignKey(
        Step, verbose_name=_("stap"), on_delete=models.CASCADE, null=True, blank=True, related_name="history"
    )
    from_status = models.CharField(_("van"), max_length=20, blank=True)
    to_status = models.CharField(_("naar"), max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, blank=True
    )
    # A coordinator who completes someone else's step does so on behalf of its owner, on record.
    on_behalf_of = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("namens"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("korte notitie"), max_length=500, blank=True)
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def __str__(self) -> str:
        return f"{self.from_status or '–'} → {self.to_status}"


class SupportNote(models.Model):
    """What the peer supporter records. Visible only to the assigned supporter and the coordinator."""

    plan = models.ForeignKey(Plan, verbose_name=_("nazorgplan"), on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("notitie"), max_length=2000)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("notitie collegiale ondersteuning")
        verbose_name_plural = _("notities collegiale ondersteuning")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class DeadlineNotice(models.Model):
    """That a reminder or escalation for a step has been sent: at most one per (step, kind)."""

    step = models.ForeignKey(Step, verbose_name=_("stap"), on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("soort"), max_length=20, choices=NoticeKind.choices)
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("termijnbericht")
        verbose_name_plural = _("termijnberichten")
        constraints = [models.UniqueConstraint(fields=["step", "kind"], name="one_notice_per_step_and_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.step_id}"


class Notification(models.Model):
    """An in-app message to one person (also sent by e-mail)."""

    notice = models.ForeignKey(
        DeadlineNotice, verbose_name=_("termijnbericht"), on_delete=models.CASCADE, related_name="notifications"
    )
    recipient = models.ForeignKey(
        "organisation.Person", verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="notifications"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [models.UniqueConstraint(fields=["notice", "recipient"], name="one_notification_per_recipient")]

    def __str__(self) -> str:
        return f"{self.notice} → {self.recipient_id}"


class Evaluation(models.Model):
    """The employee's anonymous evaluation of the aftercare: no link to the plan or the person."""

    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("eenheid"), on_delete=models.SET_NULL, null=True, blank=True
    )
    month = models.DateField(_("maand"))
    score = models.PositiveSmallIntegerField(_("rapportcijfer"))

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [models.CheckConstraint(condition=Q(score__gte=1, score__lte=10), name="evaluation_score_1_10")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.score}"
