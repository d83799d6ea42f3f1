"""Choices of the aftercare app: severities, step kinds and statuses, who owns a step."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    LICHT = "licht", _("Licht")
    ERNSTIG = "ernstig", _("Ernstig")
    ZEER_ERNSTIG = "zeer_ernstig", _("Zeer ernstig")


class EventCategory(models.TextChoices):
    GTPA = "gtpa", _("Geweld tegen politieambtenaren")
    INGRIJPEND = "ingrijpend", _("Andere ingrijpende gebeurtenis")


class Beroepsrisico(models.TextChoices):
    """Follow-up by Team Beroepsrisico (Zorgwijzer §2.3): only the type, never medical content."""

    BEROEPSINCIDENT = "beroepsincident", _("Beroepsincident")
    BEROEPSZIEKTE = "beroepsziekte", _("Beroepsziekte")
    DIENSTONGEVAL = "dienstongeval", _("Dienstongeval")


class StepKind(models.TextChoices):
    CONTACT = "contact", _("Contact en erkenning door de leidinggevende")
    DEBRIEFING = "debriefing", _("Operationele debriefing")
    SUPPORT_OFFER = "ondersteuning", _("Aanbod collegiale ondersteuning")
    CHECK_IN = "check_in", _("Contactmoment collegiaal ondersteuner")
    EVALUATION = "evaluatie", _("Evaluatie na vier tot zes weken")
    REFERRAL = "doorverwijzing", _("Doorverwijzing naar professionele zorg")
    HOME_FRONT = "thuisfront", _("Thuisfront betrekken")
    CONTACT_REQUEST = "contactverzoek", _("Verzoek om contact")
    CLOSURE = "afsluiting", _("Afsluiting")


class StepOwner(models.TextChoices):
    """Who owns a step of the template; resolved to a person when the plan is made."""

    MANAGER = "leidinggevende", _("Leidinggevende")
    SUPPORTER = "ondersteuner", _("Collegiaal ondersteuner")
    COORDINATOR = "coordinator", _("Coördinator TCO")


class StepStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "afgerond", _("Afgerond")
    DECLINED = "afgeslagen", _("Afgeslagen door de medewerker")
    CANCELLED = "vervallen", _("Vervallen")


class PlanStatus(models.TextChoices):
    OPEN = "open", _("Lopend")
    CLOSED = "afgesloten", _("Afgesloten")
    ANONYMISED = "geanonimiseerd", _("Geanonimiseerd")


class ReferralTarget(models.TextChoices):
    BEDRIJFSARTS = "bedrijfsarts", _("Bedrijfsarts")
    EENHEIDSPSYCHOLOOG = "eenheidspsycholoog", _("Eenheidspsycholoog")
    ZORGLIJN_PTSS = "zorglijn_ptss", _("Zorglijn PTSS")
    BMW = "bmw", _("Bedrijfsmaatschappelijk werk")
    LOKET = "loket_24_7", _("24/7 Loket Politie")
    HUISARTS = "huisarts", _("Huisarts")


class NoticeKind(models.TextChoices):
    REMINDER = "herinnering", _("Herinnering")
    ESCALATION = "escalatie", _("Termijn verstreken")
