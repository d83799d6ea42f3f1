"""Links from the two self-test provisions to the self-tests in Zorgwijzer itself (/zelftest/),
added to the content file's ``channels``; loading is idempotent, so earlier channels stay as they are."""

from django.db import migrations

CONTENT_FILE = "zorgwijzer-2022-2023.json"


def load(apps, schema_editor):
    from catalogue.loading import load_channels_in_migration

    load_channels_in_migration(apps, CONTENT_FILE)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0006_contact_channels_2022_2023"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
