"""Publishes a corrected copy of the current edition where it said what the sources do not
(issue 22 §2, ``catalogue/corrections.py``). The edition it corrects stays as it was published.
Does nothing when nothing needs correcting; the reverse keeps the data."""

from django.db import migrations


def publish(apps, schema_editor):
    from catalogue.corrections import publish_corrected_edition

    publish_corrected_edition(lambda name: apps.get_model("catalogue", name))


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0007_selftest_channels"),
    ]

    operations = [
        migrations.RunPython(publish, migrations.RunPython.noop, elidable=False),
    ]
