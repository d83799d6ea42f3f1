"""The functioneel beheerder's search page over the audit trail (read-only)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from core import audit
from core.models import AuditAction, AuditEvent
from core.permissions import permission_required


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


@never_cache  # personal data: no copy in browser or proxy caches
@vary_on_headers("HX-Request")
@require_GET
@permission_required("audit.view")
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    invalid = form.is_bound and not form.is_valid()
    filters = form.cleaned_data if form.is_bound and not invalid else {}
    _log_view(request, filters)
    events = AuditEvent.objects.none() if invalid else _filtered_events(filters)
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    partial = request.htmx and not request.htmx.history_restore_request  # type: ignore[attr-defined]
    template = "core/_audit_results.html" if partial else "core/audit_list.html"
    return render(request, template, {"form": form, "page": page})


def _filtered_events(filters: dict[str, Any]) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.all()
    if filters.get("username"):
        events = events.filter(actor_username__iexact=filters["username"])
    if filters.get("employee_number"):
        events = events.filter(subject_employee_number=filters["employee_number"])
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    if filters.get("date_from"):
        events = events.filter(occurred_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        events = events.filter(occurred_at__date__lte=filters["date_to"])
    return events


def _log_view(request: HttpRequest, filters: dict[str, Any]) -> None:
    """Looking at the trail is itself recorded: who searched, with which filters (names only),
    and whose trail when the search was for one employee."""
    searched = SimpleNamespace(employee_number=filters.get("employee_number") or "")
    used = [name for name, value in filters.items() if value]
    audit.record(action=AuditAction.READ, object_type="core.auditevent", person=searched, fields=used, request=request)
