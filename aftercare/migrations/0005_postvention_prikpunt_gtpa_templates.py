"""The templates for postvention after a colleague's suicide, needle-stick and similar incidents
and violence against employees (GTPA), the event type for needle-stick incidents, and English
names for the event types and the steps (shown when the interface language is English).

Sources: Zorgwijzer §2.3 (casemanager GTPA as dossier holder, casemanager Schade), §2.4 (after
every suicide an external psychotrauma centre investigates), §3.2 (the geestelijk verzorger),
§3.8 (Prikpunt, day and night, for a risk assessment). Wording is the platform's own.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

#: English names of the event types loaded by 0002, and the new one.
EVENT_TYPES_EN = {
    "belediging": "Insult",
    "wederspannigheid": "Resisting an officer",
    "bedreiging-woordelijk": "Verbal threat",
    "openlijk-geweld": "Public violence",
    "mishandeling-eenvoudig": "Assault (simple)",
    "wederspannigheid-met-letsel": "Resisting an officer, causing injury",
    "belediging-spugen": "Insult – spitting",
    "bedreiging-feitelijk": "Threat with an object",
    "poging-zware-mishandeling": "Attempted aggravated assault",
    "poging-doodslag": "Attempted manslaughter",
    "schietincident": "Shooting incident or use of a firearm",
    "dodelijk-ongeval": "Fatal (traffic) accident",
    "reanimatie": "Resuscitation",
    "ernstig-geweld": "Serious violence",
    "kindermisbruikmateriaal": "Assessing child abuse material",
    "suicide-collega": "Suicide of a colleague",
    "overlijden-collega": "Death of a colleague",
    "confrontatie-overledene": "Confrontation with a deceased person",
    "anders": "Other impactful event",
    "prikaccident": "Needle-stick, splash, bite, cut or scratch incident",
}

NEEDLE_STICK = ("prikaccident", "Prik-, spat-, bijt-, snij- of krabincident")

#: (kind, owner, hours after the event, title, English title, only when)
CHECK_INS = [
    ("check_in", "ondersteuner", 3 * 24, "Contactmoment dag 3", "Check-in day 3", ""),
    ("check_in", "ondersteuner", 7 * 24, "Contactmoment week 1", "Check-in week 1", ""),
    ("check_in", "ondersteuner", 28 * 24, "Contactmoment week 4", "Check-in week 4", ""),
    (
        "evaluatie",
        "ondersteuner",
        35 * 24,
        "Evaluatie: zijn er na vier tot zes weken nog stressklachten?",
        "Evaluation: are there still stress complaints after four to six weeks?",
        "",
    ),
    ("afsluiting", "coordinator", 42 * 24, "Nazorg afsluiten", "Close the aftercare", ""),
]
STANDARD = [
    ("contact", "leidinggevende", 24, "Contact en erkenning door de leidinggevende", "Contact and recognition by the manager", ""),
    (
        "debriefing",
        "leidinggevende",
        24,
        "Operationele debriefing (plenair, anders één-op-één)",
        "Operational debriefing (as a group, otherwise one-to-one)",
        "",
    ),
    (
        "ondersteuning",
        "coordinator",
        48,
        "Collegiale ondersteuning aanbieden en ondersteuner toewijzen",
        "Offer peer support and assign a peer supporter",
        "",
    ),
    *CHECK_INS,
]

TEMPLATES = {
    "postventie": (
        "Postventie na suïcide van een collega",
        "Postvention after the suicide of a colleague",
        [
            (
                "team_opvang",
                "leidinggevende",
                24,
                "Opvang van het team organiseren: samen, op teamniveau",
                "Organise support for the team: together, as a team",
                "",
            ),
            (
                "informeren",
                "leidinggevende",
                24,
                "Team en betrokkenen informeren: wat je mag delen, afgestemd met de familie",
                "Inform the team and others involved: what may be shared, agreed with the family",
                "",
            ),
            (
                "ondersteuning",
                "coordinator",
                48,
                "Collegiale ondersteuning aanbieden aan het hele team en ondersteuner toewijzen",
                "Offer peer support to the whole team and assign a peer supporter",
                "",
            ),
            (
                "geestelijk_verzorger",
                "leidinggevende",
                72,
                "Geestelijk verzorger aanbieden voor afscheid en rituelen",
                "Offer the spiritual counsellor for farewell and rituals",
                "",
            ),
            (
                "extern_onderzoek",
                "coordinator",
                7 * 24,
                "Extern onderzoek door het psychotraumacentrum aangevraagd",
                "External investigation by the psychotrauma centre requested",
                "",
            ),
            *CHECK_INS,
        ],
    ),
    "prikaccident": (
        "Prik-, spat-, bijt-, snij- of krabincident",
        "Needle-stick, splash, bite, cut or scratch incident",
        [
            (
                "prikpunt",
                "leidinggevende",
                2,
                "Prikpunt gebeld voor een risico-inschatting",
                "Prikpunt called for a risk assessment",
                "",
            ),
            *STANDARD,
        ],
    ),
    "gtpa": (
        "Geweld tegen politieambtenaren (GTPA)",
        "Violence against police officers (GTPA)",
        [
            *STANDARD,
            (
                "aangifte",
                "leidinggevende",
                48,
                "Aangifte gedaan en proces-verbaal opgemaakt",
                "Report to the police filed and official report drawn up",
                "",
            ),
            (
                "dossier",
                "casemanager",
                5 * 24,
                "Dossier aangelegd door de casemanager geweld tegen politie",
                "File opened by the casemanager for violence against police officers",
                "",
            ),
            (
                "schade_eigendom",
                "casemanager",
                7 * 24,
                "Schade aan persoonlijke spullen (zoals bril, horloge, kleding) in behandeling genomen",
                "Damage to personal belongings (such as glasses, watch, clothing) taken up",
                "schade_eigendom",
            ),
            (
                "schadeclaim",
                "casemanager",
                28 * 24,
                "Schade verhalen op de dader: vordering in het strafproces voorbereid",
                "Recovering the damage from the offender: claim in the criminal case prepared",
                "",
            ),
        ],
    ),
}


def load(apps: Any, schema_editor: Any) -> None:
    EventType = apps.get_model("aftercare", "EventType")
    PlanTemplate = apps.get_model("aftercare", "PlanTemplate")
    TemplateStep = apps.get_model("aftercare", "TemplateStep")
    code, name = NEEDLE_STICK
    position = EventType.objects.filter(category="ingrijpend").count()
    EventType.objects.get_or_create(code=code, defaults={"name": name, "category": "ingrijpend", "position": position})
    for type_code, name_en in EVENT_TYPES_EN.items():
        EventType.objects.filter(code=type_code, name_en="").update(name_en=name_en)
    EventType.objects.filter(code="suicide-collega").update(template_code="postventie")
    EventType.objects.filter(code="prikaccident").update(template_code="prikaccident")
    EventType.objects.filter(category="gtpa").update(template_code="gtpa")
    default = PlanTemplate.objects.filter(is_default=True).first()
    if default is not None:
        PlanTemplate.objects.filter(pk=default.pk, name_en="").update(name_en="Standard aftercare (Arq)")
        for kind, _owner, hours, _title, title_en, _when in STANDARD:
            TemplateStep.objects.filter(template=default, kind=kind, due_after_hours=hours, title_en="").update(
                title_en=title_en
            )
    for family, (name, name_en, steps) in TEMPLATES.items():
        template, created = PlanTemplate.objects.get_or_create(
            code=family, is_current=True, defaults={"name": name, "name_en": name_en, "version": 1}
        )
        if created:
            for kind, owner, hours, title, title_en, only_when in steps:
                TemplateStep.objects.create(
                    template=template,
                    kind=kind,
                    owner=owner,
                    due_after_hours=hours,
                    title=title,
                    title_en=title_en,
                    only_when=only_when,
                )


class Migration(migrations.Migration):
    dependencies = [("aftercare", "0004_templates_check_ins_casework")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
