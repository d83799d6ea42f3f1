"""Forms of the aftercare pages; every message is Dutch and shown at its field. The fields for
an event's type and moment are shared with Barista's manual entry (``barista.forms``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftercare.constants import (
    POSTVENTION_TEMPLATE,
    Beroepsrisico,
    CheckInLevel,
    ReferralTarget,
    Severity,
    StepCondition,
    StepKind,
    StepOwner,
)
from aftercare.models import CheckIn, EventType
from organisation.models import Person

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
#: An event registered long after the fact is no longer a case for acute aftercare.
OLDEST_EVENT = timedelta(days=365)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format=DATETIME_FORMAT)


class EventMomentField(forms.DateTimeField):
    """The date and time of an event, typed in local time (``TIME_ZONE``).

    When summer time ends, 02:00-03:00 occurs twice (Europe/Amsterdam, last Sunday of October).
    Django refuses such a time as ambiguous; an event then did happen, so it is read as the first
    occurrence (summer time, ``fold=0``). A time in the hour skipped in spring stays refused."""

    def __init__(self, *, label: StrOrPromise, required_message: StrOrPromise, **kwargs: Any) -> None:
        super().__init__(
            label=label,
            input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
            widget=DateTimeLocalInput(),
            error_messages={
                "required": required_message,
                "invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 25-11-2026 23:00."),
            },
            **kwargs,
        )

    def to_python(self, value: Any) -> datetime | None:
        try:
            return super().to_python(value)
        except ValidationError as error:
            # Django's refusal carries the naive local time it could not place.
            naive = (error.params or {}).get("datetime") if error.code == "ambiguous_timezone" else None
            first = _first_occurrence(naive) if isinstance(naive, datetime) else None
            if first is None:
                raise
            return first


def _first_occurrence(naive: datetime) -> datetime | None:
    """``naive`` in the current time zone when it is a repeated wall-clock time, else None (a
    time that does not exist). PEP 495: in a repeat fold=0 has the larger offset, in a gap the smaller."""
    zone = timezone.get_current_timezone()
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    offsets = first.utcoffset(), second.utcoffset()
    if offsets[0] is None or offsets[1] is None or offsets[0] <= offsets[1]:
        return None
    # In UTC: an aware time inside a fold never compares equal to one in another zone (PEP 495).
    return first.astimezone(UTC)


class EventTypeField(forms.ModelChoiceField[Any]):
    """The type of an event, from ``queryset`` (aftercare's event types or Barista's exposure types)."""

    def __init__(self, *, queryset: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(
            label=_("Soort gebeurtenis"),
            queryset=queryset,
            empty_label=_("Kies een soort gebeurtenis"),
            error_messages={
                "required": _("Kies de soort gebeurtenis."),
                "invalid_choice": _("Kies een soort uit de lijst."),
            },
            **kwargs,
        )


def _grouped_event_types() -> list[Any]:
    """The types grouped: violence against police officers (§2.4) and other impactful events."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for event_type in EventType.objects.filter(is_active=True):
        groups.setdefault(event_type.get_category_display(), []).append((event_type.pk, event_type.display_name))
    return [("", _("Kies een soort gebeurtenis")), *groups.items()]


