"""What a ``make bench`` measurement is. App modules (``bench/<app>.py``) build on this.

Each app module may define:

* ``SCENARIOS: list[Scenario]`` — HTTP requests against Zorgwijzer under gunicorn, compared with
  the bare view (bench/bare_wsgi.py) measured in the same run;
* ``IN_PROCESS: list[Callable[[], list[str]]]`` — functions run in the bench process with Django
  set up against the throw-away bench database (after ``migrate``). Each measures its own
  baseline in the same call (e.g. one hand-written SQL query) and returns the lines to print,
  ratio included.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

#: Issue 23 §1: public pages and APIs at least half the bare view's rate, on both databases.
PUBLIC_TARGET = 0.5


@dataclass(frozen=True)
class Scenario:
    """One request to measure.

    ``prepare`` runs in the bench process with Django set up against the bench database, before
    the servers start; it can create data and returns extra request headers (e.g. a session
    cookie for pages behind a login). ``target`` is the least ratio to the bare view the
    scenario must reach (issue 23: 0.5 for public pages and APIs); None prints the ratio only.
    """

    label: str
    path: str
    expect_status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[], dict[str, str]] | None = None
    method: str = "GET"
    body: bytes = b""
    target: float | None = None


class Row(NamedTuple):
    """One line of a summary table: what ``bench/run.py`` prints at the end of each database's
    pass, and what an optional bench's ``run(...)`` (bench/loggedin.py, ...) returns."""

    name: str
    rate: float  # requests per second (or the measured figure)
    ratio: float  # against the bare view of the same run
    target: float | None  # None: no target, printed for information
    ok: bool  # the target is met and every response was as expected


def standalone_main(
    argv: list[str],
    *,
    description: str,
    database_help: str,
    prepare: Callable[[Path], None],
    measure: Callable[[argparse.Namespace], tuple[str, bool]],
    options: Callable[[argparse.ArgumentParser], None] | None = None,
) -> int:
    """The command line of a bench that starts its own deployment (bench/loggedin.py, load.py,
    peer.py): ``--database-url`` (default SQLite), the bench's own ``options``, and the hidden
    ``--prepare FILE`` with which the bench runs its preparing subprocess. ``measure`` returns
    the table to print and whether every target held (the exit code)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database-url", default=None, help=database_help)
    if options is not None:
        options(parser)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)  # the preparing subprocess
    parsed = parser.parse_args(argv)
    if parsed.prepare:
        prepare(parsed.prepare)
        return 0
    text, ok = measure(parsed)
    print(text)
    return 0 if ok else 1
