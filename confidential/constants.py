"""The answers of "Waar kan ik terecht?" (stored nowhere: they travel in the page's address)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Want(models.TextChoices):
    STOP = "stoppen", _("Dat het stopt")
    INVESTIGATION = "onderzoek", _("Dat het wordt onderzocht")
    TALK = "praten", _("Erover praten")
    ADVICE = "advies", _("Advies over wat ik kan doen")


class About(models.TextChoices):
    COLLEAGUE = "collega", _("Een collega")
    MANAGER = "leidinggevende", _("Mijn leidinggevende")
    TEAM = "team", _("Mijn team of de sfeer in het team")
    OTHER = "anders", _("Iets anders, zoals een misstand of hoe de organisatie handelt")


class ManagerMayKnow(models.TextChoices):
    YES = "ja", _("Ja, dat mag")
    NO = "nee", _("Nee, liever niet")
    UNSURE = "weet-niet", _("Dat weet ik nog niet")


class Danger(models.TextChoices):
    YES = "ja", _("Ja")
    NO = "nee", _("Nee")


# --- Requests without the manager (Mental Check Up, mediation, a named vertrouwenspersoon) ---


class RequestKind(models.TextChoices):
    MCU = "mcu", _("Mental Check Up")
    MEDIATION = "mediation", _("Mediation")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon")


class RequestStatus(models.TextChoices):
    CONSENT = "toestemming", _("Wacht op toestemming van de ander")
    NEW = "nieuw", _("Aangevraagd")
    SCHEDULED = "ingepland", _("Afspraak gemaakt")
    DONE = "afgerond", _("Afgerond")
    DECLINED = "geweigerd", _("De ander wil geen mediation")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


#: Statuses in which a request still waits for, or is in, handling.
OPEN_STATUSES = frozenset({RequestStatus.CONSENT, RequestStatus.NEW, RequestStatus.SCHEDULED})


class SupportOption(models.TextChoices):
    """The vertrouwenspersoon's menu: what the employee wants (they stay at the helm)."""

    LISTEN = "luisteren", _("Alleen luisteren")
    REFERRAL = "verwijzen", _("Verwijzen naar iemand in het netwerk")
    DIALOGUE = "dialoog", _("Hulp bij een gesprek met de betrokken persoon")
    TEAM_CHIEF = "teamchef", _("De teamchef inlichten")
    COMPLAINT = "klacht", _("Hulp bij een klacht of aangifte")


class NoticeKind(models.TextChoices):
    REMINDER = "herinnering", _("Herinnering")
    ESCALATION = "escalatie", _("Escalatie")


# --- The anonymous two-way line ---


class LineRoute(models.TextChoices):
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon")
    UDR = "udr", _("Signaal van uitsluiting, discriminatie of racisme")


class LineStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "gesloten", _("Gesloten")


class LineAuthor(models.TextChoices):
    REPORTER = "melder", _("Melder")
    RECIPIENT = "vertrouwenspersoon", _("Vertrouwenspersoon")


class Forwarding(models.TextChoices):
    """What the reporter allows the vertrouwenspersoon to pass on (default: nothing)."""

    NOTHING = "niets", _("Niets doorgeven")
    TEAM_CHIEF = "teamchef", _("Mag doorgegeven worden aan de teamchef")
    VIK = "vik", _("Mag doorgegeven worden aan VIK")
    COMPLAINTS = "klachten", _("Mag doorgegeven worden aan de klachtencommissie")
