"""Choices of the aftercare app: severities, step kinds and statuses, who owns a step."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Template families with rules of their own (``PlanTemplate.code``).
POSTVENTION_TEMPLATE = "postventie"
GTPA_TEMPLATE = "gtpa"


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
    # Postvention after a colleague's suicide (Zorgwijzer §2.4, §3.13).
    TEAM_OPVANG = "team_opvang", _("Opvang van het hele team")
    INFORM = "informeren", _("Team en betrokkenen informeren")
    SPIRITUAL_CARE = "geestelijk_verzorger", _("Geestelijk verzorger aanbieden")
    INVESTIGATION = "extern_onderzoek", _("Extern onderzoek aangevraagd")
    # Needle-stick, splash, bite, cut or scratch incidents.
    PRIKPUNT = "prikpunt", _("Prikpunt gebeld voor een risico-inschatting")
    # Violence against employees (GTPA).
    AANGIFTE = "aangifte", _("Aangifte en proces-verbaal")
    CASE_FILE = "dossier", _("Dossier bij de casemanager geweld")
    DAMAGE_CLAIM = "schadeclaim", _("Schade verhalen op de dader")
    PROPERTY_DAMAGE = "schade_eigendom", _("Schade aan persoonlijke spullen")


class StepOwner(models.TextChoices):
    """Who owns a step of the template; resolved to a person when the plan is made."""

    MANAGER = "leidinggevende", _("Leidinggevende")
    SUPPORTER = "ondersteuner", _("Collegiaal ondersteuner")
    COORDINATOR = "coordinator", _("Coördinator TCO")
    # The casemanager for violence against police officers (GTPA): holds the file of the
    # aangifte and helps recover the damage from the offender.
    CASEMANAGER = "casemanager", _("Casemanager geweld tegen politie")


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
    NEW_TASK = "nieuwe_taak", _("Nieuwe taak")


class StepCondition(models.TextChoices):
    """When a template step is added to a plan: always, or only when the registration says so."""

    ALWAYS = "", _("Altijd")
    PROPERTY_DAMAGE = "schade_eigendom", _("Alleen bij schade aan persoonlijke spullen")


class CheckInLevel(models.TextChoices):
    """How one theme of a check-in goes, in the supporter's words after the conversation."""

    GOOD = "goed", _("Gaat goed")
    MIXED = "wisselend", _("Wisselend")
    CONCERN = "zorgelijk", _("Zorgelijk")


class CheckInOutcome(models.TextChoices):
    """What follows from a check-in."""

    NORMAL = "normaal", _("Normaal herstel: nazorg gaat door zoals gepland")
    WATCH = "aandacht", _("Klachten, nog binnen de eerste weken: extra aandacht bij het volgende contact")
    REFER = "doorverwijzen", _("Klachten houden aan na vier weken: doorverwijzing")
