"""Forms of the shared pages (the audit trail search) and the filter rule every search page uses."""

from __future__ import annotations

from collections.abc import Iterable
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
    """The filters of the audit trail: a person (as user or as the one the record is about), the
    kind of action, the kind of record and a period. ``kinds`` are the (value, label) pairs of
    the kinds of record the trail holds, given by the page."""

    person = forms.CharField(
        label=_("Persoon"),
        help_text=_(
            "Naam, personeelsnummer of gebruikersnaam. Je ziet wat deze persoon deed en wat over deze persoon ging."
        ),
        required=False,
        max_length=150,
    )
    action = forms.ChoiceField(
        label=_("Handeling"), required=False, choices=[("", _("Alle handelingen")), *AuditAction.choices]
    )
    kind = forms.ChoiceField(label=_("Soort gegeven"), required=False, choices=[("", _("Alle soorten"))])
    date_from = forms.DateField(label=_("Vanaf datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(
        label=_("Tot en met datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, kinds: Iterable[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Alle soorten")), *kinds]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:  # type: ignore[operator]
            self.add_error("date_to", _("De einddatum ligt vóór de begindatum."))
        return cleaned
