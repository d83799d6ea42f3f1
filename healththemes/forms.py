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
        fields = [
            "kind",
            "audience",
            "title",
            "slug",
            "summary",
            "body",
            "order",
            "is_published",
            "title_en",
            "summary_en",
            "body_en",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 12}),
            "body_en": forms.Textarea(attrs={"rows": 12}),
            "kind": forms.RadioSelect,
            "audience": forms.RadioSelect,
        }
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

    def clean_body_en(self) -> str:
        return _clean_english(self.cleaned_data.get("body_en", ""), minimum=MIN_BODY_LENGTH)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _require_english_title(self, cleaned, title="title_en", others=("summary_en", "body_en"))
        return cleaned

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug", "")
        if slug and selectors.slug_taken(self.theme, slug, except_pk=self.instance.pk):
            raise forms.ValidationError(_("Dit adres gebruikt een ander item in dit thema al. Kies een ander adres."))
        return slug


def _clean_english(text: str, *, minimum: int) -> str:
    """An English text is optional; when given, it must say as much as the Dutch must."""
    text = text.strip()
    if text and len(text) < minimum:
        raise forms.ValidationError(
            _("De Engelse tekst is te kort. Schrijf minstens %(minimum)d tekens, of laat hem leeg."),
            code="min_length",
            params={"minimum": minimum},
        )
    return text


def _require_english_title(
    form: forms.ModelForm, cleaned: dict[str, Any], *, title: str, others: tuple[str, ...]
) -> None:
    """English texts without an English title would show a Dutch heading above English text."""
    if not cleaned.get(title, "").strip() and any(cleaned.get(name, "").strip() for name in others):
        form.add_error(title, _("Vul ook de Engelse titel in, of laat alle Engelse velden leeg."))


class ThemeForm(forms.ModelForm):
    """The editor's form for a theme: its name and introduction, in Dutch and in English."""

    class Meta:
        model = HealthTheme
        fields = ["name", "intro", "order", "is_published", "name_en", "intro_en"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4}), "intro_en": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "name": {"required": _("Vul een naam in.")},
            "intro": {"required": _("Schrijf een korte inleiding.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].help_text = _("Thema's met een lager getal staan eerder in het overzicht.")

    def clean_intro(self) -> str:
        intro = self.cleaned_data["intro"].strip()
        if len(intro) < MIN_BODY_LENGTH:
            raise forms.ValidationError(
                _("De inleiding is te kort. Schrijf minstens %(minimum)d tekens."),
                code="min_length",
                params={"minimum": MIN_BODY_LENGTH},
            )
        return intro

    def clean_intro_en(self) -> str:
        return _clean_english(self.cleaned_data.get("intro_en", ""), minimum=MIN_BODY_LENGTH)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _require_english_title(self, cleaned, title="name_en", others=("intro_en",))
        return cleaned
