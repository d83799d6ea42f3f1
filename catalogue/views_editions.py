"""Published editions for every visitor under /zorgwijzer/edities/: older editions stay readable
as they were published, and 'wat is er nieuw' compares two editions. No login (no personal data)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from access import public_page
from catalogue import selectors
from catalogue.compare import compare_editions
from catalogue.constants import EditionStatus
from catalogue.forms_editor import EditionCompareForm
from catalogue.models import Edition
from catalogue.views import detail_context


def _published() -> list[Edition]:
    return list(Edition.objects.filter(status=EditionStatus.GEPUBLICEERD).order_by("-published_at"))


def _published_edition(code: str) -> Edition:
    return get_object_or_404(Edition, code=code, status=EditionStatus.GEPUBLICEERD)


@public_page
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    editions = _published()
    context = {"editions": editions, "current": editions[0] if editions else None}
    return render(request, "catalogue/edition_index.html", context)


@public_page
@require_GET
def detail(request: HttpRequest, code: str) -> HttpResponse:
    edition = _published_edition(code)
    context = {
        "edition": edition,
        "is_current": edition == selectors.current_edition(),
        "provisions": selectors.provisions(edition),
    }
    return render(request, "catalogue/edition_detail.html", context)


@public_page
@require_GET
def provision(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    edition = _published_edition(code)
    found = selectors.provision(edition, slug)
    if found is None:
        raise Http404
    context = {**detail_context(request, edition, found), "is_current": edition == selectors.current_edition()}
    return render(request, "catalogue/edition_provision.html", context)


@public_page
@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    """Defaults to the current edition against the one published before it."""
    editions = _published()
    defaults = {"naar": editions[0].code, "van": editions[1].code} if len(editions) > 1 else {}
    form = EditionCompareForm(request.GET if "van" in request.GET else defaults or None, editions=editions)
    comparison = None
    if form.is_bound and form.is_valid():
        by_code = {edition.code: edition for edition in editions}
        comparison = compare_editions(by_code[form.cleaned_data["van"]], by_code[form.cleaned_data["naar"]])
    return render(request, "catalogue/edition_compare.html", {"form": form, "comparison": comparison})
