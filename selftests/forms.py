"""Forms of the self-tests, built from an instrument definition.

A test is a row of steps: a start step (the mode, "voor jezelf of voor een collega", and the
date of the event when the instrument asks for one) and one step per visible page. Every
answer given so far travels along in hidden fields of the next step's form; nothing is kept on
the server between steps.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selftests.loading import Instrument, Page
from selftests.scoring import Answers

START = "start"
MODE_FIELD = "modus"
DATE_FIELD = "datum"
#: Events longer ago than this are out of the Mirror's scope; it also catches typing errors.
MAX_EVENT_AGE_DAYS = 10 * 366

MODE_LABELS = {"zelf": _("Voor mezelf"), "collega": _("Voor een collega")}
_ANSWER_ERRORS = {
    "required": _("Kies een antwoord bij deze vraag."),
    "invalid_choice": _("Kies een van de antwoorden bij deze vraag."),
}


class StepForm(forms.Form):
    #: Errors are shown by the server at the field (NL Design System), not by browser bubbles.
    use_required_attribute = False


#: What the event date field accepts: the date picker's ISO form and the Dutch way of typing it.
EVENT_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y")


def start_form(
    instrument: Instrument, data: Mapping[str, Any] | None = None, initial: dict[str, Any] | None = None
) -> StepForm:
    """The start step: mode and event date, as far as the instrument uses them."""
    form = StepForm(data=data, initial=initial)
    if len(instrument.modes) > 1:
        form.fields[MODE_FIELD] = forms.ChoiceField(
            label=_("Voor wie vul je de test in?"),
            choices=[(mode, MODE_LABELS[mode]) for mode in instrument.modes],
            widget=forms.RadioSelect,
            error_messages=_ANSWER_ERRORS,
        )
    if instrument.event_date:
        form.fields[DATE_FIELD] = forms.DateField(
            label=_("Wanneer was de gebeurtenis?"),
            help_text=_("Weet je de datum niet precies? Kies dan ongeveer de goede dag."),
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=list(EVENT_DATE_FORMATS),
            error_messages={
                "required": _("Vul de datum van de gebeurtenis in."),
                "invalid": _("Vul een datum in zoals 2026-11-22."),
            },
        )
        form.fields[DATE_FIELD].validators.append(validate_event_date)
    return form


def validate_event_date(value: datetime.date) -> None:
    today = timezone.localdate()
    if value > today:
        raise forms.ValidationError(_("De datum ligt in de toekomst. Vul de dag van de gebeurtenis in."))
    if (today - value).days > MAX_EVENT_AGE_DAYS:
        raise forms.ValidationError(_("Deze test is voor gebeurtenissen van de laatste tien jaar."))


def page_form(
    page: Page, mode: str, data: Mapping[str, Any] | None = None, initial: dict[str, Any] | None = None
) -> StepForm:
    """One page of questions: a radio group (fieldset with legend) per item."""
    form = StepForm(data=data, initial=initial)
    for item in page.items:
        form.fields[item.id] = forms.ChoiceField(
            label=str(item.wording(mode)),
            choices=[(option.value, str(option.label)) for option in item.scale],
            widget=forms.RadioSelect,
            error_messages=_ANSWER_ERRORS,
        )
    return form


def carried_values(instrument: Instrument, data: Mapping[str, Any]) -> dict[str, str]:
    """The answers in posted data that are valid for this instrument; everything else is dropped,
    so nothing a visitor did not answer is ever echoed back into the page."""
    values: dict[str, str] = {}
    for item in instrument.items:
        value = data.get(item.id)
        if isinstance(value, str) and item.option(value) is not None:
            values[item.id] = value
    mode = data.get(MODE_FIELD)
    if isinstance(mode, str) and mode in instrument.modes:
        values[MODE_FIELD] = mode
    if instrument.event_date:
        event_date = parse_event_date(data.get(DATE_FIELD))
        if event_date is not None:
            values[DATE_FIELD] = event_date.isoformat()
    return values


def parse_event_date(raw: object) -> datetime.date | None:
    """A valid event date in any format the start form accepts (a browser without a date picker
    sends what the visitor typed, e.g. 20-11-2026), or None."""
    if not isinstance(raw, str):
        return None
    for date_format in EVENT_DATE_FORMATS:
        try:
            value = datetime.datetime.strptime(raw.strip(), date_format).date()
            validate_event_date(value)
        except (ValueError, forms.ValidationError):
            continue
        return value
    return None


def answers_of(instrument: Instrument, values: Mapping[str, str]) -> Answers:
    event_date = values.get(DATE_FIELD)
    return Answers(
        values={key: value for key, value in values.items() if key not in (MODE_FIELD, DATE_FIELD)},
        mode=values.get(MODE_FIELD, instrument.modes[0]),
        event_date=datetime.date.fromisoformat(event_date) if event_date else None,
        today=timezone.localdate(),
    )


def start_complete(instrument: Instrument, values: Mapping[str, str]) -> bool:
    if len(instrument.modes) > 1 and MODE_FIELD not in values:
        return False
    return not (instrument.event_date and DATE_FIELD not in values)
