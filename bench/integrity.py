"""``make bench`` measurement of live dilemma sessions (see bench/scenario.py for the two kinds).

``integrity_live_session_votes``: 300 simulated participants, each with their own browser (a
Django test ``Client`` with its own cookies), join a session by its code and vote on one card,
8 at a time, in process against the bench database. Printed: votes accepted per second, p50 and
p95 latency of a vote (the plain form POST a phone without JavaScript makes), and the time from
the first vote until the facilitator's live fragment (the part the facilitator's screen polls
every second) shows all 300 votes. The baseline, measured in the same call with the same clients
and threads, is a bare Django view ("ok": no middleware, no database), as bench/bare_wsgi.py.
Target (issue 19): 300 votes within 10 s.
"""

from __future__ import annotations

import logging
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import path

from bench.scenario import Scenario

PARTICIPANTS = 300
THREADS = 8


def _ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


#: The bare view's URLconf (used with ``override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=[])``).
urlpatterns = [path("", _ok)]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _facilitator_client() -> tuple[Any, Any]:
    """A logged-in leidinggevende with a passed second factor, and their new, opened session."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from integrity import services
    from integrity.models import Card
    from organisation.constants import Role
    from organisation.models import RoleAssignment, Unit

    migration = __import__("importlib").import_module("integrity.migrations.0002_dilemma_cards_2022")
    from django.apps import apps

    migration.load(apps, None)
    user, _ = get_user_model().objects.get_or_create(username="bench-begeleider")
    unit, _ = Unit.objects.get_or_create(code="bench-vik", defaults={"name": "Bench VIK", "kind": "regionaal"})
    RoleAssignment.objects.get_or_create(user=user, role=Role.VIK_PREVENTIE, unit=unit)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    live = services.session_create(facilitator=user, title="Bench", cards=[Card.objects.get(slug="dilemma-vuistslag")])
    return client, services.session_open(session=live)


def integrity_live_session_votes() -> list[str]:
    from django.db import connection, connections
    from django.test import Client, override_settings
    from django.urls import reverse

    from integrity.models import VoteCount

    logging.disable(logging.INFO)  # one JSON line per request would drown the results
    try:
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            facilitator, live = _facilitator_client()
            vote_url = reverse("integrity:participate", kwargs={"code": live.code})
            fragment_url = reverse("integrity:session_live", kwargs={"pk": live.pk})
            options = [item["key"] for item in live.cards.get().options]
            participants = [Client() for _ in range(PARTICIPANTS)]
            for participant in participants:  # join: the page sets the random token's cookie
                assert participant.get(vote_url).status_code == 200
            latencies: list[float] = []
            lock = threading.Lock()
            seen_all = threading.Event()
            started = time.perf_counter()
            shown_after: list[float] = []

            def vote(index: int) -> None:
                t0 = time.perf_counter()
                response = participants[index].post(vote_url, {"option": options[index % len(options)]})
                spent = (time.perf_counter() - t0) * 1000
                assert response.status_code == 302, response.status_code
                with lock:
                    latencies.append(spent)
                connections.close_all()

            def watch() -> None:
                while not seen_all.is_set():
                    body = facilitator.get(fragment_url).content.decode()
                    if f"{PARTICIPANTS} stemmen" in body:
                        shown_after.append(time.perf_counter() - started)
                        seen_all.set()
                    else:
                        time.sleep(0.2)
                connections.close_all()

            watcher = threading.Thread(target=watch)
            started = time.perf_counter()
            watcher.start()
            with ThreadPoolExecutor(THREADS) as pool:
                list(pool.map(vote, range(PARTICIPANTS)))
            all_votes = time.perf_counter() - started
            watcher.join(timeout=30)
            seen_all.set()
            stored = sum(VoteCount.objects.filter(session_card__session=live).values_list("count", flat=True))

        bare_latencies: list[float] = []
        with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=[], ALLOWED_HOSTS=["testserver"]):
            bare_clients = [Client() for _ in range(PARTICIPANTS)]

            def bare(index: int) -> None:
                t0 = time.perf_counter()
                assert bare_clients[index].get("/").status_code == 200
                with lock:
                    bare_latencies.append((time.perf_counter() - t0) * 1000)

            bare_started = time.perf_counter()
            with ThreadPoolExecutor(THREADS) as pool:
                list(pool.map(bare, range(PARTICIPANTS)))
            bare_seconds = time.perf_counter() - bare_started
    finally:
        logging.disable(logging.NOTSET)
    rate, bare_rate = PARTICIPANTS / all_votes, PARTICIPANTS / bare_seconds
    p95, bare_p95 = _percentile(latencies, 0.95), _percentile(bare_latencies, 0.95)
    shown = f"{shown_after[0]:.2f} s" if shown_after else "not within 30 s"
    return [
        f"integrity live session ({connection.vendor}): {PARTICIPANTS} participants voting on one card, "
        f"{THREADS} at a time: {stored} votes stored in {all_votes:.2f} s (target ≤ 10 s); "
        f"{rate:.0f} votes/s; bare view {bare_rate:.0f} req/s; ratio {rate / bare_rate:.2f}",
        f"  vote latency p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms; "
        f"bare view p95 {bare_p95:.1f} ms; ratio {bare_p95 / p95:.2f}",
        f"  facilitator fragment shows all {PARTICIPANTS} votes {shown} after the first vote "
        f"(the screen polls every 1 s, so at most 1 s more on the wall)",
    ]


SCENARIOS: list[Scenario] = []
IN_PROCESS: list[Callable[[], list[str]]] = [integrity_live_session_votes]
