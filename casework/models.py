"""Recognition cases of Team Beroepsrisico and the buddy pools of the units.

A case exists only while the employee's consent was recorded: ``consent_given_at`` is set when the
case is made, ``consent_withdrawn_at`` when the employee withdrew it (which also stops the case).
No medical content is stored: only stages, dates, a written rationale per stage and the decision.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftercare.constants import Beroepsrisico
from casework.constants import Decision, Stage
from core.models import AppendOnlyModel

#: The stages in which a case is still running.
OPEN_STAGES = (Stage.MELDING, Stage.REGISTRATIE, Stage.ADVIESCOMMISSIE, Stage.BESLUIT, Stage.COMPENSATIE)


class Case(models.Model):
    """One recognition case: an employee, the event it started from and the casemanager."""

    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.PROTECT, related_name="casework_cases"
    )
    # Emptied when aftercare anonymises the plan (``receivers.drop_plan_link``); the case stays.
    plan = models.ForeignKey(
        "aftercare.Plan",
        verbose_name=_("nazorgplan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT)
    kind = models.CharField(_("soort"), max_length=20, choices=Beroepsrisico.choices)
    casemanager = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("casemanager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="casework_managed_cases",
    )
    stage = models.CharField(_("fase"), max_length=20, choices=Stage.choices, default=Stage.MELDING)
    decision = models.CharField(_("besluit"), max_length=20, choices=Decision.choices, blank=True)
    consent_given_at = models.DateTimeField(_("toestemming gegeven op"))
    consent_withdrawn_at = models.DateTimeField(_("toestemming ingetrokken op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("zaak beroepsrisico")
        verbose_name_plural = _("zaken beroepsrisico")
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(closed_at__isnull=True, plan__isnull=False),
                name="casework_one_running_case_per_plan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.person}"

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class CaseStep(AppendOnlyModel):
    """The append-only history of a case: every stage it entered, when, why and by whom."""

    case = models.ForeignKey(Case, verbose_name=_("zaak"), on_delete=models.CASCADE, related_name="history")
    from_stage = models.CharField(_("van fase"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("naar fase"), max_length=20, choices=Stage.choices)
    happened_on = models.DateField(_("datum"))
    rationale = models.TextField(_("toelichting"), max_length=2000)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("stap van een zaak beroepsrisico")
        verbose_name_plural = _("stappen van zaken beroepsrisico")


class Buddy(models.Model):
    """A member of a unit's buddy pool, with their training and intervision dates."""

    person = models.OneToOneField(
        "organisation.Person", verbose_name=_("buddy"), on_delete=models.PROTECT, related_name="casework_buddy"
    )
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT, related_name="casework_buddies"
    )
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    training_completed_on = models.DateField(_("opleiding afgerond op"), null=True, blank=True)
    last_intervision_on = models.DateField(_("laatste intervisie op"), null=True, blank=True)
    is_active = models.BooleanField(_("actief in de poule"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["unit__name", "person__last_name", "person__first_name", "pk"]
        verbose_name = _("buddy")
        verbose_name_plural = _("buddy's")

    def __str__(self) -> str:
        return str(self.person)


class BuddyMatch(models.Model):
    """A buddy matched with an employee who has work-related injury, at the coordinator's request."""

    buddy = models.ForeignKey(Buddy, verbose_name=_("buddy"), on_delete=models.PROTECT, related_name="matches")
    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.PROTECT, related_name="casework_matches"
    )
    plan = models.ForeignKey(
        "aftercare.Plan",
        verbose_name=_("nazorgplan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    started_on = models.DateField(_("gestart op"))
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("buddykoppeling")
        verbose_name_plural = _("buddykoppelingen")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(ended_on__isnull=True), name="casework_one_running_match_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.buddy} – {self.person}"
