"""Forms of the casework pages: every error at its field, in Dutch."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftercare.models import Plan
from casework import buddies, workflow
from casework.constants import Decision, Stage
from casework.models import Buddy
from organisation.models import Person, Unit

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConsentForm(forms.Form):
    agree = forms.BooleanField(
        label=_("Ik geef Team Beroepsrisico toestemming om mijn zaak op te pakken."),
        help_text=_("Je kunt deze toestemming altijd weer intrekken."),
        error_messages={"required": _("Vink aan dat je toestemming geeft.")},
    )


class AdvanceForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Naar fase"), choices=(), widget=forms.RadioSelect)
    happened_on = forms.DateField(
        label=_("Datum"),
        widget=_DATE,
        help_text=_("Wanneer gebeurde dit, bijvoorbeeld de dag van registratie of van het besluit?"),
        error_messages={"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")},
    )
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("", _("Nog geen besluit")), *Decision.choices],
        required=False,
        help_text=_("Alleen bij de fase Erkenningsbesluit."),
    )
    rationale = forms.CharField(
        label=_("Toelichting"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De medewerker leest dit ook. Schrijf geen medische gegevens op."),
        error_messages={"required": _("Schrijf kort op waarom de zaak naar deze fase gaat.")},
    )

    def __init__(self, *args: Any, stage: str, decision: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        targets = set(workflow.allowed_targets(stage, decision))
        choices = [(value, label) for value, label in Stage.choices if value in targets]
        self.fields["to_stage"].choices = choices  # type: ignore[attr-defined]
        self.fields["to_stage"].error_messages["required"] = _("Kies de fase.")
        self.fields["to_stage"].error_messages["invalid_choice"] = _("Deze zaak kan niet naar die fase.")
        if not self.is_bound:
            self.initial.setdefault("happened_on", timezone.localdate())


class EmployeeChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class BuddyForm(forms.Form):
    employee_number = forms.CharField(
        label=_("Personeelsnummer van de collega"),
        max_length=20,
        error_messages={"required": _("Vul het personeelsnummer in.")},
    )
    unit = EmployeeChoice(label=_("Buddypoule van eenheid"), queryset=Unit.objects.none(), empty_label=None)
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=30,
        required=False,
        help_text=_("Zo kan de medewerker de buddy bereiken. Het e-mailadres komt uit de personeelsgegevens."),
    )
    training_completed_on = forms.DateField(
        label=_("Opleiding afgerond op"),
        required=False,
        widget=_DATE,
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    last_intervision_on = forms.DateField(
        label=_("Laatste intervisie op"),
        required=False,
        widget=_DATE,
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    is_active = forms.BooleanField(label=_("Actief in de poule"), required=False, initial=True)

    def __init__(self, *args: Any, units: QuerySet[Unit], buddy: Buddy | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person: Person | None = None
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if buddy is not None:
            # The colleague and the pool of an existing buddy do not change here.
            del self.fields["employee_number"]
            del self.fields["unit"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        number = (cleaned.get("employee_number") or "").strip()
        unit = cleaned.get("unit")
        if number and unit is not None:
            self.person = Person.objects.filter(employee_number=number, is_active=True, team__unit=unit).first()
            if self.person is None:
                self.add_error("employee_number", _("In deze eenheid werkt niemand met dit personeelsnummer."))
        return cleaned


class PlanChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.person.full_name} – {obj.event.kind.name} ({obj.event.occurred_at:%d-%m-%Y})"


class BuddyChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        today = timezone.localdate()
        if not buddies.is_trained(obj, today):
            status = _("opleiding niet afgerond")
        elif buddies.intervision_overdue(obj, today):
            status = _("intervisie te laat")
        else:
            status = _("kan gekoppeld worden")
        return f"{obj.person.full_name} ({obj.unit.name}): {status}"


class MatchForm(forms.Form):
    plan = PlanChoice(
        label=_("Medewerker"),
        queryset=Plan.objects.none(),
        help_text=_("Medewerkers met letsel of ziekte door het werk, bij wie Team Beroepsrisico is aangegeven."),
        error_messages={
            "required": _("Kies een medewerker."),
            "invalid_choice": _("Kies een medewerker uit de lijst."),
        },
    )
    buddy = BuddyChoice(
        label=_("Buddy"),
        queryset=Buddy.objects.none(),
        help_text=_("Alleen een buddy met een afgeronde opleiding en intervisie die bij is, kan gekoppeld worden."),
        error_messages={"required": _("Kies een buddy."), "invalid_choice": _("Kies een buddy uit de lijst.")},
    )
    agreed = forms.BooleanField(
        label=_("De medewerker wil een buddy en vindt het goed dat de buddy zijn of haar naam krijgt."),
        error_messages={"required": _("Koppel alleen als de medewerker dat wil: vink dit aan.")},
    )

    def __init__(self, *args: Any, plans: QuerySet[Plan], pool: QuerySet[Buddy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        self.fields["buddy"].queryset = pool.filter(is_active=True)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        plan, buddy = cleaned.get("plan"), cleaned.get("buddy")
        today = timezone.localdate()
        if buddy is not None and not buddies.is_matchable(buddy, today):
            if not buddies.is_trained(buddy, today):
                self.add_error(
                    "buddy", _("Deze buddy heeft de opleiding nog niet afgerond en kan niet gekoppeld worden.")
                )
            else:
                self.add_error(
                    "buddy",
                    _(
                        "De intervisie van deze buddy is te laat (uiterlijk %(date)s). "
                        "Koppel eerst na een nieuwe intervisie."
                    )
                    % {"date": f"{buddies.intervision_due_on(buddy):%d-%m-%Y}"},
                )
        elif plan is not None and buddy is not None:
            if buddy.person_id == plan.person_id:
                self.add_error("buddy", _("Een medewerker kan niet zijn eigen buddy zijn."))
            elif plan.unit_id is not None and buddy.unit_id != plan.unit_id:
                self.add_error("buddy", _("Deze buddy hoort bij de poule van een andere eenheid."))
        return cleaned
