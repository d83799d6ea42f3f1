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
    HR_ADVISEUR = "hr_adviseur", _("HR-adviseur")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon")
    MEDIATOR = "mediator", _("Mediator")
    KLACHTCOORDINATOR = "klachtcoordinator", _("Klachtcoördinator")
    KLACHTBEHANDELAAR = "klachtbehandelaar", _("Klachtbehandelaar")
    KLACHTCOMMISSIE = "klachtcommissie", _("Lid klachtencommissie")
    VIK_PREVENTIE = "vik_preventie", _("VIK-preventie")
    VIK_INTEGRITEIT = "vik_integriteit", _("VIK-integriteit")
    INHOUDSBEHEERDER = "inhoudsbeheerder", _("Inhoudsbeheerder")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


#: The four professions grouped as "zorgprofessional".
CARE_PROFESSIONAL_ROLES = frozenset({Role.BEDRIJFSARTS, Role.BMW, Role.EENHEIDSPSYCHOLOOG, Role.CASEMANAGER})

#: Roles of the confidential, complaint and integrity routes (issues 17-20). Each is held for a
#: unit or a node; each reads personal, often special-category, data and so needs a second factor.
CONFIDENTIAL_ROLES = frozenset(
    {
        Role.HR_ADVISEUR,
        Role.VERTROUWENSPERSOON,
        Role.MEDIATOR,
        Role.KLACHTCOORDINATOR,
        Role.KLACHTBEHANDELAAR,
        Role.KLACHTCOMMISSIE,
        Role.VIK_PREVENTIE,
        Role.VIK_INTEGRITEIT,
    }
)
