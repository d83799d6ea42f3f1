"""Search entries for provisions (catalogue/search.py, docs/search.md): the table, entries for the
provisions already loaded, and on PostgreSQL the pg_trgm extension and a GIN index on the
``dutch`` text search vector. SQLite gets the same table and entries, and no index or extension.

Depends on 0004_edition_history only because that migration was written against 0002 at the
same time; the order between the two does not matter.
"""

import django.db.models.deletion
from django.db import migrations, models

# The expression must be exactly what SearchVector("document", config="dutch") compiles to,
# or PostgreSQL does not use the index.
DOCUMENT_INDEX = (
    "CREATE INDEX IF NOT EXISTS catalogue_search_document_dutch ON catalogue_provisionsearchentry "
    "USING gin (to_tsvector('dutch'::regconfig, COALESCE(document, '')))"
)
DROP_DOCUMENT_INDEX = "DROP INDEX IF EXISTS catalogue_search_document_dutch"


def build_entries(apps, schema_editor):
    from catalogue.search import edition_search_refresh

    for edition in apps.get_model("catalogue", "Edition").objects.all():
        edition_search_refresh(edition, lambda name: apps.get_model("catalogue", name))


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # What TrigramExtension does, without its reverse: other code may use pg_trgm too, and
        # its reverse queries pg_extension even on SQLite.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(DOCUMENT_INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_DOCUMENT_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0003_edition_history"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProvisionSearchEntry",
            fields=[
                (
                    "provision",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="catalogue.provision",
                        verbose_name="voorziening",
                    ),
                ),
                ("document", models.TextField(verbose_name="zoekdocument")),
                ("vocabulary", models.TextField(verbose_name="woordenlijst")),
                ("terms", models.JSONField(default=dict, verbose_name="gewogen zoektermen")),
            ],
            options={
                "verbose_name": "zoekregel",
                "verbose_name_plural": "zoekregels",
            },
        ),
        # PostgreSQL only: pg_trgm (typo fallback) and the GIN index; nothing on other databases.
        migrations.RunPython(create_index, drop_index, elidable=False),
        migrations.RunPython(build_entries, migrations.RunPython.noop, elidable=False),
    ]
