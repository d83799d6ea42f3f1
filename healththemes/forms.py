"""The editor's form for one item: Dutch messages at the field, slug unique within the theme."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from healththemes import selectors
from healththemes.constants import MIN_BODY_LENGTH
from healththemes.models import HealthTheme, ThemeItem


class ThemeItemForm(forms.ModelForm):
    class Meta:
        model = ThemeItem
        fields = ["kind", "audience", "title", "slug", "summary", "body", "order", "is_published"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12}), "kind": forms.RadioSelect, "audience": forms.RadioSelect}
        error_messages = {
            "title": {"required": _("Vul een titel in.")},
            "body": {"required": _("Schrijf de tekst van dit item.")},
            "kind": {"required": _("Kies wat voor item dit is.")},
        }

    def __init__(self, *args: Any, theme: HealthTheme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.theme = theme
        self.fields["slug"].required = False
        self.fields["order"].help_text = _("Items met een lager getal staan eerder op de pagina.")

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if len(body) < MIN_BODY_LENGTH:
            raise forms.ValidationError(
                _("De tekst is te kort. Schrijf minstens %(minimum)d tekens."),
                code="min_length",
                params={"minimum": MIN_BODY_LENGTH},
            )
        return body

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug", "")
        if slug and selectors.slug_taken(self.theme, slug, except_pk=self.instance.pk):
            raise forms.ValidationError(_("Dit adres gebruikt een ander item in dit thema al. Kies een ander adres."))
        return slug
