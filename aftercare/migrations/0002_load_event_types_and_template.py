"""The managed list of event types and the default aftercare template.

The ten most common forms of violence against police officers are those of Zorgwijzer §2.4
(GTPA registrations 2021-2022); the other impactful events are those named in the issue. The
template follows Arq's aspect 5: contact within 24 hours, operational debriefing within 24 hours
(Zorgwijzer §3.2), an offer of peer support, check-ins at day 3, week 1 and week 4, the
evaluation at four to six weeks (§3.13) and closure.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

GTPA = [
    ("belediging", "Belediging"),
    ("wederspannigheid", "Wederspannigheid"),
    ("bedreiging-woordelijk", "Bedreiging woordelijk"),
    ("openlijk-geweld", "Openlijk geweld"),
    ("mishandeling-eenvoudig", "Mishandeling (eenvoudig)"),
    ("wederspannigheid-met-letsel", "Wederspannigheid met letsel ten gevolge"),
    ("belediging-spugen", "Belediging – spugen"),
    ("bedreiging-feitelijk", "Bedreiging feitelijk (voorwerp)"),
    ("poging-zware-mishandeling", "Poging zware mishandeling"),
    ("poging-doodslag", "Poging tot doodslag"),
]
OTHER = [
    ("schietincident", "Schietincident of vuurwapengebruik"),
    ("dodelijk-ongeval", "Dodelijk (verkeers)ongeval"),
    ("reanimatie", "Reanimatie"),
    ("ernstig-geweld", "Ernstig geweld"),
    ("kindermisbruikmateriaal", "Beoordelen van kindermisbruikmateriaal"),
    ("suicide-collega", "Suïcide van een collega"),
    ("overlijden-collega", "Overlijden van een collega"),
    ("confrontatie-overledene", "Confrontatie met een overledene"),
    ("anders", "Andere ingrijpende gebeurtenis"),
]

#: (kind, owner, hours after the event, title)
DEFAULT_STEPS = [
    ("contact", "leidinggevende", 24, "Contact en erkenning door de leidinggevende"),
    ("debriefing", "leidinggevende", 24, "Operationele debriefing (plenair, anders één-op-één)"),
    ("ondersteuning", "coordinator", 48, "Collegiale ondersteuning aanbieden en ondersteuner toewijzen"),
    ("check_in", "ondersteuner", 3 * 24, "Contactmoment dag 3"),
    ("check_in", "ondersteuner", 7 * 24, "Contactmoment week 1"),
    ("check_in", "ondersteuner", 28 * 24, "Contactmoment week 4"),
    ("evaluatie", "ondersteuner", 35 * 24, "Evaluatie: zijn er na vier tot zes weken nog stressklachten?"),
    ("afsluiting", "coordinator", 42 * 24, "Nazorg afsluiten"),
]


def load(apps: Any, schema_editor: Any) -> None:
    EventType = apps.get_model("aftercare", "EventType")
    PlanTemplate = apps.get_model("aftercare", "PlanTemplate")
    TemplateStep = apps.get_model("aftercare", "TemplateStep")
    for category, rows in (("gtpa", GTPA), ("ingrijpend", OTHER)):
        for position, (code, name) in enumerate(rows):
            EventType.objects.update_or_create(code=code, defaults={"name": name, "category": category, "position": position})
    template, _ = PlanTemplate.objects.get_or_create(is_default=True, defaults={"name": "Standaard nazorg (Arq)"})
    if not template.steps.exists():
        for kind, owner, hours, title in DEFAULT_STEPS:
            TemplateStep.objects.create(template=template, kind=kind, owner=owner, due_after_hours=hours, title=title)


class Migration(migrations.Migration):
    dependencies = [("aftercare", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
