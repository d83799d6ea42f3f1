"""Exposure types for every aftercare event type (with a starting weight and impact class the
functioneel beheerder can change), the organisation-wide rules v1 from the issue (3 within 30
days, highest class, summed impact), and an exposure for every existing aftercare plan."""

from __future__ import annotations

from django.db import migrations

# code → (weight 1–10, impact class 1–3). Starting values only; the functioneel beheerder sets them.
WEIGHTS = {
    "belediging": (1, 1),
    "wederspannigheid": (1, 1),
    "bedreiging-woordelijk": (1, 1),
    "belediging-spugen": (1, 1),
    "openlijk-geweld": (2, 1),
    "mishandeling-eenvoudig": (2, 1),
    "bedreiging-feitelijk": (2, 1),
    "wederspannigheid-met-letsel": (2, 1),
    "poging-zware-mishandeling": (4, 2),
    "poging-doodslag": (8, 3),
    "schietincident": (8, 3),
    "dodelijk-ongeval": (4, 2),
    "reanimatie": (3, 1),
    "ernstig-geweld": (4, 2),
    "kindermisbruikmateriaal": (3, 2),
    "suicide-collega": (8, 3),
    "overlijden-collega": (4, 2),
    "confrontatie-overledene": (3, 1),
    "anders": (2, 1),
}


def forwards(apps, schema_editor):
    EventType = apps.get_model("aftercare", "EventType")
    ExposureType = apps.get_model("barista", "ExposureType")
    RuleSet = apps.get_model("barista", "RuleSet")
    Plan = apps.get_model("aftercare", "Plan")
    Exposure = apps.get_model("barista", "Exposure")
    for event_type in EventType.objects.all():
        weight, impact = WEIGHTS.get(event_type.code, (2, 1))
        ExposureType.objects.update_or_create(
            code=event_type.code,
            defaults={"name": event_type.name, "weight": weight, "impact_class": impact, "aftercare_type": event_type},
        )
    if not ExposureType.objects.filter(code="anders").exists():
        ExposureType.objects.create(code="anders", name="Andere ingrijpende gebeurtenis", weight=2, impact_class=1)
    if not RuleSet.objects.filter(unit__isnull=True).exists():
        RuleSet.objects.create(
            unit=None,
            version=1,
            count_n=3,
            count_days=30,
            highest_enabled=True,
            weight_threshold=12,
            weight_days=90,
            cooldown_days=30,
            reminder_days=7,
            escalation_days=14,
            expiry_days=365,
        )
    fallback = ExposureType.objects.get(code="anders")
    by_event_type = {t.aftercare_type_id: t for t in ExposureType.objects.filter(aftercare_type__isnull=False)}
    for plan in Plan.objects.filter(person__isnull=False).select_related("event").iterator():
        Exposure.objects.get_or_create(
            aftercare_plan=plan,
            defaults={
                "person_id": plan.person_id,
                "type": by_event_type.get(plan.event.kind_id, fallback),
                "occurred_at": plan.event.occurred_at,
                "source": "nazorg",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("barista", "0001_initial"), ("aftercare", "0002_load_event_types_and_template")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
