"""Forms of the recognition app; every problem is reported at its field, in Dutch."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from organisation.constants import NodeKind
from organisation.models import OrgNode, Person
from recognition import selectors
from recognition.constants import NominationStatus, Section

COLLEAGUE_HELP = _("Het personeelsnummer of het werk-e-mailadres van je collega.")


class ColleagueForm(forms.Form):
    """A form that names a colleague by employee number or e-mail (never a list of everyone)."""

    colleague = forms.CharField(
        label=_("Collega"),
        max_length=254,
        help_text=COLLEAGUE_HELP,
        error_messages={"required": _("Vul het personeelsnummer of het e-mailadres van je collega in.")},
    )

    def __init__(self, *args: Any, me: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.me = me
        self.person: Person | None = None

    def clean_colleague(self) -> str:
        text: str = self.cleaned_data["colleague"]
        person = selectors.find_colleague(text)
        if person is None:
            raise forms.ValidationError(_("We vinden geen collega in dienst met dit personeelsnummer of e-mailadres."))
        if person.pk == self.me.pk:
            raise forms.ValidationError(_("Kies een collega, niet jezelf."))
        self.person = person
        return text


class MedalNominationForm(ColleagueForm):
    reason = forms.CharField(
        label=_("Waarom verdient je collega de Eremedaille?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        help_text=_("Beschrijf wat je collega deed en waarom dat uitzonderlijk is."),
        error_messages={"required": _("Schrijf op waarom je je collega voordraagt.")},
    )


class BlueHeartForm(ColleagueForm):
    message = forms.CharField(
        label=_("Je bedankje"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=600,
        help_text=_("Waarvoor wil je je collega bedanken? Houd het kort."),
        error_messages={"required": _("Schrijf je bedankje.")},
    )


class TeamChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.unit.name})"


class TeamAwardForm(forms.Form):
    team = TeamChoiceField(
        label=_("Team"),
        queryset=OrgNode.objects.filter(kind=NodeKind.TEAM).select_related("unit").order_by("unit__name", "name"),
        empty_label=_("Kies een team"),
        error_messages={
            "required": _("Kies het team dat je wilt voordragen."),
            "invalid_choice": _("Kies een team uit de lijst."),
        },
    )
    reason = forms.CharField(
        label=_("Waarom verdient dit team de Team Award?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        error_messages={"required": _("Schrijf op waarom je dit team voordraagt.")},
    )


class NominationStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[(value, label) for value, label in NominationStatus.choices if value != NominationStatus.SUBMITTED],
    )

    def __init__(self, *args: Any, allowed: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"] = forms.ChoiceField(
            label=_("Nieuwe status"),
            choices=[(value, label) for value, label in NominationStatus.choices if value in allowed],
            error_messages={"invalid_choice": _("Deze stap kan nu niet.")},
        )


class PageForm(forms.Form):
    section = forms.ChoiceField(label=_("Onderdeel"), choices=Section.choices)
    title = forms.CharField(label=_("Titel"), max_length=120)
    summary = forms.CharField(label=_("Korte samenvatting"), max_length=240)
    body = forms.CharField(
        label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 10}), help_text=_("Laat een witregel tussen alinea's.")
    )
    how_to_join = forms.CharField(
        label=_("Meedoen of aanmelden"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
