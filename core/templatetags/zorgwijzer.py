"""Template helpers: NL Design System form fields with their error messages at the field, and the
NL Design System table scaffolding (``{% table %}``)."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any, cast

from django import forms, template
from django.forms import BoundField
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    # CheckboxSelectMultiple is a subclass of RadioSelect: it must be matched first.
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.FileInput, "zw-file-input"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


def _widget_class(widget: forms.Widget) -> str:
    for widget_type, css in _WIDGET_CLASSES:
        if isinstance(widget, widget_type):
            return css
    return ""


def _group_widget(widget: forms.Widget, css: str) -> forms.Widget:
    """A copy of a radio or checkbox group widget that puts ``css`` on each input only.

    Django copies widget attrs to the wrapping element as well as to every option; the NL
    Design System class there would draw the whole group as one big radio button or checkbox.
    """
    clone = copy.copy(widget)
    original = clone.get_context

    def get_context(name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = original(name, value, attrs)
        context["widget"]["attrs"].pop("class", None)
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                option["attrs"]["class"] = css
        return context

    clone.get_context = get_context  # type: ignore[method-assign]
    return clone


#: Django's empty choice, which says nothing to a reader (and is read out as "dash dash dash").
_DASHES = "---------"


def _plain_empty_choice(field: forms.Field) -> None:
    """Replace Django's "---------" with words, on this form's own copy of the field."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == _DASHES:
            field.empty_label = _("Maak een keuze")
    elif isinstance(field, forms.ChoiceField):
        choices = list(cast("Iterable[Any]", field.choices))  # Django normalises choices to pairs
        if choices and choices[0] == ("", _DASHES):
            field.choices = [("", _("Maak een keuze")), *choices[1:]]


@register.simple_tag(takes_context=True)
def page_query(context: template.Context, param: str, number: int) -> str:
    """The current query string with ``param`` set to a page number (``{% querystring %}`` takes
    its keys literally; a list paged under another name than "pagina" needs this)."""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}"


@register.inclusion_tag("partials/field.html")
def form_field(field: BoundField) -> dict[str, Any]:
    """Render one field: label, help text, the Dutch error at the field, and the input."""
    _plain_empty_choice(field.field)
    widget = field.field.widget
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}-help")
    if field.errors:
        describedby.append(f"{field.auto_id}-error")
    css = _widget_class(widget)
    own = widget.attrs.get("class")  # a form's own class on the widget ("zw-input--code") is kept
    if own:
        css = f"{css} {own}".strip()
    if field.errors and "textbox" in css:
        css += " utrecht-textbox--invalid"
    attrs: dict[str, str | bool] = {"class": css}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    is_group = isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
    rendered_widget = _group_widget(widget, css) if is_group else None
    return {
        "field": field,
        "widget_html": field.as_widget(widget=rendered_widget, attrs=attrs),
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "is_group": is_group,
    }


class _TableNode(template.Node):
    """``{% table caption id header… numeric="2 3" testid="x" %}rows{% tablefoot %}rows{% endtable %}``:
    the NL Design System table scaffolding (scrollable region labelled by the caption, caption,
    header row, body and an optional footer)."""

    def __init__(
        self,
        caption: template.base.FilterExpression,
        caption_id: template.base.FilterExpression,
        headers: list[template.base.FilterExpression],
        options: dict[str, template.base.FilterExpression],
        body: template.NodeList,
        foot: template.NodeList | None,
    ) -> None:
        self.caption, self.caption_id, self.headers = caption, caption_id, headers
        self.options, self.body, self.foot = options, body, foot

    def render(self, context: template.Context) -> str:
        options = {name: value.resolve(context) for name, value in self.options.items()}
        numeric = {int(n) for n in str(options.get("numeric", "")).split()}
        return render_to_string(
            "partials/table.html",
            {
                "caption": self.caption.resolve(context),
                "caption_id": self.caption_id.resolve(context),
                # A header that resolves to "" is left out (a column shown only to some visitors).
                "headers": [
                    (label, i in numeric)
                    for i, label in enumerate((h.resolve(context) for h in self.headers), start=1)
                    if label
                ],
                "testid": options.get("testid", ""),
                "stacked": bool(options.get("stacked")),
                "body": self.body.render(context),
                # The footer was rendered (and escaped) by the template engine; strip() only drops whitespace
                # so that an empty footer gives no <tfoot>.
                "foot": mark_safe(self.foot.render(context).strip()) if self.foot is not None else "",  # noqa: S308
            },
        )


_TABLE_OPTIONS = ("numeric", "testid", "stacked")


@register.tag("table")
def table(parser: template.base.Parser, token: template.base.Token) -> _TableNode:
    """Usage: ``{% table _("Caption") "caption-id" _("Column 1") _("Column 2") numeric="2" %}``,
    then the ``<tr>`` rows, optionally ``{% tablefoot %}`` and the footer rows, then ``{% endtable %}``.

    ``numeric`` lists the (1-based) columns whose header aligns as a number; ``testid`` sets the
    table's ``data-testid``; ``stacked="1"`` shows each row as a block of labelled cells on a
    narrow screen (each cell then needs ``data-label="column name"``). A caption that needs a plural is made first with
    ``{% blocktranslate count … asvar caption %}`` and passed as a variable.
    """
    bits = token.split_contents()[1:]
    options = {}
    while bits and bits[-1].split("=", 1)[0] in _TABLE_OPTIONS and "=" in bits[-1]:
        name, value = bits.pop().split("=", 1)
        options[name] = parser.compile_filter(value)
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% table %} needs a caption and a caption id")
    caption, caption_id, *headers = (parser.compile_filter(bit) for bit in bits)
    body = parser.parse(("tablefoot", "endtable"))
    foot = None
    if parser.next_token().contents == "tablefoot":
        foot = parser.parse(("endtable",))
        parser.delete_first_token()
    return _TableNode(caption, caption_id, headers, options, body, foot)
