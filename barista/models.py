"""Exposures (impactful events per employee), the versioned rules per unit, the signals they
produce, absences with a deputy, and the notices sent to managers.

Nothing here holds health information: an exposure is a type and a moment, a signal's outcome
is one of three choices (with the catalogue provision referred to). See docs/barista.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from barista.constants import ImpactClass, NoticeKind, SignalStatus, Source


class ExposureType(models.Model):
    """A kind of impactful event with its impact weight; managed by the functioneel beheerder."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=120, unique=True)
    weight = models.PositiveSmallIntegerField(
        _("impactgewicht"),
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Van 1 (minst zwaar) tot 10 (zwaarst). Telt mee in de regel voor opgetelde impact."),
    )
    impact_class = models.PositiveSmallIntegerField(_("impactklasse"), choices=ImpactClass.choices)
    aftercare_type = models.OneToOneField(
        "aftercare.EventType",
        verbose_name=_("soort gebeurtenis in opvang en nazorg"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exposure_type",
    )
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("soort blootstelling")
        verbose_name_plural = _("soorten blootstelling")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1, weight__lte=10), name="exposure_type_weight_1_10"),
            models.CheckConstraint(
                condition=Q(impact_class__gte=1, impact_class__lte=3), name="exposure_type_class_1_3"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Exposure(models.Model):
    """One impactful event one employee went through."""

    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="exposures"
    )
    type = models.ForeignKey(ExposureType, verbose_name=_("soort"), on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField(_("datum en tijd"))
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)
    external_id = models.CharField(_("extern kenmerk"), max_length=80, blank=True)
    aftercare_plan = models.OneToOneField(
        "aftercare.Plan",
        verbose_name=_("nazorgplan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exposure",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("blootstelling")
        verbose_name_plural = _("blootstellingen")
        constraints = [
            # Re-delivery of an imported record finds this row and changes nothing.
            models.UniqueConstraint(
                fields=["external_id"], condition=Q(source=Source.IMPORT), name="exposure_external_id_once"
            ),
            models.CheckConstraint(
                condition=~Q(source=Source.IMPORT) | ~Q(external_id=""), name="exposure_import_has_external_id"
            ),
        ]
        indexes = [
            models.Index(fields=["occurred_at"], name="barista_exposure_occurred"),
            models.Index(fields=["person", "occurred_at"], name="barista_exposure_person"),
        ]

    def __str__(self) -> str:
        return f"{self.type} ({self.occurred_at:%d-%m-%Y})"


class RuleSet(models.Model):
    """One version of the rules of a unit (``unit`` empty: the organisation-wide rules that apply
    to every unit without rules of its own). A change always adds a new version."""

    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("eenheid"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="barista_rules",
    )
    version = models.PositiveIntegerField(_("versie"))
    count_n = models.PositiveSmallIntegerField(
        _("aantal gebeurtenissen"), validators=[MinValueValidator(2), MaxValueValidator(20)]
    )
    count_days = models.PositiveSmallIntegerField(
        _("binnen dit aantal dagen"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    # No longer offered (issue 22, seed 000 L2483-2485: Barista is for *several* incidents; one severe
    # event is the work of opvang en nazorg). Kept so that older versions read as they were; the
    # rules engine ignores it and new versions store False.
    highest_enabled = models.BooleanField(_("signaal bij één gebeurtenis van de hoogste klasse"), default=False)
    weight_threshold = models.PositiveSmallIntegerField(
        _("drempel opgetelde impact"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Leeg laten om deze regel niet te gebruiken."),
    )
    weight_days = models.PositiveSmallIntegerField(
        _("periode opgetelde impact (dagen)"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    cooldown_days = models.PositiveSmallIntegerField(
        _("rustperiode na een gesprek (dagen)"), validators=[MaxValueValidator(365)]
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("herinnering na (dagen)"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    escalation_days = models.PositiveSmallIntegerField(
        _("escalatie na (dagen)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Leeg laten om niet te escaleren."),
    )
    expiry_days = models.PositiveSmallIntegerField(
        _("signaal vervalt na (dagen)"), validators=[MinValueValidator(30), MaxValueValidator(1095)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgesteld op"), auto_now_add=True)

    class Meta:
        ordering = ["unit__name", "-version"]
        verbose_name = _("regels Barista")
        verbose_name_plural = _("regels Barista")
        constraints = [
            models.UniqueConstraint(fields=["unit", "version"], name="barista_rules_version_per_unit"),
            models.UniqueConstraint(
                fields=["version"], condition=Q(unit__isnull=True), name="barista_rules_version_default"
            ),
            models.CheckConstraint(
                condition=Q(escalation_days__isnull=True) | Q(escalation_days__gt=models.F("reminder_days")),
                name="barista_rules_escalation_after_reminder",
            ),
            models.CheckConstraint(
                condition=Q(count_n__gte=2, count_days__gte=1, weight_days__gte=1, reminder_days__gte=1),
                name="barista_rules_positive",
            ),
            # A signal (and with it the link that keeps its exposures from counting again) must
            # outlive every window and the cool-down: see RulesForm.clean and docs/barista.md.
            models.CheckConstraint(
                condition=Q(expiry_days__gte=models.F("count_days"))
                & Q(expiry_days__gte=models.F("weight_days"))
                & Q(expiry_days__gte=models.F("cooldown_days")),
                name="barista_rules_expiry_after_windows",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit or _('Hele organisatie')} v{self.version}"


#: The settable fields of a rule set, in the order the form shows them.
RULE_FIELDS = (
    "count_n",
    "count_days",
    "weight_threshold",
    "weight_days",
    "cooldown_days",
    "reminder_days",
    "escalation_days",
    "expiry_days",
)


class Signal(models.Model):
    """An invitation to a manager for a conversation with one employee, and its outcome."""

    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="barista_signals"
    )
    recipient = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("uitgenodigde leidinggevende"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="barista_invitations",
    )
    recipient_is_deputy = models.BooleanField(_("waarnemer"), default=False)
    # For whom a deputy stood in: the employee's direct manager at the time. Only that manager
    # sees a finished invitation a deputy handled; a manager who comes later does not.
    deputy_for = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("waarnemer voor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    team = models.ForeignKey(
        "organisation.OrgNode", verbose_name=_("team"), on_delete=models.SET_NULL, null=True, blank=True
    )
    ruleset = models.ForeignKey(RuleSet, verbose_name=_("regels"), on_delete=models.PROTECT, related_name="signals")
    reasons = models.JSONField(_("redenen"), default=list)
    exposures = models.ManyToManyField(Exposure, through="SignalExposure", related_name="signals")
    status = models.CharField(_("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.OPEN)
    referred_to_slug = models.SlugField(_("doorverwezen naar (code)"), max_length=120, blank=True)
    referred_to_name = models.CharField(_("doorverwezen naar"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"))
    outcome_at = models.DateTimeField(_("uitkomst vastgelegd op"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitkomst vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("vervalt op"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status=SignalStatus.OPEN), name="barista_one_open_signal_per_person"
            ),
            models.CheckConstraint(
                condition=Q(status=SignalStatus.OPEN, outcome_at__isnull=True)
                | (~Q(status=SignalStatus.OPEN) & Q(outcome_at__isnull=False)),
                name="barista_signal_outcome_has_moment",
            ),
            models.CheckConstraint(
                condition=~Q(status=SignalStatus.DOORVERWEZEN) | ~Q(referred_to_slug=""),
                name="barista_referral_names_provision",
            ),
            models.CheckConstraint(
                condition=Q(recipient_is_deputy=True) | Q(deputy_for__isnull=True),
                name="barista_deputy_for_only_for_a_deputy",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="barista_signal_status"),
            models.Index(fields=["person", "outcome_at"], name="barista_signal_person"),
            models.Index(fields=["expires_at"], name="barista_signal_expires"),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == SignalStatus.OPEN


class SignalExposure(models.Model):
    """Which exposures made a signal. An exposure makes at most one signal, ever: after a
    conversation the same exposures never produce a new invitation."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="links")
    exposure = models.OneToOneField(Exposure, on_delete=models.CASCADE, related_name="signal_link")

    class Meta:
        verbose_name = _("aanleiding van een signaal")
        verbose_name_plural = _("aanleidingen van signalen")

    def __str__(self) -> str:
        return f"{self.signal_id} ← {self.exposure_id}"


class Absence(models.Model):
    """That someone is away for a period (no reason is stored). An absent employee gets no signal;
    an absent manager's invitations go to the deputy named here, else to their own manager."""

    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="absences"
    )
    starts_on = models.DateField(_("afwezig vanaf"))
    ends_on = models.DateField(_("afwezig tot en met"), null=True, blank=True, help_text=_("Leeg: nog onbekend."))
    deputy = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("waarnemend leidinggevende"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputising",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="barista_absence_ends_after_start",
            ),
            models.CheckConstraint(condition=~Q(deputy=models.F("person")), name="barista_absence_not_own_deputy"),
        ]
        indexes = [models.Index(fields=["person", "starts_on"], name="barista_absence_person")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.starts_on}–{self.ends_on or '…'}"


class Notice(models.Model):
    """An in-app message about a signal (also sent by e-mail, as a link only): the invitation,
    the reminder and the escalation, each at most once per signal."""

    signal = models.ForeignKey(Signal, verbose_name=_("signaal"), on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("soort"), max_length=20, choices=NoticeKind.choices)
    recipient = models.ForeignKey(
        "organisation.Person", verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="barista_notices"
    )
    created_at = models.DateTimeField(_("verstuurd op"))
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bericht Barista")
        verbose_name_plural = _("berichten Barista")
        constraints = [
            models.UniqueConstraint(
                fields=["signal", "kind", "recipient"], name="barista_one_notice_per_kind_and_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.signal_id}"


class SignalTally(models.Model):
    """What remains of an expired signal for the pilot statistics: team, unit, dates and outcome,
    without the employee, the manager or the events."""

    team = models.ForeignKey(
        "organisation.OrgNode", verbose_name=_("team"), on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=SignalStatus.choices)
    created_at = models.DateTimeField(_("gemaakt op"))
    outcome_at = models.DateTimeField(_("uitkomst vastgelegd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("verlopen signaal (telling)")
        verbose_name_plural = _("verlopen signalen (telling)")
        indexes = [models.Index(fields=["created_at"], name="barista_tally_created")]

    def __str__(self) -> str:
        return f"{self.status} {self.created_at:%Y-%m-%d}"


class Scope(models.Model):
    """A unit or a team where Barista is switched on. Outside them Barista makes no signals.

    The Zorgwijzer describes Barista as a pilot in two basic teams with a decision on wider use
    afterwards (seed 000 L2489-2491): the functioneel beheerder switches it on per unit or team, and
    nothing is on until they do. Switching off deletes the row; both are in the audit trail.
    """

    unit = models.OneToOneField(
        "organisation.Unit",
        verbose_name=_("eenheid"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="barista_scope",
    )
    team = models.OneToOneField(
        "organisation.OrgNode",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="barista_scope",
    )
    switched_on_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangezet door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    switched_on_at = models.DateTimeField(_("aangezet op"), default=timezone.now)

    class Meta:
        verbose_name = _("bereik van Barista")
        verbose_name_plural = _("bereik van Barista")
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, team__isnull=True) | Q(unit__isnull=True, team__isnull=False),
                name="barista_scope_unit_or_team",
            )
        ]

    def __str__(self) -> str:
        return str(self.unit or self.team)
