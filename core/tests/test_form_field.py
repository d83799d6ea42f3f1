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
