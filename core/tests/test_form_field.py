"""``{% form_field %}``: every field rendered the NL Design System way, with words for an empty choice."""

from __future__ import annotations

from django.template import Context, Template


def test_a_select_offers_words_instead_of_dashes():
    from django import forms

    from organisation.models import Unit

    class Choice(forms.Form):
        unit = forms.ModelChoiceField(queryset=Unit.objects.none(), required=False)
        kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])

    html = Template("{% load zorgwijzer %}{% form_field form.unit %}{% form_field form.kind %}").render(
        Context({"form": Choice()})
    )
    assert "---------" not in html and html.count("Maak een keuze") == 2


def test_a_forms_own_widget_class_is_kept_next_to_the_design_system_class():
    from django import forms

    class CodeForm(forms.Form):
        code = forms.CharField(label="Teamcode", widget=forms.TextInput(attrs={"class": "zw-input--code"}))

    html = Template("{% load zorgwijzer %}{% form_field form.code %}").render(Context({"form": CodeForm()}))
    assert 'class="utrecht-textbox utrecht-textbox--html-input zw-input--code"' in html


def test_an_untouched_required_field_is_not_marked_invalid():
    from django import forms

    class RequiredForm(forms.Form):
        name = forms.CharField(label="Naam")

    html = Template("{% load zorgwijzer %}{% form_field form.name %}").render(Context({"form": RequiredForm()}))
    assert "required" in html
    assert "aria-invalid" not in html and "--invalid" not in html