class RegisterForm(forms.Form):
    """At most six required fields (Arq aspect 3: little administrative load); four are required."""

    occurred_at = EventMomentField(
        label=_("Datum en tijd van de gebeurtenis"),
        required_message=_("Vul de datum en tijd van de gebeurtenis in."),
    )
    kind = EventTypeField(queryset=EventType.objects.filter(is_active=True))
    severity = forms.ChoiceField(
        label=_("Ernst"),
        choices=Severity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe ernstig de gebeurtenis was.")},
    )
    involved = forms.ModelMultipleChoiceField(
        label=_("Betrokken medewerkers"),
        queryset=Person.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": _("Kies ten minste één betrokken medewerker."),
            "invalid_choice": _("Je kunt deze medewerker niet aanmelden."),
            "invalid_pk_value": _("Je kunt deze medewerker niet aanmelden."),
        },
    )
    note = forms.CharField(
        label=_("Korte toelichting"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Geen medische informatie. Hoogstens 500 tekens."),
        error_messages={"max_length": _("De toelichting mag hoogstens 500 tekens zijn.")},
    )
    beroepsrisico = forms.ChoiceField(
        label=_("Opvolging door Team Beroepsrisico"),
        required=False,
        choices=[("", _("Niet nodig")), *Beroepsrisico.choices],
        help_text=_("Alleen de soort wordt vastgelegd."),
    )
    gtpa_casemanager = forms.BooleanField(
        label=_("Opvolging door de casemanager geweld tegen politie (GTPA)"),
        required=False,
        help_text=_(
            "Deze casemanager helpt bij de aangifte en bij het verhalen van schade op de dader. "
            "Bij geweld tegen politie gebeurt dit altijd."
        ),
    )
    property_damage = forms.BooleanField(
        label=_("Er is schade aan persoonlijke spullen, zoals een bril, horloge of kleding"),
        required=False,
        help_text=_("Alleen bij geweld tegen politie: de casemanager neemt de schade dan ook in behandeling."),
    )
    confirm_duplicate = forms.BooleanField(label=_("Ja, dit is een nieuwe gebeurtenis. Toch opslaan."), required=False)

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        involved = self.fields["involved"]
        assert isinstance(involved, forms.ModelMultipleChoiceField)
        involved.queryset = people
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ModelChoiceField)
        kind.choices = _grouped_event_types()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind is not None and kind.template_code == POSTVENTION_TEMPLATE and (data.get("note") or "").strip():
            # The team members' plans never show anything about the deceased colleague.
            self.add_error(
                "note",
                _("Schrijf bij een suïcide van een collega niets over de overledene op. Laat dit veld leeg."),
            )
        return data

    def clean_occurred_at(self) -> Any:
        value = self.cleaned_data["occurred_at"]
        now = timezone.now()
        if value > now + timedelta(minutes=5):
            raise forms.ValidationError(_("De gebeurtenis kan niet in de toekomst liggen."))
        if value < now - OLDEST_EVENT:
            raise forms.ValidationError(_("De gebeurtenis ligt meer dan een jaar terug."))
        return value


#: The questions of a structured check-in, one per theme (asked in the supporter's own words).
CHECK_IN_QUESTIONS: dict[str, StrOrPromise] = {
    "sleep": _("Slapen: hoe slaapt je collega?"),
    "reliving": _("Terugdenken: komt de gebeurtenis steeds terug, in beelden, dromen of gedachten?"),
    "avoidance": _("Vermijden: gaat je collega plekken, mensen of gesprekken uit de weg?"),
    "support_home": _("Steun thuis: is er thuis iemand om mee te praten?"),
    "support_work": _("Steun op het werk: voelt je collega zich gesteund door team en leidinggevende?"),
    "substances": _("Alcohol of medicijnen: gebruikt je collega meer dan anders om zich beter te voelen?"),
    "work": _("Werken: lukt het werk zoals voor de gebeurtenis?"),
}

#: Steps that record a date, with the label of their date field.
DATED_LABELS: dict[str, StrOrPromise] = {
    StepKind.INVESTIGATION: _("Datum van de aanvraag bij het psychotraumacentrum"),
    StepKind.AANGIFTE: _("Datum van de aangifte"),
}


