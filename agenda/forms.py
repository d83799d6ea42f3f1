"""Forms of the Sociale Agenda pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from agenda.constants import ActionStatus
from agenda.models import AgendaQuestion


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices, required=False)
    starts_on = forms.DateField(label=_("Start"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Einde"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Voortgang"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Het einde ligt voor de start."))
        return data


class UnitAnswersForm(forms.Form):
    """One text field per agenda question."""

    def __init__(
        self, *args: Any, questions: list[AgendaQuestion], initial_answers: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"vraag_{question.pk}"] = forms.CharField(
                label=f"{question.priority.number}.{question.position} {question.text}",
                required=False,
                max_length=4000,
                initial=initial_answers.get(question.pk, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def answers(self) -> dict[AgendaQuestion, str]:
        return {q: self.cleaned_data.get(f"vraag_{q.pk}", "") for q in self.questions}
