"""Barista after issue 22 (seed 000 L2483-2491): an invitation only after several incidents, and
an explicit scope of units and teams, off until the functioneel beheerder switches it on.

Every unit whose newest rules still had the single-event rule gets a new version without it (the
old version stays as it was); the rule is no longer offered or evaluated."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


FIELDS = (
    "count_n",
    "count_days",
    "weight_threshold",
    "weight_days",
    "cooldown_days",
    "reminder_days",
    "escalation_days",
    "expiry_days",
)


def drop_single_event_rule(apps, schema_editor):
    RuleSet = apps.get_model("barista", "RuleSet")
    newest = {}
    for ruleset in RuleSet.objects.order_by("unit_id", "-version"):
        newest.setdefault(ruleset.unit_id, ruleset)
    for unit_id, ruleset in newest.items():
        if ruleset.highest_enabled:
            RuleSet.objects.create(
                unit_id=unit_id,
                version=ruleset.version + 1,
                highest_enabled=False,
                created_by=None,
                **{name: getattr(ruleset, name) for name in FIELDS},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("barista", "0004_signal_deputy_for"),
        ("organisation", "0005_hr_import_check"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="ruleset",
            name="highest_enabled",
            field=models.BooleanField(default=False, verbose_name="signaal bij één gebeurtenis van de hoogste klasse"),
        ),
        migrations.CreateModel(
            name="Scope",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("switched_on_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="aangezet op")),
                (
                    "switched_on_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="aangezet door",
                    ),
                ),
                (
                    "team",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="barista_scope",
                        to="organisation.orgnode",
                        verbose_name="team",
                    ),
                ),
                (
                    "unit",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="barista_scope",
                        to="organisation.unit",
                        verbose_name="eenheid",
                    ),
                ),
            ],
            options={
                "verbose_name": "bereik van Barista",
                "verbose_name_plural": "bereik van Barista",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("team__isnull", True), ("unit__isnull", False)),
                            models.Q(("team__isnull", False), ("unit__isnull", True)),
                            _connector="OR",
                        ),
                        name="barista_scope_unit_or_team",
                    )
                ],
            },
        ),
        migrations.RunPython(drop_single_event_rule, migrations.RunPython.noop, elidable=False),
    ]
