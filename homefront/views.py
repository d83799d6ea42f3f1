"""Public pages for the home front and for former colleagues, and the printable leaflet (PDF).
No login, nothing stored; the help numbers come from the published catalogue."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from access import public_page
from catalogue.help_lines import help_lines
from core import links
from core.public_cache import content_version

#: A rendered leaflet is kept this long per language and content version (rendering takes a second).
LEAFLET_SECONDS = 3600


def _context(request: HttpRequest, url_name: str) -> dict[str, object]:
    # The page's own address, also on the leaflet (whose request path is the PDF's).
    share_url = links.absolute(url_name) if links.site_url() else request.build_absolute_uri(reverse(url_name))
    return {"lines": help_lines(), "share_url": share_url}


@public_page
@require_GET
def homefront(request: HttpRequest) -> HttpResponse:
    return render(request, "homefront/homefront.html", _context(request, "homefront:homefront"))


@public_page
@require_GET
def leaflet(request: HttpRequest) -> HttpResponse:
    """The home-front page as an A4 leaflet to print or hand over."""
    context = _context(request, "homefront:homefront")
    # The numbers and the link printed on it (a frozen dataclass's repr holds every field).
    fingerprint = hashlib.sha256(f"{context['lines']!r}|{context['share_url']}".encode()).hexdigest()[:16]
    key = f"homefront-leaflet:{content_version()}:{get_language()}:{fingerprint}"
    document = cache.get(key)
    if document is None:
        from weasyprint import HTML

        html = render_to_string("homefront/leaflet_pdf.html", context, request=request)
        document = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        cache.set(key, document, LEAFLET_SECONDS)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="zorgwijzer-thuisfront.pdf"'
    return response


@public_page
@require_GET
def former(request: HttpRequest) -> HttpResponse:
    return render(request, "homefront/former.html", _context(request, "homefront:former"))
