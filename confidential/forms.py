"""The four questions of "Waar kan ik terecht?" as a GET form (works without JavaScript)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from confidential.constants import About, Danger, Forwarding, LineRoute, ManagerMayKnow, SupportOption, Want
from confidential.router import Answers
from organisation.models import OrgNode, Person, Unit


class RouterForm(forms.Form):
    gevaar = forms.ChoiceField(
        label=_("Is er nu iemand in gevaar, jijzelf of een ander?"), choices=Danger.choices, widget=forms.RadioSelect
    )
    wat = forms.ChoiceField(label=_("Wat wil je het liefst?"), choices=Want.choices, widget=forms.RadioSelect)
    over = forms.ChoiceField(label=_("Over wie of wat gaat het?"), choices=About.choices, widget=forms.RadioSelect)
    leidinggevende = forms.ChoiceField(
        label=_("Mag je leidinggevende ervan weten?"), choices=ManagerMayKnow.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        messages = {
            "gevaar": _("Kies of er nu iemand in gevaar is."),
            "wat": _("Kies wat je het liefst wilt."),
            "over": _("Kies over wie of wat het gaat."),
            "leidinggevende": _("Kies of je leidinggevende ervan mag weten."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
            self.fields[name].error_messages["invalid_choice"] = message

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(data["wat"], data["over"], data["leidinggevende"], data["gevaar"])


# --- Requests without the manager -------------------------------------------------------------


def _message_field(label: Any, help_text: Any) -> forms.CharField:
    """The optional free text of a request (to one reader, named in ``help_text``)."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=help_text,
        error_messages={"max_length": _("Houd het kort: hoogstens 2000 tekens.")},
    )


class McuForm(forms.Form):
    message = _message_field(
        _("Wil je iets vertellen over waarom je een gesprek wilt?"),
        _("Alleen de psycholoog leest dit. Schrijf geen medische gegevens op."),
    )


def _options_field(initial: list[str] | None = None) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Wat wil je van de vertrouwenspersoon?"),
        choices=SupportOption.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Je mag meer dan één ding kiezen. Je kunt dit later nog veranderen."),
        error_messages={"required": _("Kies minstens één vorm van ondersteuning.")},
        initial=initial,
    )


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A person by name, with their unit: "Sam de Vries (Eenheid Noord)"."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.team.unit.name})" if obj.team is not None else str(obj.full_name)


