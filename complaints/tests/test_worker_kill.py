"""A real worker process, killed with SIGKILL while it holds an escalation task, then a restart:
no escalation is lost and nothing is sent twice
(PostgreSQL only; the database or the RQ worker: see tests/worker_kill.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from complaints import tasks
from complaints.constants import NoticeKind
from complaints.models import DeadlineNotice
from complaints.tests import factories
from core.schedule import Every, RecurringJob, enqueue_due
from tests.worker_kill import forget_queued, kill_worker_inside, needs_shared_database, run_worker, running_tasks

pytestmark = pytest.mark.django_db(transaction=True)

SCAN = RecurringJob("complaints.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)


@pytest.mark.slow
@needs_shared_database
def test_a_worker_killed_while_escalating_loses_nothing_and_escalates_once(
    organisation: Any, complaint_lists: None, settings: Any
) -> None:
    settings.COMPLAINTS_STAGE_DAYS = {"ontvangen": 1}
    with time_machine.travel(timezone.now() - timedelta(days=2), tick=False):
        complaint = factories.complaint(organisation, handler=False)
    # Only the escalation is due (the reminder moment had passed when the stage began, so no
    # reminder was queued; should a setting change that, drop it to keep one task).
    forget_queued(tasks.stage_deadline, lambda args: args[1] == NoticeKind.REMINDER)
    kill_worker_inside("complaints.deadlines.transaction.on_commit")
    assert running_tasks() == 1  # never finished
    assert not DeadlineNotice.objects.exists()  # its transaction died with it

    # Restart: a fresh worker, the hourly scan, and a duplicate run of the task.
    run_worker()
    enqueue_due(jobs=[SCAN])
    run_worker()
    assert complaint.pk is not None
    complaint.refresh_from_db()
    assert complaint.current_change_id is not None
    tasks.stage_deadline.enqueue(complaint.current_change_id, NoticeKind.ESCALATION.value)
    run_worker()
    (notice,) = DeadlineNotice.objects.all()
    assert (notice.kind, notice.change_id) == (NoticeKind.ESCALATION, complaint.current_change_id)
    assert notice.recipients.count() == 1
