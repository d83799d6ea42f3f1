"""Forms of the monitor app: campaigns, the questionnaire, measures of a Plan van Aanpak."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from monitor.constants import CampaignKind, MeasureStatus
from monitor.models import Campaign, Measure
from monitor.questionnaire import Questionnaire
from organisation.models import OrgNode, Unit


def _choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """A choice field of ``form`` by name, typed (``form.fields`` holds plain ``Field``)."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def _model_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """A model choice field of ``form`` by name, typed (``form.fields`` holds plain ``Field``)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Naam van de meting"), max_length=160)
    kind = forms.ChoiceField(label=_("Soort meting"), choices=CampaignKind.choices, widget=forms.RadioSelect)
    scales = forms.MultipleChoiceField(
        label=_("Schalen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen voor een tussenmeting. Een nulmeting vraagt altijd alle schalen."),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Eenheden"), queryset=Unit.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    nodes = forms.ModelMultipleChoiceField(
        label=_("Teams en afdelingen"),
        queryset=OrgNode.objects.none(),
        required=False,
        help_text=_("Een afdeling neemt alle teams eronder mee."),
    )
    opens_on = forms.DateField(label=_("Open vanaf"), widget=DateInput())
    closes_on = forms.DateField(label=_("Open tot en met"), widget=DateInput())
    previous = forms.ModelChoiceField(
        label=_("Vergelijken met de vorige meting"), queryset=Campaign.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        questionnaire: Questionnaire,
        units: QuerySet[Unit],
        nodes: QuerySet[OrgNode],
        campaigns: QuerySet[Campaign],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "scales").choices = questionnaire.scale_choices
        _model_field(self, "units").queryset = units
        _model_field(self, "nodes").queryset = nodes
        _model_field(self, "previous").queryset = campaigns
        self.all_scales = [slug for slug, _label in questionnaire.scale_choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("De einddatum ligt voor de begindatum."))
        if not data.get("units") and not data.get("nodes"):
            self.add_error("units", _("Kies ten minste één eenheid of team."))
        if data.get("kind") == CampaignKind.BASELINE:
            data["scales"] = self.all_scales
        elif not data.get("scales"):
            self.add_error("scales", _("Kies voor een tussenmeting ten minste één schaal."))
        return data


class MeasureForm(forms.ModelForm):
    scales = forms.MultipleChoiceField(
        label=_("Schalen waar de maatregel op werkt"), widget=forms.CheckboxSelectMultiple
    )
    provisions = forms.MultipleChoiceField(
        label=_("Voorzieningen uit de Zorgwijzer"),
        required=False,
        help_text=_("Optioneel. Je kunt er meer kiezen."),
    )

    class Meta:
        model = Measure
        fields = ["title", "description", "scales", "provisions", "owner", "due_on", "status"]
        widgets = {"due_on": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(
        self, *args: Any, scale_choices: list[tuple[str, str]], provision_choices: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "scales").choices = scale_choices
        _choice_field(self, "provisions").choices = provision_choices
        self.fields["provisions"].widget.attrs["size"] = 6


class MeasureEditForm(MeasureForm):
    """Every field of a measure after it was added, plus an optional new progress note (earlier
    notes stay as they were written: they are the history of the measure)."""

    note = forms.CharField(
        label=_("Nieuwe voortgangsnotitie"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optioneel. Schrijf over de maatregel, niet over personen."),
    )


class MeasureUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    note = forms.CharField(
        label=_("Voortgang"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Schrijf over de maatregel, niet over personen."),
    )
