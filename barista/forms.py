"""Forms of the Barista pages; every message is Dutch and shown at its field."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftercare.forms import EventMomentField, EventTypeField
from barista.constants import ImpactClass, SignalStatus
from barista.models import RULE_FIELDS, Absence, Exposure, ExposureType, RuleSet
from core import csv_import
from organisation.models import OrgNode, Person, Unit

#: An exposure older than this is outside every rule window and would never count.
OLDEST_EXPOSURE = timedelta(days=365)


class OutcomeForm(forms.Form):
    """One click: gesprek gevoerd, wilde niet, or doorverwezen naar a catalogue provision."""

    outcome = forms.ChoiceField(
        choices=[
            (s.value, s.label) for s in (SignalStatus.GESPREK, SignalStatus.WILDE_NIET, SignalStatus.DOORVERWEZEN)
        ],
        error_messages={
            "required": _("Kies wat er uit de uitnodiging is gekomen."),
            "invalid_choice": _("Kies een uitkomst uit de lijst."),
        },
    )
    provision = forms.ChoiceField(
        label=_("Doorverwezen naar"),
        required=False,
        error_messages={"invalid_choice": _("Kies een voorziening uit de lijst.")},
    )

    def __init__(self, *args: Any, provisions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.provision_names = dict(provisions)
        cast(forms.ChoiceField, self.fields["provision"]).choices = [("", _("Kies een voorziening")), *provisions]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == SignalStatus.DOORVERWEZEN and not data.get("provision"):
            self.add_error("provision", _("Kies naar welke voorziening je hebt doorverwezen."))
        return data


class ExposureForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Medewerker"),
        queryset=Person.objects.none(),
        empty_label=_("Kies een medewerker"),
        error_messages={
            "required": _("Kies de medewerker."),
            "invalid_choice": _("Je kunt voor deze medewerker niets vastleggen."),
        },
    )
    type = EventTypeField(queryset=ExposureType.objects.filter(is_active=True))
    occurred_at = EventMomentField(label=_("Datum en tijd"), required_message=_("Vul de datum en tijd in."))

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["person"]).queryset = people.select_related("team").order_by(
            "last_name", "first_name"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person, kind, moment = data.get("person"), data.get("type"), data.get("occurred_at")
        if person and kind and moment:
            minute = moment.replace(second=0, microsecond=0)
            same = Exposure.objects.filter(
                person=person, type=kind, occurred_at__gte=minute, occurred_at__lt=minute + timedelta(minutes=1)
            )
            if same.exists():
                self.add_error(
                    "occurred_at",
                    _("Deze gebeurtenis is al vastgelegd voor deze medewerker op dit moment. Zo telt die niet dubbel."),
                )
        return data

    def clean_occurred_at(self) -> Any:
        moment = self.cleaned_data["occurred_at"]
        now = timezone.now()
        if moment > now + timedelta(minutes=5):
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."), code="future")
        if moment < now - OLDEST_EXPOSURE:
            raise forms.ValidationError(
                _("Deze gebeurtenis is meer dan een jaar geleden; die telt niet meer mee."), code="too_old"
            )
        return moment


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand met gebeurtenissen (CSV)"),
        help_text=_("Een CSV-bestand in UTF-8 met ; of , als scheidingsteken. Zie de kolommen hieronder."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        csv_import.validate_upload_size(upload, settings.BARISTA_IMPORT_MAX_BYTES)
        return upload


class RulesForm(forms.ModelForm[RuleSet]):
    class Meta:
        model = RuleSet
        fields = list(RULE_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.IntegerField):
                # The model's bounds (validated by the form: _post_clean is skipped below).
                for validator in getattr(RuleSet._meta.get_field(name), "validators", []):
                    if isinstance(validator, MinValueValidator | MaxValueValidator):
                        field.validators.append(validator)
                        attr = "min" if isinstance(validator, MinValueValidator) else "max"
                        field.widget.attrs[attr] = validator.limit_value
                field.widget.attrs.setdefault("inputmode", "numeric")
                field.error_messages.update(
                    {
                        "required": _("Vul een getal in."),
                        "invalid": _("Vul een heel getal in."),
                        "min_value": _("Vul minstens %(limit_value)s in."),
                        "max_value": _("Vul hoogstens %(limit_value)s in."),
                    }
                )
        self.fields["count_n"].help_text = _("Hoeveel gebeurtenissen samen een uitnodiging geven (standaard 3).")
        self.fields["count_days"].help_text = _(
            "Binnen hoeveel dagen (standaard 30). Een gebeurtenis van precies zo veel dagen geleden telt mee."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reminder, escalation = data.get("reminder_days"), data.get("escalation_days")
        if reminder and escalation and escalation <= reminder:
            self.add_error(
                "escalation_days", _("De escalatie komt na de herinnering: kies meer dagen dan bij de herinnering.")
            )
        # A signal must last longer than every window and the cool-down: otherwise the same
        # events could invite again once it is deleted.
        longest = max(data.get("count_days") or 0, data.get("weight_days") or 0, data.get("cooldown_days") or 0)
        expiry = data.get("expiry_days")
        if expiry is not None and expiry < longest and "expiry_days" not in self.errors:
            self.add_error(
                "expiry_days",
                _(
                    "Een signaal moet minstens zo lang blijven als de langste periode hierboven (%(days)s dagen). "
                    "Anders kunnen dezelfde gebeurtenissen opnieuw een uitnodiging geven."
                )
                % {"days": longest},
            )
        return data

    def _post_clean(self) -> None:
        # The model's constraints need a unit and version, which the service sets; the field
        # validators above have run already.
        pass


class ExposureTypeForm(forms.ModelForm[ExposureType]):
    class Meta:
        model = ExposureType
        fields = ["name", "code", "weight", "impact_class", "is_active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["impact_class"]).choices = ImpactClass.choices
        self.fields["code"].help_text = _("Kleine letters, cijfers en streepjes. Deze code staat in importbestanden.")
        self.fields["code"].validators.append(
            RegexValidator(
                r"^[a-z0-9]+(-[a-z0-9]+)*$", _("Gebruik alleen kleine letters, cijfers en streepjes."), "invalid"
            )
        )
        if self.instance.pk:
            self.fields["code"].disabled = True  # imported files refer to it
        self.fields["name"].error_messages.update(
            {"required": _("Vul een naam in."), "unique": _("Er is al een soort met deze naam.")}
        )
        self.fields["code"].error_messages.update(
            {
                "required": _("Vul een code in."),
                "invalid": _("Gebruik alleen kleine letters, cijfers en streepjes."),
                "unique": _("Deze code is al in gebruik."),
            }
        )
        self.fields["weight"].error_messages.update(
            {
                "required": _("Vul een gewicht in."),
                "invalid": _("Vul een heel getal in."),
                "min_value": _("Het gewicht is minstens 1."),
                "max_value": _("Het gewicht is hoogstens 10."),
            }
        )
        self.fields["impact_class"].error_messages.update({"required": _("Kies een impactklasse.")})

    def validate_constraints(self, exclude: Any = None) -> None:
        # Field validators give the Dutch messages; the database constraint is the safety net.
        pass


class AbsenceForm(forms.ModelForm[Absence]):
    class Meta:
        model = Absence
        fields = ["person", "starts_on", "ends_on", "deputy"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, people: QuerySet[Person], deputies: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person_field = cast("forms.ModelChoiceField[Person]", self.fields["person"])
        person_field.queryset = people.order_by("last_name", "first_name")
        person_field.empty_label = _("Kies een medewerker")
        deputy_field = cast("forms.ModelChoiceField[Person]", self.fields["deputy"])
        deputy_field.queryset = deputies.order_by("last_name", "first_name")
        deputy_field.empty_label = _("Geen waarnemer")
        self.fields["deputy"].help_text = _(
            "Alleen voor een leidinggevende: wie de uitnodigingen ontvangt zolang die afwezig is. "
            "Zonder waarnemer gaan ze naar diens eigen leidinggevende."
        )
        for name in ("starts_on", "ends_on"):
            cast(forms.DateField, self.fields[name]).input_formats = ["%Y-%m-%d", "%d-%m-%Y"]
            self.fields[name].error_messages.update(
                {
                    "invalid": _("Vul een geldige datum in, bijvoorbeeld 25-11-2026."),
                    "required": _("Vul de eerste dag van de afwezigheid in."),
                }
            )
        self.fields["person"].error_messages.update(
            {
                "required": _("Kies de medewerker."),
                "invalid_choice": _("Je kunt voor deze medewerker niets vastleggen."),
            }
        )
        self.fields["deputy"].error_messages.update({"invalid_choice": _("Kies een leidinggevende uit de lijst.")})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("De laatste dag ligt vóór de eerste dag."))
        person, deputy = data.get("person"), data.get("deputy")
        if person and deputy and person.pk == deputy.pk:
            self.add_error("deputy", _("Iemand kan niet zijn eigen waarnemer zijn."))
        elif person and deputy and not _may_deputise(deputy, person):
            self.add_error(
                "deputy",
                _("Kies een leidinggevende uit dezelfde eenheid of iemand die boven deze medewerker staat."),
            )
        return data

    def validate_constraints(self, exclude: Any = None) -> None:
        pass


def _may_deputise(deputy: Person, person: Person) -> bool:
    """A deputy works in the same unit as the absent person, or is one of their managers above."""
    chain: set[int] = set()
    above = person.manager
    while above is not None and above.pk not in chain:
        chain.add(above.pk)
        above = above.manager
    same_unit = person.team is not None and deputy.team is not None and deputy.team.unit_id == person.team.unit_id
    return same_unit or deputy.pk in chain


class ScopeForm(forms.Form):
    """Where Barista is switched on: whole units, or single teams (the pilot). Nothing chosen: off."""

    units = forms.ModelMultipleChoiceField(
        label=_("Eenheden"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Barista staat aan voor alle teams van een gekozen eenheid."),
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=OrgNode.objects.select_related("unit").order_by("unit__name", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies losse teams, bijvoorbeeld de teams van een proef."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["teams"].label_from_instance = lambda team: f"{team.name} ({team.unit.name})"  # type: ignore[attr-defined]
        for name in ("units", "teams"):
            self.fields[name].error_messages["invalid_choice"] = _("Kies uit de lijst.")
            self.fields[name].error_messages["invalid_pk_value"] = _("Kies uit de lijst.")
