"""``manage.py run_scheduler``: enqueue recurring jobs when their slot comes (core/schedule.py).

Runs until SIGINT or SIGTERM, checking every ``--interval`` seconds. Several may run at once
(for availability): each slot is enqueued exactly once. ``--once`` does a single pass and exits,
for tests and for running from cron instead of as a service.
"""

from __future__ import annotations

import logging
import signal
import threading
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from core.schedule import enqueue_due

logger = logging.getLogger("zorgwijzer.scheduler")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Command(BaseCommand):
    help = "Enqueue recurring jobs (core/schedule.py) when they are due."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=60.0, help="Seconds between passes (default: %(default)s)."
        )
        parser.add_argument("--once", action="store_true", help="Do one pass and exit.")

    def handle(self, *, interval: float, once: bool, **options: Any) -> None:
        if once:
            enqueue_due()  # errors surface as a non-zero exit, which cron reports
            return
        self._stopping = threading.Event()
        previous = {signum: signal.signal(signum, self._stop) for signum in STOP_SIGNALS}
        logger.info("scheduler started", extra={"event": "scheduler_started"})
        try:
            while not self._stopping.is_set():
                self._pass()
                self._stopping.wait(interval)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            logger.info("scheduler stopped", extra={"event": "scheduler_stopped"})

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        # Only set a flag: the current pass (a few short transactions) finishes, then the loop ends.
        self._stopping.set()

    def _pass(self) -> None:
        close_old_connections()
        try:
            enqueue_due()
        except Exception:
            # A database hiccup must not kill the scheduler; the next pass retries the same slot.
            logger.exception("scheduler pass failed", extra={"event": "scheduler_error"})
        finally:
            close_old_connections()
