"""Template helpers: NL Design System form fields with their error messages at the field."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.forms import BoundField

register = template.Library()

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
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


@register.inclusion_tag("partials/field.html")
def form_field(field: BoundField) -> dict[str, Any]:
    """Render one field: label, help text, the Dutch error at the field, and the input."""
    widget = field.field.widget
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}-help")
    if field.errors:
        describedby.append(f"{field.auto_id}-error")
    css = _widget_class(widget)
    if field.errors and "textbox" in css:
        css += " utrecht-textbox--invalid"
    attrs: dict[str, str | bool] = {"class": css}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return {
        "field": field,
        "widget_html": field.as_widget(attrs=attrs),
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "is_group": isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple),
    }
