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

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scenario:
    """One request to measure.

    ``prepare`` runs in the bench process with Django set up against the bench database, before
    the servers start; it can create data and returns extra request headers (e.g. a session
    cookie for pages behind a login).
    """

    label: str
    path: str
    expect_status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[], dict[str, str]] | None = None
    method: str = "GET"
    body: bytes = b""
