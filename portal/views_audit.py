"""The functioneel beheerder's search page over the audit trail (read-only), with a CSV export."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from access import permission_required
from core import audit, csv_export, htmx, selectors
from core.forms import AuditSearchForm, search_filters
from core.models import AuditAction, AuditEvent
from organisation.selectors import people_matching
from portal.audit_rows import audit_rows, kind_choices

EVENTS_PER_PAGE = 50
#: An export larger than this is refused with the advice to narrow the search (it is built in memory).
EXPORT_MAX_EVENTS = 50_000
_EXPORT_CHUNK = 2000


@never_cache  # personal data: no copy in browser or proxy caches
@vary_on_headers("HX-Request")
@require_GET
@permission_required("audit.view")
def audit_list(request: HttpRequest) -> HttpResponse:
    """The trail, newest first; ``?formaat=csv`` downloads the same selection (itself recorded)."""
    form = AuditSearchForm(request.GET or None, kinds=kind_choices(selectors.audit_kinds()))
    filters = search_filters(form)
    events = AuditEvent.objects.none() if filters is None else _events(filters)
    exporting = request.GET.get("formaat") == "csv" and filters is not None
    if exporting:
        total = events.count()
        if total <= EXPORT_MAX_EVENTS:
            _log(request, filters or {}, action=AuditAction.EXPORT)
            return _export(events)
        form.add_error(
            None,
            _(
                "Deze selectie heeft %(count)s gebeurtenissen; je kunt er hoogstens %(max)s exporteren. "
                "Maak je zoekopdracht kleiner, bijvoorbeeld met een periode."
            )
            % {"count": total, "max": EXPORT_MAX_EVENTS},
        )
    _log(request, filters or {}, action=AuditAction.READ)
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {"form": form, "page": page, "rows": audit_rows(page.object_list), "export_query": _export_query(request)}
    if exporting:
        return render(request, "portal/audit_list.html", context)
    return htmx.render_page_or_part(request, "portal/audit_list.html", "portal/_audit_results.html", context)


def _events(filters: dict[str, Any]) -> Any:
    people = people_matching(filters.get("person") or "")
    return selectors.audit_events(
        filters,
        subject_numbers=people.values("employee_number"),
        actor_ids=people.filter(user__isnull=False).values("user_id"),
    )


def _export_query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    query["formaat"] = "csv"
    return query.urlencode()


def _log(request: HttpRequest, filters: dict[str, Any], *, action: str) -> None:
    """Looking at (or exporting) the trail is itself recorded: who searched, with which filters (names
    only), and whose trail when the search was for one employee."""
    used = [name for name, value in filters.items() if value]
    matches = list(people_matching(filters.get("person") or "")[:2])
    audit.record(
        action=action,
        object_type="core.auditevent",
        person=matches[0] if len(matches) == 1 else None,
        fields=used,
        request=request,
    )


def _export(events: Any) -> HttpResponse:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response, writer = csv_export.csv_response(f"audittrail-{stamp}.csv", byte_order_mark=True)
    writer.writerow(
        [
            _("Tijdstip"),
            _("Gebruiker"),
            _("Gebruikersnaam"),
            _("Rollen"),
            _("Handeling"),
            _("Soort gegeven"),
            _("Gegeven"),
            _("Betrokkene"),
            _("Personeelsnummer van de betrokkene"),
            _("Velden"),
            _("Request-id"),
        ]
    )
    chunk: list[AuditEvent] = []
    for event in events.iterator(chunk_size=_EXPORT_CHUNK):
        chunk.append(event)
        if len(chunk) == _EXPORT_CHUNK:
            _write_rows(writer, chunk)
            chunk = []
    _write_rows(writer, chunk)
    return response


def _write_rows(writer: csv_export.SafeWriter, events: list[AuditEvent]) -> None:
    for row in audit_rows(events):
        record = row.record + (" " + _("(bestaat niet meer)") if row.record_gone else "")
        writer.writerow(
            [
                timezone.localtime(row.occurred_at).strftime("%d-%m-%Y %H:%M:%S"),
                row.actor,
                row.actor_username,
                row.roles,
                row.action,
                row.kind,
                record,
                row.subject,
                row.subject_number,
                row.fields,
                row.request_id,
            ]
        )
