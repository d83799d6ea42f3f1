"""Teamcare: HR history per team, absence figures, the chief's notes and routes, values
dialogues with their facilitators, periodic check-ups and follow-up of team incidents."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import AppendOnlyModel
from teamcare.constants import (
    CheckupStatus,
    DialogueKind,
    DialogueLevel,
    DialogueStatus,
    LeavingReason,
    NoteKind,
    RouteKind,
    TrainingStatus,
)


class Membership(models.Model):
    """A period in which a person belonged to a team (from the HR import history).

    ``initial``: the period was already running when the history started, so its start is not a
    move into the team and does not count as mobility."""

    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="+"
    )
    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    started_on = models.DateField(_("vanaf"))
    ended_on = models.DateField(_("tot"), null=True, blank=True)
    ended_because = models.CharField(_("reden einde"), max_length=20, choices=LeavingReason.choices, blank=True)
    initial = models.BooleanField(_("liep al bij de start van de geschiedenis"), default=False)

    class Meta:
        verbose_name = _("teamlidmaatschap")
        verbose_name_plural = _("teamlidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(ended_on__isnull=True), name="teamcare_one_open_membership"
            ),
        ]
        indexes = [models.Index(fields=["team", "started_on", "ended_on"], name="teamcare_membership_team")]

    def __str__(self) -> str:
        return f"{self.person_id} in {self.team_id}"


class ManagerPeriod(models.Model):
    """A period in which one person led a team: the manager most active members report to."""

    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    manager = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("leidinggevende"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    started_on = models.DateField(_("vanaf"))
    ended_on = models.DateField(_("tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("periode van een leidinggevende")
        verbose_name_plural = _("perioden van leidinggevenden")
        constraints = [
            models.UniqueConstraint(
                fields=["team"], condition=Q(ended_on__isnull=True), name="teamcare_one_open_manager_period"
            ),
        ]
        indexes = [models.Index(fields=["team", "ended_on"], name="teamcare_manager_team")]

    def __str__(self) -> str:
        return f"{self.manager_id} leads {self.team_id}"


class AbsenceFigure(models.Model):
    """A team's absence in one quarter, as delivered by HR (an aggregate, no person)."""

    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("periode"), max_length=7, help_text=_("Bijvoorbeeld 2026-K2."))
    percentage = models.DecimalField(
        _("verzuimpercentage"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    frequency = models.DecimalField(_("meldingsfrequentie"), max_digits=5, decimal_places=2)
    imported_at = models.DateTimeField(_("ingelezen op"), auto_now=True)

    class Meta:
        verbose_name = _("verzuimcijfer")
        verbose_name_plural = _("verzuimcijfers")
        constraints = [models.UniqueConstraint(fields=["team", "period"], name="teamcare_absence_once_per_period")]

    def __str__(self) -> str:
        return f"{self.team_id} {self.period}"


class Note(models.Model):
    """A private logbook note ("toch raar…") or the team biography of a chief.

    Only the author reads it, until they share it with the HR adviser of the team's unit."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("schrijver"), on_delete=models.CASCADE, related_name="+"
    )
    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=NoteKind.choices, default=NoteKind.LOGBOEK)
    text = models.TextField(_("tekst"), max_length=5000)
    shared_at = models.DateTimeField(_("gedeeld met HR-adviseur op"), null=True, blank=True)
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class Route(models.Model):
    """The action route for concern about a team or a leader: a checklist with notes per step."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("schrijver"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("route"), max_length=20, choices=RouteKind.choices)
    title = models.CharField(_("waar gaat het over"), max_length=160)
    steps = models.JSONField(_("stappen"), default=dict)  # step code → {"done": bool, "note": str}
    created_at = models.DateTimeField(_("begonnen op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("handelingsroute")
        verbose_name_plural = _("handelingsroutes")

    def __str__(self) -> str:
        return self.title


class Facilitator(models.Model):
    """A process facilitator in the pool for values dialogues."""

    person = models.OneToOneField(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="+"
    )
    training = models.CharField(_("training"), max_length=20, choices=TrainingStatus.choices)
    trained_on = models.DateField(_("getraind op"), null=True, blank=True)

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        verbose_name = _("procesbegeleider")
        verbose_name_plural = _("procesbegeleiders")

    def __str__(self) -> str:
        return self.person.full_name


class Dialogue(models.Model):
    """A requested and (once confirmed) planned values dialogue for one team."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aanvrager"), on_delete=models.PROTECT, related_name="+"
    )
    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("soort gesprek"), max_length=30, choices=DialogueKind.choices)
    level = models.CharField(_("niveau"), max_length=20, choices=DialogueLevel.choices)
    goals = models.JSONField(_("doelen"), default=list)
    status = models.CharField(
        _("status"), max_length=20, choices=DialogueStatus.choices, default=DialogueStatus.AANGEVRAAGD
    )
    starts_at = models.DateTimeField(_("datum en tijd"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=160, blank=True)
    facilitators = models.ManyToManyField(Facilitator, verbose_name=_("procesbegeleiders"), blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("waardengesprek")
        verbose_name_plural = _("waardengesprekken")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.pk})"


class Invitation(models.Model):
    """A participant invited to a dialogue; ``evaluated`` says only that they answered, never what."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey("organisation.Person", on_delete=models.CASCADE, related_name="+")
    evaluated = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [models.UniqueConstraint(fields=["dialogue", "person"], name="teamcare_invite_once")]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.dialogue_id}"


class Evaluation(models.Model):
    """One anonymous short evaluation: no person, no time of day (only the dialogue)."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="evaluations")
    openness = models.PositiveSmallIntegerField(_("openheid"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    usefulness = models.PositiveSmallIntegerField(_("nut"), validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return f"{self.dialogue_id}"


class Checkup(models.Model):
    """A team's periodic check-up: due on a date, held by the team chief with the conversation guide."""

    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(_("status"), max_length=20, choices=CheckupStatus.choices, default=CheckupStatus.OPEN)
    answers = models.JSONField(_("gespreksverslag"), default=dict)
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("check-up")
        verbose_name_plural = _("check-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["team"], condition=Q(status=CheckupStatus.OPEN), name="teamcare_one_open_checkup"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team_id} {self.due_on}"


class Escalation(models.Model):
    """An overdue check-up brought to the head of the parent node: exactly one row per check-up."""

    checkup = models.OneToOneField(Checkup, on_delete=models.CASCADE, related_name="escalation")
    node = models.ForeignKey("organisation.OrgNode", verbose_name=_("naar"), on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("geëscaleerd op"))

    class Meta:
        verbose_name = _("escalatie")
        verbose_name_plural = _("escalaties")

    def __str__(self) -> str:
        return f"{self.checkup_id}"


class Incident(models.Model):
    """A team incident or tension; it always has a follow-up step with a deadline."""

    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    description = models.TextField(_("wat speelt er"), max_length=2000)
    follow_up = models.CharField(_("vervolgstap"), max_length=300)
    follow_up_due = models.DateField(_("vervolgstap uiterlijk op"))
    done_at = models.DateTimeField(_("vervolgstap gedaan op"), null=True, blank=True)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["follow_up_due", "pk"]
        verbose_name = _("incident of spanning")
        verbose_name_plural = _("incidenten en spanningen")
        constraints = [
            models.CheckConstraint(condition=~Q(follow_up=""), name="teamcare_incident_has_follow_up"),
        ]

    def __str__(self) -> str:
        return f"{self.team_id} {self.follow_up_due}"


class ReportingNorm(AppendOnlyModel):
    """One version of a team's reporting norm: the incidents the team always reports (Arq 002,
    the manager's norm). The team's leidinggevende edits it; every edit adds a version, so the
    history is kept and no version is ever changed."""

    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    items = models.JSONField(_("altijd melden"), default=list)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    author_name = models.CharField(_("naam van wie het vaststelde"), max_length=160)
    created_at = models.DateTimeField(_("vastgesteld op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("meldnorm")
        verbose_name_plural = _("meldnormen")
        indexes = [models.Index(fields=["team", "-created_at"], name="teamcare_norm_team")]

    def __str__(self) -> str:
        return f"{self.team_id} {self.created_at:%Y-%m-%d}"


class FeedbackSummary(models.Model):
    """What was done with reports in a quarter, for a team: frozen once, after the quarter ended.

    The counts are stored as they were when the quarter was frozen and never recomputed, so two
    readings of the same quarter can never differ (no subtraction over time). Pages show a count
    only when ``core.anonymity.may_show`` allows it."""

    team = models.ForeignKey("organisation.OrgNode", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("periode"), max_length=7)
    events = models.PositiveIntegerField(_("ingrijpende gebeurtenissen"))
    plans = models.PositiveIntegerField(_("nazorgplannen gestart"))
    steps = models.PositiveIntegerField(_("stappen afgerond"))
    frozen_at = models.DateTimeField(_("vastgelegd op"))

    class Meta:
        ordering = ["-period"]
        verbose_name = _("kwartaaloverzicht meldingen")
        verbose_name_plural = _("kwartaaloverzichten meldingen")
        constraints = [
            models.UniqueConstraint(fields=["team", "period"], name="teamcare_one_feedback_per_quarter"),
        ]

    def __str__(self) -> str:
        return f"{self.team_id} {self.period}"
