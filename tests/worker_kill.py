"""The harness of the ``<app>/tests/test_worker_kill.py`` tests: a real ``db_worker`` process that
hangs inside a task (after the notice row, before the commit), is killed with SIGKILL there, and
a restart. A second process needs a database it can reach, so these tests run on PostgreSQL only
(the SQLite test database lives in memory)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]

needs_shared_database = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a second process needs a shared database"
)

#: A worker that takes one task and hangs when it calls the patched target (argv[1]), on the
#: test's clock (argv[2]), which the test may have moved.
_HANGING_WORKER = """
import sys, time, django, time_machine
time_machine.travel(float(sys.argv[2]), tick=True).start()
django.setup()
from unittest import mock
from django.core.management import call_command

def hang(*args, **kwargs):
    print("holding", flush=True)
    time.sleep(120)

with mock.patch(sys.argv[1], hang):
    call_command("db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
"""


def _database_env() -> dict[str, str]:
    """The environment of the worker: the test database, not the one ``DATABASE_URL`` names."""
    url = urlsplit(os.environ["DATABASE_URL"])
    test_url = urlunsplit(url._replace(path="/" + str(connection.settings_dict["NAME"])))
    return {**os.environ, "DATABASE_URL": test_url, "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings"}


def kill_worker_inside(target: str) -> None:
    """Start a worker that hangs when its one task calls ``target`` (a dotted path as
    ``mock.patch`` takes it), wait until it hangs there, and SIGKILL it."""
    worker = subprocess.Popen(
        [sys.executable, "-c", _HANGING_WORKER, target, repr(time.time())],
        cwd=ROOT,
        env=_database_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "holding"  # inside the transaction, notice row written
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()


def run_worker() -> None:
    """A fresh worker (the restart) that runs every queued task and stops."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
