"""Choices of the complaints app: how a complaint came in, its stages, verdicts and contact attempts.

``access.complaints`` reads the stage groups below (access may import only constants of apps)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    DIRECT = "direct", _("Rechtstreeks")
    UNION = "vakbond", _("Via een vakbond")
    REPRESENTATIVE = "vertegenwoordiger", _("Via een vertegenwoordiger")


class Stage(models.TextChoices):
    RECEIVED = "ontvangen", _("Ontvangen")
    INFORMAL = "informeel_gesprek", _("Informeel gesprek")
    INTAKE = "intake", _("Intake")
    MEDIATION_OFFERED = "bemiddeling_aangeboden", _("Bemiddeling aangeboden")
    MEDIATION_ACCEPTED = "bemiddeling_aanvaard", _("Bemiddeling aanvaard")
    MEDIATION_REFUSED = "bemiddeling_geweigerd", _("Bemiddeling geweigerd")
    VIEWS_REQUESTED = "zienswijzen_gevraagd", _("Zienswijzen gevraagd")
    VIEWS_RECEIVED = "zienswijzen_ontvangen", _("Zienswijzen ontvangen")
    COMMITTEE = "commissie", _("Bij de klachtencommissie")
    DECISION = "besluit", _("Besluit")
    COMMUNICATED = "medegedeeld", _("Besluit meegedeeld")
    CLOSED = "afgesloten", _("Afgesloten")
    TO_CONFIDANT = "naar_vertrouwenspersoon", _("Overgedragen aan de vertrouwenspersoon")
    TO_LEADERSHIP = "naar_leiding", _("Overgedragen aan de leiding")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")
    CONSIDERED_WITHDRAWN = "beschouwd_als_ingetrokken", _("Beschouwd als ingetrokken")
    OTHER_PROCEDURE = "andere_procedure", _("Andere procedure of rechtszaak")


#: The ways out that any open complaint may take.
EXIT_STAGES: frozenset[str] = frozenset(
    {
        Stage.TO_CONFIDANT,
        Stage.TO_LEADERSHIP,
        Stage.WITHDRAWN,
        Stage.CONSIDERED_WITHDRAWN,
        Stage.OTHER_PROCEDURE,
    }
)
#: Stages in which a complaint is finished: it gets a closing date and counts for retention.
FINAL_STAGES: frozenset[str] = frozenset({Stage.CLOSED, *EXIT_STAGES})


class Verdict(models.TextChoices):
    FOUNDED = "gegrond", _("Gegrond")
    UNFOUNDED = "ongegrond", _("Ongegrond")
    NO_OPINION = "geen_oordeel", _("Geen oordeel")
    INADMISSIBLE = "niet_ontvankelijk", _("Niet-ontvankelijk")
    NOT_HANDLED = "niet_behandeld", _("Niet behandeld")


class ContactKind(models.TextChoices):
    CALL = "call", _("Gebeld")
    SMS = "sms", _("Sms gestuurd")
    MAIL = "mail", _("Mail gestuurd")


class ContactOutcome(models.TextChoices):
    NO_REPLY = "geen_reactie", _("Geen reactie")
    REACHED = "bereikt", _("Contact gehad")


class DocumentKind(models.TextChoices):
    LETTER = "klachtbrief", _("Klachtbrief")
    INTAKE_REPORT = "intakeverslag", _("Verslag van de intake")
    VIEWS = "zienswijze", _("Zienswijze")
    ADVICE = "advies", _("Advies van de klachtencommissie")
    DECISION = "besluit", _("Besluit")
    OTHER = "overig", _("Ander stuk")


class NoticeKind(models.TextChoices):
    REMINDER = "herinnering", _("Herinnering")
    ESCALATION = "escalatie", _("Termijn verstreken")
