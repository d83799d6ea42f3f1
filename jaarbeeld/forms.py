"""Forms of the jaarbeeld pages; every error in Dutch at its field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jaarbeeld.constants import EditionStatus, Nature
from jaarbeeld.models import Edition, Indicator
from organisation.models import Unit


class UnitChoiceForm(forms.Form):
    eenheid = forms.ModelChoiceField(
        label=_("Eenheid"),
        queryset=Unit.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("Kies een eenheid"),
    )


class CompareForm(forms.Form):
    van = forms.TypedChoiceField(label=_("Eerdere editie"), coerce=int)
    naar = forms.TypedChoiceField(label=_("Latere editie"), coerce=int)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        years = [(e.year, str(e.year)) for e in Edition.objects.order_by("year")]
        self.fields["van"].choices = years  # type: ignore[attr-defined]
        self.fields["naar"].choices = years  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("van") is not None and data.get("van") == data.get("naar"):
            self.add_error("naar", _("Kies een andere editie dan de eerdere."))
        return data


class EditionCreateForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)

    def clean_jaar(self) -> int:
        year: int = self.cleaned_data["jaar"]
        if Edition.objects.filter(year=year).exists():
            raise forms.ValidationError(_("Voor dit jaar bestaat al een editie."))
        return year


class RoundForm(forms.Form):
    held_on = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    body = forms.CharField(label=_("Overleg of gremium"), max_length=200)
    subject = forms.CharField(label=_("Onderwerp"), max_length=300, required=False)
    outcome = forms.CharField(label=_("Uitkomst"), max_length=300, required=False)


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("Nieuwe status"), choices=EditionStatus.choices)
    evaluation_on = forms.DateField(
        label=_("Evaluatie op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Nodig als de editie definitief wordt."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("to") == EditionStatus.DEFINITIEF and not data.get("evaluation_on"):
            self.add_error("evaluation_on", _("Vul de datum van de evaluatie in."))
        evaluation = data.get("evaluation_on")
        if evaluation and evaluation < dt.date(2000, 1, 1):
            self.add_error("evaluation_on", _("Vul een geldige datum in."))
        return data


class StatementForm(forms.Form):
    text = forms.CharField(label=_("Tekst"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    nature = forms.ChoiceField(label=_("Aard"), choices=Nature.choices, initial=Nature.FEIT)
    indicator = forms.ModelChoiceField(
        label=_("Indicator bij deze uitspraak"),
        queryset=Indicator.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Geen indicator"),
    )


StatementFormSet = forms.formset_factory(StatementForm, extra=2, max_num=40, absolute_max=40)


class ThreadStatementForm(StatementForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["indicator"]


ThreadFormSet = forms.formset_factory(ThreadStatementForm, extra=2, max_num=40, absolute_max=40)


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("Kolommen: indicator, jaar, eenheid, waarde, bron; optioneel richting, aard, duiding."),
    )
