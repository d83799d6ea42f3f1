"""The four questions of "Waar kan ik terecht?" as a GET form (works without JavaScript)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from confidential.constants import About, Danger, ManagerMayKnow, Want
from confidential.router import Answers


class RouterForm(forms.Form):
    gevaar = forms.ChoiceField(
        label=_("Is er nu iemand in gevaar, jijzelf of een ander?"), choices=Danger.choices, widget=forms.RadioSelect
    )
    wat = forms.ChoiceField(label=_("Wat wil je het liefst?"), choices=Want.choices, widget=forms.RadioSelect)
    over = forms.ChoiceField(label=_("Over wie of wat gaat het?"), choices=About.choices, widget=forms.RadioSelect)
    leidinggevende = forms.ChoiceField(
        label=_("Mag je leidinggevende ervan weten?"), choices=ManagerMayKnow.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        messages = {
            "gevaar": _("Kies of er nu iemand in gevaar is."),
            "wat": _("Kies wat je het liefst wilt."),
            "over": _("Kies over wie of wat het gaat."),
            "leidinggevende": _("Kies of je leidinggevende ervan mag weten."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
            self.fields[name].error_messages["invalid_choice"] = message

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(data["wat"], data["over"], data["leidinggevende"], data["gevaar"])
