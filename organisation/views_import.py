"""HR import upload page (being built)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from core.permissions import permission_required


@permission_required("organisation.import")
def hr_import(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
