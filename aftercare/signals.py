"""Signals other apps listen to (Barista turns every plan into an exposure)."""

from __future__ import annotations

from django.dispatch import Signal

#: Sent with ``plan`` inside the transaction that erased the plan's personal data: anything that
#: links a person to this plan must drop that link.
plan_anonymised = Signal()