class VertrouwenspersoonForm(forms.Form):
    vertrouwenspersoon = PersonChoiceField(
        label=_("Vertrouwenspersoon"),
        queryset=Person.objects.none(),
        empty_label=_("Kies een vertrouwenspersoon"),
        error_messages={
            "required": _("Kies een vertrouwenspersoon."),
            "invalid_choice": _("Kies een vertrouwenspersoon uit de lijst."),
        },
    )
    message = _message_field(_("Wat wil je alvast vertellen?"), _("Alleen deze vertrouwenspersoon leest dit."))

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["options"] = _options_field()
        field = self.fields["vertrouwenspersoon"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = people
        self.order_fields(["vertrouwenspersoon", "options", "message"])


class OptionsForm(forms.Form):
    def __init__(self, *args: Any, initial_options: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["options"] = _options_field(initial_options)


class MediationForm(forms.Form):
    other_party = forms.CharField(
        label=_("Personeelsnummer van de collega"),
        max_length=20,
        help_text=_("Met wie wil je mediation? Deze collega krijgt de vraag of hij of zij mee wil doen."),
        error_messages={"required": _("Vul het personeelsnummer van je collega in.")},
    )
    topic = forms.CharField(
        label=_("Waar gaat het over? (in één zin)"),
        max_length=200,
        help_text=_("Je collega en de mediator lezen dit."),
        error_messages={
            "required": _("Schrijf in één zin waar het over gaat."),
            "max_length": _("Houd het kort: hoogstens 200 tekens."),
        },
    )
    message = _message_field(
        _("Wat wil je de mediator vertellen?"), _("Alleen de mediator leest dit, je collega niet.")
    )

    def clean_other_party(self) -> Person:
        number = self.cleaned_data["other_party"].strip()
        person = Person.objects.select_related("team").filter(employee_number=number, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("We vinden geen collega met dit personeelsnummer."))
        return person


class ConsentForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Wil je meedoen aan mediation?"),
        choices=[("ja", _("Ja, ik doe mee")), ("nee", _("Nee, liever niet"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of je mee wilt doen.")},
    )
    message = _message_field(
        _("Wat wil je de mediator vertellen?"), _("Alleen de mediator leest dit, je collega niet.")
    )


class ScheduleForm(forms.Form):
    appointment_at = forms.DateTimeField(
        label=_("Datum en tijd van het gesprek"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Vul de datum en tijd van het gesprek in."),
            "invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 25-11-2026 14:00."),
        },
    )
    place = forms.CharField(
        label=_("Waar of hoe (bijvoorbeeld een kamer, of een videogesprek)"),
        max_length=200,
        error_messages={"required": _("Vul in waar of hoe het gesprek is.")},
    )


class HeavyTeamForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=OrgNode.objects.none(),
        empty_label=_("Kies een team"),
        error_messages={"required": _("Kies een team."), "invalid_choice": _("Kies een team uit de lijst.")},
    )

    def __init__(self, *args: Any, teams: QuerySet[OrgNode], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["team"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = teams


# --- The anonymous line -----------------------------------------------------------------------


def _passphrase_field(help_text: Any = "") -> forms.CharField:
    """The vertrouwenspersoon's passphrase, which unlocks their key of the anonymous line."""
    return forms.CharField(
        label=_("Wachtzin"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=help_text,
        error_messages={"required": _("Vul je wachtzin in.")},
    )


class PassphraseForm(forms.Form):
    passphrase = _passphrase_field()


class PassphraseSetupForm(forms.Form):
    passphrase = forms.CharField(
        label=_("Kies een wachtzin"),
        strip=False,
        min_length=12,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens, bijvoorbeeld vier losse woorden. Niemand kan hem voor je terughalen."),
        error_messages={
            "required": _("Kies een wachtzin."),
            "min_length": _("Kies een wachtzin van minstens 12 tekens."),
        },
    )
    repeat = forms.CharField(
        label=_("Herhaal de wachtzin"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Herhaal de wachtzin.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("passphrase") and data.get("repeat") and data["passphrase"] != data["repeat"]:
            self.add_error("repeat", _("De twee wachtzinnen zijn niet gelijk."))
        return data


def _attachment_field() -> forms.FileField:
    return forms.FileField(
        label=_("Foto toevoegen"),
        required=False,
        help_text=_("Alleen JPEG of PNG. We halen gegevens zoals plaats en camera uit de foto."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )


class LineReportForm(forms.Form):
    route = forms.ChoiceField(
        label=_("Waarover wil je iets melden?"),
        choices=LineRoute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waarover je iets wilt melden.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Bij welke eenheid hoort het?"),
        queryset=Unit.objects.none(),
        empty_label=_("Kies een eenheid"),
        help_text=_("De vertrouwenspersonen van deze eenheid lezen je melding."),
        error_messages={"required": _("Kies een eenheid."), "invalid_choice": _("Kies een eenheid uit de lijst.")},
    )
    text = forms.CharField(
        label=_("Je bericht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Schrijf geen namen of details die jou herkenbaar maken, tenzij je dat wilt."),
        error_messages={
            "required": _("Schrijf je bericht."),
            "max_length": _("Je bericht is te lang: hoogstens 5000 tekens."),
        },
    )
    forwarding = forms.ChoiceField(
        label=_("Mag de vertrouwenspersoon iets doorgeven?"),
        choices=Forwarding.choices,
        initial=Forwarding.NOTHING,
        widget=forms.RadioSelect,
        help_text=_("Zonder jouw keuze geeft de vertrouwenspersoon niets door. Je kunt dit later veranderen."),
        error_messages={"required": _("Kies of er iets doorgegeven mag worden.")},
    )

    def __init__(self, *args: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by("name")
        self.fields["attachment"] = _attachment_field()


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Je meldcode"),
        max_length=60,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("De code van 24 tekens die je kreeg toen je je melding deed."),
        error_messages={"required": _("Vul je meldcode in.")},
    )


class ReporterReplyForm(forms.Form):
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=60)
    text = forms.CharField(
        label=_("Je antwoord"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": _("Je bericht is te lang: hoogstens 5000 tekens.")},
    )
    forwarding = forms.ChoiceField(
        label=_("Mag de vertrouwenspersoon iets doorgeven?"),
        choices=Forwarding.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of er iets doorgegeven mag worden.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachment"] = _attachment_field()


class RecipientReplyForm(forms.Form):
    passphrase = _passphrase_field(
        _("Nodig om je bericht voor de melder te versleutelen en het gesprek opnieuw te tonen.")
    )
    text = forms.CharField(
        label=_("Je vraag of antwoord aan de melder"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": _("Je bericht is te lang: hoogstens 5000 tekens.")},
    )
    support_option = forms.ChoiceField(
        label=_("Gekozen ondersteuning"),
        required=False,
        choices=[("", _("Nog niet gekozen")), *SupportOption.choices],
    )
    close = forms.BooleanField(label=_("Gesprek sluiten"), required=False)
