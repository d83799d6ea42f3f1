"""Choices of the catalogue: the batteries of the 'huis van werkvermogen', themes, audiences,
access routes and confidentiality."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Battery(models.TextChoices):
    VERSTERKEN = "versterken", _("Versterken")
    VOORKOMEN = "voorkomen", _("Voorkomen")
    HERSTELLEN = "herstellen", _("Herstellen")


BATTERY_HELP = {
    Battery.VERSTERKEN: _("Voor wie geen klachten heeft en sterker of fitter wil worden."),
    Battery.VOORKOMEN: _("Om te voorkomen dat klachten of letsel ontstaan of erger worden."),
    Battery.HERSTELLEN: _("Voor wie klachten of letsel heeft en wil herstellen."),
}


class Theme(models.TextChoices):
    MENTAAL = "mentaal", _("Mentaal")
    FYSIEK = "fysiek", _("Fysiek")
    SOCIAAL = "sociaal", _("Sociaal")
    FINANCIEEL = "financieel", _("Financieel")
    LOOPBAAN = "loopbaan", _("Loopbaan")
    WERKOMSTANDIGHEDEN = "werkomstandigheden", _("Werkomstandigheden")


class Audience(models.TextChoices):
    MEDEWERKER = "medewerker", _("Medewerker")
    LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")
    TEAM = "team", _("Team")
    THUISFRONT = "thuisfront", _("Thuisfront")
    OUD_MEDEWERKER = "oud-medewerker", _("Oud-medewerker")
    ZEDEN = "zeden-kinderpornorechercheurs", _("Zeden- en kinderpornorechercheurs")
    ASPIRANTEN = "aspiranten", _("Aspiranten")


class AccessRoute(models.TextChoices):
    ZELF_AANVRAGEN = "zelf_aanvragen", _("Zelf aanvragen")
    ZONDER_LEIDINGGEVENDE = "zonder_leidinggevende", _("Zonder tussenkomst van je leidinggevende")
    VIA_LEIDINGGEVENDE = "via_leidinggevende", _("Via je leidinggevende")
    VIA_VERWIJZING = "via_verwijzing", _("Alleen na verwijzing door de bedrijfsarts of eenheidspsycholoog")
    AUTOMATISCH = "automatisch", _("Wordt je automatisch aangeboden")


class Confidentiality(models.TextChoices):
    ANONIEM = "anoniem", _("Anoniem")
    VERTROUWELIJK = "vertrouwelijk", _("Vertrouwelijk")
    LEIDINGGEVENDE_BETROKKEN = "leidinggevende_betrokken", _("Je leidinggevende is betrokken")


#: What a visitor most wants to know first, in plain words (shown prominently on detail pages).
CONFIDENTIALITY_PROMISE = {
    Confidentiality.ANONIEM: _("Anoniem: niemand weet dat jij dit gebruikt."),
    Confidentiality.VERTROUWELIJK: _("Vertrouwelijk: je leidinggevende hoort hier niets van, tenzij jij dat wilt."),
    Confidentiality.LEIDINGGEVENDE_BETROKKEN: _("Je leidinggevende is hierbij betrokken."),
}


class EditionStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")


class ExpertTeam(models.TextChoices):
    VGW = "vgw", _("Veilig en Gezond Werken team")
    KERNDESKUNDIGEN = "kerndeskundigen", _("Kerndeskundigenteam")


class ChannelKind(models.TextChoices):
    """How a contact channel is reached."""

    PHONE = "telefoon", _("Telefoon")
    EMAIL = "e-mail", _("E-mail")
    WEBSITE = "website", _("Website")
    INTRANET = "intranet", _("Intranet")
    APP = "app", _("App")
    DESK = "loket", _("Loket of spreekuur")


#: The provisions whose phone channels are the help numbers of Direct hulp, the crisis block of the
#: self-tests and the header (catalogue.help_lines): one source, edited in the editor.
LOKET_PROVISION = "loket-politie-24-7"
TCO_PROVISION = "team-collegiale-ondersteuning"
#: Prikpunt, 24/7 after a needle-stick, splash, bite, cut or scratch incident (Zorgwijzer §4.6): a
#: sub-provision of "Bewustwording risico's politiewerk" since the corrected 2022/2023 edition.
PRIKPUNT = "prikpunt"
