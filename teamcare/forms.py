"""Forms of the teamcare pages: every error at its field, in Dutch."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import csv_import
from organisation.models import OrgNode, Person
from teamcare import guide, periods
from teamcare.constants import DialogueGoal, DialogueKind, DialogueLevel, NoteKind, RouteKind, TrainingStatus
from teamcare.models import Facilitator


class TeamChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class PeriodForm(forms.Form):
    """The quarter of the signal pages (``?periode=2026-K2``); without the parameter: this quarter."""

    periode = forms.CharField(
        label=_("Periode"), widget=forms.Select, error_messages={"required": _("Kies een kwartaal.")}
    )

    def __init__(self, *args: Any, first: periods.Period, last: periods.Period, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first, self.last = first, last
        self.fields["periode"].widget.choices = [  # type: ignore[attr-defined]
            (choice.code, choice.label) for choice in periods.span(first, last)
        ]

    def clean_periode(self) -> periods.Period:
        return periods.validate(self.cleaned_data["periode"], first=self.first, last=self.last)


class NoteForm(forms.Form):
    team = TeamChoice(label=_("Team"), queryset=OrgNode.objects.none(), empty_label=None)
    kind = forms.ChoiceField(
        label=_("Soort"), choices=NoteKind.choices, widget=forms.RadioSelect, initial=NoteKind.LOGBOEK
    )
    text = forms.CharField(
        label=_("Wat valt je op?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Alleen jij leest dit, tot je het deelt met je HR-adviseur. Schrijf geen medische informatie op."),
    )

    def __init__(self, *args: Any, teams: QuerySet[OrgNode], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]


class RouteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Route"), choices=RouteKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label=_("Waar gaat het over?"), max_length=160, help_text=_("Een korte titel die alleen jij ziet.")
    )


class RouteStepsForm(forms.Form):
    """One checkbox and one note per step of the route."""

    def __init__(self, *args: Any, steps: tuple[guide.Item, ...], saved: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, text in steps:
            current = saved.get(code, {})
            self.fields[f"{code}_done"] = forms.BooleanField(
                label=str(text), required=False, initial=current.get("done", False)
            )
            self.fields[f"{code}_note"] = forms.CharField(
                label=_("Aantekening"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.get("note", ""),
            )
        self.steps = steps

    def rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"{code}_done"], self[f"{code}_note"]) for code, _text in self.steps]

    def steps_data(self) -> dict[str, dict[str, Any]]:
        data = self.cleaned_data
        return {code: {"done": bool(data[f"{code}_done"]), "note": data[f"{code}_note"]} for code, _text in self.steps}


class ChecklistForm(forms.Form):
    early = forms.MultipleChoiceField(
        label=_("Eerste signalen in het team"),
        choices=guide.EARLY_SIGNALS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    neglect = forms.MultipleChoiceField(
        label=_("Signalen van verwaarlozing"),
        choices=guide.NEGLECT_SYMPTOMS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    overload = forms.MultipleChoiceField(
        label=_("Signalen bij jezelf als teamchef"),
        choices=guide.OVERLOAD_SIGNALS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class DialogueRequestForm(forms.Form):
    team = TeamChoice(label=_("Team"), queryset=OrgNode.objects.none(), empty_label=None)
    kind = forms.ChoiceField(label=_("Soort gesprek"), choices=DialogueKind.choices, widget=forms.RadioSelect)
    level = forms.ChoiceField(label=_("Niveau"), choices=DialogueLevel.choices, widget=forms.RadioSelect)
    goals = forms.MultipleChoiceField(
        label=_("Doelen"),
        choices=DialogueGoal.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies de doelen samen met de procesbegeleiders; je kunt er meer kiezen."),
        error_messages={"required": _("Kies minstens één doel.")},
    )

    def __init__(self, *args: Any, teams: QuerySet[OrgNode], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]


class PersonChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)


class FacilitatorChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        team = obj.person.team.name if obj.person.team_id else "–"
        return f"{obj.person.full_name} ({team}, {obj.get_training_display().lower()})"


class DialoguePlanForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Datum en tijd"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    place = forms.CharField(label=_("Plaats"), max_length=160)
    participants = PersonChoices(
        label=_("Deelnemers"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies wie je uitnodigt.")},
    )
    facilitators = FacilitatorChoices(
        label=_("Procesbegeleiders"),
        queryset=Facilitator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Precies twee getrainde procesbegeleiders, niet uit het team zelf."),
        error_messages={"required": _("Kies precies twee procesbegeleiders.")},
    )

    def __init__(
        self, *args: Any, people: QuerySet[Person], pool: QuerySet[Facilitator], team_id: int, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = people  # type: ignore[attr-defined]
        self.fields["facilitators"].queryset = pool  # type: ignore[attr-defined]
        self.team_id = team_id
        maximum = settings.TEAMCARE_DIALOGUE_MAX_PARTICIPANTS
        self.fields["participants"].help_text = _("Hoogstens %(max)s mensen.") % {"max": maximum}

    def clean_starts_at(self) -> Any:
        value = self.cleaned_data["starts_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Kies een moment in de toekomst."))
        return value

    def clean(self) -> dict[str, Any]:
        from teamcare.services import DialogueRefused, dialogue_check

        data = super().clean() or {}
        participants = list(data.get("participants") or [])
        facilitators = list(data.get("facilitators") or [])
        if "participants" in self.errors or "facilitators" in self.errors:
            return data
        try:
            dialogue_check(team_id=self.team_id, participants=participants, facilitators=facilitators)
        except DialogueRefused as refused:
            self.add_error(refused.field, refused.message)
        return data


class FacilitatorForm(forms.Form):
    employee_number = forms.CharField(label=_("Personeelsnummer"), max_length=20)
    training = forms.ChoiceField(label=_("Training"), choices=TrainingStatus.choices, widget=forms.RadioSelect)
    trained_on = forms.DateField(label=_("Getraind op"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_employee_number(self) -> Person:
        number = self.cleaned_data["employee_number"].strip()
        person = Person.objects.filter(employee_number=number, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Er is geen medewerker in dienst met dit personeelsnummer."))
        return person

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("training") == TrainingStatus.GETRAIND and not data.get("trained_on"):
            self.add_error("trained_on", _("Vul in wanneer de training is afgerond."))
        return data


SCORES = [(str(value), str(value)) for value in range(1, 6)]


class EvaluationForm(forms.Form):
    openness = forms.TypedChoiceField(
        label=_("Kon je open praten? (1 = helemaal niet, 5 = helemaal wel)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label=_("Had je er iets aan? (1 = helemaal niet, 5 = heel veel)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )


class CheckupForm(forms.Form):
    held_on = forms.DateField(label=_("Gehouden op"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, question in guide.CHECKUP_QUESTIONS:
            self.fields[code] = forms.CharField(
                label=str(question), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
            )

    def clean_held_on(self) -> Any:
        value = self.cleaned_data["held_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Een check-up kan niet in de toekomst gehouden zijn."))
        return value

    def answers(self) -> dict[str, str]:
        return {code: self.cleaned_data[code] for code, _question in guide.CHECKUP_QUESTIONS}


class IncidentForm(forms.Form):
    team = TeamChoice(label=_("Team"), queryset=OrgNode.objects.none(), empty_label=None)
    description = forms.CharField(
        label=_("Wat speelt er?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Schrijf geen namen of medische informatie op."),
    )
    follow_up = forms.CharField(
        label=_("Vervolgstap"),
        max_length=300,
        error_messages={"required": _("Iedere gebeurtenis of spanning krijgt een vervolgstap.")},
    )
    follow_up_due = forms.DateField(
        label=_("Vervolgstap uiterlijk op"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Kies een datum voor de vervolgstap.")},
    )

    def __init__(self, *args: Any, teams: QuerySet[OrgNode], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]

    def clean_follow_up_due(self) -> Any:
        value = self.cleaned_data["follow_up_due"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Kies vandaag of een datum later."))
        return value


class AbsenceImportForm(forms.Form):
    file = forms.FileField(
        label=_("Verzuimbestand (CSV)"),
        help_text=_("Kolommen: teamcode, periode, verzuimpercentage, meldingsfrequentie."),
    )

    def clean_file(self) -> UploadedFile:
        """Refuse a large file before it is read into memory (as the other imports do)."""
        upload: UploadedFile = self.cleaned_data["file"]
        csv_import.validate_upload_size(upload, settings.TEAMCARE_ABSENCE_IMPORT_MAX_BYTES)
        return upload


class ReportingNormForm(forms.Form):
    """The team's reporting norm: one incident per line."""

    MAX_ITEMS = 12
    MAX_LENGTH = 200

    items = forms.CharField(
        label=_("Wat meldt dit team altijd?"),
        max_length=MAX_ITEMS * (MAX_LENGTH + 2),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Zet minstens één soort incident op een regel.")},
        help_text=_(
            "Zet elk soort incident op een eigen regel, bijvoorbeeld 'Geweld tegen een collega'. Hoogstens 12 regels. "
            "Schrijf geen namen of medische informatie op."
        ),
    )

    def clean_items(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["items"].splitlines()]
        items = [line for line in lines if line]
        if not items:
            raise forms.ValidationError(_("Zet minstens één soort incident op een regel."), code="empty")
        if len(items) > self.MAX_ITEMS:
            raise forms.ValidationError(
                _("Dit zijn %(count)s regels. Houd de lijst kort: hoogstens %(max)s.")
                % {"count": len(items), "max": self.MAX_ITEMS},
                code="too_many",
            )
        too_long = [item for item in items if len(item) > self.MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Een regel mag hoogstens %(max)s tekens hebben. Maak deze regel korter: '%(line)s…'")
                % {"max": self.MAX_LENGTH, "line": too_long[0][:40]},
                code="too_long",
            )
        seen: set[str] = set()
        for item in items:
            if item.casefold() in seen:
                raise forms.ValidationError(
                    _("'%(line)s' staat er twee keer in.") % {"line": item[:80]}, code="duplicate"
                )
            seen.add(item.casefold())
        return items
