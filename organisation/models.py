"""Units, the tree of districts / basisteams / teams below them, people and role assignments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisation.constants import NodeKind, Role, UnitKind


class Unit(models.Model):
    """One of the 14 organisational units of the police (Zorgwijzer section 2.1)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=120, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=UnitKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("eenheid")
        verbose_name_plural = _("eenheden")

    def __str__(self) -> str:
        return self.name


class UnitStrength(models.Model):
    """A fact: the staff strength (fte) of a unit on a reference date, with its source."""

    unit = models.ForeignKey(Unit, verbose_name=_("eenheid"), on_delete=models.CASCADE, related_name="strengths")
    reference_date = models.DateField(_("peildatum"))
    fte_operational = models.PositiveIntegerField(_("fte operationele sterkte (incl. aspiranten)"))
    fte_non_operational = models.PositiveIntegerField(_("fte niet-operationele sterkte"))
    source = models.CharField(_("bron"), max_length=200)

    class Meta:
        ordering = ["unit__name", "-reference_date"]
        verbose_name = _("sterkte van een eenheid")
        verbose_name_plural = _("sterkte van eenheden")
        constraints = [
            models.UniqueConstraint(fields=["unit", "reference_date"], name="unit_strength_once_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name} ({self.reference_date:%d-%m-%Y})"

    @property
    def fte_total(self) -> int:
        return self.fte_operational + self.fte_non_operational


class OrgNode(models.Model):
    """A district, basisteam, department or team inside a unit; nodes form a tree."""

    unit = models.ForeignKey(Unit, verbose_name=_("eenheid"), on_delete=models.PROTECT, related_name="nodes")
    parent = models.ForeignKey(
        "self", verbose_name=_("valt onder"), on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("code"), max_length=40, unique=True, help_text=_("De code uit het HR-systeem."))
    name = models.CharField(_("naam"), max_length=160)
    kind = models.CharField(_("soort"), max_length=20, choices=NodeKind.choices)

    class Meta:
        ordering = ["unit__name", "name"]
        verbose_name = _("organisatieonderdeel")
        verbose_name_plural = _("organisatieonderdelen")
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="orgnode_not_own_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit.name})"

    def ancestors(self) -> list[OrgNode]:
        """The chain of parents, nearest first."""
        chain: list[OrgNode] = []
        node = self.parent
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain


class AppointmentType(models.TextChoices):
    """The kind of appointment (aanstelling) from the HR export; it decides which jubilee medal applies."""

    OFFICER = "politieambtenaar", _("Politieambtenaar voor de politietaak")
    ATH = "ath", _("Administratief-technisch (ATH)")
    ATH_BOA = "ath_boa", _("ATH, beëdigd als BOA met geldige akte")
    VOLUNTEER = "vrijwilliger", _("Vrijwillige politiemedewerker")


class Person(models.Model):
    """An employee as known from the HR export. Holds no health data."""

    employee_number = models.CharField(_("personeelsnummer"), max_length=20, unique=True)
    first_name = models.CharField(_("voornaam"), max_length=80)
    last_name = models.CharField(_("achternaam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    team = models.ForeignKey(
        OrgNode, verbose_name=_("team"), on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    manager = models.ForeignKey(
        "self",
        verbose_name=_("direct leidinggevende"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_reports",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    is_active = models.BooleanField(_("in dienst"), default=True)
    service_start_date = models.DateField(_("datum in dienst"), null=True, blank=True)
    service_end_date = models.DateField(_("datum uit dienst"), null=True, blank=True)
    appointment_type = models.CharField(
        _("soort aanstelling"), max_length=20, choices=AppointmentType.choices, blank=True
    )
    is_aspirant = models.BooleanField(_("aspirant"), null=True, blank=True)
    graduation_date = models.DateField(_("datum diplomering"), null=True, blank=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        constraints = [
            models.CheckConstraint(condition=~Q(manager=models.F("id")), name="person_not_own_manager"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class RoleAssignment(models.Model):
    """A role held by a user, optionally scoped to a unit or to a node (and everything below it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("rol"), max_length=40, choices=Role.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("eenheid"), on_delete=models.CASCADE, null=True, blank=True)
    node = models.ForeignKey(
        OrgNode, verbose_name=_("organisatieonderdeel"), on_delete=models.CASCADE, null=True, blank=True
    )
    granted_at = models.DateTimeField(_("toegekend op"), auto_now_add=True)

    class Meta:
        ordering = ["role"]
        verbose_name = _("roltoekenning")
        verbose_name_plural = _("roltoekenningen")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit", "node"], name="role_assignment_unique"),
            models.CheckConstraint(
                condition=Q(unit__isnull=True) | Q(node__isnull=True), name="role_scope_unit_or_node"
            ),
        ]

    def __str__(self) -> str:
        scope = self.node or self.unit
        return f"{self.get_role_display()} ({scope})" if scope else str(self.get_role_display())


class HrImportCheck(models.Model):
    """An HR file that passed a check (dry run), kept until its "Nu importeren" or until it expires.

    The confirmation imports exactly this file: the page carries only a token (stored here as its
    SHA-256) and the file's checksum, never the file. Bound to the beheerder who checked it, used
    once (``imported_at``), refused after ``HR_IMPORT_CHECK_VALID_MINUTES``. The file is removed
    as soon as it is imported or expired; the row stays as the record that it was used.
    """

    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True)
    checksum = models.CharField(_("SHA-256 van het bestand"), max_length=64, db_index=True)
    data = models.BinaryField(_("bestand"), blank=True)
    file_name = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gecontroleerd door"), on_delete=models.CASCADE, related_name="+"
    )
    checked_at = models.DateTimeField(_("gecontroleerd op"))
    summary = models.JSONField(_("uitkomst van de controle"), default=dict)
    imported_at = models.DateTimeField(_("geïmporteerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-checked_at"]
        verbose_name = _("gecontroleerd HR-bestand")
        verbose_name_plural = _("gecontroleerde HR-bestanden")

    def __str__(self) -> str:
        return f"{self.file_name or self.checksum[:12]} ({self.checked_at:%d-%m-%Y %H:%M})"
