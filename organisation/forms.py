"""Forms of the organisation app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from core import csv_import
from organisation.constants import Role
from organisation.models import OrgNode, Person, Unit

#: The roles a beheerder can grant; medewerker is implicit for everyone with an account.
GRANTABLE_ROLES = [(value, label) for value, label in Role.choices if value != Role.MEDEWERKER]


class HrImportForm(forms.Form):
    """Upload of an HR export; checked (and by default only checked) before anything is written."""

    file = forms.FileField(
        label=_("HR-bestand (CSV)"),
        help_text=_("Een CSV-bestand in UTF-8 met ; of , als scheidingsteken. Zie de kolommen hieronder."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    dry_run = forms.BooleanField(
        label=_("Alleen controleren (proefimport)"),
        help_text=_("Er wordt niets opgeslagen; je ziet wat de import zou doen."),
        required=False,
        initial=True,
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        csv_import.validate_upload_size(upload, settings.ORGANISATION_HR_IMPORT_MAX_BYTES)
        return upload


class HrImportConfirmForm(forms.Form):
    """ "Nu importeren": which checked file (a token and the file's checksum, both from the check page)."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
    checksum = forms.CharField(widget=forms.HiddenInput, max_length=64)


class CodeField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A record chosen by its code or number (the pages offer a search with results to pick from,
    not a list of thousands of options)."""

    widget = forms.TextInput(attrs={"class": "zw-input--code"})

    def to_python(self, value: Any) -> Any:
        return super().to_python(value.strip() if isinstance(value, str) else value)


class RoleGrantForm(forms.Form):
    """Grant a role: whose (employee number), which, and where (a unit, an organisational node or neither).

    Whether the role and the scope go together is decided by ``services.role_grant``; its
    messages are put at these fields by the view.
    """

    employee_number = CodeField(
        label=_("Personeelsnummer"),
        queryset=Person.objects.all(),
        to_field_name="employee_number",
        error_messages={
            "required": _("Zoek de medewerker en kies deze uit de lijst."),
            "invalid_choice": _("Er is geen medewerker met personeelsnummer '%(value)s'."),
        },
    )
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    unit = forms.ModelChoiceField(
        label=_("Eenheid"),
        queryset=Unit.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Geen eenheid"),
        help_text=_("Voor coördinatoren TCO, collegiaal ondersteuners, zorgprofessionals en HR-analisten."),
    )
    node = CodeField(
        label=_("Code van het organisatieonderdeel"),
        queryset=OrgNode.objects.all(),
        to_field_name="code",
        required=False,
        help_text=_("Verplicht voor een leidinggevende: de teamcode uit het HR-systeem. Laat anders leeg."),
        error_messages={"invalid_choice": _("Er is geen organisatieonderdeel met code '%(value)s'.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The list offers only grantable roles; "medewerker" still validates, so that choosing it
        # (by a hand-made request) gets the service's explanation rather than "not a valid choice".
        self.fields["role"].widget.choices = [("", _("Kies een rol")), *GRANTABLE_ROLES]  # type: ignore[attr-defined]


class RoleFilterForm(forms.Form):
    """Filters of the role list (GET parameters in Dutch, like the page's URL)."""

    rol = forms.ChoiceField(label=_("Rol"), required=False, choices=[("", _("Alle rollen")), *GRANTABLE_ROLES])
    eenheid = forms.ModelChoiceField(
        label=_("Eenheid"),
        queryset=Unit.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Alle eenheden"),
    )
    zoek = forms.CharField(label=_("Zoek op naam of personeelsnummer"), required=False, max_length=120)
