"""Signals other apps listen to (Barista turns every plan into an exposure). This module only
defines them; the aftercare services send them."""

from __future__ import annotations

from django.dispatch import Signal

#: Sent with ``plan`` inside the transaction that made the plan (by ``services.plan_create``),
#: right after the plan row is written and before its steps: a receiver's writes commit or roll
#: back with the plan. A plan written without the service does not send it.
plan_created = Signal()

#: Sent with ``plan`` inside the transaction that erased the plan's personal data: anything that
#: links a person to this plan must drop that link.
plan_anonymised = Signal()