class StepCompleteForm(forms.Form):
    """Completing a step. The evaluation needs the answer about complaints, the referral its
    target and date; every other step has no fields. Ids carry the step, names do not, so the
    forms of several steps on one page stay apart."""

    complaints_persist = forms.TypedChoiceField(
        label=_("Zijn er na vier tot zes weken nog stressklachten?"),
        required=False,
        choices=[("ja", _("Ja, doorverwijzen naar professionele zorg")), ("nee", _("Nee"))],
        coerce=lambda value: value == "ja",
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Geef aan of er nog stressklachten zijn.")},
    )
    referral_target = forms.ChoiceField(
        label=_("Doorverwezen naar"),
        required=False,
        choices=[("", _("Kies")), *ReferralTarget.choices],
        error_messages={
            "required": _("Kies naar wie is doorverwezen."),
            "invalid_choice": _("Kies een verwijzing uit de lijst."),
        },
    )
    referral_date = forms.DateField(
        label=_("Datum doorverwijzing"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            "required": _("Vul de datum van de doorverwijzing in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )

    action_date = forms.DateField(
        label=_("Datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")},
    )

    # The home-front step stores only that the information was given (the step is then done), no text.
    home_front_info_given = forms.BooleanField(
        label=_("Ik heb de informatie en de folder voor het thuisfront gegeven"),
        required=False,
        error_messages={"required": _("Vink aan dat je de informatie voor het thuisfront hebt gegeven.")},
    )

    reason = forms.CharField(
        label=_("Waarom rond je deze stap nu al af?"),
        required=False,
        max_length=300,
        help_text=_("Deze stap is pas later aan de beurt. Schrijf kort op waarom hij nu al klaar is."),
        error_messages={
            "required": _("Schrijf op waarom je deze stap nu al afrondt."),
            "max_length": _("Houd het kort: hoogstens 300 tekens."),
        },
    )
    note = forms.CharField(
        label=_("Korte notitie (mag leeg blijven)"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld wat je hebt afgesproken. Geen medische informatie."),
        error_messages={"max_length": _("Houd het kort: hoogstens 200 tekens.")},
    )
    confirm = forms.BooleanField(
        label=_("Ja, deze stap is gedaan"),
        required=True,
        error_messages={"required": _("Vink aan dat deze stap echt gedaan is. Daarna wordt hij afgerond.")},
    )

    def __init__(self, *args: Any, step: Any, **kwargs: Any) -> None:
        from aftercare.services import completes_early

        kwargs.setdefault("auto_id", f"stap-{step.pk}-%s")
        super().__init__(*args, **kwargs)
        self.step = step
        if step.kind == StepKind.EVALUATION:
            self.fields["complaints_persist"].required = True
        if step.kind == StepKind.REFERRAL:
            self.fields["referral_target"].required = True
            self.fields["referral_date"].required = True
        if step.kind == StepKind.HOME_FRONT:
            self.fields["home_front_info_given"].required = True
            # Its own tick box says what was done; a second one would ask the same twice.
            self.fields["confirm"].required = False
        if step.kind in DATED_LABELS:
            self.fields["action_date"].required = True
            self.fields["action_date"].label = DATED_LABELS[step.kind]
        if step.kind == StepKind.CHECK_IN:
            # The structured conversation: one question per theme, the supporter's summary.
            for theme in CheckIn.THEMES:
                self.fields[theme] = forms.ChoiceField(
                    label=CHECK_IN_QUESTIONS[theme],
                    choices=CheckInLevel.choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Kies hoe het hiermee gaat.")},
                )
            self.order_fields(list(CheckIn.THEMES))
        if completes_early(step):
            self.fields["reason"].required = True

    @property
    def check_in_answers(self) -> dict[str, str] | None:
        if self.step.kind != StepKind.CHECK_IN:
            return None
        return {theme: self.cleaned_data[theme] for theme in CheckIn.THEMES}

    @property
    def visible_fields_for_step(self) -> list[Any]:
        """The fields this step asks for: what the step itself needs, a reason when it is early,
        a short note, and the confirmation (the home-front step's own tick box confirms it)."""
        optional = {"note"} | ({"confirm"} if self.step.kind != StepKind.HOME_FRONT else set())
        return [self[name] for name, field in self.fields.items() if field.required or name in optional]


class AssignSupporterForm(forms.Form):
    supporter = forms.ModelChoiceField(
        label=_("Collegiaal ondersteuner"),
        queryset=Person.objects.none(),
        empty_label=_("Kies een collegiaal ondersteuner"),
        error_messages={
            "required": _("Kies een collegiaal ondersteuner."),
            "invalid_choice": _("Deze collegiaal ondersteuner kan niet worden gekozen voor dit plan."),
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, supporters: list[Person], capacity: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["supporter"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Person.objects.filter(pk__in=[p.pk for p in supporters])
        # Each supporter with their current load, so the coordinator spreads the work.
        loads = {p.pk: getattr(p, "open_cases", None) for p in supporters}

        def label(person: Person) -> str:
            count = loads.get(person.pk)
            if count is None or capacity is None:
                return person.full_name
            return _("%(name)s (%(count)s van %(capacity)s plannen lopend)") % {
                "name": person.full_name,
                "count": count,
                "capacity": capacity,
            }

        field.label_from_instance = label  # type: ignore[method-assign,assignment]


class BoardFilterForm(forms.Form):
    """Filters of the coordinator's board (GET; every field optional)."""

    alleen = forms.ChoiceField(
        label=_("Laat zien"),
        required=False,
        choices=[
            ("", _("Alle lopende plannen")),
            ("te-laat", _("Alleen plannen met een verlopen termijn")),
            ("zonder-ondersteuner", _("Alleen plannen zonder ondersteuner")),
        ],
        error_messages={"invalid_choice": _("Kies een van de mogelijkheden.")},
    )
    zoek = forms.CharField(label=_("Zoek op naam"), required=False, max_length=120)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Alleen zichtbaar voor jou en de coördinator. Geen medische informatie."),
        error_messages={
            "required": _("Schrijf eerst een notitie."),
            "max_length": _("Een notitie mag hoogstens 2000 tekens zijn."),
        },
    )


class EvaluationForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Welk rapportcijfer geef je de opvang en nazorg?"),
        choices=[(str(n), str(n)) for n in range(1, 11)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Anoniem: je cijfer wordt zonder je naam bewaard."),
        error_messages={"required": _("Kies een cijfer van 1 tot en met 10.")},
    )


# --- Template editor (functioneel beheerder) -------------------------------------------------


class TemplateForm(forms.Form):
    """The name of a template version, in Dutch and English."""

    name = forms.CharField(
        label=_("Naam van het sjabloon"),
        max_length=120,
        error_messages={"required": _("Geef het sjabloon een naam."), "max_length": _("Hoogstens 120 tekens.")},
    )
    name_en = forms.CharField(
        label=_("Naam in het Engels"),
        required=False,
        max_length=120,
        help_text=_("Leeg: wie Zorgwijzer in het Engels gebruikt, ziet de Nederlandse naam."),
        error_messages={"max_length": _("Hoogstens 120 tekens.")},
    )


#: The longest term a step may have: one year after the event.
MAX_STEP_HOURS = 365 * 24


class TemplateStepForm(forms.Form):
    """One step of a template; an empty row is skipped, a ticked "verwijderen" drops the step."""

    kind = forms.ChoiceField(
        label=_("Soort stap"),
        choices=[
            ("", _("Kies")),
            *[(k, v) for k, v in StepKind.choices if k not in ("doorverwijzing", "contactverzoek", "thuisfront")],
        ],
        error_messages={"required": _("Kies de soort stap."), "invalid_choice": _("Kies een soort uit de lijst.")},
    )
    owner = forms.ChoiceField(
        label=_("Wie doet het"),
        choices=[("", _("Kies")), *StepOwner.choices],
        error_messages={"required": _("Kies wie de stap doet."), "invalid_choice": _("Kies iemand uit de lijst.")},
    )
    due_after_hours = forms.IntegerField(
        label=_("Termijn in uren na de gebeurtenis"),
        min_value=0,
        max_value=MAX_STEP_HOURS,
        help_text=_("Bijvoorbeeld 24 voor een dag, 72 voor dag 3, 168 voor week 1, 672 voor week 4."),
        error_messages={
            "required": _("Vul de termijn in uren in."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("De termijn kan niet negatief zijn."),
            "max_value": _("Hoogstens een jaar (8760 uur)."),
        },
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=160,
        error_messages={"required": _("Vul de titel van de stap in."), "max_length": _("Hoogstens 160 tekens.")},
    )
    title_en = forms.CharField(
        label=_("Titel in het Engels"),
        required=False,
        max_length=160,
        error_messages={"max_length": _("Hoogstens 160 tekens.")},
    )
    only_when = forms.ChoiceField(label=_("Wanneer"), required=False, choices=StepCondition.choices)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # The operational debriefing is the operational leidinggevende's (Zorgwijzer §3.2).
        if data.get("kind") == StepKind.DEBRIEFING and data.get("owner") not in (None, "", StepOwner.MANAGER):
            self.add_error("owner", _("De operationele debriefing doet de leidinggevende. Kies Leidinggevende."))
        return data


def _step_formset_class() -> type[forms.BaseFormSet[TemplateStepForm]]:
    return forms.formset_factory(TemplateStepForm, extra=2, can_delete=True, max_num=40, validate_max=True)


TemplateStepFormSet = _step_formset_class()


class EventTypeForm(forms.Form):
    """An event type: its names, the template its plans are made from, and whether it is in use."""

    name = forms.CharField(
        label=_("Naam"),
        max_length=120,
        error_messages={"required": _("Vul de naam in."), "max_length": _("Hoogstens 120 tekens.")},
    )
    name_en = forms.CharField(
        label=_("Naam in het Engels"),
        required=False,
        max_length=120,
        error_messages={"max_length": _("Hoogstens 120 tekens.")},
    )
    template_code = forms.ChoiceField(
        label=_("Sjabloon"),
        required=False,
        error_messages={"invalid_choice": _("Kies een sjabloon uit de lijst.")},
    )
    is_active = forms.BooleanField(label=_("In gebruik bij het melden"), required=False)

    def __init__(self, *args: Any, templates: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["template_code"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Het standaardsjabloon")), *templates]
