"""The contact channels of the Zorgwijzer 2022/2023: per unit, the intranet page of the unit's VGW
team for the provisions and experts reached through it; for everyone, the app and PZP website."""

from django.db import migrations

CONTENT_FILE = "zorgwijzer-2022-2023.json"


def load(apps, schema_editor):
    from catalogue.loading import load_channels_in_migration

    load_channels_in_migration(apps, CONTENT_FILE)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_contact_channels"),
        ("organisation", "0002_units"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
