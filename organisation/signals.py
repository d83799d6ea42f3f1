"""Signals the organisation app sends (definitions only; receivers live in each app's receivers.py)."""

from __future__ import annotations

from django.dispatch import Signal

#: ``manage.py demo`` loaded the demo organisation (sender: the command class). Apps add their own
#: demo data in a receiver; every receiver must be idempotent, since the command runs on every
#: ``make run``. Receivers may return a line for the command to print.
demo_organisation_loaded = Signal()

#: A real (not dry-run) HR import created or changed people (sender: ``Person``), sent inside the
#: import's transaction so whatever a receiver records is committed or rolled back with it.
#: ``before`` maps the employee number of every created or changed person to what the file
#: changed from: ``(team_id, manager employee number, is_active)``, or ``None`` for a new person.
#: Receivers read the new values from the database.
people_changed = Signal()
