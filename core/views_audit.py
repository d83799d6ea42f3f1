"""The functioneel beheerder's search page over the audit trail (read-only)."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.models import AuditAction, AuditEvent
from core.permissions import permission_required


class AuditSearchForm(forms.Form):
    username = forms.CharField(label=_("Gebruikersnaam"), required=False, max_length=150)
    employee_number = forms.CharField(label=_("Personeelsnummer van de betrokkene"), required=False, max_length=20)
    action = forms.ChoiceField(
        label=_("Handeling"), required=False, choices=[("", _("Alle handelingen")), *AuditAction.choices]
    )
    date_from = forms.DateField(
        label=_("Vanaf datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("Tot en met datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:  # type: ignore[operator]
            self.add_error("date_to", _("De einddatum ligt vóór de begindatum."))
        return cleaned


@require_GET
@permission_required("audit.view")
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    events = AuditEvent.objects.all()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["username"]:
            events = events.filter(actor_username__iexact=data["username"])
        if data["employee_number"]:
            events = events.filter(subject_employee_number=data["employee_number"])
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["date_from"]:
            events = events.filter(occurred_at__date__gte=data["date_from"])
        if data["date_to"]:
            events = events.filter(occurred_at__date__lte=data["date_to"])
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    template = "core/_audit_results.html" if request.htmx else "core/audit_list.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "page": page})
