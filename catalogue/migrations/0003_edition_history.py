"""The append-only status history of editions; editions published before it existed get their
publication as a first history row (no actor: it was the data migration)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def backfill(apps, schema_editor):
    Edition = apps.get_model("catalogue", "Edition")
    EditionStatusChange = apps.get_model("catalogue", "EditionStatusChange")
    for edition in Edition.objects.filter(status="gepubliceerd").exclude(status_changes__isnull=False):
        EditionStatusChange.objects.create(
            edition=edition, from_status="concept", to_status="gepubliceerd", changed_at=edition.published_at
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_zorgwijzer_2022_2023"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EditionStatusChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "from_status",
                    models.CharField(
                        blank=True,
                        choices=[("concept", "Concept"), ("gepubliceerd", "Gepubliceerd")],
                        max_length=20,
                        verbose_name="van status",
                    ),
                ),
                (
                    "to_status",
                    models.CharField(
                        choices=[("concept", "Concept"), ("gepubliceerd", "Gepubliceerd")],
                        max_length=20,
                        verbose_name="naar status",
                    ),
                ),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="gewijzigd op")),
                ("actor_username", models.CharField(blank=True, max_length=150, verbose_name="gebruikersnaam")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="door",
                    ),
                ),
                (
                    "edition",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="status_changes",
                        to="catalogue.edition",
                        verbose_name="editie",
                    ),
                ),
            ],
            options={
                "verbose_name": "statuswijziging van een editie",
                "verbose_name_plural": "statuswijzigingen van edities",
                "ordering": ["changed_at", "pk"],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
