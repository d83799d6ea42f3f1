"""Recognition tasks (django-tasks). Idempotent: ``reminders`` sends each jubilee reminder once."""

from __future__ import annotations

from django_tasks import task

from recognition import reminders


@task()
def scan_jubilees() -> dict[str, int]:
    """Daily: remind managers of jubilees within ``RECOGNITION_JUBILEE_REMINDER_WEEKS``."""
    return {"reminders": reminders.jubilee_scan().reminders}
