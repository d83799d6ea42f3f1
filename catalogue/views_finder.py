"""The finder "Wat past bij mij?": public, no login; the answers are in the URL, never stored."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from access import public_page
from catalogue import selectors
from catalogue.constants import CONFIDENTIALITY_PROMISE
from catalogue.finder import Match, profile_of, rank
from catalogue.forms import FinderForm
from catalogue.models import Provision
from core import htmx


@public_page
@vary_on_headers("HX-Request")
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """The four questions and, once answered, the ranked results; htmx asks for the results only."""
    form = FinderForm.from_query(request.GET)
    answered = form.is_bound and form.is_valid()
    answers = form.answers() if answered else None
    matches: list[Match[Provision]] = []
    if answers is not None:
        matches = rank(selectors.provisions(selectors.current_edition()), answers, profile=profile_of)
    partial = htmx.wants_partial(request)
    context = {
        "form": form,
        "answered": answered,
        "urgent": answers is not None and answers.urgent,
        "results": [{"match": match, "promise": _promise(match.item)} for match in matches],
        "partial": partial,
    }
    template = "catalogue/_finder_results.html" if partial else "catalogue/finder.html"
    return render(request, template, context)


def _promise(provision: Provision) -> str:
    return str(CONFIDENTIALITY_PROMISE[provision.confidentiality])  # type: ignore[index]
