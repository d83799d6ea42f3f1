"""Record for whom a deputy stood in (``Signal.deputy_for``), so that a finished invitation a
deputy handled is seen only by the manager they stood in for, not by a later manager.

Backfill: until now this was not recorded. An existing deputy invitation is linked to the
employee's current direct manager only when the data shows the deputy stood in for them: that
manager was absent on the day the invitation reached the deputy, and named that deputy or is
below them in the management chain. Otherwise it stays empty, and a finished invitation is then
seen by no manager (the employee still sees it): when in doubt, a manager learns less. An open
invitation gets it from the next hourly scan (``services.deadline_scan``) in any case.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import Q
from django.utils import timezone

ROUTED = ("uitnodiging", "doorgestuurd")


def _routed_on(apps, signal):
    """The day the invitation reached its current recipient."""
    Notice = apps.get_model("barista", "Notice")
    moment = (
        Notice.objects.filter(signal=signal, recipient_id=signal.recipient_id, kind__in=ROUTED)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return timezone.localdate(moment or signal.created_at)


def _is_above(manager, recipient_id):
    seen = set()
    above = manager.manager
    while above is not None and above.pk not in seen:
        if above.pk == recipient_id:
            return True
        seen.add(above.pk)
        above = above.manager
    return False


def _stood_in_for_manager(apps, signal):
    Absence = apps.get_model("barista", "Absence")
    manager, day = signal.person.manager, _routed_on(apps, signal)
    absences = Absence.objects.filter(person=manager, starts_on__lte=day).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day)
    )
    if absences.filter(deputy_id=signal.recipient_id).exists():
        return True
    return absences.exists() and _is_above(manager, signal.recipient_id)


def backfill(apps, schema_editor):
    Signal = apps.get_model("barista", "Signal")
    candidates = Signal.objects.filter(
        recipient_is_deputy=True, deputy_for__isnull=True, recipient__isnull=False, person__manager__isnull=False
    ).select_related("person__manager")
    for signal in candidates.iterator():
        if _stood_in_for_manager(apps, signal):
            Signal.objects.filter(pk=signal.pk).update(deputy_for=signal.person.manager_id)


class Migration(migrations.Migration):
    dependencies = [
        ("barista", "0003_tally_and_bounds"),
        ("organisation", "0002_units"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="signal",
            name="deputy_for",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="organisation.person",
                verbose_name="waarnemer voor",
            ),
        ),
        migrations.AddConstraint(
            model_name="signal",
            constraint=models.CheckConstraint(
                condition=models.Q(("recipient_is_deputy", True), ("deputy_for__isnull", True), _connector="OR"),
                name="barista_deputy_for_only_for_a_deputy",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
