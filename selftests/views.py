"""Pages of the self-tests: public, no login, and nothing of the answers is kept on the server.

Each step is a POST of the whole form: the answers of earlier steps come back in hidden fields,
are checked against the definition, and go out again in the next step's form. The result is
computed in the request that asks for it and rendered as HTML or as a PDF; only the anonymous
weekly counter is written (selftests.services.usage_count).
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import public_page
from selftests import limits, loading, presentation, services
from selftests.forms import (
    START,
    answers_of,
    carried_values,
    page_form,
    start_complete,
    start_form,
)
from selftests.loading import Instrument
from selftests.scoring import crisis, missing_or_invalid, score, visible_pages

#: The value of ``stap`` on the result page's "back to your answers" form.
RESULT = "uitslag"


def _instrument(slug: str) -> Instrument:
    instrument = loading.get(slug)
    if instrument is None:
        raise Http404
    return instrument


@public_page
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "selftests/index.html", {"instruments": list(loading.instruments().values())})


def _steps(instrument: Instrument, values: dict[str, str]) -> list[str]:
    return [START, *(page.id for page in visible_pages(instrument, answers_of(instrument, values)))]


def _form_for(instrument: Instrument, step: str, values: dict[str, str], data: Any = None) -> Any:
    if step == START:
        return start_form(instrument, data=data, initial=values)
    page = next(page for page in instrument.pages if page.id == step)
    return page_form(page, answers_of(instrument, values).mode, data=data, initial=values)


def _render_step(
    request: HttpRequest, instrument: Instrument, step: str, values: dict[str, str], form: Any = None, status: int = 200
) -> HttpResponse:
    form = form or _form_for(instrument, step, values)
    steps = _steps(instrument, values)
    answers = answers_of(instrument, values)
    page = next((page for page in instrument.pages if page.id == step), None)
    context = {
        "instrument": instrument,
        "step": step,
        "page": page,
        "page_title": page.heading(answers.mode) if page else None,
        "form": form,
        "hidden": [(name, value) for name, value in values.items() if name not in form.fields],
        "number": steps.index(step),
        "total": len(steps) - 1,
        "is_last": step == steps[-1],
        "crisis": crisis(instrument, answers),
        "mode": answers.mode,
        **presentation.crisis_context(),
    }
    return render(request, "selftests/step.html", context, status=status)


def _never_cache_answers(view: Any) -> Any:
    """``never_cache`` for the responses that carry answers (every POST) and for every page of a
    logged-in user (its navigation shows their roles: not for the browser's cache on a shared
    workstation). The first page (a GET) has no answers and is the same for every anonymous
    visitor, who gets it from the page cache."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = view(request, *args, **kwargs)
        if request.method != "GET" or request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    return wrapped


@public_page
@_never_cache_answers
@require_http_methods(["GET", "POST"])
def run(request: HttpRequest, slug: str) -> HttpResponse:
    """One step of the test; "volgende" checks this step's answers, "vorige" keeps them unchecked."""
    instrument = _instrument(slug)
    if request.method == "GET":
        return _render_step(request, instrument, START, {})
    values = carried_values(instrument, request.POST)
    steps = _steps(instrument, values)
    step = request.POST.get("stap", START)
    if step == RESULT:  # "terug naar je antwoorden" on the result page: the last step again
        return _render_step(request, instrument, steps[-1], values)
    step = step if step in steps else START
    if request.POST.get("richting") == "vorige":
        return _render_step(request, instrument, steps[max(steps.index(step) - 1, 0)], values)
    form = _form_for(instrument, step, values, data=request.POST)
    if not form.is_valid():
        return _render_step(request, instrument, step, values, form=form)
    steps = _steps(instrument, values)  # an answer can switch a conditional module on or off
    following = steps[steps.index(step) + 1 :]
    if following:
        return _render_step(request, instrument, following[0], values)
    return _result_or_first_problem(request, instrument, values)


def _first_problem(instrument: Instrument, values: dict[str, str]) -> str | None:
    """The first step that still lacks an answer, or None when the test is complete."""
    if not start_complete(instrument, values):
        return START
    problems = missing_or_invalid(instrument, answers_of(instrument, values))
    for page in visible_pages(instrument, answers_of(instrument, values)):
        if any(item.id in problems for item in page.items):
            return page.id
    return None


def _show_problem(request: HttpRequest, instrument: Instrument, step: str, values: dict[str, str]) -> HttpResponse:
    form = _form_for(instrument, step, values, data=values)
    form.is_valid()  # fills in the error messages at the fields
    return _render_step(request, instrument, step, values, form=form)


def _result_or_first_problem(request: HttpRequest, instrument: Instrument, values: dict[str, str]) -> HttpResponse:
    problem = _first_problem(instrument, values)
    if problem is not None:
        return _show_problem(request, instrument, problem, values)
    services.usage_count(instrument=instrument.slug)
    return _render_result(request, instrument, values)


def _render_result(
    request: HttpRequest, instrument: Instrument, values: dict[str, str], *, pdf_refused: bool = False
) -> HttpResponse:
    result = score(instrument, answers_of(instrument, values))
    context = {
        **presentation.result_context(result),
        **presentation.crisis_context(),
        "hidden": sorted(values.items()),
        "back_step": RESULT,
        "pdf_refused": pdf_refused,
    }
    return render(request, "selftests/result.html", context, status=429 if pdf_refused else 200)


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def result(request: HttpRequest, slug: str) -> HttpResponse:
    """The result of a completed test (POST); a GET has no answers and starts the test."""
    instrument = _instrument(slug)
    if request.method == "GET":
        return redirect("selftests:run", slug=instrument.slug)
    if request.POST.get("richting") == "vorige":
        return run(request, slug)
    return _result_or_first_problem(request, instrument, carried_values(instrument, request.POST))


@public_page
@never_cache
@require_POST
def pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The result as a PDF download, rendered from the posted answers; nothing is stored. Over
    the per-client limit (selftests.limits) the result page comes back with a 429 and the advice
    to try again in a minute or to print it: printing needs no server work."""
    from weasyprint import HTML

    instrument = _instrument(slug)
    values = carried_values(instrument, request.POST)
    problem = _first_problem(instrument, values)
    if problem is not None:
        return _show_problem(request, instrument, problem, values)
    if not limits.pdf_allowed(request):
        response = _render_result(request, instrument, values, pdf_refused=True)
        response["Retry-After"] = str(limits.WINDOW_SECONDS)
        return response
    result = score(instrument, answers_of(instrument, values))
    html = render_to_string(
        "selftests/result_pdf.html",
        {**presentation.result_context(result), **presentation.crisis_context(), "pdf": True},
        request=request,
    )
    document = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="zelftest-{instrument.slug}.pdf"'
    return response
