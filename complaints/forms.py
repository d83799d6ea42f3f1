"""Forms of the complaints pages; every message is Dutch and shown at its field.

Documents are checked by their content, not by the name or the browser's word: only PDF, DOCX,
ODT, plain text, PNG and JPEG are accepted, up to ``COMPLAINTS_DOCUMENT_MAX_BYTES``."""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints import selectors, services, workflow
from complaints.constants import Channel, ContactKind, ContactOutcome, DocumentKind, Stage, Verdict
from complaints.models import Category, Element
from organisation.models import Person, Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _date_field(label: Any, required_message: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            "required": required_message,
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 21-02-2024."),
        },
    )


def _not_in_future(value: Any) -> None:
    if value > timezone.localdate():
        raise forms.ValidationError(_("Deze datum ligt in de toekomst."))


class ComplaintForm(forms.Form):
    received_on = _date_field(_("Ontvangen op"), _("Vul in wanneer de klacht binnenkwam."))
    unit = forms.ModelChoiceField(
        label=_("Eenheid"), queryset=Unit.objects.none(), error_messages={"required": _("Kies de eenheid.")}
    )
    channel = forms.ChoiceField(
        label=_("Hoe kwam de klacht binnen?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de klacht binnenkwam.")},
    )
    complainant_number = forms.CharField(
        label=_("Personeelsnummer van de klager"),
        max_length=20,
        required=False,
        help_text=_("Of vul hieronder een naam in als de klager niet in het personeelsbestand staat."),
    )
    complainant_name = forms.CharField(label=_("Naam van de klager"), max_length=160, required=False)
    respondent_numbers = forms.CharField(
        label=_("Personeelsnummers van de beklaagden"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Eén nummer per regel."),
    )
    respondent_names = forms.CharField(
        label=_("Beklaagden die niet in het personeelsbestand staan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
        help_text=_("Eén naam per regel."),
    )
    content = forms.CharField(
        label=_("Inhoud van de klacht"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        error_messages={"required": _("Beschrijf waar de klacht over gaat.")},
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["received_on"].validators.append(_not_in_future)

    def clean_complainant_number(self) -> Person | None:
        number = self.cleaned_data["complainant_number"].strip()
        if not number:
            return None
        person = selectors.person_by_number(number)
        if person is None:
            raise forms.ValidationError(_("Er is geen medewerker met dit personeelsnummer."))
        return person

    def clean_respondent_numbers(self) -> list[Person]:
        numbers = [line.strip() for line in self.cleaned_data["respondent_numbers"].splitlines() if line.strip()]
        people = {p.employee_number: p for p in Person.objects.filter(employee_number__in=numbers)}
        unknown = [n for n in numbers if n not in people]
        if unknown:
            raise forms.ValidationError(
                _("Onbekend personeelsnummer: %(numbers)s.") % {"numbers": ", ".join(unknown[:5])}
            )
        return list(people.values())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        missing = not data.get("complainant_number") and not (data.get("complainant_name") or "").strip()
        if missing and "complainant_number" not in self.errors:
            self.add_error("complainant_number", _("Vul het personeelsnummer of de naam van de klager in."))
        return data


class AssignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    handler = forms.ModelChoiceField(label=_("Klachtbehandelaar"), queryset=Person.objects.none(), required=False)
    decision_maker_number = forms.CharField(
        label=_("Personeelsnummer van wie besluit"),
        max_length=20,
        required=False,
        help_text=_("Bijvoorbeeld de politiechef of directeur die het besluit neemt."),
    )

    def __init__(self, *args: Any, handlers: QuerySet[Person], parties: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers  # type: ignore[attr-defined]
        # The complainant and the people complained about never handle or decide their own complaint.
        self.parties = parties or set()

    def clean_handler(self) -> Person | None:
        handler: Person | None = self.cleaned_data.get("handler")
        if handler is not None and handler.pk in self.parties:
            raise forms.ValidationError(_("Wie bij de klacht betrokken is, kan hem niet behandelen."))
        return handler

    def clean_decision_maker_number(self) -> Person | None:
        number = self.cleaned_data["decision_maker_number"].strip()
        if not number:
            return None
        person = selectors.person_by_number(number)
        if person is None or not person.is_active:
            raise forms.ValidationError(_("Er is geen medewerker in dienst met dit personeelsnummer."))
        if person.pk in self.parties:
            raise forms.ValidationError(_("Wie bij de klacht betrokken is, kan er niet over besluiten."))
        return person


class MoveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    to_stage = forms.ChoiceField(
        label=_("Naar fase"), choices=(), error_messages={"required": _("Kies de volgende fase.")}
    )
    note = forms.CharField(label=_("Toelichting"), max_length=500, required=False)

    def __init__(self, *args: Any, stage: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Stage.choices)
        self.fields["to_stage"].choices = [("", _("Maak een keuze"))] + [  # type: ignore[attr-defined]
            (s, labels[s]) for s in workflow.next_stages(stage)
        ]


class ElementForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Soort klacht"),
        queryset=Category.objects.none(),
        error_messages={"required": _("Kies de soort klacht.")},
    )
    summary = forms.CharField(
        label=_("Korte omschrijving"), max_length=300, error_messages={"required": _("Beschrijf het onderdeel kort.")}
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = selectors.active_categories()  # type: ignore[attr-defined]


class ContactAttemptForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort contact"),
        choices=ContactKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe er contact is gezocht.")},
    )
    on = _date_field(_("Datum"), _("Vul de datum van de contactpoging in."))
    outcome = forms.ChoiceField(
        label=_("Resultaat"),
        choices=ContactOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het resultaat.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].validators.append(_not_in_future)


class PointForm(forms.Form):
    text = forms.CharField(
        label=_("Extra punt om te onderzoeken"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Beschrijf het punt.")},
    )


class AdviceForm(forms.Form):
    """The committee's advice on one element (one form per element, prefixed by its number)."""

    advice = forms.ChoiceField(
        label=_("Advies"),
        choices=[("", _("Maak een keuze")), *Verdict.choices],
        error_messages={"required": _("Kies het advies.")},
    )
    note = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
    )

    def __init__(self, data: Any = None, *, element: Element, **kwargs: Any) -> None:
        self.element = element
        kwargs.setdefault("initial", {"advice": element.advice, "note": element.advice_note})
        super().__init__(data, prefix=f"onderdeel-{element.position}", **kwargs)


class DecisionForm(forms.Form):
    """The decision on one element: adopt the committee's advice, or deviate with a written reason."""

    verdict = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("", _("Maak een keuze")), *Verdict.choices],
        error_messages={"required": _("Kies het besluit.")},
    )
    reason = forms.CharField(
        label=_("Reden om af te wijken van het advies"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text=_("Alleen nodig als het besluit anders is dan het advies."),
    )

    def __init__(self, data: Any = None, *, element: Element, **kwargs: Any) -> None:
        self.element = element
        kwargs.setdefault("initial", {"verdict": element.verdict or element.advice, "reason": element.deviation_reason})
        super().__init__(data, prefix=f"onderdeel-{element.position}", **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        problem = services.deviation_problem(self.element.advice, data.get("verdict", ""), data.get("reason", ""))
        if problem:
            self.add_error("reason", problem)
        return data


# --- Documents -----------------------------------------------------------------------------

#: Accepted types: extension(s) → (content type, label). The content decides, see ``sniff``.
ALLOWED_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "pdf": ("application/pdf", (".pdf",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)),
    "odt": ("application/vnd.oasis.opendocument.text", (".odt",)),
    "txt": ("text/plain", (".txt",)),
    "png": ("image/png", (".png",)),
    "jpeg": ("image/jpeg", (".jpg", ".jpeg")),
}


def sniff(upload: Any) -> str | None:
    """The file's real type from its content (a key of ``ALLOWED_TYPES``), or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # not just a character cut off at the 8 KB boundary
                return None
        return "txt"
    return None


def _sniff_zip(upload: Any) -> str | None:
    """DOCX and ODT are zip files; macro-enabled and other office files are refused."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text":
                return "odt"
            if "[Content_Types].xml" in names and "word/document.xml" in names and "word/vbaProject.bin" not in names:
                return "docx"
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    finally:
        upload.seek(0)
    return None


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort stuk"),
        choices=[("", _("Maak een keuze")), *DocumentKind.choices],
        error_messages={"required": _("Kies de soort stuk.")},
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, Word (docx), OpenDocument (odt), tekst (txt), PNG of JPEG."),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = int(settings.COMPLAINTS_DOCUMENT_MAX_BYTES)
        if upload.size > limit:
            raise forms.ValidationError(
                _("Het bestand is te groot. Het mag hoogstens %(limit)s zijn.") % {"limit": filesizeformat(limit)}
            )
        kind = sniff(upload)
        suffix = PurePosixPath(upload.name or "").suffix.lower()
        if kind is None or suffix not in ALLOWED_TYPES[kind][1]:
            raise forms.ValidationError(
                _("Dit soort bestand kan niet worden toegevoegd. Gebruik PDF, docx, odt, txt, PNG of JPEG.")
            )
        self.cleaned_data["content_type"] = ALLOWED_TYPES[kind][0]
        return upload


class CategoryForm(forms.ModelForm[Category]):
    class Meta:
        model = Category
        fields = ["name", "position", "is_active"]
        error_messages = {"name": {"required": _("Vul een naam in."), "unique": _("Deze soort bestaat al.")}}
