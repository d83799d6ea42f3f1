"""Forms of the catalogue: the four questions of the finder "Wat past bij mij?".

The answers travel in the query string (a GET form), so a result has a URL that can be shared
and that works without JavaScript. Every question has a preselected answer, so a visitor can get
results after answering just one question.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from catalogue.constants import Battery, Theme
from catalogue.finder import Answers, ForWhom, Privacy, Situation

_INVALID = {"invalid_choice": _("Kies een van de antwoorden hieronder.")}

SITUATION_CHOICES = [
    ("", _("Weet ik niet")),
    (Battery.VERSTERKEN.value, _("Goed, ik wil fit blijven of sterker worden")),
    (Battery.VOORKOMEN.value, _("Het gaat, maar ik wil voorkomen dat het erger wordt")),
    (Battery.HERSTELLEN.value, _("Niet goed, ik heb klachten en wil herstellen")),
    (Situation.URGENT, _("Het gaat slecht, ik heb nu hulp nodig")),
]
THEME_CHOICES = [("", _("Weet ik niet of van alles wat")), *Theme.choices]
PRIVACY_CHOICES = [
    (Privacy.ANY, _("Maakt niet uit")),
    (Privacy.WITHOUT_MANAGER, _("Liever zonder mijn leidinggevende")),
    (Privacy.ANONYMOUS, _("Ik wil anoniem blijven")),
]
FOR_WHOM_CHOICES = [
    (ForWhom.MYSELF, _("Voor mezelf")),
    (ForWhom.COLLEAGUE, _("Voor een collega")),
    (ForWhom.TEAM, _("Voor mijn team")),
    (ForWhom.FAMILY, _("Voor mijn gezin of familie (thuisfront)")),
]


def _radio(label: Any, choices: list[tuple[str, Any]], initial: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        initial=initial,
        widget=forms.RadioSelect,
        error_messages=_INVALID,
    )


class FinderForm(forms.Form):
    """Four questions as radio groups; the field names are the words in the shareable URL."""

    hoe = _radio(_("Hoe gaat het nu met je?"), SITUATION_CHOICES, "")
    thema = _radio(_("Waar gaat het over?"), THEME_CHOICES, "")
    privacy = _radio(_("Wie mag ervan weten?"), PRIVACY_CHOICES, Privacy.ANY)
    voor = _radio(_("Voor wie zoek je iets?"), FOR_WHOM_CHOICES, ForWhom.MYSELF)

    @classmethod
    def from_query(cls, query: QueryDict) -> FinderForm:
        """Bound when the URL holds at least one answer; a question left out of the URL counts
        as its preselected answer, so a shortened shared link still works."""
        if not any(name in query for name in cls.base_fields):
            return cls()
        data = {name: field.initial for name, field in cls.base_fields.items()}
        data.update({name: query[name] for name in cls.base_fields if name in query})
        return cls(data)

    def answers(self) -> Answers:
        """The answers of a valid form."""
        data = self.cleaned_data
        return Answers(
            situation=data["hoe"],
            theme=data["thema"],
            privacy=data["privacy"],
            for_whom=data["voor"] or ForWhom.MYSELF,
        )
