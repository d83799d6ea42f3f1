"""Forms of the shared pages (the audit trail search) and the filter rule every search page uses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import AuditAction


def search_filters(form: forms.Form) -> dict[str, Any] | None:
    """The filters of a GET search form: none chosen on a first visit (``{}``), the cleaned values
    when valid, ``None`` when invalid (the page then shows the errors at the fields and no results)."""
    if not form.is_bound:
        return {}
    return form.cleaned_data if form.is_valid() else None


class AuditSearchForm(forms.Form):
    username = forms.CharField(label=_("Gebruikersnaam"), required=False, max_length=150)
    employee_number = forms.CharField(label=_("Personeelsnummer van de betrokkene"), required=False, max_length=20)
    action = forms.ChoiceField(
        label=_("Handeling"), required=False, choices=[("", _("Alle handelingen")), *AuditAction.choices]
    )
    date_from = forms.DateField(label=_("Vanaf datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(
        label=_("Tot en met datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:  # type: ignore[operator]
            self.add_error("date_to", _("De einddatum ligt vóór de begindatum."))
        return cleaned
