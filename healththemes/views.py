"""Health theme pages: public reading under /zorgwijzer/themas/ and the inhoudsbeheerder's editor.

The reading pages hold content only (``public_page``: no login, no second factor); a logged-in
visitor additionally sees which unit's team Veilig en Gezond Werken to contact, their own unit.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from access import permission_required, public_page
from healththemes import selectors, services
from healththemes.constants import ItemAudience, ItemKind
from healththemes.forms import ThemeForm, ThemeItemForm
from healththemes.models import HealthTheme, ThemeItem

#: Headings of the sections of a theme page, one per kind of item.
SECTION_HEADINGS = {
    ItemKind.ARTICLE: gettext_lazy("Lezen"),
    ItemKind.EXERCISE: gettext_lazy("Korte oefeningen"),
    ItemKind.STORY: gettext_lazy("Ervaringsverhalen"),
}


def _theme_or_404(slug: str) -> HealthTheme:
    theme = selectors.published_theme(slug)
    if theme is None:
        raise Http404
    return theme


def _sections(items: list[ThemeItem]) -> list[dict[str, Any]]:
    """Items for employees grouped by kind, in the fixed order article, exercise, story."""
    for_employees = [item for item in items if item.audience == ItemAudience.EMPLOYEE]
    return [
        {"kind": kind.value, "heading": SECTION_HEADINGS[kind], "items": [i for i in for_employees if i.kind == kind]}
        for kind in ItemKind
        if any(i.kind == kind for i in for_employees)
    ]


@public_page
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    context = {"themes": selectors.published_themes(), "vgw_unit": selectors.vgw_unit_for(request.user)}
    return render(request, "healththemes/index.html", context)


@public_page
@require_GET
def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    theme = _theme_or_404(slug)
    items = selectors.published_items(theme)
    context = {
        "theme": theme,
        "sections": _sections(items),
        "manager_items": [item for item in items if item.audience == ItemAudience.MANAGER],
        "vgw_unit": selectors.vgw_unit_for(request.user),
    }
    return render(request, "healththemes/theme.html", context)


@public_page
@require_GET
def item_detail(request: HttpRequest, slug: str, item_slug: str) -> HttpResponse:
    theme = _theme_or_404(slug)
    item = selectors.published_item(theme, item_slug)
    if item is None:
        raise Http404
    context = {"theme": theme, "item": item, "vgw_unit": selectors.vgw_unit_for(request.user)}
    return render(request, "healththemes/item.html", context)


@permission_required("content.manage")
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    return render(request, "healththemes/manage.html", {"themes": selectors.themes_for_editing()})


@permission_required("content.manage")
@require_http_methods(["GET", "POST"])
def item_new(request: HttpRequest, theme_slug: str) -> HttpResponse:
    theme = selectors.theme_for_editing(theme_slug)
    if theme is None:
        raise Http404
    return _edit(request, theme, None)


@permission_required("content.manage")
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_editing(pk)
    if item is None:
        raise Http404
    return _edit(request, item.theme, item)


@permission_required("content.manage")
@require_http_methods(["GET", "POST"])
def theme_edit(request: HttpRequest, theme_slug: str) -> HttpResponse:
    """A theme's name and introduction, in Dutch and in English (shown on the English interface)."""
    theme = selectors.theme_for_editing(theme_slug)
    if theme is None:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = ThemeForm(data, instance=copy.copy(theme))
    if data is not None and form.is_valid():
        services.theme_save(actor=request.user, theme_id=theme.pk, request=request, **form.cleaned_data)
        messages.success(request, _("Het thema is opgeslagen."))
        return redirect("healththemes:manage")
    return render(request, "healththemes/theme_form.html", {"theme": theme, "form": form})


def _edit(request: HttpRequest, theme: HealthTheme, item: ThemeItem | None) -> HttpResponse:
    """Show the form; "Voorbeeld bekijken" renders the item unsaved, "Opslaan" writes it."""
    data = request.POST if request.method == "POST" else None
    # The form fills its own copy, so a preview never alters the stored item shown next to it.
    form = ThemeItemForm(data, instance=copy.copy(item) if item else ThemeItem(theme=theme), theme=theme)
    preview = None
    if data is not None and form.is_valid():
        if "preview" in data:
            preview = form.instance
        else:
            item_id = item.pk if item else None
            services.theme_item_save(
                actor=request.user, theme=theme, item_id=item_id, request=request, **form.cleaned_data
            )
            messages.success(request, _("Het item is opgeslagen."))
            return redirect("healththemes:manage")
    context = {"theme": theme, "item": item, "form": form, "preview": preview}
    return render(request, "healththemes/item_form.html", context)
