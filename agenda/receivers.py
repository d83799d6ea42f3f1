"""Receivers of other apps' signals: demo content for ``manage.py demo``."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from organisation.signals import demo_organisation_loaded

DEMO_UNIT = "amsterdam"
#: (priority, question position, answer): clearly marked as an example.
DEMO_ANSWERS = [
    (2, 1, "Voorbeeld (fictief): bij elke roosterwijziging kijkt de teamchef eerst naar de hersteltijd."),
    (4, 1, "Voorbeeld (fictief): elke aspirant krijgt in het eerste jaar een vaste buddy in het team."),
]


@receiver(demo_organisation_loaded, dispatch_uid="agenda.demo")
def demo_data(sender: Any, **kwargs: Any) -> str:
    """Two fictional answers of the demo unit to agenda questions; running twice changes nothing."""
    from agenda.models import AgendaQuestion, UnitAnswer
    from organisation.models import Unit

    unit = Unit.objects.filter(code=DEMO_UNIT).first()
    if unit is None:
        return ""
    made = 0
    for number, position, text in DEMO_ANSWERS:
        question = AgendaQuestion.objects.filter(priority__number=number, position=position).first()
        if question is None:
            continue
        _answer, created = UnitAnswer.objects.get_or_create(unit=unit, question=question, defaults={"text": text})
        made += created
    return f"Sociale Agenda: {made} voorbeeldantwoorden voor {unit.name}." if made else ""
