"""The functioneel beheerder's search page over the audit trail (read-only)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from access import permission_required
from core import audit, htmx, selectors
from core.forms import AuditSearchForm, search_filters
from core.models import AuditAction, AuditEvent

EVENTS_PER_PAGE = 50


@never_cache  # personal data: no copy in browser or proxy caches
@vary_on_headers("HX-Request")
@require_GET
@permission_required("audit.view")
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    filters = search_filters(form)
    _log_view(request, filters or {})
    events = AuditEvent.objects.none() if filters is None else selectors.audit_events(filters)
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {"form": form, "page": page}
    return htmx.render_page_or_part(request, "portal/audit_list.html", "portal/_audit_results.html", context)


def _log_view(request: HttpRequest, filters: dict[str, Any]) -> None:
    """Looking at the trail is itself recorded: who searched, with which filters (names only),
    and whose trail when the search was for one employee."""
    searched = SimpleNamespace(employee_number=filters.get("employee_number") or "")
    used = [name for name, value in filters.items() if value]
    audit.record(action=AuditAction.READ, object_type="core.auditevent", person=searched, fields=used, request=request)
