"""A real worker process, killed with SIGKILL while it holds a request's escalation task, then a
restart: the deadline is not lost and the escalation is sent exactly once (PostgreSQL only; the
database or the RQ worker: see tests/worker_kill.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from confidential import tasks
from confidential.constants import NoticeKind
from confidential.models import Request, RequestNotice
from core.schedule import Every, RecurringJob, enqueue_due
from organisation.constants import Role
from tests.worker_kill import kill_worker_inside, needs_shared_database, run_worker, running_tasks

pytestmark = pytest.mark.django_db(transaction=True)

SCAN = RecurringJob("confidential.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)


@pytest.mark.slow
@needs_shared_database
def test_a_worker_killed_while_escalating_loses_no_deadline_and_escalates_once(organisation: Any) -> None:
    person = organisation.people[Role.MEDEWERKER]
    request = Request.objects.create(
        kind="mcu", person=person, unit=organisation.unit, due_at=timezone.now() - timedelta(minutes=5)
    )
    tasks.request_deadline.enqueue(request.pk, NoticeKind.ESCALATION.value)
    kill_worker_inside("confidential.deadlines.transaction.on_commit")
    assert running_tasks() == 1
    assert not RequestNotice.objects.exists()  # its transaction died with it

    # Restart: a fresh worker and the hourly scan.
    run_worker()
    enqueue_due(jobs=[SCAN])
    run_worker()
    tasks.scan_deadlines.enqueue()
    run_worker()
    assert RequestNotice.objects.filter(request=request, kind=NoticeKind.ESCALATION).count() == 1
