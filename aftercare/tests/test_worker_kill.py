"""A real worker process, killed with SIGKILL while it holds a deadline task, then a restart:
no deadline is lost and nothing is notified twice
(PostgreSQL only; the database or the RQ worker: see tests/worker_kill.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aftercare import tasks
from aftercare.constants import NoticeKind, StepKind
from aftercare.models import DeadlineNotice, Notification
from aftercare.tests.conftest import register
from core.schedule import Every, RecurringJob, enqueue_due
from tests.worker_kill import kill_worker_inside, needs_shared_database, run_worker, running_tasks

pytestmark = pytest.mark.django_db(transaction=True)

SCAN = RecurringJob("aftercare.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)


@pytest.mark.slow
@needs_shared_database
def test_a_worker_killed_while_notifying_loses_no_deadline_and_notifies_once(
    organisation: Any, aftercare_lists: None
) -> None:
    (plan,) = register(organisation, when=timezone.now() - timedelta(hours=25))  # 24-hour steps overdue
    kill_worker_inside("aftercare.models.Notification.objects.bulk_create")
    assert running_tasks() == 1  # the killed worker's task: never finished, never retried
    assert not DeadlineNotice.objects.exists()  # its transaction died with it

    # Restart: a fresh worker and the hourly scan.
    run_worker()
    enqueue_due(jobs=[SCAN])
    run_worker()
    tasks.scan_deadlines.enqueue()
    run_worker()

    escalated = DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION)
    assert sorted(escalated.values_list("step__kind", flat=True)) == sorted([StepKind.CONTACT, StepKind.DEBRIEFING])
    assert Notification.objects.filter(notice__kind=NoticeKind.ESCALATION).count() == 2
    assert plan.steps.filter(status="open").count() == 8


@pytest.mark.slow
@needs_shared_database
def test_a_worker_killed_while_telling_the_casemanager_loses_nothing_and_tells_once(
    organisation: Any, aftercare_lists: None
) -> None:
    from aftercare.models import EventType

    # Violence against the employee three hours ago: the casemanager's notices are due now,
    # no deadline has passed yet.
    (plan,) = register(
        organisation,
        when=timezone.now() - timedelta(hours=3),
        kind=EventType.objects.get(code="mishandeling-eenvoudig"),
        property_damage=True,
    )
    kill_worker_inside("aftercare.models.Notification.objects.bulk_create")
    assert not DeadlineNotice.objects.exists()  # the killed transaction wrote nothing

    run_worker()
    enqueue_due(jobs=[SCAN])
    run_worker()
    tasks.scan_deadlines.enqueue()
    run_worker()

    told = DeadlineNotice.objects.filter(kind=NoticeKind.NEW_TASK)
    assert sorted(told.values_list("step__kind", flat=True)) == sorted(
        [StepKind.CASE_FILE, StepKind.PROPERTY_DAMAGE, StepKind.DAMAGE_CLAIM]
    )
    recipients = Notification.objects.filter(notice__kind=NoticeKind.NEW_TASK).values_list("recipient", flat=True)
    assert sorted(recipients) == [organisation.people["casemanager"].pk] * 3
    assert not DeadlineNotice.objects.filter(kind=NoticeKind.ESCALATION).exists()
    assert plan.steps.filter(status="open").count() == plan.steps.count()
