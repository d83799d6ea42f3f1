"""Signals the organisation app sends (definitions only; receivers live in each app's receivers.py)."""

from __future__ import annotations

from django.dispatch import Signal

#: ``manage.py demo`` loaded the demo organisation (sender: the command class). Apps add their own
#: demo data in a receiver; every receiver must be idempotent, since the command runs on every
#: ``make run``. Receivers may return a line for the command to print.
demo_organisation_loaded = Signal()
