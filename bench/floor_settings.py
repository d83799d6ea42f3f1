"""Zorgwijzer's production settings with one extra URL, ``/bench/floor/`` (bench/floor_urls.py).

Only ``make bench`` uses this module: bench/loggedin.py serves it with gunicorn next to the real
deployment, on the same database, to measure what a logged-in request costs before any page does
its own work.
"""

from zorgwijzer.settings import *  # noqa: F403 - the real settings, unchanged but for the URLconf

ROOT_URLCONF = "bench.floor_urls"
