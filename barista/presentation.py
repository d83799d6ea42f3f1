"""What the Barista pages show about a signal besides the model itself: the readable reasons,
as a small frozen record the views build and the templates read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from barista.constants import Reason
from barista.models import Signal

REASON_LABELS = dict(Reason.choices)


def reason_labels(signal: Signal) -> tuple[str, ...]:
    """Why the signal was made, in words (an unknown code, e.g. from an older version, as is)."""
    return tuple(str(REASON_LABELS.get(code, code)) for code in signal.reasons)


@dataclass(frozen=True)
class SignalItem:
    """One signal on the employee's own page, with its reasons in words."""

    signal: Signal
    reason_labels: tuple[str, ...]


def signal_items(signals: Iterable[Signal]) -> list[SignalItem]:
    return [SignalItem(signal=signal, reason_labels=reason_labels(signal)) for signal in signals]
