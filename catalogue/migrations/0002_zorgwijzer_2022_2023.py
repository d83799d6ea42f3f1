"""Loads the Zorgwijzer 2022/2023 edition (provisions of §2.7 and experts of §2.5/2.6) and
publishes it, so a fresh install has the catalogue. Idempotent; the reverse keeps the data."""

from django.db import migrations

CONTENT_FILE = "zorgwijzer-2022-2023.json"


def load(apps, schema_editor):
    from catalogue.loading import DATA_DIR, load_edition, read_content

    load_edition(read_content(DATA_DIR / CONTENT_FILE), lambda name: apps.get_model("catalogue", name), publish=True)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
