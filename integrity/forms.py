"""Forms of the integrity app; every refusal is a Dutch message at the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from integrity import survey
from integrity.constants import (
    Allocation,
    Audience,
    GroupKind,
    KeepResults,
    ReportCategory,
    SessionType,
    SignalSource,
    Stage,
    Theme,
)
from integrity.models import Card
from organisation.models import Unit

THEME_CHOICES = [("", _("Alle thema's")), *Theme.choices]


class LibraryFilterForm(forms.Form):
    thema = forms.ChoiceField(label=_("Thema"), choices=THEME_CHOICES, required=False)
    zoek = forms.CharField(label=_("Zoek in de kaarten"), max_length=80, required=False)


class CardEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Titel"), max_length=160)
    theme = forms.ChoiceField(label=_("Thema"), choices=Theme.choices)
    text = forms.CharField(label=_("Tekst van de kaart"), widget=forms.Textarea(attrs={"rows": 4}))
    options = forms.CharField(
        label=_("Antwoorden"),
        help_text=_("Eén antwoord per regel, twee tot vier antwoorden."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    prompts = forms.CharField(
        label=_("Gespreksvragen voor de begeleider"),
        help_text=_("Eén vraag per regel."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    rules = forms.CharField(
        label=_("Regels die gelden"), help_text=_("Eén regel per regel."), widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: Any, card: Card, **kwargs: Any) -> None:
        self.card = card
        super().__init__(*args, **kwargs)

    def clean_options(self) -> list[dict[str, str]]:
        labels = [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]
        if not 2 <= len(labels) <= 4:
            raise forms.ValidationError(_("Geef twee tot vier antwoorden, elk op een eigen regel."))
        if len({label.lower() for label in labels}) != len(labels):
            raise forms.ValidationError(_("Elk antwoord mag maar één keer voorkomen."))
        # Keep the stored keys of answers that stay, so sessions made earlier keep their meaning.
        keys = [item["key"] for item in self.card.options]
        by_label = {item["label"]: item["key"] for item in self.card.options}
        free = iter(k for k in ("a", "b", "c", "d", "e", "f", "g", "h") if k not in keys)
        return [{"key": by_label.get(label) or next(free), "label": label} for label in labels]


class SessionCreateForm(forms.Form):
    title = forms.CharField(label=_("Naam van de sessie"), max_length=120)
    cards = forms.ModelMultipleChoiceField(
        label=_("Kaarten"),
        help_text=_("Kies de kaarten die je wilt bespreken. Ze komen in deze volgorde."),
        queryset=Card.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    seats = forms.IntegerField(
        label=_("Hoeveel mensen doen er mee?"),
        help_text=_(
            "Tel de mensen in de zaal. Er kunnen dan niet meer telefoons meedoen dan dit aantal, zodat niemand "
            "stiekem vaker stemt. Je kunt het later nog aanpassen. Laat je het leeg, dan is er geen grens."
        ),
        min_value=3,
        max_value=500,
        required=False,
        error_messages={
            "min_value": _("Een sessie is voor minstens 3 mensen."),
            "max_value": _("Een sessie is voor hoogstens 500 mensen."),
            "invalid": _("Vul een getal in."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["cards"]
        field.label_from_instance = lambda card: f"{card.get_theme_display()}: {card.title}"  # type: ignore[attr-defined]


class SessionStepForm(forms.Form):
    step = forms.ChoiceField(
        choices=[
            ("open", "open"),
            ("onthullen", "onthullen"),
            ("volgende", "volgende"),
            ("sluiten", "sluiten"),
            ("plaatsen", "plaatsen"),
        ]
    )
    keep = forms.ChoiceField(
        label=_("Wat bewaren we na afloop?"), choices=KeepResults.choices, required=False, widget=forms.RadioSelect
    )
    seats = forms.IntegerField(
        label=_("Aantal plaatsen"),
        min_value=3,
        max_value=500,
        required=False,
        error_messages={
            "min_value": _("Een sessie is voor minstens 3 mensen."),
            "max_value": _("Een sessie is voor hoogstens 500 mensen."),
            "invalid": _("Vul een getal in."),
        },
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("step") == "sluiten" and not cleaned.get("keep"):
            self.add_error("keep", _("Kies of de verdeling per kaart bewaard blijft of dat alles weg mag."))
        if cleaned.get("step") == "plaatsen" and not cleaned.get("seats") and "seats" not in self.errors:
            self.add_error("seats", _("Vul in hoeveel mensen er meedoen."))
        return cleaned


class SeatsForm(forms.Form):
    """Only renders the number of seats on the session page (``SessionStepForm`` validates the post)."""

    seats = forms.IntegerField(
        label=_("Aantal plaatsen"),
        help_text=_(
            "Komt er iemand bij? Zet het aantal hoger. Lager dan het aantal telefoons dat al meedoet kan niet."
        ),
        min_value=3,
        max_value=500,
    )


class SessionCloseForm(forms.Form):
    """Only renders the choice on the close form (``SessionStepForm`` validates the post)."""

    keep = forms.ChoiceField(
        label=_("Wat bewaren we na afloop?"), choices=KeepResults.choices, widget=forms.RadioSelect
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code van de sessie"),
        max_length=8,
        help_text=_("De code staat op het scherm van de begeleider."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class VoteForm(forms.Form):
    option = forms.ChoiceField(label=_("Jouw antwoord"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, options: list[dict[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["option"]
        field.choices = [(item["key"], item["label"]) for item in options]  # type: ignore[attr-defined]
        field.error_messages["required"] = _("Kies een antwoord.")


YES_DOUBT_NO = [("ja", _("Ja")), ("twijfel", _("Ik twijfel")), ("nee", _("Nee"))]


class DilemmaCheckForm(forms.Form):
    """The four self-questions and the three requirements (GET: nothing is stored)."""

    motive = forms.ChoiceField(
        label=_("1. Wat wil je weten of doen, en waarom?"),
        choices=[
            ("werk", _("Mijn werk vraagt erom")),
            ("persoonlijk", _("Het gaat om iemand die ik ken, of om mijzelf")),
            ("nieuwsgierig", _("Ik ben nieuwsgierig")),
            ("voordeel", _("Ik heb er zelf voordeel van")),
        ],
        widget=forms.RadioSelect,
    )
    allowed = forms.ChoiceField(
        label=_("2. Mag dit?"),
        choices=[("ja", _("Ja, dat weet ik zeker")), ("weet-niet", _("Ik weet het niet zeker")), ("nee", _("Nee"))],
        widget=forms.RadioSelect,
    )
    interest = forms.ChoiceField(
        label=_("3. In wiens belang doe je dit?"),
        choices=[
            ("werk", _("Van het werk of van de burger")),
            ("bekende", _("Van iemand die ik ken")),
            ("eigen", _("Van mijzelf")),
        ],
        widget=forms.RadioSelect,
    )
    intention = forms.ChoiceField(
        label=_("4. Ga je het doen, niet doen, of bespreek je het eerst?"),
        choices=[
            ("doen", _("Ik wil het doen")),
            ("niet", _("Ik doe het niet")),
            ("bespreken", _("Ik bespreek het eerst")),
        ],
        widget=forms.RadioSelect,
    )
    care = forms.ChoiceField(
        label=_("Zorgvuldig: heb je gedacht aan de rechten en belangen van iedereen die ermee te maken heeft?"),
        choices=YES_DOUBT_NO,
        widget=forms.RadioSelect,
    )
    explain = forms.ChoiceField(
        label=_("Uitlegbaar: kun je je keuze later goed uitleggen, bijvoorbeeld aan je leidinggevende?"),
        choices=YES_DOUBT_NO,
        widget=forms.RadioSelect,
    )
    steady = forms.ChoiceField(
        label=_("Standvastig: kun je verleiding of druk van anderen weerstaan?"),
        choices=YES_DOUBT_NO,
        widget=forms.RadioSelect,
    )
    other_person = forms.ChoiceField(
        label=_("Gaat het om gedrag van een ander dat over jouw grens gaat?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        widget=forms.RadioSelect,
    )
    misconduct = forms.ChoiceField(
        label=_("Denk je dat iemand de regels overtreedt of een strafbaar feit pleegt?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        widget=forms.RadioSelect,
    )
    manager_ok = forms.ChoiceField(
        label=_("Kun je het met je leidinggevende bespreken?"),
        choices=[("ja", _("Ja")), ("nee", _("Liever niet"))],
        widget=forms.RadioSelect,
    )


class ChangeReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Wat is er veranderd?"), choices=ReportCategory.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        help_text=_("Schrijf kort wat er veranderd is. Je leidinggevende leest dit."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Controlecode"), max_length=20, help_text=_("Bijvoorbeeld ABCDE-23456."))


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("Wat heb je met de melding gedaan?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class SessionRequestForm(forms.Form):
    group_name = forms.CharField(label=_("Naam van je team, afdeling of ploeg"), max_length=120)
    group_kind = forms.ChoiceField(label=_("Soort groep"), choices=GroupKind.choices, widget=forms.RadioSelect)
    audience = forms.ChoiceField(label=_("Voor wie is de sessie?"), choices=Audience.choices, widget=forms.RadioSelect)
    session_type = forms.ChoiceField(label=_("Soort sessie"), choices=SessionType.choices, widget=forms.RadioSelect)
    learning_questions = forms.CharField(
        label=_("Leervragen"),
        max_length=2000,
        help_text=_("Wat wil de groep leren of bespreken? Schrijf de vragen zo concreet mogelijk op."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    conditions = forms.BooleanField(
        label=_("Ik heb de voorwaarden gelezen en ga ermee akkoord."),
        required=True,
        error_messages={"required": _("Je kunt een sessie pas aanvragen als je akkoord gaat met de voorwaarden.")},
    )


class PlanForm(forms.Form):
    planned_for = forms.DateField(label=_("Datum van de sessie"), widget=forms.DateInput(attrs={"type": "date"}))


CHECKLIST = {
    "rr_firearm": _("Een vuurwapen is gebruikt en iemand is overleden of gewond geraakt."),
    "rr_confrontation": _("Bij een andere confrontatie is iemand overleden of zwaar gewond geraakt."),
    "rr_arrestee": _("Een arrestant is overleden of zwaar gewond geraakt."),
    "rr_corruption": _("Het gaat om een vermoeden van corruptie."),
}


class SignalForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Eenheid"), queryset=Unit.objects.none())
    source = forms.ChoiceField(label=_("Hoe kwam het signaal binnen?"), choices=SignalSource.choices)
    summary = forms.CharField(
        label=_("Samenvatting"),
        max_length=4000,
        help_text=_("Beschrijf feiten, geen oordelen. Noem alleen namen als dat nodig is."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk
        for name, label in CHECKLIST.items():
            self.fields[name] = forms.BooleanField(label=label, required=False)

    def checklist(self) -> dict[str, bool]:
        return {name: bool(self.cleaned_data.get(name)) for name in CHECKLIST}


class DecisionForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect)
    allocation = forms.ChoiceField(
        label=_("Wie doet het onderzoek?"),
        choices=[("", _("Nog niet van toepassing")), *Allocation.choices],
        required=False,
    )
    participants = forms.CharField(
        label=_("Wie namen deel aan de triage?"),
        max_length=1000,
        required=False,
        help_text=_("Verplicht bij een besluit in de fase triage."),
    )
    rationale = forms.CharField(
        label=_("Onderbouwing"),
        max_length=4000,
        help_text=_("Verplicht bij elk besluit: waarom kies je dit?"),
        error_messages={"required": _("Schrijf op waarom je dit besluit. Zonder onderbouwing geen besluit.")},
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, stages: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [(stage, _DECISION_LABELS[stage]) for stage in stages]  # type: ignore[attr-defined]


_DECISION_LABELS: dict[str, Any] = {
    Stage.TRIAGE: _("Start de triage"),
    Stage.PREPARATION: _("Toewijzen en voorbereiden"),
    Stage.EXECUTION: _("Start de uitvoering"),
    Stage.LINE: _("Terugleggen bij de lijn"),
    Stage.RIJKSRECHERCHE: _("Doorverwijzen naar de Rijksrecherche"),
    Stage.DONE: _("Afronden"),
}


class SurveyRoundForm(forms.Form):
    title = forms.CharField(
        label=_("Naam van de periode"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Screeningsgesprekken eerste kwartaal."),
        error_messages={"required": _("Geef de periode een naam.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Eenheid"),
        queryset=Unit.objects.none(),
        error_messages={"required": _("Kies de eenheid."), "invalid_choice": _("Kies een eenheid uit de lijst.")},
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk


class SurveyCloseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik weet dat er na het sluiten geen antwoorden meer bij kunnen"),
        error_messages={"required": _("Vink aan dat je de periode echt wilt sluiten.")},
    )


class SurveyForm(forms.Form):
    """The eleven questions, each with a fixed list of answers; every question needs an answer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(survey.QUESTIONS, start=1):
            self.fields[question.key] = forms.ChoiceField(
                label=f"{number}. {question.text}",
                choices=question.answers,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies een antwoord bij deze vraag."),
                    "invalid_choice": _("Kies een van de antwoorden bij deze vraag."),
                },
            )

    def answers(self) -> dict[str, str]:
        return {question.key: self.cleaned_data[question.key] for question in survey.QUESTIONS}
