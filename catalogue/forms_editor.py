"""Forms of the editor. They only parse input; the editorial rules live in catalogue/services.py
and their Dutch messages are shown at the field they belong to."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Field
from django.utils.translation import gettext_lazy as _

from catalogue.channels import channel_errors
from catalogue.constants import Battery, ChannelKind
from catalogue.models import TRANSLATED_FIELDS, Edition, Provision
from catalogue.services import BATTERY_FIELDS, NEEDS_BATTERY, NEEDS_CONTACT_ROUTE, PROVISION_FIELDS
from organisation.models import Unit


def _model_field(name: str, **kwargs: Any) -> Any:
    """The form field Django derives from the model field, so labels and limits stay in one place."""
    model_field = Provision._meta.get_field(name)
    assert isinstance(model_field, Field)
    return model_field.formfield(**kwargs)


class EditionCreateForm(forms.Form):
    source = forms.ModelChoiceField(
        label=_("Kopie van"), queryset=Edition.objects.order_by("-published_at", "-code"), empty_label=None
    )
    code = forms.SlugField(
        label=_("Code"), max_length=20, help_text=_("Bijvoorbeeld 2023-2024. Komt in het webadres van de editie.")
    )
    title = forms.CharField(label=_("Titel"), max_length=120, help_text=_("Bijvoorbeeld Zorgwijzer 2023/2024."))


#: The translation fields, shown together under their own heading (empty: the Dutch text is shown).
ENGLISH_FIELDS: tuple[str, ...] = tuple(f"{name}_en" for name in TRANSLATED_FIELDS)


class ProvisionForm(forms.Form):
    name = _model_field("name")
    slug = _model_field(
        "slug",
        help_text=_("Het webadres. Houd het gelijk aan de vorige editie, dan herkent de vergelijking de voorziening."),
    )
    summary = _model_field("summary", widget=forms.Textarea(attrs={"rows": 2}))
    description = _model_field("description", widget=forms.Textarea(attrs={"rows": 6}))
    how_to_start = _model_field(
        "how_to_start",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=True,
        error_messages={"required": NEEDS_CONTACT_ROUTE},
        help_text=_("De contactroute: wie je benadert, welk nummer of welke website."),
    )
    batteries = forms.MultipleChoiceField(
        label=_("Onderdeel van het huis van werkvermogen"),
        choices=Battery.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": NEEDS_BATTERY},
    )
    access_route = _model_field("access_route")
    confidentiality = _model_field("confidentiality")
    provider = _model_field("provider")
    availability = _model_field("availability")
    cost = _model_field("cost")
    waiting_time = _model_field("waiting_time")
    themes = _model_field("themes", widget=forms.CheckboxSelectMultiple)
    audiences = _model_field("audiences", widget=forms.CheckboxSelectMultiple)
    keywords = _model_field("keywords", widget=forms.Textarea(attrs={"rows": 2}))
    sections = _model_field("sections")
    name_en = _model_field("name_en")
    summary_en = _model_field("summary_en", widget=forms.Textarea(attrs={"rows": 2}))
    description_en = _model_field("description_en", widget=forms.Textarea(attrs={"rows": 6}))
    how_to_start_en = _model_field("how_to_start_en", widget=forms.Textarea(attrs={"rows": 2}))
    provider_en = _model_field("provider_en")
    availability_en = _model_field("availability_en")
    cost_en = _model_field("cost_en")
    waiting_time_en = _model_field("waiting_time_en")
    parent = forms.ModelChoiceField(
        label=_("Hoort bij"), queryset=Provision.objects.none(), required=False, empty_label=_("(geen: zelfstandig)")
    )
    related = forms.ModelMultipleChoiceField(
        label=_("Zie ook"), queryset=Provision.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, edition: Edition, provision: Provision | None = None, **kwargs: Any) -> None:
        if provision is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(provision)
        super().__init__(*args, **kwargs)
        others = Provision.objects.filter(edition=edition).order_by("name")
        if provision is not None:
            others = others.exclude(pk=provision.pk)
        parent_field: Any = self.fields["parent"]
        parent_field.queryset = others.filter(parent__isnull=True)
        related_field: Any = self.fields["related"]
        related_field.queryset = others

    def dutch_fields(self) -> list[Any]:
        return [field for field in self if field.name not in ENGLISH_FIELDS]

    def english_fields(self) -> list[Any]:
        return [self[name] for name in ENGLISH_FIELDS]

    def add_service_errors(self, error: ValidationError) -> None:
        """Show the service's rule violations at the fields they name."""
        for name, messages in error.message_dict.items():
            self.add_error(name if name in self.fields else None, messages)


def initial_for(provision: Provision) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(provision, name) for name in PROVISION_FIELDS}
    initial["batteries"] = [name for name in BATTERY_FIELDS if getattr(provision, name)]
    initial["parent"] = provision.parent_id
    for name in ("themes", "audiences", "related"):
        initial[name] = list(getattr(provision, name).all())
    return initial


class ChannelForm(forms.Form):
    """One contact channel of a provision. An untouched empty row is ignored."""

    kind = forms.ChoiceField(label=_("Soort"), choices=ChannelKind.choices)
    unit = forms.ModelChoiceField(
        label=_("Eenheid"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        empty_label=_("(iedereen)"),
        help_text=_("Kies een eenheid als dit kanaal alleen voor de mensen van die eenheid is."),
    )
    label = forms.CharField(label=_("Naam"), max_length=160, required=False)
    value = forms.CharField(
        label=_("Gegevens"),
        max_length=300,
        required=False,
        help_text=_("Het nummer, adres, de link of de plek op intranet."),
    )
    availability = forms.CharField(label=_("Bereikbaar"), max_length=120, required=False)

    def has_changed(self) -> bool:
        """A new row whose text fields are empty is untouched, whatever its select boxes show."""
        if not self.initial and not any(self[name].data for name in ("label", "value", "availability")):
            return False
        return super().has_changed()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.cleaned_data.get("DELETE"):
            return cleaned
        for name, message in channel_errors(cleaned).items():
            self.add_error(name, str(message))
        return cleaned


ChannelFormSet = forms.formset_factory(ChannelForm, extra=1, can_delete=True)
CHANNEL_PREFIX = "kanaal"


def channel_formset(data: Any = None, provision: Provision | None = None) -> Any:
    initial = [
        {"kind": c.kind, "unit": c.unit_id, "label": c.label, "value": c.value, "availability": c.availability}
        for c in (provision.channels.order_by("position", "pk") if provision is not None else [])
    ]
    return ChannelFormSet(data, initial=initial, prefix=CHANNEL_PREFIX)


def channels_of(formset: Any) -> list[dict[str, Any]]:
    """The cleaned channels of a valid formset, without deleted and untouched empty rows."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.has_changed()
    ]


class ConfirmForm(forms.Form):
    """An empty POST form: the confirmation button of publishing and deleting."""


class EditionCompareForm(forms.Form):
    """The public 'wat is er nieuw' choice: two published editions (GET, so the result has a link)."""

    van = forms.ChoiceField(label=_("Van editie"))
    naar = forms.ChoiceField(label=_("Naar editie"))

    def __init__(self, *args: Any, editions: list[Edition], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(edition.code, edition.title) for edition in editions]
        for name in ("van", "naar"):
            field: Any = self.fields[name]
            field.choices = choices
            field.error_messages["invalid_choice"] = _("Kies een gepubliceerde editie.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("van") and cleaned.get("van") == cleaned.get("naar"):
            self.add_error("naar", _("Kies twee verschillende edities."))
        return cleaned
