"""The managed list of complaint categories, as the complaints register uses them. The
klachtcoördinator may rename, reorder, add or retire categories afterwards (``/klachten/soorten/``).

Idempotent: matched on name, so running ``load`` again (tests flush the database) changes nothing."""

from __future__ import annotations

from django.db import migrations

CATEGORIES = [
    "Bejegening",
    "Houding en gedrag",
    "Discriminatie",
    "Fysiek",
    "Privacy",
    "Objectiviteit",
    "Onjuiste actie",
    "Afspraken niet nakomen",
    "Intimidatie",
]


def load(apps, schema_editor):
    Category = apps.get_model("complaints", "Category")
    for position, name in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(name=name, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
