"""Choices of the organisation app: kinds of organisational nodes and the roles of Zorgwijzer."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    REGIONAL = "regionaal", _("Regionale eenheid")
    NATIONAL = "landelijk", _("Landelijke eenheid")
    SERVICE = "dienst", _("Dienst")


class NodeKind(models.TextChoices):
    DISTRICT = "district", _("District")
    BASISTEAM = "basisteam", _("Basisteam")
    DEPARTMENT = "afdeling", _("Afdeling")
    TEAM = "team", _("Team")


class Role(models.TextChoices):
    """The roles of Zorgwijzer. A user can hold several, each with its own scope."""

    MEDEWERKER = "medewerker", _("Medewerker")
    LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")
    COLLEGIAAL_ONDERSTEUNER = "collegiaal_ondersteuner", _("Collegiaal ondersteuner (TCO)")
    COORDINATOR_TCO = "coordinator_tco", _("Coördinator TCO")
    BEDRIJFSARTS = "bedrijfsarts", _("Bedrijfsarts")
    BMW = "bmw", _("Bedrijfsmaatschappelijk werker")
    EENHEIDSPSYCHOLOOG = "eenheidspsycholoog", _("Eenheidspsycholoog")
    CASEMANAGER = "casemanager", _("Casemanager")
    HR_ANALIST = "hr_analist", _("HR-analist")
    INHOUDSBEHEERDER = "inhoudsbeheerder", _("Inhoudsbeheerder")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


#: The four professions grouped as "zorgprofessional".
CARE_PROFESSIONAL_ROLES = frozenset({Role.BEDRIJFSARTS, Role.BMW, Role.EENHEIDSPSYCHOLOOG, Role.CASEMANAGER})
