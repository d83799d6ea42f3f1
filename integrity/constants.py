"""Choices of the integrity app (labels translatable, stored values Dutch)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """The twelve themes of the VIK dilemma cards (seed 003, L50–102 and L338–545)."""

    INFORMATION = "informatie", _("Omgaan met informatie")
    SOCIAL_MEDIA = "social-media", _("Social media")
    OFF_DUTY = "vrije-tijd", _("Gedrag in je vrije tijd")
    EQUIPMENT = "dienstmiddelen", _("Gebruik van dienstmiddelen")
    FORCE = "geweld", _("Geweldgebruik")
    SIDE_ACTIVITIES = "nevenwerk", _("Nevenwerkzaamheden")
    REPRESENTATIVENESS = "representativiteit", _("Representativiteit")
    GIFTS = "geschenken", _("Geschenken")
    UNWANTED_BEHAVIOUR = "omgangsvormen", _("Ongewenste omgangsvormen")
    SAFE_CLIMATE = "werkklimaat", _("Veilig werkklimaat")
    TRUTHFUL_REPORTING = "waarheidsgetrouw", _("Waarheidsgetrouw opschrijven")
    SUBSTANCES = "middelen", _("Alcohol, drugs en medicijnen")


class CardKind(models.TextChoices):
    STATEMENT = "stelling", _("Stelling")
    DILEMMA = "dilemma", _("Dilemma")


class SessionStatus(models.TextChoices):
    DRAFT = "concept", _("Nog niet geopend")
    OPEN = "open", _("Open")
    CLOSED = "gesloten", _("Gesloten")


class CardState(models.TextChoices):
    WAITING = "wachten", _("Nog niet aan de beurt")
    VOTING = "stemmen", _("Stemmen")
    REVEALED = "onthuld", _("Uitslag getoond")


class KeepResults(models.TextChoices):
    KEEP = "bewaren", _("Bewaar alleen de verdeling per kaart")
    DISCARD = "wissen", _("Bewaar niets")


class ReportCategory(models.TextChoices):
    """The six kinds of change an employee reports (seed 003, L1884–1897)."""

    CIVIL_STATUS = "burgerlijke-staat", _("Verandering in je burgerlijke staat")
    RECORDS = "justitiele-gegevens", _("Justitiële gegevens en politiegegevens")
    ADDICTION = "verslaving", _("Verslaving of afhankelijkheid")
    FINANCES = "financien", _("Belangrijke verandering in je geldzaken")
    SIDE_ACTIVITIES = "nevenactiviteiten", _("Nieuwe betaalde of onbetaalde nevenactiviteiten")
    ONLINE = "online", _("Social media en online activiteiten")


class SessionType(models.TextChoices):
    AWARENESS = "bewustwording", _("Bewustwordingssessie integriteit")
    CODE = "beroepscode", _("Sessie over de beroepscode")
    DILEMMAS = "dilemmatraining", _("Dilemmatraining")


class GroupKind(models.TextChoices):
    TEAM = "team", _("Team")
    DEPARTMENT = "afdeling", _("Afdeling")
    SHIFT = "ploeg", _("Ploeg")


class Audience(models.TextChoices):
    """Who the session is for, in the priority order agreed with the team chief (seed 003, L814–819)."""

    PO21 = "po21", _("PO21")
    BLUE = "blauw", _("Blauw (operationeel) team")
    MANAGERS = "leidinggevenden", _("Leidinggevenden")
    OTHER = "overig", _("Ander team")


#: Lower number = planned first.
AUDIENCE_PRIORITY: dict[str, int] = {Audience.PO21: 1, Audience.BLUE: 2, Audience.MANAGERS: 3, Audience.OTHER: 4}


class RequestStatus(models.TextChoices):
    RECEIVED = "ontvangen", _("Ontvangen")
    PLANNED = "gepland", _("Gepland")


class SignalSource(models.TextChoices):
    REPORT = "melding", _("Melding van een medewerker")
    MANAGER = "leidinggevende", _("Signaal van een leidinggevende")
    LMM = "lmm", _("Melding via LMM")
    OTHER = "anders", _("Anders")


class Stage(models.TextChoices):
    """Intake → triage → preparation → execution (seed 003, L909), and the two ways out."""

    INTAKE = "intake", _("Intake")
    TRIAGE = "triage", _("Triage")
    PREPARATION = "voorbereiding", _("Voorbereiding")
    EXECUTION = "uitvoering", _("Uitvoering")
    LINE = "lijn", _("Teruggelegd bij de lijn")
    RIJKSRECHERCHE = "rijksrecherche", _("Doorverwezen naar de Rijksrecherche")
    DONE = "afgerond", _("Afgerond")


class Allocation(models.TextChoices):
    UNIT = "eenheid", _("Eenheid")
    NATIONAL = "landelijk", _("Landelijk team")
