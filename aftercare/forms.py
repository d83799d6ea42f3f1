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

from aftercare.constants import Beroepsrisico, ReferralTarget, Severity, StepKind
from aftercare.models import EventType
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
        groups.setdefault(event_type.get_category_display(), []).append((event_type.pk, event_type.name))
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
    gtpa_casemanager = forms.BooleanField(label=_("Opvolging door de GTPA-casemanager"), required=False)
    confirm_duplicate = forms.BooleanField(label=_("Ja, dit is een nieuwe gebeurtenis. Toch opslaan."), required=False)

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        involved = self.fields["involved"]
        assert isinstance(involved, forms.ModelMultipleChoiceField)
        involved.queryset = people
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ModelChoiceField)
        kind.choices = _grouped_event_types()

    def clean_occurred_at(self) -> Any:
        value = self.cleaned_data["occurred_at"]
        now = timezone.now()
        if value > now + timedelta(minutes=5):
            raise forms.ValidationError(_("De gebeurtenis kan niet in de toekomst liggen."))
        if value < now - OLDEST_EVENT:
            raise forms.ValidationError(_("De gebeurtenis ligt meer dan een jaar terug."))
        return value


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
        if completes_early(step):
            self.fields["reason"].required = True

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
